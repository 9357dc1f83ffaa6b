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
/** Candidates the index is asked for: each is then checked against its text. */
const MAX_CANDIDATES = 10_000;

/**
 * Full-text search over a collection of archive articles, Chinese included: FlexSearch over the
 * terms of tokenize.ts ('forward': a term's starts are found too, so one character finds the pairs
 * it begins, and a word being typed finds the words it begins). Each candidate is then checked
 * for the words as typed, since a pair of characters can stand in two places, and the line that
 * holds them is the passage. The texts stay where they are kept: `textOf` reads one when it is needed.
 */
export class CollectionSearch {
  private readonly index = new Index({ tokenize: 'forward', encode: searchTerms, resolution: 3 });
  private readonly ids = new Set<string>();

  constructor(private readonly textOf: (id: string) => Promise<string | undefined>) {}

  add(entries: Iterable<SearchableText>): void {
    for (const entry of entries) {
      if (this.ids.has(entry.id)) this.index.remove(entry.id);
      this.ids.add(entry.id);
      this.index.add(entry.id, entry.text);
    }
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      if (this.ids.delete(id)) this.index.remove(id);
    }
  }

  get size(): number {
    return this.ids.size;
  }

  /** Entries holding every word of `query` (white space separates words), best first; the first `limit` with their passage. */
  async search(query: string, limit = 50): Promise<{ total: number; hits: CollectionHit[] }> {
    const words = query.split(/\s+/).map(foldForSearch).filter(Boolean);
    if (!words.length) return { total: 0, hits: [] };
    const candidates = this.index.search(words.join(' '), { limit: MAX_CANDIDATES }) as string[];
    const hits: CollectionHit[] = [];
    let total = 0;
    for (const id of candidates) {
      const text = await this.textOf(id);
      const found = text === undefined ? null : findWords(text, words);
      if (!found) continue;
      total++;
      if (hits.length < limit) hits.push({ id, passage: found });
    }
    return { total, hits };
  }
}

/** The passage where every word of `words` stands in `text`, or null when one is missing. */
function findWords(text: string, words: readonly string[]): string | null {
  const written = text.split('\n');
  const folded = written.map(foldForSearch);
  if (!words.every((word) => folded.some((line) => line.includes(word)))) return null;
  // The first line of the body holding the first word; the title's only when no other does.
  let at = folded.findIndex((line, i) => i > 0 && line.includes(words[0]!));
  if (at < 0) at = 0;
  const line = written[at]!;
  // Folding keeps Chinese text's length; where it does not (NFKC), the place is scaled.
  const start = Math.round((folded[at]!.indexOf(words[0]!) * line.length) / Math.max(1, folded[at]!.length));
  const from = Math.max(0, start - PASSAGE_CONTEXT);
  const to = Math.min(line.length, start + words[0]!.length + PASSAGE_CONTEXT);
  return `${from > 0 ? '…' : ''}${line.slice(from, to)}${to < line.length ? '…' : ''}`;
}
