import MiniSearch from 'minisearch';
import { foldForSearch } from '../search/fold';
import { searchAsPrefix, searchTerms } from './tokenize';

/** What the index is given of an entry. */
export interface SearchableText {
  id: string;
  title: string;
  /** The article text: the title, then each block, one per line. */
  text: string;
}

export interface CollectionHit {
  id: string;
  /** The line of the article text where the words stand, cut around them. */
  passage: string;
}

/** Characters of context shown on either side of the first matched word. */
const PASSAGE_CONTEXT = 40;

const OPTIONS = {
  fields: ['title', 'text'],
  idField: 'id',
  tokenize: searchTerms,
  // Terms come out of searchTerms folded already.
  processTerm: (term: string) => term,
  searchOptions: { combineWith: 'AND' as const, prefix: searchAsPrefix, fuzzy: false, boost: { title: 2 } },
};

/**
 * Full-text search over a collection of archive articles, Chinese included: MiniSearch over the
 * terms of src/collection/tokenize.ts, then each candidate checked for the words as typed (a pair
 * of characters can stand in two places), and the line that holds them given as the passage.
 */
export class CollectionSearch {
  private index = new MiniSearch<SearchableText>(OPTIONS);
  /** Each entry's text, folded, line by line, with the lines as written: for checking and passages. */
  private readonly lines = new Map<string, { folded: string[]; written: string[] }>();

  add(entries: Iterable<SearchableText>): void {
    const fresh: SearchableText[] = [];
    for (const entry of entries) {
      if (this.lines.has(entry.id)) this.index.discard(entry.id);
      const written = entry.text.split('\n');
      this.lines.set(entry.id, { written, folded: written.map(foldForSearch) });
      fresh.push(entry);
    }
    this.index.addAll(fresh);
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      if (!this.lines.delete(id)) continue;
      this.index.discard(id);
    }
  }

  get size(): number {
    return this.lines.size;
  }

  /** Entries holding every word of `query` (white space separates words), best first. */
  search(query: string, limit = Number.POSITIVE_INFINITY): { total: number; hits: CollectionHit[] } {
    const words = query.split(/\s+/).map(foldForSearch).filter(Boolean);
    if (!words.length) return { total: 0, hits: [] };
    const candidates = this.index.search(query);
    const hits: CollectionHit[] = [];
    let total = 0;
    for (const { id } of candidates) {
      const lines = this.lines.get(id as string);
      if (!lines || !words.every((word) => lines.folded.some((line) => line.includes(word)))) continue;
      total++;
      if (hits.length < limit) hits.push({ id: id as string, passage: passage(lines, words[0]!) });
    }
    return { total, hits };
  }
}

/** The first line holding `word` (the title's line only when no other does), cut around it. */
function passage(lines: { folded: string[]; written: string[] }, word: string): string {
  let at = lines.folded.findIndex((line, i) => i > 0 && line.includes(word));
  if (at < 0) at = 0;
  const folded = lines.folded[at]!;
  const written = lines.written[at]!;
  // Folding keeps Chinese text's length; where it does not (NFKC), the place is scaled.
  const start = Math.round((folded.indexOf(word) * written.length) / Math.max(1, folded.length));
  const from = Math.max(0, start - PASSAGE_CONTEXT);
  const to = Math.min(written.length, start + word.length + PASSAGE_CONTEXT);
  return `${from > 0 ? '…' : ''}${written.slice(from, to)}${to < written.length ? '…' : ''}`;
}
