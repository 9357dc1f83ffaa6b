import { describe, expect, it } from 'vitest';
import { localDay } from '../time/local-time';
import { type Arranged, arrange, type ListFilters, NO_FILTERS } from './arrange';
import { LibraryIndex } from './library-index';
import type { ArticleWithAnnotations } from '../annotation/library-data';
import type { AnnotationRecord, ArticleRecord, Color } from '../annotation/records';

const article = (id: string, source: ArticleRecord['source'], publishedAt: string | null): ArticleRecord => ({
  id,
  url: `https://${id}`,
  title: id,
  source,
  publishedAt,
  seenAt: [],
  annotatedAt: '2026-01-01T00:00:00.000Z',
});
const annotation = (id: string, articleId: string, color: Color, tags: string[] = [], created = '2026-01-10T12:00:00.000Z'): AnnotationRecord => ({
  id,
  articleId,
  color,
  position: { type: 'TextPositionSelector', start: 0, end: 1 },
  quote: { type: 'TextQuoteSelector', exact: '中', prefix: '', suffix: '' },
  parserVersion: 1,
  note: '',
  tags,
  created,
  modified: created,
});

// In the search's order: most recently annotated first.
const hits: ArticleWithAnnotations[] = [
  { article: article('a', 'nyt', '2020-05-01T00:00:00.000Z'), annotations: [annotation('1', 'a', 'yellow', ['外交']), annotation('2', 'a', 'blue', ['外交', '经济'], '2026-02-01T12:00:00.000Z')] },
  { article: article('b', 'reuters', null), annotations: [annotation('3', 'b', 'yellow')] },
  { article: article('c', 'bbc', '2021-07-01T00:00:00.000Z'), annotations: [annotation('4', 'c', 'pink', ['经济'])] },
];
const index = LibraryIndex.of(
  hits.map((h) => h.article),
  hits.flatMap((h) => h.annotations),
);
const run = (filters: ListFilters) => arrange(index, null, filters);
const ids = ({ articles, from, highlights }: Arranged) => [...articles].map((k, j) => `${index.articles[k].id}:${[...highlights.subarray(from[j], from[j + 1])].map((i) => index.id(i)).join(',')}`);

describe('arrange', () => {
  it('keeps the search order, and counts colours, tags and sources', () => {
    const listed = run(NO_FILTERS);
    const { colorCounts, tagCounts, sourceCounts } = listed;
    expect(ids(listed)).toEqual(['a:1,2', 'b:3', 'c:4']);
    expect(colorCounts).toEqual({ yellow: 2, green: 0, blue: 1, pink: 1, purple: 0 });
    expect(tagCounts).toEqual([
      ['外交', 2],
      ['经济', 2],
    ]);
    expect(sourceCounts).toEqual([
      ['nyt', 2],
      ['bbc', 1],
      ['reuters', 1],
    ]);
  });

  it('sorts by publication (undated last) and by source', () => {
    expect(ids(run({ ...NO_FILTERS, sort: 'published' }))).toEqual(['c:4', 'a:1,2', 'b:3']);
    expect(ids(run({ ...NO_FILTERS, sort: 'source' }))).toEqual(['c:4', 'a:1,2', 'b:3']);
  });

  it('narrows by colour and tag; each count shows what choosing it would list', () => {
    const yellow = run({ ...NO_FILTERS, colors: ['yellow'] });
    expect(ids(yellow)).toEqual(['a:1', 'b:3']);
    // The colour counts ignore the colour filter, the tag counts do not.
    expect(yellow.colorCounts.blue).toBe(1);
    expect(yellow.tagCounts).toEqual([['外交', 1]]);
    const economy = run({ ...NO_FILTERS, tag: '经济' });
    expect(ids(economy)).toEqual(['a:2', 'c:4']);
    expect(economy.colorCounts).toEqual({ yellow: 0, green: 0, blue: 1, pink: 1, purple: 0 });
    expect(economy.tagCounts.map(([t]) => t).sort()).toEqual(['外交', '经济']);
  });

  it('narrows by source, and still counts every source', () => {
    const nyt = run({ ...NO_FILTERS, source: 'nyt' });
    expect(ids(nyt)).toEqual(['a:1,2']);
    expect(nyt.sourceCounts).toEqual([
      ['nyt', 2],
      ['bbc', 1],
      ['reuters', 1],
    ]);
    expect(nyt.colorCounts.pink).toBe(0);
  });

  it('narrows by the day a highlight was made, or the day its article was published', () => {
    expect(ids(run({ ...NO_FILTERS, from: '2026-01-15' }))).toEqual(['a:2']);
    expect(ids(run({ ...NO_FILTERS, to: '2026-01-15' }))).toEqual(['a:1', 'b:3', 'c:4']);
    expect(ids(run({ ...NO_FILTERS, dateField: 'published', from: '2021-01-01' }))).toEqual(['c:4']);
    // An article without a publication date is out of any published range.
    expect(ids(run({ ...NO_FILTERS, dateField: 'published', to: '2030-01-01' }))).toEqual(['a:1,2', 'c:4']);
  });

  it('takes days in the local time zone', () => {
    const noon = new Date(2026, 2, 5, 12).toISOString();
    expect(localDay(noon)).toBe('2026-03-05');
    expect(localDay('not a time')).toBe('');
  });
});
