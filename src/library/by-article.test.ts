import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../store/records';
import { groupByArticle } from './by-article';

const annotation = (id: string, articleId: string): AnnotationRecord => ({
  id, articleId, color: 'yellow', position: { type: 'TextPositionSelector', start: 0, end: 1 }, quote: { type: 'TextQuoteSelector', exact: '中', prefix: '', suffix: '' },
  parserVersion: 1, note: '', tags: [], created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
});

describe('groupByArticle', () => {
  it("puts each annotation under its article's id, keeping the order given", () => {
    const groups = groupByArticle([annotation('1', 'a'), annotation('2', 'b'), annotation('3', 'a')]);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')!.map((a) => a.id)).toEqual(['1', '3']);
    expect(groups.get('b')!.map((a) => a.id)).toEqual(['2']);
  });

  it('answers an empty map for no annotations', () => {
    expect(groupByArticle([]).size).toBe(0);
  });
});
