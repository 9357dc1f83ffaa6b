import { Index } from 'flexsearch';
import { foldForSearch } from '../search/fold';
import { searchTerms } from './tokenize';

/** What the index is given of an entry. */
export interface SearchableText {
  id: string;
  /** The article text: the title, then each block, one per line (src/text/article-text.ts). */
  text: string;
}

export interface CollectionHit {
  id: string;
  /** The line of the article text where the words stand, cut around them. */
  passage: string;
}

/** Characters of context shown on either side of the first matched word. */
const PASSAGE_CONTEXT = 40;
/** Candidates the index is asked for. */
const MAX_CANDIDATES = 100_000;

/**
 * Full-text search over a collection of archive articles, Chinese included: FlexSearch over the
 * terms of tokenize.ts ('forward': a term's starts are found too, so one character finds the pairs
 * it begins, and a word being typed finds the words it begins). Each candidate is then checked
 * for the words as typed, since a pair of characters can stand in two places, and the line that
 * holds them is the passage. A word the index cannot answer alone (three or more characters: its
 * pairs may stand apart) is checked against the folded texts kept here; the texts as written stay
 * where they are kept, and `textsOf` reads them for the passages shown.
 */
export class CollectionSearch {
  private readonly index = new Index({ tokenize: 'forward', encode: searchTerms, resolution: 3 });
  private readonly ids = new Set<string>();
  /**
   * Each entry's text, folded: words of three or more characters are checked here without a read.
   * About twice the size of the texts themselves, in the worker that searches, never on a page.
   */
  private readonly folded = new Map<string, string>();

  constructor(private readonly textsOf: (ids: readonly string[]) => Promise<Map<string, string>>) {}

  add(entries: Iterable<SearchableText>): void {
    for (const entry of entries) {
      if (this.ids.has(entry.id)) this.index.remove(entry.id);
      this.ids.add(entry.id);
      this.folded.set(entry.id, foldForSearch(entry.text));
      this.index.add(entry.id, entry.text);
    }
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      if (this.ids.delete(id)) this.index.remove(id);
      this.folded.delete(id);
    }
  }

  get size(): number {
    return this.ids.size;
  }

  /** Entries holding every word of `query` (white space separates words), best first; the first `limit` with their passage. */
  async search(query: string, limit = 50): Promise<{ total: number; ids: string[]; hits: CollectionHit[] }> {
    const words = wordsOf(query);
    if (!words.length) return { total: 0, ids: [], hits: [] };
    const candidates = this.index.search(words.join(' '), { limit: MAX_CANDIDATES }) as string[];
    // A word that is one term (one or two characters, a Latin word) is the index's own answer.
    const exact = words.every((word) => searchTerms(word).length <= 1);
    const matching = exact ? candidates : this.check(candidates, words);
    return { total: matching.length, ids: matching, hits: await this.passages(matching.slice(0, limit), query) };
  }

  /** Where the words of `query` stand in each of these entries (the rows a list shows). */
  async passages(ids: readonly string[], query: string): Promise<CollectionHit[]> {
    const words = wordsOf(query);
    const texts = await this.textsOf(ids);
    return ids.map((id) => ({ id, passage: words.length ? passageOf(texts.get(id) ?? '', words) : '' }));
  }

  /** The candidates whose text holds every word as typed. */
  private check(candidates: readonly string[], words: readonly string[]): string[] {
    return candidates.filter((id) => {
      const folded = this.folded.get(id);
      return folded !== undefined && words.every((word) => folded.includes(word));
    });
  }
}

const wordsOf = (query: string) => query.split(/\s+/).map(foldForSearch).filter(Boolean);

/** The line of `text` where the first word stands (the title's only when no other line holds it), cut around it. */
function passageOf(text: string, words: readonly string[]): string {
  const written = text.split('\n');
  const folded = written.map(foldForSearch);
  let at = folded.findIndex((line, i) => i > 0 && line.includes(words[0]!));
  if (at < 0) at = folded.findIndex((line) => line.includes(words[0]!));
  if (at < 0) return '';
  const line = written[at]!;
  // Folding keeps Chinese text's length; where it does not (NFKC), the place is scaled.
  const start = Math.round((folded[at]!.indexOf(words[0]!) * line.length) / Math.max(1, folded[at]!.length));
  const from = Math.max(0, start - PASSAGE_CONTEXT);
  const to = Math.min(line.length, start + words[0]!.length + PASSAGE_CONTEXT);
  return `${from > 0 ? '…' : ''}${line.slice(from, to)}${to < line.length ? '…' : ''}`;
}
