import { describe, expect, it } from 'vitest';
import { toRows } from './rows';
import type { AnnotationRecord, ArticleRecord } from '../annotation/records';

const article = (id: string): ArticleRecord => ({ id, url: `https://${id}`, title: id, source: 'reuters', publishedAt: null, seenAt: [], annotatedAt: '2026-01-01T00:00:00.000Z' });
const annotation = (id: string, articleId: string): AnnotationRecord => ({
  id, articleId, color: 'yellow', position: { type: 'TextPositionSelector', start: 0, end: 1 }, quote: { type: 'TextQuoteSelector', exact: '中', prefix: '', suffix: '' },
  parserVersion: 1, note: '', tags: [], created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
});

describe('toRows', () => {
  const listed = [
    { article: article('a'), annotations: [annotation('1', 'a'), annotation('2', 'a')] },
    { article: article('b'), annotations: [] },
    { article: article('c'), annotations: [annotation('3', 'c')] },
  ];

  it('lists each article with its highlights beneath it, and leaves out articles with none listed', () => {
    expect(toRows(listed).map((r) => r.key)).toEqual(['a:a', 'h:1', 'h:2', 'a:c', 'h:3']);
    expect(toRows(listed)[0]).toMatchObject({ kind: 'article', count: 2, current: false });
  });

  it("puts the current tab's article first, and marks the orphans", () => {
    const rows = toRows(listed, { currentArticleId: 'c', orphans: new Set(['2']) });
    expect(rows.map((r) => r.key)).toEqual(['a:c', 'h:3', 'a:a', 'h:1', 'h:2']);
    expect(rows[0]).toMatchObject({ kind: 'article', current: true });
    expect(rows.filter((r) => r.kind === 'annotation' && r.orphan).map((r) => r.key)).toEqual(['h:2']);
    // An article with no listed highlights stays where it is (out).
    expect(toRows(listed, { currentArticleId: 'b' }).map((r) => r.key)[0]).toBe('a:a');
  });
});
