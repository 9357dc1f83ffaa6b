import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { describeRange } from '../anchor/selectors';
import { openDatabase } from '../store/database';
import { AnnotationStore } from '../store/store';
import { parseMessage } from '../messages/protocol';
import { handleMessage, type BackgroundPorts } from './background';
import { ReadAhead } from './read-ahead';
import { ReaderFolders } from './reader-folders';
import { tabArticlesIn } from './tab-articles';

const OWN = 'pizhu-extension-id';
let count = 0;

async function ports(): Promise<BackgroundPorts & { calls: string[]; libraryTold: string[][]; db: AnnotationStore; tick(ms: number): void }> {
  const calls: string[] = [];
  const libraryTold: string[][] = [];
  const db = new AnnotationStore(await openDatabase(`bg-test-${++count}`));
  const tabs = new Map<string, { articleId: string; title: string }>();
  const reveals = new Map<number, string>();
  const session = new Map<string, unknown>();
  let folders: string[] = [];
  let clock = Date.parse('2026-03-01T00:00:00.000Z');
  return {
    calls,
    db,
    ownId: OWN,
    ownOrigin: 'chrome-extension://pizhu-extension-id/',
    tellTab: async (tab, message) => void calls.push(`tell ${tab} ${JSON.stringify(message)}`),
    injectReader: async (tab, frame) => void calls.push(`inject ${tab}/${frame}`),
    injectHighlighting: async (tab, frame) => void calls.push(`highlighting ${tab}/${frame}`),
    markTab: async (tab, title, n) => void calls.push(`mark ${tab} ${title} ${n}`),
    store: async () => db,
    readAhead: new ReadAhead(() => clock),
    readerFolders: new ReaderFolders({
      patterns: async () => folders,
      setPatterns: async (patterns) => {
        calls.push(`folders ${patterns.join(' ')}`);
        folders = patterns;
      },
    }),
    tabArticles: {
      get: async (t, f) => tabs.get(`${t}/${f}`),
      set: async (t, f, v) => void tabs.set(`${t}/${f}`, v),
      all: async () => [...tabs].map(([key, v]) => ({ tabId: Number(key.split('/')[0]), frameId: Number(key.split('/')[1]), ...v })),
    },
    showUrl: async (url) => {
      calls.push(`show ${url}`);
      if (url.startsWith('file:///firefox/')) throw new Error('Illegal URL');
      return url.includes('open-already') ? { tabId: 3, opened: false } : { tabId: 12, opened: true };
    },
    reveals: {
      peek: async (t) => reveals.get(t),
      drop: async (t, id) => void (reveals.get(t) === id && reveals.delete(t)),
      set: async (t, id) => void reveals.set(t, id),
    },
    session: {
      get: async (key) => structuredClone(session.get(key)),
      set: async (key, value) => void session.set(key, structuredClone(value)),
      remove: async (key) => void session.delete(key),
    },
    setOrphans: async (articleId, ids) => void calls.push(`orphans ${articleId} ${ids.join(',')}`),
    libraryTold,
    tellLibraryPages: (articleIds) => void libraryTold.push(articleIds),
    now: () => new Date(clock).toISOString(),
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

const summary = { id: 'cn.reuters.com/a', url: 'https://cn.reuters.com/a', title: '标题', source: 'reuters' as const, publishedAt: null, blockCount: 3, origin: 'page' as const };
const TEXT = '标题\n第一段正文。';
const annotation = (id = '0b7a8e4c-1111-4222-8333-944455556666', articleId = summary.id) => ({
  id,
  articleId,
  color: 'yellow',
  ...(({ position, quote }) => ({ position, quote }))(describeRange(TEXT, 3, 6)),
  parserVersion: 1,
  note: '笔记',
  tags: ['中俄'],
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
});
const page = { id: OWN, tabId: 9, frameId: 0, url: 'https://cn.reuters.com/a' };
const noteFrame = { id: OWN, tabId: 9, frameId: 3, url: 'chrome-extension://pizhu-extension-id/note/index.html' };

/** What the page's content script does to open the note editor: it asks for a token. */
async function tokenFor(p: BackgroundPorts, id: string): Promise<string> {
  const reply = await handleMessage({ type: 'note-token', articleId: summary.id, id }, page, p);
  if (!reply.ok || !('token' in reply)) throw new Error(`no token: ${JSON.stringify(reply)}`);
  return reply.token;
}

/** The page's content script asks for a token, and its note editor frame presents it. */
async function openNoteFrame(p: BackgroundPorts, id: string) {
  return handleMessage({ type: 'note-open', token: await tokenFor(p, id) }, noteFrame, p);
}

describe('pages and their highlights', () => {
  it('injects the reader into the frame of a file:// page that found an archive header, and keeps its folder for the reader', async () => {
    const p = await ports();
    expect(await handleMessage({ type: 'archive-detected' }, { id: OWN, tabId: 4, frameId: 2, url: 'file:///home/u/news/a.md' }, p)).toEqual({ ok: true });
    expect(p.calls[0]).toBe('inject 4/2');
    // Its folder is kept for the reader, once: the browser runs it there itself from then on.
    await vi.waitFor(() => expect(p.calls).toEqual(['inject 4/2', 'folders file:///home/u/news/*.md']));
    await handleMessage({ type: 'archive-detected' }, { id: OWN, tabId: 5, frameId: 0, url: 'file:///home/u/news/b.md' }, p);
    await p.readerFolders.remember('file:///home/u/news/b.md');
    expect(p.calls).toEqual(['inject 4/2', 'folders file:///home/u/news/*.md', 'inject 5/0']);
    // A private window's file gets the reader; its folder is not kept.
    await handleMessage({ type: 'archive-detected' }, { id: OWN, tabId: 6, frameId: 0, url: 'file:///home/u/private/c.md', incognito: true }, p);
    await p.readerFolders.remember('file:///home/u/news/b.md');
    expect(p.calls).toEqual(['inject 4/2', 'folders file:///home/u/news/*.md', 'inject 5/0', 'inject 6/0']);
  });

  it("reads the article's highlights from the detected header while the reader is injected, and hands them to that frame's reader", async () => {
    const p = await ports();
    const archive = { id: OWN, tabId: 4, frameId: 0, url: 'file:///tmp/a.md' };
    await handleMessage({ type: 'article-seen', article: summary }, archive, p);
    await handleMessage({ type: 'save-annotation', annotation: annotation() }, archive, p);
    let reads = 0;
    const annotationsFor = p.db.annotationsFor.bind(p.db);
    p.db.annotationsFor = (id) => {
      reads++;
      return annotationsFor(id);
    };
    const head = `<!--1616481063000-->\n[标题](${summary.url})\n------\n\n<p>第一段正文。</p>`;
    expect(await handleMessage({ type: 'archive-detected', head }, archive, p)).toEqual({ ok: true });
    expect(reads).toBe(1);
    expect(await handleMessage({ type: 'article-seen', article: summary }, archive, p)).toEqual({ ok: true, annotations: [annotation()] });
    expect(reads).toBe(1);
    // Read ahead, then changed from the popup before the reader asks: the reader gets the change.
    await handleMessage({ type: 'archive-detected', head }, archive, p);
    await p.db.deleteAnnotation(annotation().id, p.now());
    await handleMessage({ type: 'library-changed', articleIds: [summary.id] }, { id: OWN, url: 'chrome-extension://pizhu-extension-id/popup/index.html' }, p);
    expect(await handleMessage({ type: 'article-seen', article: summary }, archive, p)).toEqual({ ok: true, annotations: [] });
    expect(reads).toBe(3);
    // Another frame, or another article in this one, reads for itself.
    await handleMessage({ type: 'archive-detected', head }, archive, p);
    expect(await handleMessage({ type: 'article-seen', article: summary }, { ...archive, frameId: 1 }, p)).toEqual({ ok: true, annotations: [] });
    expect(reads).toBe(5);
  });

  it('runs the highlighting bundle in the frame of the page script that asks, and for no other sender', async () => {
    const p = await ports();
    expect(await handleMessage({ type: 'load-highlighting' }, { id: OWN, tabId: 4, frameId: 2, url: 'https://cn.reuters.com/article/x' }, p)).toEqual({ ok: true });
    expect(p.calls).toEqual(['highlighting 4/2']);
    expect(await handleMessage({ type: 'load-highlighting' }, noteFrame, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'load-highlighting' }, { id: 'another-extension', tabId: 4, url: 'https://cn.reuters.com/article/x' }, p)).toMatchObject({ ok: false });
    expect(p.calls).toEqual(['highlighting 4/2']);
  });

  it('refuses to inject into web pages', async () => {
    const p = await ports();
    expect(await handleMessage({ type: 'archive-detected' }, { id: OWN, tabId: 4, url: 'https://evil.example/' }, p)).toMatchObject({ ok: false });
    expect(p.calls).toEqual([]);
  });

  it('records the article a page shows, marks the tab with its count, and answers its highlights', async () => {
    const p = await ports();
    expect(await handleMessage({ type: 'article-seen', article: summary }, page, p)).toEqual({ ok: true, annotations: [] });
    // The badge is set after the answer has gone, in a task of its own.
    expect(p.calls).toEqual([]);
    await vi.waitFor(() => expect(p.calls).toEqual(['mark 9 标题 0']));
    expect(await handleMessage({ type: 'save-annotation', annotation: annotation() }, page, p)).toEqual({ ok: true });
    expect(await handleMessage({ type: 'article-seen', article: summary }, page, p)).toEqual({ ok: true, annotations: [annotation()] });
    await vi.waitFor(() => expect(p.calls).toEqual(['mark 9 标题 0', 'mark 9 标题 1', 'mark 9 标题 1']));
    expect(await p.db.article(summary.id)).toMatchObject({ seenAt: ['https://cn.reuters.com/a'] });
  });

  it("answers a page before the tab's article is written, and judges the page's first save by that write", async () => {
    const p = await ports();
    let land = () => {};
    const stored = new Map<string, unknown>();
    p.tabArticles = tabArticlesIn({
      get: async (key) => Object.fromEntries([...stored].filter(([k]) => key === null || k === key)),
      set: (items) =>
        new Promise<void>((resolve) => {
          land = () => {
            for (const [k, v] of Object.entries(items)) stored.set(k, v);
            resolve();
          };
        }),
    });
    expect(await handleMessage({ type: 'article-seen', article: summary }, page, p)).toEqual({ ok: true, annotations: [] });
    const saved = handleMessage({ type: 'save-annotation', annotation: annotation() }, page, p);
    await new Promise((done) => setTimeout(done, 20));
    land();
    expect(await saved).toEqual({ ok: true });
  });

  it('deletes a highlight, and refuses it back', async () => {
    const p = await ports();
    await handleMessage({ type: 'article-seen', article: summary }, page, p);
    await handleMessage({ type: 'save-annotation', annotation: annotation() }, page, p);
    expect(await handleMessage({ type: 'delete-annotation', id: annotation().id, articleId: summary.id }, page, p)).toEqual({ ok: true });
    expect(await handleMessage({ type: 'save-annotation', annotation: annotation() }, page, p)).toMatchObject({ ok: false });
    expect(await p.db.annotationsFor(summary.id)).toEqual([]);
    // An open library page heard the save and the delete; of the refused save, nothing.
    expect(p.libraryTold).toEqual([[summary.id], [summary.id]]);
  });

  it('lets a page write highlights of its own article only', async () => {
    const p = await ports();
    await handleMessage({ type: 'article-seen', article: summary }, page, p);
    expect(await handleMessage({ type: 'save-annotation', annotation: annotation(undefined, 'other.com/b') }, page, p)).toMatchObject({ ok: false });
    // A tab that never said which article it shows writes nothing.
    expect(await handleMessage({ type: 'save-annotation', annotation: annotation() }, { ...page, tabId: 10 }, p)).toMatchObject({ ok: false });
    expect(await p.db.annotationsFor('other.com/b')).toEqual([]);
    expect(await p.db.annotationsFor(summary.id)).toEqual([]);
    expect(p.libraryTold).toEqual([]);
  });
});

describe('the note editor', () => {
  it("passes the note editor's news to its tab, and hears it from the note editor only", async () => {
    const p = await ports();
    await handleMessage({ type: 'article-seen', article: summary }, page, p);
    await handleMessage({ type: 'save-annotation', annotation: annotation() }, page, p);
    await openNoteFrame(p, annotation().id);
    p.calls.length = 0;
    expect(await handleMessage({ type: 'note-frame', action: 'closed', articleId: summary.id }, noteFrame, p)).toEqual({ ok: true });
    expect(await handleMessage({ type: 'note-frame', action: 'saved', articleId: summary.id }, page, p)).toMatchObject({ ok: false });
    // It speaks for its own highlight's article only.
    expect(await handleMessage({ type: 'note-frame', action: 'saved', articleId: 'other.com/b' }, noteFrame, p)).toMatchObject({ ok: false });
    expect(p.calls).toEqual([`tell 9 {"type":"note-frame","action":"closed","articleId":"${summary.id}"}`]);
  });

  it('lets the note editor read and change the highlight it was opened on, and tells its page', async () => {
    const p = await ports();
    await handleMessage({ type: 'article-seen', article: summary }, page, p);
    // No token for a highlight that does not exist.
    expect(await handleMessage({ type: 'note-token', articleId: summary.id, id: annotation().id }, page, p)).toMatchObject({ ok: false });
    await handleMessage({ type: 'save-annotation', annotation: annotation() }, page, p);
    expect(await handleMessage({ type: 'get-annotation', id: annotation().id }, page, p)).toMatchObject({ ok: false });
    expect(await openNoteFrame(p, annotation().id)).toEqual({ ok: true, annotation: annotation() });
    expect(await handleMessage({ type: 'get-annotation', id: annotation().id }, noteFrame, p)).toEqual({ ok: true, annotation: annotation() });
    expect(await handleMessage({ type: 'save-annotation', annotation: { ...annotation(), note: '新的批注' } }, noteFrame, p)).toEqual({ ok: true });
    expect((await p.db.annotation(annotation().id))?.note).toBe('新的批注');
    expect(p.calls.at(-1)).toBe(`tell 9 {"type":"note-frame","action":"saved","articleId":"${summary.id}"}`);
    // It cannot move a highlight to another article.
    expect(await handleMessage({ type: 'save-annotation', annotation: { ...annotation(), articleId: 'other.com/b' } }, noteFrame, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'delete-annotation', id: annotation().id, articleId: summary.id }, noteFrame, p)).toEqual({ ok: true });
    expect(await p.db.annotationsFor(summary.id)).toEqual([]);
  });

  it('the note editor touches no other highlight, not even one of the same article', async () => {
    const p = await ports();
    const other = annotation('0b7a8e4c-2222-4222-8333-944455556666');
    await handleMessage({ type: 'article-seen', article: summary }, page, p);
    await handleMessage({ type: 'save-annotation', annotation: annotation() }, page, p);
    await handleMessage({ type: 'save-annotation', annotation: other }, page, p);
    await openNoteFrame(p, annotation().id);
    expect(await handleMessage({ type: 'get-annotation', id: other.id }, noteFrame, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'save-annotation', annotation: { ...other, note: 'x' } }, noteFrame, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'delete-annotation', id: other.id, articleId: summary.id }, noteFrame, p)).toMatchObject({ ok: false });
    expect(await p.db.annotation(other.id)).toEqual(other);
  });
});

describe('undoing a delete on the page', () => {
  it('the tab that deleted a highlight brings it back once, within a minute; no other tab, and not later', async () => {
    const p = await ports();
    await handleMessage({ type: 'article-seen', article: summary }, page, p);
    await handleMessage({ type: 'save-annotation', annotation: annotation() }, page, p);
    await openNoteFrame(p, annotation().id);
    expect(await handleMessage({ type: 'delete-annotation', id: annotation().id, articleId: summary.id }, noteFrame, p)).toEqual({ ok: true });
    const undo = { type: 'undo-delete', id: annotation().id, articleId: summary.id };
    await handleMessage({ type: 'article-seen', article: summary }, { ...page, tabId: 10 }, p);
    expect(await handleMessage(undo, { ...page, tabId: 10 }, p)).toMatchObject({ ok: false });
    expect(await handleMessage(undo, noteFrame, p)).toMatchObject({ ok: false });
    expect(await handleMessage(undo, page, p)).toEqual({ ok: true });
    expect(await p.db.annotationsFor(summary.id)).toEqual([annotation()]);
    expect(await handleMessage(undo, page, p)).toMatchObject({ ok: false });
    await openNoteFrame(p, annotation().id);
    await handleMessage({ type: 'delete-annotation', id: annotation().id, articleId: summary.id }, noteFrame, p);
    p.tick(61_000);
    expect(await handleMessage(undo, page, p)).toMatchObject({ ok: false });
    expect(await p.db.annotationsFor(summary.id)).toEqual([]);
  });
});

describe("the note editor's token", () => {
  it('a note page without a token, or with a made-up, reused, expired or foreign one, reads and changes nothing', async () => {
    const p = await ports();
    await handleMessage({ type: 'article-seen', article: summary }, page, p);
    await handleMessage({ type: 'save-annotation', annotation: annotation() }, page, p);
    const id = annotation().id;
    const refusedAll = async (frame: typeof noteFrame) => {
      expect(await handleMessage({ type: 'get-annotation', id }, frame, p)).toMatchObject({ ok: false });
      expect(await handleMessage({ type: 'save-annotation', annotation: { ...annotation(), note: 'pwned' } }, frame, p)).toMatchObject({ ok: false });
      expect(await handleMessage({ type: 'delete-annotation', id, articleId: summary.id }, frame, p)).toMatchObject({ ok: false });
      expect(await handleMessage({ type: 'note-frame', action: 'saved', articleId: summary.id }, frame, p)).toMatchObject({ ok: false });
    };
    // Framed by the page itself, with no token.
    await refusedAll(noteFrame);
    expect(await handleMessage({ type: 'note-open', token: 'a'.repeat(32) }, noteFrame, p)).toMatchObject({ ok: false });
    await refusedAll(noteFrame);
    // A token works once, in the tab it was issued to, for a minute.
    const token = await tokenFor(p, id);
    expect(await handleMessage({ type: 'note-open', token }, { ...noteFrame, tabId: 10 }, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'note-open', token }, noteFrame, p)).toMatchObject({ ok: true });
    const second = { ...noteFrame, frameId: 4 };
    expect(await handleMessage({ type: 'note-open', token }, second, p)).toMatchObject({ ok: false });
    await refusedAll(second);
    const late = await tokenFor(p, id);
    p.tick(61_000);
    expect(await handleMessage({ type: 'note-open', token: late }, second, p)).toMatchObject({ ok: false });
    await refusedAll(second);
    // Only the note page presents a token; a page cannot.
    expect(await handleMessage({ type: 'note-open', token: await tokenFor(p, id) }, page, p)).toMatchObject({ ok: false });
    // A frame that presents a bad token loses what it was bound to.
    expect(await handleMessage({ type: 'note-open', token: 'b'.repeat(32) }, noteFrame, p)).toMatchObject({ ok: false });
    await refusedAll(noteFrame);
    expect(await p.db.annotation(id)).toEqual(annotation());
  });

  it("gives a token for a highlight of the page's own article only", async () => {
    const p = await ports();
    const elsewhere = { ...summary, id: 'cn.reuters.com/b', url: 'https://cn.reuters.com/b' };
    await handleMessage({ type: 'article-seen', article: elsewhere }, { ...page, tabId: 11 }, p);
    await handleMessage({ type: 'save-annotation', annotation: annotation(undefined, elsewhere.id) }, { ...page, tabId: 11 }, p);
    await handleMessage({ type: 'article-seen', article: summary }, page, p);
    expect(await handleMessage({ type: 'note-token', articleId: elsewhere.id, id: annotation().id }, page, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'note-token', articleId: summary.id, id: annotation().id }, page, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'note-token', articleId: elsewhere.id, id: annotation().id }, { ...page, tabId: 11 }, p)).toMatchObject({ ok: true });
  });
});

describe('which articles a page speaks for', () => {
  it("a web page speaks for articles of its own site only: another article's highlights stay out of reach", async () => {
    const p = await ports();
    const bbc = { ...summary, id: 'bbc.com/zhongwen/simp/world-1', url: 'https://www.bbc.com/zhongwen/simp/world-1', source: 'bbc' as const };
    const bbcHighlight = annotation('0b7a8e4c-3333-4222-8333-944455556666', bbc.id);
    const archive = { id: OWN, tabId: 7, frameId: 0, url: 'file:///home/reader/bbc-1.md' };
    await handleMessage({ type: 'article-seen', article: bbc }, archive, p);
    await handleMessage({ type: 'save-annotation', annotation: bbcHighlight }, archive, p);
    const before = await p.db.article(bbc.id);
    // A Reuters page whose script names the BBC article (its canonical link, say) gets nothing and changes nothing.
    expect(await handleMessage({ type: 'article-seen', article: bbc }, page, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'article-seen', article: { ...bbc, url: 'https://cn.reuters.com/a' } }, page, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'save-annotation', annotation: { ...bbcHighlight, note: 'pwned' } }, page, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'delete-annotation', id: bbcHighlight.id, articleId: bbc.id }, page, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'note-token', articleId: bbc.id, id: bbcHighlight.id }, page, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'placement', articleId: bbc.id, orphans: [] }, page, p)).toMatchObject({ ok: false });
    expect(await p.db.annotationsFor(bbc.id)).toEqual([bbcHighlight]);
    expect(await p.db.article(bbc.id)).toEqual(before);
    expect(p.calls.filter((c) => c.startsWith('mark 9') || c.startsWith('orphans'))).toEqual([]);
  });

  it('the Reuters hosts are one site; a frame that said so once cannot write after going elsewhere', async () => {
    const p = await ports();
    const www = { id: OWN, tabId: 9, frameId: 0, url: 'https://www.reuters.com/world/china/x' };
    expect(await handleMessage({ type: 'article-seen', article: summary }, www, p)).toEqual({ ok: true, annotations: [] });
    expect(await handleMessage({ type: 'save-annotation', annotation: annotation() }, www, p)).toEqual({ ok: true });
    // The same tab and frame, now at another site (the table still says what it showed before).
    const moved = { ...www, url: 'https://evil.example/' };
    expect(await handleMessage({ type: 'delete-annotation', id: annotation().id, articleId: summary.id }, moved, p)).toMatchObject({ ok: false });
    expect(await p.db.annotationsFor(summary.id)).toEqual([annotation()]);
  });

  it('a file:// page may show any archived article; other pages of the extension speak for none', async () => {
    const p = await ports();
    const bbc = { ...summary, id: 'bbc.com/zhongwen/simp/world-1', url: 'https://www.bbc.com/zhongwen/simp/world-1', source: 'bbc' as const };
    expect(await handleMessage({ type: 'article-seen', article: bbc }, { id: OWN, tabId: 7, frameId: 0, url: 'file:///home/reader/bbc-1.md' }, p)).toMatchObject({ ok: true });
    const options = { id: OWN, tabId: 8, frameId: 0, url: 'chrome-extension://pizhu-extension-id/options/index.html' };
    expect(await handleMessage({ type: 'article-seen', article: summary }, options, p)).toMatchObject({ ok: false });
  });

  it("Pizhu's reader page shows any archive article, keeps no address of its own, and writes only the article it shows", async () => {
    const p = await ports();
    const reader = { id: OWN, tabId: 6, frameId: 0, url: 'chrome-extension://pizhu-extension-id/reader/index.html#id=cn.reuters.com%2Fa' };
    expect(await handleMessage({ type: 'article-seen', article: { ...summary, origin: 'archive' as const } }, reader, p)).toEqual({ ok: true, annotations: [] });
    expect((await p.db.article(summary.id))?.seenAt).toEqual([summary.url]);
    expect(await handleMessage({ type: 'save-annotation', annotation: annotation() }, reader, p)).toEqual({ ok: true });
    expect(await p.db.annotationsFor(summary.id)).toEqual([annotation()]);
    const other = annotation('0b7a8e4c-4444-4222-8333-944455556666', 'bbc.com/zhongwen/simp/world-1');
    expect(await handleMessage({ type: 'save-annotation', annotation: other }, reader, p)).toMatchObject({ ok: false });
    // An archive file without its article's address: the article is kept with no address at all.
    const bare = { ...summary, id: 'archive/1f2e3d4c', url: '' };
    expect(await handleMessage({ type: 'article-seen', article: bare }, { ...reader, tabId: 5 }, p)).toMatchObject({ ok: true });
    expect((await p.db.article(bare.id))?.seenAt).toEqual([]);
  });

  it('answers every message it hears; what pages answer is refused', async () => {
    const p = await ports();
    for (const message of [{ type: 'get-article' }, { type: 'highlight-selection' }, { type: 'reveal-annotation', id: annotation().id }]) {
      expect(await handleMessage(message, page, p)).toMatchObject({ ok: false, error: `${message.type} is answered by the page, not the background` });
    }
  });
});

describe('what the background hears', () => {
  it('hears this extension only, and tabs only', async () => {
    const p = await ports();
    expect(await handleMessage({ type: 'article-seen', article: summary }, { ...page, id: 'another-extension' }, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'article-seen', article: summary }, { id: OWN, url: 'https://x' }, p)).toMatchObject({ ok: false });
    expect(p.calls).toEqual([]);
  });

  it('never writes for an arbitrary or malformed message', async () => {
    const p = await ports();
    await handleMessage({ type: 'article-seen', article: summary }, page, p);
    const valid = annotation();
    const mutated = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.constantFrom('save-annotation', 'delete-annotation', 'article-seen'), annotation: fc.anything(), id: fc.anything(), articleId: fc.anything() }, { requiredKeys: ['type'] }),
      fc
        .constantFrom<(keyof typeof valid)[]>(['id'], ['color'], ['position'], ['quote'], ['created'])
        .chain((keys) => fc.anything().map((junk) => ({ type: 'save-annotation', annotation: { ...valid, [keys[0]]: junk } }))),
    );
    await fc.assert(
      fc.asyncProperty(mutated, async (message) => {
        // Junk can happen to be valid ("yellow" for a colour): the property is about what is refused.
        fc.pre(parseMessage(message) === null);
        expect(await handleMessage(message, page, p)).toMatchObject({ ok: false });
        expect(await p.db.annotationsFor(summary.id)).toEqual([]);
        expect(await p.db.tombstones()).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('stores which highlights a page could not place, for its own article only', async () => {
    const p = await ports();
    await handleMessage({ type: 'article-seen', article: summary }, page, p);
    const id = annotation().id;
    expect(await handleMessage({ type: 'placement', articleId: summary.id, orphans: [id] }, page, p)).toEqual({ ok: true });
    expect(await handleMessage({ type: 'placement', articleId: 'other.com/x', orphans: [id] }, page, p)).toMatchObject({ ok: false });
    expect(p.calls.filter((c) => c.startsWith('orphans'))).toEqual([`orphans ${summary.id} ${id}`]);
  });
});

describe('the popup and the library page', () => {
  it('opens a highlight where its article was last read, and the page that reads it there scrolls to it', async () => {
    const p = await ports();
    await handleMessage({ type: 'article-seen', article: summary }, page, p);
    await handleMessage({ type: 'save-annotation', annotation: annotation() }, page, p);
    await p.db.recordArticle(summary, 'file:///home/reader/1040207.md');
    const popup = { id: OWN, url: 'chrome-extension://pizhu-extension-id/popup/index.html' };
    expect(await handleMessage({ type: 'open-annotation', id: annotation().id }, popup, p)).toEqual({ ok: true });
    expect(p.calls.at(-1)).toBe('show file:///home/reader/1040207.md');
    // The new tab (12) reads the article and is told which highlight to show; only once.
    const reader = { id: OWN, tabId: 12, frameId: 0, url: 'file:///home/reader/1040207.md' };
    // A read that fails answers nothing and keeps the highlight to show for the page's next visit.
    vi.spyOn(p.db, 'annotationsFor').mockRejectedValueOnce(new Error('read failed'));
    await expect(handleMessage({ type: 'article-seen', article: summary }, reader, p)).rejects.toThrow('read failed');
    expect(await handleMessage({ type: 'article-seen', article: summary }, reader, p)).toMatchObject({ ok: true, reveal: annotation().id });
    expect(await handleMessage({ type: 'article-seen', article: summary }, reader, p)).not.toHaveProperty('reveal');
  });

  it('a page already open is told at once; pages and other senders cannot ask', async () => {
    const p = await ports();
    await handleMessage({ type: 'article-seen', article: { ...summary, url: 'https://cn.reuters.com/open-already' } }, page, p);
    await handleMessage({ type: 'save-annotation', annotation: annotation() }, page, p);
    await p.db.recordArticle(summary, 'https://cn.reuters.com/open-already');
    const library = { id: OWN, tabId: 5, url: 'chrome-extension://pizhu-extension-id/popup/library.html' };
    expect(await handleMessage({ type: 'open-annotation', id: annotation().id }, library, p)).toEqual({ ok: true });
    expect(p.calls.at(-1)).toBe(`tell 3 ${JSON.stringify({ type: 'reveal-annotation', id: annotation().id })}`);
    expect(await handleMessage({ type: 'open-annotation', id: annotation().id }, page, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'open-annotation', id: '0b7a8e4c-0000-4222-8333-944455556666' }, library, p)).toMatchObject({ ok: false });
  });

  it('when the library changes, the tabs showing those articles hear it and their badges count again', async () => {
    const p = await ports();
    await handleMessage({ type: 'article-seen', article: summary }, page, p);
    await handleMessage({ type: 'save-annotation', annotation: annotation() }, page, p);
    await p.db.deleteAnnotation(annotation().id, '2026-03-02T00:00:00.000Z');
    p.calls.length = 0;
    const popup = { id: OWN, url: 'chrome-extension://pizhu-extension-id/popup/index.html' };
    expect(await handleMessage({ type: 'library-changed', articleIds: [summary.id, 'other.com/x'] }, popup, p)).toEqual({ ok: true });
    expect(p.calls).toEqual([`tell 9 ${JSON.stringify({ type: 'annotations-changed', articleId: summary.id })}`]);
    expect(await handleMessage({ type: 'library-changed', articleIds: [summary.id] }, page, p)).toMatchObject({ ok: false });
  });

  it('opens the next address where the last one cannot be opened, and never an address that is not the web or a file', async () => {
    const p = await ports();
    await handleMessage({ type: 'article-seen', article: summary }, page, p);
    await handleMessage({ type: 'save-annotation', annotation: annotation() }, page, p);
    const store = p.db;
    await store.recordArticle(summary, 'data:text/html,<script>alert(1)</script>');
    await store.recordArticle(summary, 'file:///firefox/1040207.md');
    await store.recordArticle(summary, 'file://evil.example/share/1040207.md');
    const popup = { id: OWN, url: 'chrome-extension://pizhu-extension-id/popup/index.html' };
    expect(await handleMessage({ type: 'open-annotation', id: annotation().id }, popup, p)).toEqual({ ok: true });
    expect(p.calls.filter((c) => c.startsWith('show'))).toEqual(['show file:///firefox/1040207.md', 'show https://cn.reuters.com/a']);
  });

  it('a page loading its highlights again is not a new visit: where it was last read stays, and a pending scroll waits', async () => {
    const p = await ports();
    await handleMessage({ type: 'article-seen', article: summary }, page, p);
    await p.db.recordArticle(summary, 'file:///home/reader/1040207.md');
    await p.reveals.set(9, annotation().id);
    expect(await handleMessage({ type: 'article-seen', article: summary, again: true }, page, p)).not.toHaveProperty('reveal');
    expect((await p.db.article(summary.id))?.seenAt.at(-1)).toBe('file:///home/reader/1040207.md');
    expect(await handleMessage({ type: 'article-seen', article: summary }, page, p)).toMatchObject({ reveal: annotation().id });
  });
});
