import { describe, expect, it } from 'vitest';
import { LibraryIndex, LibraryIndexBuilder } from './library-index';
import type { AnnotationRecord, ArticleRecord } from '../annotation/records';

const article = (id: string, title: string, annotatedAt: string): ArticleRecord => ({
  id,
  url: `https://${id}`,
  title,
  source: 'nyt',
  publishedAt: null,
  seenAt: [`file:///home/me/${id}.md`],
  annotatedAt,
});
const annotation = (id: string, articleId: string, start: number, exact: string, more: Partial<AnnotationRecord> = {}): AnnotationRecord => ({
  id,
  articleId,
  color: 'green',
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
  quote: { type: 'TextQuoteSelector', exact, prefix: '前文', suffix: '后文' },
  parserVersion: 1,
  note: '',
  tags: [],
  created: '2026-03-05T12:00:00.000Z',
  modified: '2026-03-06T08:30:00.000Z',
  ...more,
});

const UUID_1 = '0f8e4b2c-1d3a-4c5b-8e6f-7a8b9c0d1e2f';
const records = [
  annotation(UUID_1, 'b', 10, '「臺灣」經濟 ＡＢＣ，增長', { note: '笔记：Ｘ\n第二行', tags: ['经济', '经济', '#重要'], creator: '小王', color: 'pink' }),
  annotation('h-2', 'b', 2, '中俄\n关系'),
  annotation('00000003', 'a', 0, 'Ⅻ ﬁne ㈱', { note: '①' }),
];
const index = LibraryIndex.of([article('a', '第一篇', '2026-01-01T00:00:00.000Z'), article('b', '第二篇', '2026-02-01T00:00:00.000Z')], records);

describe('LibraryIndex', () => {
  it('lists articles most recently annotated first, each with its highlights in text order', () => {
    expect(index.articles.map((a) => a.id)).toEqual(['b', 'a']);
    expect(Array.from({ length: index.size }, (_, i) => index.id(i))).toEqual(['h-2', UUID_1, '00000003']);
    // Only what the list shows of an article: no addresses on disk.
    expect(index.articles[0]).not.toHaveProperty('seenAt');
  });

  it('gives back each row what was stored: quote, note, tags once each, colour, creator and times', () => {
    for (const record of records) {
      const shown = index.highlight(index.find(record.id));
      expect(shown).toEqual({
        id: record.id,
        articleId: record.articleId,
        color: record.color,
        quote: record.quote.exact,
        note: record.note,
        tags: [...new Set(record.tags)],
        ...(record.creator ? { creator: record.creator } : {}),
        created: record.created,
        modified: record.modified,
      });
    }
    expect(index.hasNote(index.find(UUID_1))).toBe(true);
    expect(index.hasNote(index.find('h-2'))).toBe(false);
    expect(index.find('ffffffff-1d3a-4c5b-8e6f-7a8b9c0d1e2f')).toBe(-1);
  });

  it('finds highlights by words in their text or their title, across scripts and widths', () => {
    const found = (query: string) => {
      const matched = index.text.match(query);
      return (
        matched &&
        Array.from({ length: index.size }, (_, i) => i)
          .filter((i) => matched[i])
          .map((i) => index.id(i))
      );
    };
    expect(found('')).toBeNull();
    expect(found('台湾 abc')).toEqual([UUID_1]);
    expect(found('第二篇')).toEqual(['h-2', UUID_1]);
    expect(found('第二篇 中俄')).toEqual(['h-2']);
    expect(found('#重要')).toEqual([UUID_1]);
    expect(found('第二行')).toEqual([UUID_1]);
    expect(found('中俄关系')).toEqual([]);
  });

  it('is built the same batch by batch', () => {
    const builder = new LibraryIndexBuilder();
    builder.add(records.slice(0, 1));
    builder.add(records.slice(1));
    const batched = builder.finish([article('a', '第一篇', '2026-01-01T00:00:00.000Z'), article('b', '第二篇', '2026-02-01T00:00:00.000Z')]);
    expect(Array.from({ length: batched.size }, (_, i) => batched.highlight(i))).toEqual(Array.from({ length: index.size }, (_, i) => index.highlight(i)));
  });
});
