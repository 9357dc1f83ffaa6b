import { foldForSearch } from './fold';
import { groupByArticle, type ArticleWithAnnotations } from '../annotation/library-data';
import { compareCodeUnits, inTextOrder } from '../annotation/order';
import type { AnnotationRecord, ArticleRecord, Color } from '../annotation/records';

export interface SearchQuery {
  /** Words separated by white space; every one must match. Empty: no text condition. */
  text: string;
  /** Only highlights in these colours; absent or empty: every colour. */
  colors?: Color[];
  /** Only highlights with exactly this tag. */
  tag?: string;
}

interface Entry {
  article: ArticleRecord;
  /** The article's title, folded. */
  title: string;
  annotations: AnnotationRecord[];
  /** Per annotation: its quote, note and tags, folded, then NUL and the folded title. */
  haystacks: string[];
}

/**
 * Search over the library for the popup and the library page. Every searchable string is folded
 * once, here; a search is then a scan of `includes` over folded strings, which at 10,000 highlights
 * takes a few milliseconds (see the scale test), so no index is kept.
 *
 * A word matches an annotation when it occurs in its quote, note or tags or in its article's title.
 * An article whose title holds every word lists all its annotations that pass the filters;
 * otherwise it lists those that match. Articles are listed most recently annotated first, and only
 * while they have an annotation to show.
 */
export class LibrarySearch {
  private readonly entries: Entry[];

  constructor(articles: ArticleRecord[], annotations: AnnotationRecord[]) {
    const byArticle = groupByArticle(annotations);
    const entries: (Entry & { latest: string })[] = [];
    for (const article of articles) {
      const list = byArticle.get(article.id);
      if (!list) continue;
      list.sort(inTextOrder);
      const title = foldForSearch(article.title);
      const haystacks = list.map((a) => `${foldForSearch(`${a.quote.exact}\n${a.note}\n${a.tags.map((tag) => `#${tag}`).join(' ')}`)}\u0000${title}`);
      const latest = list.reduce((max, a) => (a.modified > max ? a.modified : max), '');
      entries.push({ article, title, annotations: list, haystacks, latest });
    }
    // An article imported without annotatedAt counts from its newest annotation.
    const when = (e: { article: ArticleRecord; latest: string }) => e.article.annotatedAt ?? e.latest;
    entries.sort((a, b) => compareDesc(when(a), when(b)) || compareDesc(a.latest, b.latest) || compareCodeUnits(a.article.id, b.article.id));
    this.entries = entries;
  }

  search(query: SearchQuery): ArticleWithAnnotations[] {
    const words = foldForSearch(query.text)
      .split(/[\s\u0000]+/)
      .filter(Boolean);
    const colors = query.colors?.length ? new Set(query.colors) : null;
    const tag = query.tag;
    const passes = (a: AnnotationRecord) => (!colors || colors.has(a.color)) && (tag === undefined || a.tags.includes(tag));
    const hits: ArticleWithAnnotations[] = [];
    for (const entry of this.entries) {
      const titleMatches = words.every((word) => entry.title.includes(word));
      const annotations: AnnotationRecord[] = [];
      entry.annotations.forEach((a, i) => {
        if (!passes(a)) return;
        if (titleMatches || words.every((word) => entry.haystacks[i].includes(word))) annotations.push(a);
      });
      if (annotations.length) hits.push({ article: entry.article, annotations });
    }
    return hits;
  }

  /** Every tag in use, the most used first, then by name. */
  tags(): string[] {
    const counts = new Map<string, number>();
    for (const entry of this.entries) {
      for (const a of entry.annotations) for (const tag of new Set(a.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
    return [...counts].sort(([a, m], [b, n]) => n - m || compareCodeUnits(a, b)).map(([tag]) => tag);
  }
}

function compareDesc(a: string, b: string): number {
  return compareCodeUnits(b, a);
}
