import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { idFromUrn } from './ids';
import { groupByArticle } from './library-data';
import { isOpenableAddress } from './openable';
import { annotationOrder, compareCodeUnits, inTextOrder } from './order';
import { AnnotationRecordSchema, ArticleRecordSchema, LIMITS, TombstoneSchema } from './records';
import { compareTimes, latestTime, toUtc, utcDateTime, utcDay } from './time';

const ANNOTATION = {
  id: '0F0E0D0C-0000-4000-8000-000000000001',
  articleId: 'cn.reuters.com/article/x',
  color: 'yellow',
  position: { type: 'TextPositionSelector', start: 3, end: 6 },
  quote: { type: 'TextQuoteSelector', exact: '第一段', prefix: '标题\n', suffix: '正文' },
  parserVersion: 1,
  note: '',
  tags: [],
  created: '2026-01-01T08:00:00+08:00',
  modified: '2026-01-01T00:00:00Z',
};

describe('the library records', () => {
  it('keep ids in lower case and times in UTC, as the store compares them', () => {
    const record = v.parse(AnnotationRecordSchema, ANNOTATION);
    expect(record.id).toBe('0f0e0d0c-0000-4000-8000-000000000001');
    expect(record.created).toBe('2026-01-01T00:00:00.000Z');
    expect(record.modified).toBe('2026-01-01T00:00:00.000Z');
    expect(v.parse(TombstoneSchema, { id: 'ABCDEF12', articleId: 'a', deleted: '2026-01-01T00:00Z' })).toEqual({ id: 'abcdef12', articleId: 'a', deleted: '2026-01-01T00:00:00.000Z' });
  });

  it('refuse an empty range, an empty quote, a time that is not one, an address that is not the web or a file', () => {
    expect(v.is(AnnotationRecordSchema, { ...ANNOTATION, position: { type: 'TextPositionSelector', start: 6, end: 6 } })).toBe(false);
    expect(v.is(AnnotationRecordSchema, { ...ANNOTATION, quote: { ...ANNOTATION.quote, exact: '' } })).toBe(false);
    expect(v.is(AnnotationRecordSchema, { ...ANNOTATION, created: '1' })).toBe(false);
    const article = { id: 'a', url: 'https://a', title: 't', source: 'reuters', publishedAt: null, seenAt: [], annotatedAt: null };
    expect(v.is(ArticleRecordSchema, article)).toBe(true);
    expect(v.is(ArticleRecordSchema, { ...article, url: 'javascript:alert(1)' })).toBe(false);
    expect(v.is(ArticleRecordSchema, { ...article, seenAt: ['data:text/html,x'] })).toBe(false);
    expect(v.is(ArticleRecordSchema, { ...article, title: 'x'.repeat(LIMITS.title + 1) })).toBe(false);
  });
});

describe('ids', () => {
  it('reads a urn:uuid: in any case as its lower-case id, and nothing else', () => {
    expect(idFromUrn('urn:uuid:0F0E0D0C-0000-4000-8000-000000000001')).toBe('0f0e0d0c-0000-4000-8000-000000000001');
    expect(idFromUrn('URN:UUID:abcdef12')).toBe('abcdef12');
    expect(idFromUrn('https://hyp.is/abc')).toBeNull();
    expect(idFromUrn('urn:uuid:not an id')).toBeNull();
    expect(idFromUrn(undefined)).toBeNull();
  });
});

describe('times', () => {
  it('compare as instants and print in UTC', () => {
    expect(compareTimes('2026-01-01T08:00:00+08:00', '2026-01-01T00:00:00.000Z')).toBe(0);
    expect(latestTime(null, '2026-01-01T00:00:00.000Z')).toBe('2026-01-01T00:00:00.000Z');
    expect(latestTime('2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z')).toBe('2026-01-02T00:00:00.000Z');
    expect(toUtc('2026-01-01T08:00+08:00')).toBe('2026-01-01T00:00:00.000Z');
    expect(utcDay(new Date('2026-01-01T23:30:00-08:00'))).toBe('2026-01-02');
    expect(utcDateTime(new Date('2026-01-01T08:05:09+08:00'), 'minutes')).toBe('2026-01-01 00:05');
    expect(utcDateTime(new Date('2026-01-01T08:05:09+08:00'), 'seconds')).toBe('2026-01-01 00:05:09');
    expect(utcDay(new Date('nonsense'))).toBe('');
  });
});

describe('orders', () => {
  it('sort by code units, not by the locale', () => {
    expect(['b', 'B', 'a', '中'].sort(compareCodeUnits)).toEqual(['B', 'a', 'b', '中']);
  });

  it('put highlights in text order, then by article for exports', () => {
    const at = (id: string, articleId: string, start: number) => ({ id, articleId, position: { start, end: start + 1 }, created: '2026-01-01T00:00:00.000Z' });
    expect([at('c', 'a', 5), at('b', 'a', 1)].sort(inTextOrder).map((a) => a.id)).toEqual(['b', 'c']);
    expect([at('c', 'b', 0), at('b', 'a', 9), at('a', 'a', 9)].sort(annotationOrder).map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('groupByArticle', () => {
  it('groups highlights by article, keeping their order', () => {
    const groups = groupByArticle([
      { articleId: 'x', n: 1 },
      { articleId: 'y', n: 2 },
      { articleId: 'x', n: 3 },
    ]);
    expect([...groups].map(([id, list]) => [id, list.map((a) => a.n)])).toEqual([
      ['x', [1, 3]],
      ['y', [2]],
    ]);
  });
});

describe('isOpenableAddress', () => {
  it('takes the web and files on this disk, nothing else', () => {
    for (const url of ['https://cn.reuters.com/a', 'http://x', 'file:///home/a/1.md', 'FILE:///C:/a.md']) expect(isOpenableAddress(url)).toBe(true);
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'chrome://settings', 'file://host/share/a.md', '']) expect(isOpenableAddress(url)).toBe(false);
  });
});
