import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { readArticles, readInBatches, recentlyAnnotated } from './library-reads';
import { AnnotationStore } from './store';
import type { AnnotationRecord } from '../annotation/records';

const highlight = (id: string, articleId: string, start: number, modified: string): AnnotationRecord => ({
  id,
  articleId,
  color: 'blue',
  position: { type: 'TextPositionSelector', start, end: start + 2 },
  quote: { type: 'TextQuoteSelector', exact: '中俄', prefix: '', suffix: '' },
  parserVersion: 1,
  note: '',
  tags: [],
  created: modified,
  modified,
});

describe('recentlyAnnotated', () => {
  it('reads the most recently annotated articles first, each with its highlights in text order, and skips emptied ones', async () => {
    const db = await openDatabase('library-reads-1');
    const store = new AnnotationStore(db);
    for (const id of ['a', 'b', 'c']) await store.recordArticle({ id, url: `https://x/${id}`, title: id, source: 'reuters', publishedAt: null }, `https://x/${id}`);
    await store.saveAnnotation(highlight('00000001', 'a', 9, '2026-01-01T00:00:00.000Z'));
    await store.saveAnnotation(highlight('00000002', 'a', 3, '2026-01-03T00:00:00.000Z'));
    await store.saveAnnotation(highlight('00000003', 'b', 1, '2026-01-02T00:00:00.000Z'));
    await store.saveAnnotation(highlight('00000004', 'c', 1, '2026-01-04T00:00:00.000Z'));
    await store.deleteAnnotation('00000004', '2026-01-05T00:00:00.000Z');
    const listed = await recentlyAnnotated(db, 10);
    expect(listed.map((l) => [l.article.id, l.annotations.map((a) => a.id)])).toEqual([
      ['a', ['00000002', '00000001']],
      ['b', ['00000003']],
    ]);
    // The emptied article (the most recent) takes the one place first: the next one is read after it.
    expect((await recentlyAnnotated(db, 1)).map((l) => l.article.id)).toEqual(['a']);
  });
});

describe('readInBatches and readArticles', () => {
  it('hands every highlight over once, batch by batch, and reads chosen articles whole', async () => {
    const db = await openDatabase('library-reads-2');
    const store = new AnnotationStore(db);
    for (const id of ['a', 'b']) await store.recordArticle({ id, url: `https://x/${id}`, title: id, source: 'reuters', publishedAt: null }, `https://x/${id}`);
    for (let i = 0; i < 7; i++) await store.saveAnnotation(highlight(`0000000${i}`, i % 2 ? 'a' : 'b', 10 - i, '2026-01-01T00:00:00.000Z'));
    const batches: string[][] = [];
    const articles = await readInBatches(db, 3, (batch) => batches.push(batch.map((a) => a.id)));
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(batches.flat()).toEqual(['00000000', '00000001', '00000002', '00000003', '00000004', '00000005', '00000006']);
    expect(articles.map((a) => a.id)).toEqual(['a', 'b']);
    const read = await readArticles(db, ['a', 'gone']);
    expect(read.map((r) => [r.article.id, r.annotations.map((a) => a.id)])).toEqual([['a', ['00000005', '00000003', '00000001']]]);
  });
});
