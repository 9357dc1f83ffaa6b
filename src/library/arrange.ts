import { compareCodeUnits } from '../annotation/order';
import { type Color, COLORS } from '../annotation/records';
import { localDay } from '../time/local-time';
import type { LibraryIndex } from './library-index';

/** How the list is ordered: most recently annotated first (the search's order), newest publication first, or by source. */
export type LibrarySort = 'annotated' | 'published' | 'source';
/** Which date a date range narrows: when a highlight was made, or when its article was published. */
export type DateField = 'annotated' | 'published';

export interface ListFilters {
  sort: LibrarySort;
  /** An article source (`reuters`, `nyt`, …, `other`), or empty: every source. */
  source: string;
  dateField: DateField;
  /** Days as `YYYY-MM-DD` in the reader's time zone, both ends included; empty: open. */
  from: string;
  to: string;
  /** Only these colours; empty: every colour. */
  colors: readonly Color[];
  /** Only highlights with this tag; empty: every tag. */
  tag: string;
}

export const NO_FILTERS: ListFilters = { sort: 'annotated', source: '', dateField: 'annotated', from: '', to: '', colors: [], tag: '' };

export interface Arranged {
  /** The listed articles (their numbers in the index), in the chosen order. */
  articles: Uint32Array;
  /** Listed article j's highlights (their numbers) are `highlights[from[j]]` to `highlights[from[j + 1]]` (exclusive), in text order. */
  from: Uint32Array;
  highlights: Uint32Array;
  /** Per colour, how many highlights choosing it would list (the other filters applied, the colour filter not). */
  colorCounts: Record<Color, number>;
  /** Per tag, how many highlights choosing it would list; the most used first. */
  tagCounts: [tag: string, count: number][];
  /** Per source, how many highlights choosing it would list, whatever source is chosen; the most used first. */
  sourceCounts: [source: string, count: number][];
}

/** `YYYY-MM-DD` as the number YYYYMMDD (0: none). */
const dayNumber = (day: string) => (day ? Number(day.replaceAll('-', '')) : 0);

/** Whether a day (YYYYMMDD, 0: unknown) is in the range; an open range takes every day, a closed one no unknown day. */
const inRange = (day: number, from: number, to: number) => (!from || (day !== 0 && day >= from)) && (!to || (day !== 0 && day <= to));

/**
 * Narrows the library to what a search matched (`matched`: 1 for a match; null: everything) and to the
 * source, date, colour and tag, counts what each choice would list (so the reader sees a colour's or a
 * tag's count before choosing it), and orders the articles. Highlights keep their order within an
 * article; an article left without highlights is left out; deleted highlights are not listed.
 * Works on the index's columns: no record is made, whatever the library's size.
 */
export function arrange(index: LibraryIndex, matched: Uint8Array | null, filters: ListFilters): Arranged {
  const colors = filters.colors.length ? new Set(filters.colors.map((c) => COLORS.indexOf(c))) : null;
  const tag = filters.tag ? index.tagNames.indexOf(filters.tag) : -1;
  const from = dayNumber(filters.from);
  const to = dayNumber(filters.to);
  const byDay = filters.dateField === 'annotated' && (from || to);
  const byPublished = filters.dateField === 'published' && (from || to);
  const colorCounts = new Uint32Array(COLORS.length);
  const tagCounts = new Uint32Array(index.tagNames.length);
  const sources = new Map<string, number>();
  const listed: number[] = [];
  const starts: number[] = [];
  const kept: number[] = [];
  index.articles.forEach((article, k) => {
    if (byPublished && !inRange(article.publishedAt ? dayNumber(localDay(article.publishedAt)) : 0, from, to)) return;
    const sourceMatches = !filters.source || article.source === filters.source;
    const before = kept.length;
    let sourceCount = 0;
    for (let i = index.articleStart[k]; i < index.articleStart[k + 1]; i++) {
      if (index.removed[i] || (matched && !matched[i]) || (byDay && !inRange(index.day[i], from, to))) continue;
      const color = !colors || colors.has(index.color[i]);
      const tagged = !filters.tag || hasTag(index, i, tag);
      if (color && tagged) sourceCount++;
      if (!sourceMatches) continue;
      if (tagged) colorCounts[index.color[i]]++;
      if (color) for (let j = index.tagStart[i]; j < index.tagStart[i + 1]; j++) tagCounts[index.tagIds[j]]++;
      if (color && tagged) kept.push(i);
    }
    if (sourceCount) sources.set(article.source, (sources.get(article.source) ?? 0) + sourceCount);
    if (kept.length > before) {
      listed.push(k);
      starts.push(before);
    }
  });
  starts.push(kept.length);
  const tags = new Map<string, number>();
  tagCounts.forEach((count, t) => {
    if (count) tags.set(index.tagNames[t], count);
  });
  return {
    ...order(index, listed, starts, kept, filters.sort),
    colorCounts: Object.fromEntries(COLORS.map((c, i) => [c, colorCounts[i]])) as Record<Color, number>,
    tagCounts: byCount(tags),
    sourceCounts: byCount(sources),
  };
}

function hasTag(index: LibraryIndex, i: number, tag: number): boolean {
  for (let j = index.tagStart[i]; j < index.tagStart[i + 1]; j++) if (index.tagIds[j] === tag) return true;
  return false;
}

function byCount(counts: Map<string, number>): [string, number][] {
  return [...counts].sort(([a, m], [b, n]) => n - m || compareCodeUnits(a, b));
}

/** The articles in the chosen order; ties keep the search's order (most recently annotated first). Sorting is stable. */
function order(index: LibraryIndex, listed: number[], starts: number[], kept: number[], sort: LibrarySort): Pick<Arranged, 'articles' | 'from' | 'highlights'> {
  const positions = listed.map((_, j) => j);
  if (sort === 'published') {
    // Articles without a publication date go last.
    const published = (j: number) => index.articles[listed[j]].publishedAt ?? '';
    positions.sort((a, b) => compareCodeUnits(published(b), published(a)));
  } else if (sort === 'source') {
    const rank = (j: number) => {
      const source = index.articles[listed[j]].source;
      return source === 'other' ? `~${source}` : source;
    };
    positions.sort((a, b) => compareCodeUnits(rank(a), rank(b)));
  } else {
    return { articles: Uint32Array.from(listed), from: Uint32Array.from(starts), highlights: Uint32Array.from(kept) };
  }
  const articles = new Uint32Array(listed.length);
  const from = new Uint32Array(listed.length + 1);
  const highlights = new Uint32Array(kept.length);
  let at = 0;
  positions.forEach((j, p) => {
    articles[p] = listed[j];
    from[p] = at;
    highlights.set(kept.slice(starts[j], starts[j + 1]), at);
    at += starts[j + 1] - starts[j];
  });
  from[listed.length] = at;
  return { articles, from, highlights };
}
