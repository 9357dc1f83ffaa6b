import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../anchor/selectors';
import { type MergePlan, planMerge } from './merge';
import { openDatabase } from './database';
import { recentlyAnnotated } from './library-reads';
import { AnnotationStore, AnnotationWasDeleted } from './store';
import type { AnnotationRecord } from '../annotation/records';

let dbCount = 0;
const freshName = () => `pizhu-test-${++dbCount}`;

const TEXT = '标题\n第一段正文，很长的一段。\n第二段正文。';
const ARTICLE = { id: 'cn.reuters.com/article/x', url: 'https://cn.reuters.com/article/x', title: '标题', source: 'reuters' as const, publishedAt: null };

function annotation(id: string, start: number, end: number, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  const { position, quote } = describeRange(TEXT, start, end);
  return { id, articleId: ARTICLE.id, color: 'yellow', position, quote, parserVersion: 1, note: '', tags: [], created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', ...extra };
}

describe('AnnotationStore', () => {
  it('keeps every address an article was seen at, the one last read last, and the newest facts', async () => {
    const store = new AnnotationStore(await openDatabase(freshName()));
    await store.recordArticle(ARTICLE, 'file:///a/1040207.md');
    await store.recordArticle({ ...ARTICLE, title: '新标题' }, 'https://cn.reuters.com/article/x');
    await store.recordArticle(ARTICLE, 'file:///a/1040207.md');
    expect(await store.article(ARTICLE.id)).toMatchObject({ title: '标题', seenAt: ['https://cn.reuters.com/article/x', 'file:///a/1040207.md'], annotatedAt: null });
  });

  it("keeps the archive copy's time when the live page, which has none, is read later", async () => {
    const store = new AnnotationStore(await openDatabase(freshName()));
    await store.recordArticle({ ...ARTICLE, archivedAt: '2021-03-23T07:00:05.000Z', ...{ blockCount: 9, origin: 'archive' } }, 'file:///a/1040207.md');
    await store.recordArticle({ ...ARTICLE, archivedAt: null }, ARTICLE.url);
    // Only the article's facts are stored, not what a page reports besides (its block count, its origin).
    expect(await store.article(ARTICLE.id)).toEqual({ ...ARTICLE, archivedAt: '2021-03-23T07:00:05.000Z', seenAt: ['file:///a/1040207.md', ARTICLE.url], annotatedAt: null });
  });

  it("keeps the archive copy's place a library brought (an import) when the live page is read, until a file of it is read here", async () => {
    const db = await openDatabase(freshName());
    const store = new AnnotationStore(db);
    await db.put('articles', { ...ARTICLE, archivedAt: null, seenAt: [ARTICLE.url], annotatedAt: null, archivePath: 'articles/reuters/1040207.md' });
    await store.recordArticle(ARTICLE, ARTICLE.url);
    expect((await store.article(ARTICLE.id))?.archivePath).toBe('articles/reuters/1040207.md');
    await store.recordArticle(ARTICLE, 'file:///a/articles/reuters/1040207.md');
    expect((await store.article(ARTICLE.id))?.archivePath).toBeUndefined();
  });

  it('saves highlights, lists them in text order, and lists annotated articles newest first', async () => {
    const db = await openDatabase(freshName());
    const store = new AnnotationStore(db);
    await store.recordArticle(ARTICLE, ARTICLE.url);
    await store.recordArticle({ ...ARTICLE, id: 'other', url: 'https://x/other' }, 'https://x/other');
    await store.saveAnnotation(annotation('b', 10, 12));
    await store.saveAnnotation(annotation('a', 3, 6, { tags: ['外交', '中俄'] }));
    await store.saveAnnotation({ ...annotation('c', 3, 5), articleId: 'other', modified: '2026-02-01T00:00:00.000Z' });
    expect((await store.annotationsFor(ARTICLE.id)).map((a) => a.id)).toEqual(['a', 'b']);
    expect((await recentlyAnnotated(db, 10)).map((listed) => listed.article.id)).toEqual(['other', ARTICLE.id]);
  });

  it('leaves a tombstone on delete, and never lets the deleted highlight back', async () => {
    const store = new AnnotationStore(await openDatabase(freshName()));
    await store.recordArticle(ARTICLE, ARTICLE.url);
    const doomed = annotation('gone', 3, 6);
    await store.saveAnnotation(doomed);
    expect(await store.deleteAnnotation('gone', '2026-03-01T00:00:00.000Z')).toEqual({ record: doomed, tombstone: { id: 'gone', articleId: ARTICLE.id, deleted: '2026-03-01T00:00:00.000Z' } });
    expect(await store.deleteAnnotation('gone', '2026-03-01T00:00:00.000Z')).toBeNull();
    expect(await store.annotationsFor(ARTICLE.id)).toEqual([]);
    expect(await store.tombstones()).toEqual([{ id: 'gone', articleId: ARTICLE.id, deleted: '2026-03-01T00:00:00.000Z' }]);
    await expect(store.saveAnnotation(doomed)).rejects.toBeInstanceOf(AnnotationWasDeleted);
    expect(await store.annotationsFor(ARTICLE.id)).toEqual([]);
    expect((await store.article(ARTICLE.id))?.annotatedAt).toBe('2026-03-01T00:00:00.000Z');
  });

  it('undoes a delete: the tombstone goes and the highlight is back', async () => {
    const store = new AnnotationStore(await openDatabase(freshName()));
    await store.recordArticle(ARTICLE, ARTICLE.url);
    const doomed = annotation('undone', 3, 6, { note: '笔记' });
    await store.saveAnnotation(doomed);
    const deleted = (await store.deleteAnnotation('undone', '2026-03-01T00:00:00.000Z'))!;
    expect(await store.undoDelete(deleted, '2026-03-01T00:00:05.000Z')).toBe(true);
    expect(await store.annotationsFor(ARTICLE.id)).toEqual([doomed]);
    expect(await store.tombstones()).toEqual([]);
    expect((await store.article(ARTICLE.id))?.annotatedAt).toBe('2026-03-01T00:00:05.000Z');
    await store.saveAnnotation({ ...doomed, note: '改过' });
    expect((await store.annotation('undone'))?.note).toBe('改过');
  });

  it('undoes only its own delete: not one made again elsewhere, nor an old copy over a newer one', async () => {
    const store = new AnnotationStore(await openDatabase(freshName()));
    await store.recordArticle(ARTICLE, ARTICLE.url);
    await store.saveAnnotation(annotation('twice', 3, 6, { note: '旧' }));
    const first = (await store.deleteAnnotation('twice', '2026-03-01T00:00:00.000Z'))!;
    // Undone once; then the page changes the note and deletes it again.
    expect(await store.undoDelete(first, '2026-03-01T00:00:01.000Z')).toBe(true);
    await store.saveAnnotation(annotation('twice', 3, 6, { note: '新', modified: '2026-03-01T00:00:02.000Z' }));
    await store.deleteAnnotation('twice', '2026-03-01T00:00:03.000Z');
    // The popup's stale undo of the first delete brings back nothing.
    expect(await store.undoDelete(first, '2026-03-01T00:00:04.000Z')).toBe(false);
    expect(await store.annotationsFor(ARTICLE.id)).toEqual([]);
    expect(await store.tombstones()).toEqual([{ id: 'twice', articleId: ARTICLE.id, deleted: '2026-03-01T00:00:03.000Z' }]);
  });

  it('loses nothing when two tabs write at once', async () => {
    const name = freshName();
    const [one, two] = [new AnnotationStore(await openDatabase(name)), new AnnotationStore(await openDatabase(name))];
    await one.recordArticle(ARTICLE, ARTICLE.url);
    await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => one.saveAnnotation(annotation(`one-${i}`, 3, 6))),
      ...Array.from({ length: 50 }, (_, i) => two.saveAnnotation(annotation(`two-${i}`, 10, 12))),
      one.recordArticle(ARTICLE, 'file:///one.md'),
      two.recordArticle(ARTICLE, 'file:///two.md'),
    ]);
    expect(await one.annotationsFor(ARTICLE.id)).toHaveLength(100);
  });

  it('upgrades a version 1 database, written here in the old shape, losing nothing', async () => {
    const name = freshName();
    const old = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('articles', { keyPath: 'id' });
        db.createObjectStore('annotations', { keyPath: 'id' }).createIndex('byArticle', 'articleId');
      },
    });
    const { position, quote } = describeRange(TEXT, 3, 6);
    await old.put('articles', { id: ARTICLE.id, url: ARTICLE.url, title: '标题', source: 'reuters', publishedAt: null });
    await old.put('annotations', { id: 'v1', articleId: ARTICLE.id, color: 'green', position, quote, parserVersion: 1, note: '旧笔记', created: '2025-01-01T00:00:00.000Z' });
    old.close();

    const store = new AnnotationStore(await openDatabase(name));
    expect(await store.annotationsFor(ARTICLE.id)).toEqual([
      { id: 'v1', articleId: ARTICLE.id, color: 'green', position, quote, parserVersion: 1, note: '旧笔记', tags: [], created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z' },
    ]);
    expect(await store.article(ARTICLE.id)).toMatchObject({ seenAt: [ARTICLE.url], annotatedAt: null });
    await store.saveAnnotation(annotation('v2', 10, 12, { tags: ['新'] }));
    expect((await store.annotationsFor(ARTICLE.id)).map((a) => [a.id, a.tags])).toEqual([
      ['v1', []],
      ['v2', ['新']],
    ]);
  });

  it('upgrades a version 2 database: the indexes nothing reads go, every record stays', async () => {
    const name = freshName();
    const old = await openDB(name, 2, {
      upgrade(db) {
        db.createObjectStore('articles', { keyPath: 'id' }).createIndex('byAnnotatedAt', 'annotatedAt');
        const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
        annotations.createIndex('byArticle', 'articleId');
        annotations.createIndex('byModified', 'modified');
        annotations.createIndex('byTag', 'tags', { multiEntry: true });
        db.createObjectStore('tombstones', { keyPath: 'id' });
      },
    });
    const kept = annotation('v2', 3, 6, { tags: ['中俄'] });
    await old.put('articles', { ...ARTICLE, seenAt: [ARTICLE.url], annotatedAt: kept.modified });
    await old.put('annotations', kept);
    await old.put('tombstones', { id: 'gone', articleId: ARTICLE.id, deleted: '2026-01-02T00:00:00.000Z' });
    old.close();

    const db = await openDatabase(name);
    expect([...db.transaction('annotations').store.indexNames]).toEqual(['byArticle']);
    expect([...db.transaction('articles').store.indexNames]).toEqual(['byAnnotatedAt']);
    expect(await new AnnotationStore(db).readAll()).toEqual({
      articles: [{ ...ARTICLE, seenAt: [ARTICLE.url], annotatedAt: kept.modified }],
      annotations: [kept],
      tombstones: [{ id: 'gone', articleId: ARTICLE.id, deleted: '2026-01-02T00:00:00.000Z' }],
    });
  });

  it('exports everything it holds, in one snapshot', async () => {
    const store = new AnnotationStore(await openDatabase(freshName()));
    await store.recordArticle(ARTICLE, ARTICLE.url);
    await store.saveAnnotation(annotation('b', 10, 12));
    await store.saveAnnotation(annotation('a', 3, 6));
    await store.deleteAnnotation('b', '2026-03-01T00:00:00.000Z');
    const all = await store.readAll();
    expect(all.articles).toEqual([{ ...ARTICLE, archivedAt: null, seenAt: [ARTICLE.url], annotatedAt: '2026-03-01T00:00:00.000Z' }]);
    expect(all.annotations).toEqual([annotation('a', 3, 6)]);
    expect(all.tombstones).toEqual([{ id: 'b', articleId: ARTICLE.id, deleted: '2026-03-01T00:00:00.000Z' }]);
  });

  it('imports a plan and keeps annotatedAt right; the same file again changes nothing', async () => {
    const store = new AnnotationStore(await openDatabase(freshName()));
    await store.recordArticle(ARTICLE, ARTICLE.url);
    await store.saveAnnotation(annotation('here', 3, 6));
    const incoming = {
      articles: [{ ...ARTICLE, seenAt: ['file:///x.md'], annotatedAt: null }],
      annotations: [annotation('new', 10, 12, { modified: '2026-02-01T00:00:00.000Z' })],
      tombstones: [{ id: 'here', articleId: ARTICLE.id, deleted: '2026-01-15T00:00:00.000Z' }],
    };
    const report = await store.importLibrary(incoming);
    expect(report).toEqual({ added: 1, updated: 0, deleted: 1, skipped: [] });
    expect((await store.annotationsFor(ARTICLE.id)).map((a) => a.id)).toEqual(['new']);
    expect(await store.article(ARTICLE.id)).toEqual({ ...ARTICLE, archivedAt: null, seenAt: ['file:///x.md', ARTICLE.url], annotatedAt: '2026-02-01T00:00:00.000Z' });
    await expect(store.saveAnnotation(annotation('here', 3, 6))).rejects.toBeInstanceOf(AnnotationWasDeleted);
    const before = await store.readAll();
    expect(await store.importLibrary(incoming)).toEqual({ added: 0, updated: 0, deleted: 0, skipped: [{ id: 'new', reason: 'already-here' }] });
    expect(await store.readAll()).toEqual(before);
  });

  it('writes all of an import or nothing', async () => {
    const store = new AnnotationStore(await openDatabase(freshName()));
    await store.recordArticle(ARTICLE, ARTICLE.url);
    await store.saveAnnotation(annotation('kept', 3, 6));
    const before = await store.readAll();
    const good = planMerge(
      {
        articles: [{ ...ARTICLE, id: 'other', url: 'https://x/other', seenAt: [], annotatedAt: null }],
        annotations: [annotation('new', 10, 12)],
        tombstones: [{ id: 'kept', articleId: ARTICLE.id, deleted: '2026-06-01T00:00:00.000Z' }],
      },
      before,
    );
    expect(good.deletions).toEqual(['kept']);
    // The last write has no key: IndexedDB refuses it after the others were made.
    const broken: MergePlan = { ...good, articles: [...good.articles, { ...ARTICLE, seenAt: [], annotatedAt: null, id: undefined as unknown as string }] };
    await expect(store.applyImport(broken)).rejects.toThrow();
    expect(await store.readAll()).toEqual(before);
    // Nor does a value the database cannot store (a function cannot be cloned), however late it comes.
    const unclonable: MergePlan = { ...good, tombstones: [...good.tombstones, { id: 'x', articleId: ARTICLE.id, deleted: (() => 'now') as unknown as string }] };
    await expect(store.applyImport(unclonable)).rejects.toThrow();
    expect(await store.readAll()).toEqual(before);
    await store.applyImport(good);
    expect((await store.readAll()).annotations.map((a) => a.id)).toEqual(['new']);
  });
});
