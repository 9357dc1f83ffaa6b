import { describe, expect, it } from 'vitest';
import { arrange, NO_FILTERS } from './arrange';
import { LibraryIndex } from './library-index';
import { LibraryRows } from './rows';
import type { AnnotationRecord, ArticleRecord } from '../annotation/records';

const article = (id: string, annotatedAt: string): ArticleRecord => ({ id, url: `https://${id}`, title: id, source: 'reuters', publishedAt: null, seenAt: [], annotatedAt });
const annotation = (id: string, articleId: string, start = 0, exact = '中', note = ''): AnnotationRecord => ({
  id,
  articleId,
  color: 'yellow',
  position: { type: 'TextPositionSelector', start, end: start + 1 },
  quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  parserVersion: 1,
  note,
  tags: [],
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
});

describe('LibraryRows', () => {
  // Most recently annotated first: a, then c; b has no highlight.
  const index = LibraryIndex.of(
    [article('a', '2026-01-03T00:00:00.000Z'), article('b', '2026-01-02T00:00:00.000Z'), article('c', '2026-01-01T00:00:00.000Z')],
    [annotation('1', 'a'), annotation('2', 'a', 5), annotation('3', 'c')],
  );
  const all = arrange(index, null, NO_FILTERS);
  const keys = (rows: LibraryRows) => Array.from({ length: rows.length }, (_, i) => rows.at(i).key);

  it('lists each article with its highlights beneath it, and leaves out articles with none listed', () => {
    const rows = new LibraryRows(index, all);
    expect(keys(rows)).toEqual(['a:a', 'h:1', 'h:2', 'a:c', 'h:3']);
    expect(rows.at(0)).toMatchObject({ kind: 'article', count: 2, current: false });
  });

  it("puts the current tab's article first, and marks the orphans", () => {
    const rows = new LibraryRows(index, all, { currentArticleId: 'c', orphans: new Set(['2']) });
    expect(keys(rows)).toEqual(['a:c', 'h:3', 'a:a', 'h:1', 'h:2']);
    expect(rows.at(0)).toMatchObject({ kind: 'article', current: true });
    expect(
      keys(rows).filter((_, i) => {
        const row = rows.at(i);
        return row.kind === 'annotation' && row.orphan;
      }),
    ).toEqual(['h:2']);
    // An article with no listed highlights stays where it is (out).
    expect(keys(new LibraryRows(index, all, { currentArticleId: 'b' }))[0]).toBe('a:a');
  });

  it('keys a line by its highlight or article whatever the search lists', () => {
    const rows = new LibraryRows(index, all);
    const narrowed = new LibraryRows(index, arrange(index, Uint8Array.from([0, 0, 1]), NO_FILTERS));
    expect(keys(narrowed)).toEqual(['a:c', 'h:3']);
    expect([narrowed.key(0), narrowed.key(1)]).toEqual([rows.key(3), rows.key(4)]);
  });

  it('puts lines in size classes by kind and by the length of their words, and groups the classes by kind', () => {
    const long = '中'.repeat(40);
    const sized = LibraryIndex.of(
      [article('a', '2026-01-03T00:00:00.000Z'), article('a much longer title than the other', '2026-01-01T00:00:00.000Z')],
      [
        annotation('1', 'a', 0, '中文'),
        annotation('2', 'a', 5, '中国'),
        annotation('3', 'a', 9, long),
        annotation('4', 'a', 60, '中国', '批注'),
        annotation('5', 'a much longer title than the other', 0, long, `${long}${long}${long}`),
      ],
    );
    const rows = new LibraryRows(sized, arrange(sized, null, NO_FILTERS));
    const lines = Array.from({ length: rows.length }, (_, i) => i);
    expect(lines.map((i) => rows.at(i).key)).toEqual(['a:a', 'h:1', 'h:2', 'h:3', 'h:4', 'a:a much longer title than the other', 'h:5']);
    const classes = lines.map((i) => rows.sizeClass(i));
    // Two quotes of two characters, no note: one class; a longer quote, a note, a longer title: each its own.
    expect(classes[1]).toBe(classes[2]);
    expect(new Set(classes).size).toBe(6);
    expect(lines.map((i) => rows.sizeGroup(i))).toEqual([0, 1, 1, 1, 2, 0, 2]);
  });
});
