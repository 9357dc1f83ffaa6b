import { parseMessage, type Reply } from '../messages/protocol';
import { AnnotationWasDeleted, type AnnotationStore } from '../store/store';

/** Who sent a message, as the browser reports it (never as the message claims). */
export interface Sender {
  /** The sending extension's id: only this extension's own scripts are heard. */
  id?: string;
  tabId?: number;
  frameId?: number;
  url?: string;
}

/** What the background needs from the browser; the entry point passes the real APIs. */
export interface BackgroundPorts {
  ownId: string;
  /** Runs the reader bundle in one frame of a tab. */
  injectReader(tabId: number, frameId: number): Promise<void>;
  /** The extension's own pages start with this (chrome-extension://id/): only they may speak for the note editor. */
  ownOrigin: string;
  /** Passes a message on to the page script in a tab's top frame. */
  tellTab(tabId: number, message: unknown): Promise<void>;
  /** Marks the toolbar button of a tab that shows an article Pizhu read, with its number of highlights. */
  markTab(tabId: number, title: string, highlights: number): Promise<void>;
  /** The store, opened on first use (a stopped service worker opens it again). */
  store(): Promise<AnnotationStore>;
  /** Which article each tab's frame shows; kept outside the worker's memory, which can be stopped at any moment. */
  tabArticles: {
    get(tabId: number, frameId: number): Promise<{ articleId: string; title: string } | undefined>;
    set(tabId: number, frameId: number, value: { articleId: string; title: string }): Promise<void>;
    all(): Promise<{ tabId: number; frameId: number; articleId: string; title: string }[]>;
  };
  /** Shows `url` in a tab: the one that has it open already (ignoring its fragment), else a new one. */
  showUrl(url: string): Promise<{ tabId: number; opened: boolean }>;
  /** The highlight a tab opened from the popup should scroll to once its page has read the article. */
  reveals: {
    take(tabId: number): Promise<string | undefined>;
    set(tabId: number, id: string): Promise<void>;
  };
  /** Which highlights of an article could not be placed where it was last read (the popup marks them). */
  setOrphans(articleId: string, ids: string[]): Promise<void>;
  now(): string;
}

/**
 * The background's answer to one message. The detector on file:// pages asks for the reader;
 * pages report the article they show and get its highlights; they save and delete highlights of
 * that article only. Anything malformed, from elsewhere, or about another article is refused and writes nothing.
 */
export async function handleMessage(raw: unknown, sender: Sender, ports: BackgroundPorts): Promise<Reply> {
  const message = parseMessage(raw);
  if (!message) return { ok: false, error: 'malformed message' };
  if (sender.id !== ports.ownId) return { ok: false, error: 'messages come from this extension only' };
  // The popup and the library page read and write the store themselves; they ask the background to open tabs and tell pages.
  if (message.type === 'open-annotation' || message.type === 'library-changed') {
    if (!sender.url?.startsWith(`${ports.ownOrigin}popup/`)) return { ok: false, error: 'only the popup and the library page ask for that' };
    return message.type === 'open-annotation' ? openAnnotation(message.id, ports) : libraryChanged(message.articleIds, ports);
  }
  if (sender.tabId === undefined || sender.tabId < 0) return { ok: false, error: 'messages come from tabs only' };
  const tabId = sender.tabId;
  const frameId = sender.frameId ?? 0;
  // The note editor is this extension's own page in a frame of the tab: it edits highlights that exist.
  const fromNoteFrame = !!sender.url?.startsWith(`${ports.ownOrigin}note/`);
  switch (message.type) {
    case 'archive-detected':
      if (!sender.url?.startsWith('file:')) return { ok: false, error: 'the reader runs on file:// pages only' };
      await ports.injectReader(tabId, frameId);
      return { ok: true };
    case 'article-seen': {
      const { article } = message;
      const store = await ports.store();
      // A visit moves "where it was last read"; a page reloading its highlights is not one.
      if (!message.again) await store.recordArticle(article, sender.url && sender.url.length <= MAX_ADDRESS ? sender.url : article.url);
      await ports.tabArticles.set(tabId, frameId, { articleId: article.id, title: article.title });
      const annotations = await store.annotationsFor(article.id);
      // The page waits for its highlights, not for the badge.
      void ports.markTab(tabId, article.title, annotations.length).catch((error: unknown) => console.warn('Pizhu: badge not set', error));
      const reveal = frameId === 0 && !message.again ? await ports.reveals.take(tabId) : undefined;
      return reveal ? { ok: true, annotations, reveal } : { ok: true, annotations };
    }
    case 'placement': {
      const shown = await ports.tabArticles.get(tabId, frameId);
      if (shown?.articleId !== message.articleId) return { ok: false, error: 'a page reports on its own article only' };
      await ports.setOrphans(message.articleId, message.orphans);
      return { ok: true };
    }
    case 'get-annotation': {
      if (!fromNoteFrame) return { ok: false, error: 'only the note editor asks for one highlight' };
      const found = await (await ports.store()).annotation(message.id);
      return found ? { ok: true, annotations: [found] } : { ok: false, error: 'no such highlight' };
    }
    case 'save-annotation':
    case 'delete-annotation': {
      const articleId = message.type === 'save-annotation' ? message.annotation.articleId : message.articleId;
      const id = message.type === 'save-annotation' ? message.annotation.id : message.id;
      const shown = await ports.tabArticles.get(tabId, fromNoteFrame ? 0 : frameId);
      if (!fromNoteFrame && shown?.articleId !== articleId) return { ok: false, error: 'a page writes highlights of its own article only' };
      const store = await ports.store();
      const old = await store.annotation(id);
      if (old && old.articleId !== articleId) return { ok: false, error: 'a highlight stays with its article' };
      if (fromNoteFrame && !old) return { ok: false, error: 'the note editor edits highlights that exist' };
      if (message.type === 'delete-annotation') await store.deleteAnnotation(message.id, ports.now());
      else {
        try {
          await store.saveAnnotation(message.annotation);
        } catch (error) {
          if (error instanceof AnnotationWasDeleted) return { ok: false, error: 'this highlight was deleted' };
          throw error;
        }
      }
      if (shown?.articleId === articleId) await ports.markTab(tabId, shown.title, (await store.annotationsFor(articleId)).length);
      if (fromNoteFrame) await ports.tellTab(tabId, { type: 'note-frame', action: message.type === 'save-annotation' ? 'saved' : 'deleted', articleId });
      return { ok: true };
    }
    case 'note-frame':
      if (!fromNoteFrame) return { ok: false, error: 'only the note editor speaks for itself' };
      await ports.tellTab(tabId, message);
      return { ok: true };
    case 'get-article':
    case 'highlight-selection':
    case 'annotations-changed':
    case 'reveal-annotation':
      return { ok: false, error: `${message.type} is answered by the page, not the background` };
  }
}

/** The longest address the store keeps (an export's schema takes no longer ones back). */
const MAX_ADDRESS = 4096;
/** Addresses a highlight may be opened at: the web, and archive files on this disk (file:///, no host). Nothing else a file could smuggle in. */
const OPENABLE = /^(https?:|file:\/\/\/)/i;

/**
 * Opens the highlight's article where the reader last read it and scrolls to the passage. Where
 * that cannot be opened (Firefox opens no file:// address for an extension), the next address is tried.
 */
async function openAnnotation(id: string, ports: BackgroundPorts): Promise<Reply> {
  const store = await ports.store();
  const annotation = await store.annotation(id);
  if (!annotation) return { ok: false, error: 'no such highlight' };
  const article = await store.article(annotation.articleId);
  const addresses = [...new Set([...(article?.seenAt ?? []).slice().reverse(), article?.url ?? ''])].filter((url) => OPENABLE.test(url));
  let failure: unknown = 'this article has no address to open';
  for (const url of addresses) {
    try {
      const shown = await ports.showUrl(url);
      // A page already open is told at once; a new one asks when it has read the article.
      if (shown.opened) await ports.reveals.set(shown.tabId, id);
      else await ports.tellTab(shown.tabId, { type: 'reveal-annotation', id }).catch(() => ports.reveals.set(shown.tabId, id));
      return { ok: true };
    } catch (error) {
      failure = error;
    }
  }
  return { ok: false, error: String(failure) };
}

/**
 * Every tab showing one of these articles is told to load its highlights again (and, doing so,
 * gets its badge counted anew). A tab closed or gone elsewhere since does not stop the others.
 */
async function libraryChanged(articleIds: string[], ports: BackgroundPorts): Promise<Reply> {
  const changed = new Set(articleIds);
  for (const tab of await ports.tabArticles.all()) {
    if (!changed.has(tab.articleId)) continue;
    await ports.tellTab(tab.tabId, { type: 'annotations-changed', articleId: tab.articleId }).catch(() => undefined);
  }
  return { ok: true };
}
