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

/** The words of a search, folded as the library is: white space separates them. */
function searchWords(text: string): string[] {
  return [
    ...new Set(
      foldForSearch(text)
        .split(/[\s\u0000]+/)
        .filter(Boolean),
    ),
  ];
}

/** What a highlight is found by: its quote, note and tags, folded (src/search/fold.ts). */
export function haystackOf(a: { quote: { exact: string }; note: string; tags: readonly string[] }): string {
  return foldForSearch(`${a.quote.exact}\n${a.note}\n${a.tags.map((tag) => `#${tag}`).join(' ')}`);
}

/**
 * The library's text, folded, as one string: each highlight's haystack in list order, NUL after each
 * (no search word holds NUL or white space, so no match runs from one highlight into the next), and
 * each group's (article's) folded title. A search word is looked for with the engine's `indexOf`
 * over the whole string, once: at 100,000 highlights (about 4 million characters) that takes about a
 * millisecond, where a scan of 100,000 separate strings took tens. Nothing else is kept per highlight
 * than where its text starts.
 */
export class TextIndex {
  /** Highlight i's haystack is `text.slice(starts[i], starts[i + 1] - 1)`. */
  readonly starts: Uint32Array;

  /**
   * @param haystacks each highlight's folded text, in list order
   * @param groups group g holds highlights `groups[g]` to `groups[g + 1]` (exclusive); one more entry than titles
   * @param titles each group's folded title
   */
  constructor(
    haystacks: readonly string[],
    private readonly groups: Uint32Array,
    private readonly titles: readonly string[],
    readonly text = `${haystacks.join('\u0000')}\u0000`,
  ) {
    this.starts = new Uint32Array(haystacks.length + 1);
    let at = 0;
    haystacks.forEach((h, i) => {
      this.starts[i] = at;
      at += h.length + 1;
    });
    this.starts[haystacks.length] = at;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /**
   * Which highlights every word finds (1), in their own text or in their group's title; null when the
   * query has no word (no text condition).
   */
  match(query: string): Uint8Array | null {
    const words = searchWords(query);
    if (!words.length) return null;
    let matched: Uint8Array | null = null;
    for (const word of words) {
      const found = this.find(word);
      if (matched) for (let i = 0; i < found.length; i++) matched[i] &= found[i];
      else matched = found;
    }
    return matched;
  }

  private find(word: string): Uint8Array {
    const found = new Uint8Array(this.size);
    for (let g = 0; g + 1 < this.groups.length; g++) if (this.titles[g].includes(word)) found.fill(1, this.groups[g], this.groups[g + 1]);
    const { text, starts } = this;
    let h = 0;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, starts[h + 1])) {
      while (starts[h + 1] <= at) h++;
      found[h] = 1;
      if (h + 1 >= starts.length - 1) break;
    }
    return found;
  }
}

/**
 * Search over a list of full records (Node, the tests and the benchmarks; the popup and the library page
 * search the same TextIndex through src/library/library-index.ts without holding full records).
 *
 * A word matches an annotation when it occurs in its quote, note or tags or in its article's title.
 * An article whose title holds every word lists all its annotations that pass the filters;
 * otherwise it lists those that match. Articles are listed most recently annotated first, and only
 * while they have an annotation to show.
 */
export class LibrarySearch {
  private readonly entries: { article: ArticleRecord; annotations: AnnotationRecord[] }[];
  private readonly index: TextIndex;

  constructor(articles: ArticleRecord[], annotations: AnnotationRecord[]) {
    this.entries = listOrder(articles, groupByArticle(annotations));
    const groups = new Uint32Array(this.entries.length + 1);
    this.entries.forEach((e, i) => {
      groups[i + 1] = groups[i] + e.annotations.length;
    });
    this.index = new TextIndex(
      this.entries.flatMap((e) => e.annotations.map(haystackOf)),
      groups,
      this.entries.map((e) => foldForSearch(e.article.title)),
    );
  }

  search(query: SearchQuery): ArticleWithAnnotations[] {
    const matched = this.index.match(query.text);
    const colors = query.colors?.length ? new Set(query.colors) : null;
    const tag = query.tag;
    const passes = (a: AnnotationRecord) => (!colors || colors.has(a.color)) && (tag === undefined || a.tags.includes(tag));
    const hits: ArticleWithAnnotations[] = [];
    let i = 0;
    for (const entry of this.entries) {
      const annotations = entry.annotations.filter((a, j) => passes(a) && (!matched || matched[i + j] === 1));
      i += entry.annotations.length;
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

/**
 * The articles with highlights, most recently annotated first (an article imported without annotatedAt
 * counts from its newest highlight; ties: the newest highlight, then the id), each with its highlights in
 * text order. Highlights of an article not given are left out.
 */
export function listOrder<A extends { id: string; annotatedAt: string | null }, H extends Parameters<typeof inTextOrder>[0] & { modified: string }>(
  articles: readonly A[],
  byArticle: Map<string, H[]>,
): { article: A; annotations: H[] }[] {
  const entries: { article: A; annotations: H[]; latest: string }[] = [];
  for (const article of articles) {
    const list = byArticle.get(article.id);
    if (!list) continue;
    list.sort(inTextOrder);
    const latest = list.reduce((max, a) => (a.modified > max ? a.modified : max), '');
    entries.push({ article, annotations: list, latest });
  }
  const when = (e: { article: A; latest: string }) => e.article.annotatedAt ?? e.latest;
  entries.sort((a, b) => compareDesc(when(a), when(b)) || compareDesc(a.latest, b.latest) || compareCodeUnits(a.article.id, b.article.id));
  return entries;
}

function compareDesc(a: string, b: string): number {
  return compareCodeUnits(b, a);
}
