import { isOpenableAddress } from '../annotation/openable';
import { pageMaySpeakFor } from '../annotation/site';
import { parseMessage } from '../messages/protocol';
import { isBackgroundRequest, type BackgroundRequest, type BackgroundType, type Refusal, type ReplyTo } from '../messages/replies';
import { AnnotationWasDeleted, type DeleteReceipt } from '../store/store';
import { undoKey } from '../annotation/storage-keys';
import { authorizeWrite, isRefusal, noteBinding, refuse, senderKind, type Authorized, type Context, type SenderKind } from './authorize';
import { issueNoteToken, openNote } from './note-tokens';
import type { BackgroundPorts, Sender } from './ports';
import { ReadAhead } from './read-ahead';

export type { BackgroundPorts, Sender } from './ports';

/** Any answer of the background: what a message of that type expects, or a refusal. */
export type BackgroundReply = ReplyTo<BackgroundType> | Refusal;

interface Route<T extends BackgroundType> {
  /** Who may send it; anyone else is refused with `refusal`. */
  from: readonly SenderKind[];
  refusal: string;
  handle(message: BackgroundRequest<T>, ctx: Context): Promise<ReplyTo<T> | Refusal>;
}

/**
 * One handler per message the background answers. The detector on file:// pages asks for the
 * reader; pages report the article they show and get its highlights; they save and delete
 * highlights of that article only, and ask for the note editor on one of them; the note editor
 * edits that one highlight; the popup and the library page (which read and write the store
 * themselves) ask to open tabs and to tell pages of changes.
 */
const ROUTES: { [T in BackgroundType]: Route<T> } = {
  'archive-detected': { from: ['page'], refusal: 'pages ask for the reader', handle: archiveDetected },
  'load-highlighting': { from: ['page'], refusal: 'page scripts load the highlighting', handle: loadHighlighting },
  'article-seen': { from: ['page', 'reader'], refusal: 'pages report the article they show', handle: articleSeen },
  placement: { from: ['page', 'reader'], refusal: 'pages report their own placements', handle: placement },
  'save-annotation': { from: ['page', 'reader', 'note'], refusal: 'pages and the note editor save highlights', handle: saveAnnotation },
  'delete-annotation': { from: ['page', 'reader', 'note'], refusal: 'pages and the note editor delete highlights', handle: deleteAnnotation },
  'undo-delete': { from: ['page', 'reader'], refusal: 'pages undo their own deletes', handle: undoDelete },
  'note-token': { from: ['page', 'reader'], refusal: 'pages open the note editor', handle: issueNoteToken },
  'note-open': { from: ['note'], refusal: 'only the note editor presents its token', handle: openNote },
  'get-annotation': { from: ['note'], refusal: 'only the note editor asks for one highlight', handle: getAnnotation },
  'note-frame': { from: ['note'], refusal: 'only the note editor speaks for itself', handle: noteFrameNews },
  'open-annotation': { from: ['popup'], refusal: 'only the popup and the library page ask for that', handle: (message, ctx) => openAnnotation(message.id, ctx.ports) },
  'library-changed': { from: ['popup'], refusal: 'only the popup and the library page ask for that', handle: (message, ctx) => libraryChanged(message.articleIds, ctx.ports) },
};

/** The background's answer to one message. Anything malformed, from elsewhere, or about another article is refused and writes nothing. */
export async function handleMessage(raw: unknown, sender: Sender, ports: BackgroundPorts): Promise<BackgroundReply> {
  const message = parseMessage(raw);
  if (!message) return refuse('malformed message');
  if (sender.id !== ports.ownId) return refuse('messages come from this extension only');
  if (!isBackgroundRequest(message)) return refuse(`${message.type} is answered by the page, not the background`);
  const route = ROUTES[message.type] as unknown as Route<BackgroundType>;
  const kind = senderKind(sender, ports);
  if (!kind) return refuse("messages come from tabs and this extension's pages only");
  if (!route.from.includes(kind)) return refuse(route.refusal);
  return route.handle(message, { sender, kind, tabId: sender.tabId ?? -1, frameId: sender.frameId ?? 0, ports });
}

async function archiveDetected(message: BackgroundRequest<'archive-detected'>, ctx: Context): Promise<ReplyTo<'archive-detected'> | Refusal> {
  if (!ctx.sender.url?.startsWith('file:')) return refuse('the reader runs on file:// pages only');
  // The article's highlights are read while the reader is injected and parses the file.
  const articleId = message.head === undefined ? null : ReadAhead.articleIdOf(message.head);
  if (articleId) ctx.ports.readAhead.start(ctx.tabId, ctx.frameId, articleId, async () => (await ctx.ports.store()).annotationsFor(articleId));
  await ctx.ports.injectReader(ctx.tabId, ctx.frameId);
  // The next file of this folder opens without this round trip. Not waited for: nothing waits on it.
  // A private window's folders are not written into the browser's profile.
  if (!ctx.sender.incognito) void ctx.ports.readerFolders.remember(ctx.sender.url);
  return { ok: true };
}

/** A page script shows an article: the toolbar, the note editor's host and the painter come after it, in their own bundle. */
async function loadHighlighting(_message: unknown, ctx: Context): Promise<ReplyTo<'load-highlighting'>> {
  await ctx.ports.injectHighlighting(ctx.tabId, ctx.frameId);
  return { ok: true };
}

/** The longest address the store keeps (an export's schema takes no longer ones back). */
const MAX_ADDRESS = 4096;

async function articleSeen(message: BackgroundRequest<'article-seen'>, { sender, kind, tabId, frameId, ports }: Context): Promise<ReplyTo<'article-seen'> | Refusal> {
  const { article } = message;
  // A web page speaks for its own site's articles: a script that rewrites the page's canonical link gets nothing of another's.
  if (kind === 'page' && !pageMaySpeakFor(sender.url, [article.id, article.url])) return refuse('a page shows articles of its own site only');
  const store = await ports.store();
  // A visit moves "where it was last read"; a page reloading its highlights is not one. Pizhu's reader
  // page is no address to open the article at again: the article's own is kept.
  const seenAt = kind === 'reader' ? (isOpenableAddress(article.url) ? article.url : null) : sender.url && sender.url.length <= MAX_ADDRESS ? sender.url : article.url;
  // The page waits for its highlights only. Not for the visit: its transaction is open before the
  // answer goes, so the store takes any write of the page after it. Not for the tab's article, by
  // which the page's saves are let through: a lookup of it waits for a write still under way (ports.ts).
  if (!message.again) store.recordArticle(article, seenAt).catch((error: unknown) => console.warn('Pizhu: visit not recorded', error));
  ports.tabArticles.set(tabId, frameId, { articleId: article.id, title: article.title }).catch((error: unknown) => console.warn("Pizhu: the tab's article not kept", error));
  const read = () => store.annotationsFor(article.id);
  const ahead = message.again ? null : ports.readAhead.take(tabId, frameId, article.id);
  // A reveal that cannot be read is not worth the highlights: they go without it.
  const peeked = frameId === 0 && !message.again ? ports.reveals.peek(tabId).catch(() => undefined) : undefined;
  const [annotations, reveal] = await Promise.all([ahead?.catch(read) ?? read(), peeked]);
  // The page waits for its highlights, not for the badge: the browser hears of it after the answer.
  setTimeout(() => void ports.markTab(tabId, article.title, annotations.length).catch((error: unknown) => console.warn('Pizhu: badge not set', error)));
  // Dropped once the answer is sure to go: a failed read keeps it for the next.
  if (reveal) await ports.reveals.drop(tabId, reveal).catch((error: unknown) => console.warn('Pizhu: reveal kept', error));
  return reveal ? { ok: true, annotations, reveal } : { ok: true, annotations };
}

async function placement(message: BackgroundRequest<'placement'>, ctx: Context): Promise<ReplyTo<'placement'> | Refusal> {
  const authorized = await authorizeWrite(ctx, message.articleId, null);
  if (isRefusal(authorized)) return authorized;
  await ctx.ports.setOrphans(message.articleId, message.orphans);
  return { ok: true };
}

async function saveAnnotation(message: BackgroundRequest<'save-annotation'>, ctx: Context): Promise<ReplyTo<'save-annotation'> | Refusal> {
  const { annotation } = message;
  const authorized = await authorizeWrite(ctx, annotation.articleId, annotation.id);
  if (isRefusal(authorized)) return authorized;
  try {
    await authorized.store.saveAnnotation(annotation);
  } catch (error) {
    if (error instanceof AnnotationWasDeleted) return refuse('this highlight was deleted');
    throw error;
  }
  await afterWrite(ctx, authorized, annotation.articleId, 'saved');
  return { ok: true };
}

async function deleteAnnotation(message: BackgroundRequest<'delete-annotation'>, ctx: Context): Promise<ReplyTo<'delete-annotation'> | Refusal> {
  const authorized = await authorizeWrite(ctx, message.articleId, message.id);
  if (isRefusal(authorized)) return authorized;
  const receipt = await authorized.store.deleteAnnotation(message.id, ctx.ports.now());
  // The page that showed it may bring it back for a few seconds (its undo control).
  if (receipt) await ctx.ports.session.set(undoKey(ctx.tabId, message.id), { receipt, at: Date.parse(ctx.ports.now()) });
  await afterWrite(ctx, authorized, message.articleId, 'deleted');
  return { ok: true };
}

/** How long after a delete on a page its undo still works (the page offers it for less). */
const UNDO_WINDOW_MS = 60_000;

/** Undoes a delete made in this tab moments ago, once: the highlight comes back as it was, unless it changed since. */
async function undoDelete(message: BackgroundRequest<'undo-delete'>, ctx: Context): Promise<ReplyTo<'undo-delete'> | Refusal> {
  const authorized = await authorizeWrite(ctx, message.articleId, null);
  if (isRefusal(authorized)) return authorized;
  const key = undoKey(ctx.tabId, message.id);
  const kept = (await ctx.ports.session.get(key)) as { receipt: DeleteReceipt; at: number } | undefined;
  await ctx.ports.session.remove(key);
  if (!kept || kept.receipt.record.articleId !== message.articleId || Date.parse(ctx.ports.now()) - kept.at > UNDO_WINDOW_MS) return refuse('nothing to undo');
  if (!(await authorized.store.undoDelete(kept.receipt, ctx.ports.now()))) return refuse('it was changed or deleted again meanwhile');
  await afterWrite(ctx, authorized, message.articleId, 'saved');
  return { ok: true };
}

/**
 * An open library page lists the article again; the tab's badge counts again; a page whose note
 * editor wrote hears it, and loads its highlights again.
 */
async function afterWrite(ctx: Context, { store, shown, pageFrameId }: Authorized, articleId: string, action: 'saved' | 'deleted'): Promise<void> {
  ctx.ports.readAhead.drop([articleId]);
  ctx.ports.tellLibraryPages([articleId]);
  if (shown?.articleId !== articleId) return;
  await ctx.ports.markTab(ctx.tabId, shown.title, (await store.annotationsFor(articleId)).length);
  if (ctx.kind === 'note') await ctx.ports.tellTab(ctx.tabId, { type: 'note-frame', action, articleId }, pageFrameId);
}

async function getAnnotation(message: BackgroundRequest<'get-annotation'>, ctx: Context): Promise<ReplyTo<'get-annotation'> | Refusal> {
  const binding = await noteBinding(ctx);
  if (!binding) return refuse('the note editor edits the highlight it was opened on only');
  const authorized = await authorizeWrite(ctx, binding.articleId, message.id);
  if (isRefusal(authorized)) return authorized;
  return authorized.old ? { ok: true, annotation: authorized.old } : refuse('no such highlight');
}

/** The note editor's news (saved, deleted, closed: never its text) goes to the page that opened it. */
async function noteFrameNews(message: BackgroundRequest<'note-frame'>, ctx: Context): Promise<ReplyTo<'note-frame'> | Refusal> {
  const authorized = await authorizeWrite(ctx, message.articleId, null);
  if (isRefusal(authorized)) return authorized;
  await ctx.ports.tellTab(ctx.tabId, message, authorized.pageFrameId);
  return { ok: true };
}

/**
 * Opens the highlight's article where the reader last read it and scrolls to the passage. Where
 * that cannot be opened (Firefox opens no file:// address for an extension), the next address is tried.
 */
async function openAnnotation(id: string, ports: BackgroundPorts): Promise<ReplyTo<'open-annotation'> | Refusal> {
  const store = await ports.store();
  const annotation = await store.annotation(id);
  if (!annotation) return refuse('no such highlight');
  const article = await store.article(annotation.articleId);
  const addresses = [...new Set([...(article?.seenAt ?? []).slice().reverse(), article?.url ?? ''])].filter(isOpenableAddress);
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
  return refuse(String(failure));
}

/**
 * Every tab showing one of these articles is told to load its highlights again (and, doing so,
 * gets its badge counted anew). A tab closed or gone elsewhere since does not stop the others.
 */
async function libraryChanged(articleIds: string[], ports: BackgroundPorts): Promise<ReplyTo<'library-changed'>> {
  const changed = new Set(articleIds);
  ports.readAhead.drop(changed);
  for (const tab of await ports.tabArticles.all()) {
    if (!changed.has(tab.articleId)) continue;
    await ports.tellTab(tab.tabId, { type: 'annotations-changed', articleId: tab.articleId }).catch(() => undefined);
  }
  return { ok: true };
}
