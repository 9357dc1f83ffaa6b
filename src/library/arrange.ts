import type { ArticleWithAnnotations } from '../annotation/library-data';
import { compareCodeUnits } from '../annotation/order';
import { type AnnotationRecord, type Color, COLORS } from '../annotation/records';

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
  /** What the list shows, in the chosen order. */
  listed: ArticleWithAnnotations[];
  /** Per colour, the highlights listed were that colour the only one chosen (the other filters as they are). */
  colorCounts: Record<Color, number>;
  /** Per tag, the highlights listed were that tag chosen; the most used first, then by name. */
  tagCounts: [tag: string, count: number][];
  /** Per source, the highlights listed were that source chosen; the most used first. */
  sourceCounts: [source: string, count: number][];
}

/** A time's day in the reader's own time zone, as a date input gives it: `YYYY-MM-DD`. */
export function localDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const inRange = (day: string, from: string, to: string) => (!from || (day !== '' && day >= from)) && (!to || (day !== '' && day <= to));

/**
 * Narrows a search's result by source, date, colour and tag, counts what each choice would list
 * (so the reader sees a colour's or a tag's count before choosing it), and orders the articles.
 * Highlights keep their order within an article; an article left without highlights is left out.
 */
export function arrange(hits: readonly ArticleWithAnnotations[], filters: ListFilters): Arranged {
  const colors = filters.colors.length ? new Set(filters.colors) : null;
  const byColor = (a: AnnotationRecord) => !colors || colors.has(a.color);
  const byTag = (a: AnnotationRecord) => !filters.tag || a.tags.includes(filters.tag);
  const colorCounts = Object.fromEntries(COLORS.map((c) => [c, 0])) as Record<Color, number>;
  const tags = new Map<string, number>();
  const sources = new Map<string, number>();
  const listed: ArticleWithAnnotations[] = [];
  for (const hit of hits) {
    const published = filters.dateField === 'published' ? inRange(hit.article.publishedAt ? localDay(hit.article.publishedAt) : '', filters.from, filters.to) : true;
    if (!published) continue;
    const dated = filters.dateField === 'annotated' && (filters.from || filters.to) ? hit.annotations.filter((a) => inRange(localDay(a.created), filters.from, filters.to)) : hit.annotations;
    const sourceMatches = !filters.source || hit.article.source === filters.source;
    const kept: AnnotationRecord[] = [];
    for (const a of dated) {
      const color = byColor(a);
      const tag = byTag(a);
      if (color && tag) add(sources, hit.article.source);
      if (!sourceMatches) continue;
      if (tag) colorCounts[a.color] += 1;
      if (color) for (const name of new Set(a.tags)) add(tags, name);
      if (color && tag) kept.push(a);
    }
    if (kept.length) listed.push({ article: hit.article, annotations: kept });
  }
  return { listed: order(listed, filters.sort), colorCounts, tagCounts: byCount(tags), sourceCounts: byCount(sources) };
}

function add(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function byCount(counts: Map<string, number>): [string, number][] {
  return [...counts].sort(([a, m], [b, n]) => n - m || compareCodeUnits(a, b));
}

/** The articles in the chosen order; ties keep the search's order (most recently annotated first). Sorting is stable. */
function order(listed: ArticleWithAnnotations[], sort: LibrarySort): ArticleWithAnnotations[] {
  if (sort === 'published') {
    // Articles without a publication date go last.
    return [...listed].sort((a, b) => compareCodeUnits(b.article.publishedAt ?? '', a.article.publishedAt ?? ''));
  }
  if (sort === 'source') {
    const rank = (source: string) => (source === 'other' ? `~${source}` : source);
    return [...listed].sort((a, b) => compareCodeUnits(rank(a.article.source), rank(b.article.source)));
  }
  return listed;
}
