import { groupByArticle } from '../annotation/library-data';
import type { AnnotationRecord, ArticleRecord, Color } from '../annotation/records';
import { COLORS } from '../annotation/records';
import { foldForSearch } from '../search/fold';
import { haystackOf, listOrder, TextIndex } from '../search/library-search';

/** An article as the list shows it: no addresses on disk, no archive path (read whole when exported). */
export type ListedArticle = Pick<ArticleRecord, 'id' | 'url' | 'title' | 'source' | 'publishedAt' | 'annotatedAt'>;

/** A highlight as a row of the list shows it, made for the rows in view only: no selectors (read whole when opened or exported). */
export interface ListedHighlight {
  id: string;
  articleId: string;
  color: Color;
  quote: string;
  note: string;
  tags: readonly string[];
  creator?: string;
  created: string;
  modified: string;
}

/** What one highlight keeps while the library is being read, before it takes its place in the columns. */
interface Pending {
  id: string;
  articleId: string;
  color: Color;
  position: { start: number; end: number };
  created: string;
  modified: string;
  quote: string;
  note: string;
  tags: string[];
  creator?: string;
  haystack: string;
}

const NO_TAGS: readonly string[] = Object.freeze([]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX = '0123456789abcdef';

/**
 * Takes a library's highlights batch by batch as they are read from the store (`add`), keeping of each
 * only what the list and the search need, so that a batch's full records can go; `finish` lays them out.
 */
export class LibraryIndexBuilder {
  private readonly pending: Pending[] = [];

  add(annotations: readonly AnnotationRecord[]): void {
    for (const a of annotations) {
      this.pending.push({
        id: a.id,
        articleId: a.articleId,
        color: a.color,
        position: { start: a.position.start, end: a.position.end },
        created: a.created,
        modified: a.modified,
        quote: a.quote.exact,
        note: a.note,
        tags: a.tags,
        creator: a.creator,
        haystack: haystackOf(a),
      });
    }
  }

  finish(articles: readonly ArticleRecord[]): LibraryIndex {
    const entries = listOrder(
      articles.map((a): ListedArticle => ({ id: a.id, url: a.url, title: a.title, source: a.source, publishedAt: a.publishedAt, annotatedAt: a.annotatedAt })),
      groupByArticle(this.pending),
    );
    this.pending.length = 0;
    return new LibraryIndex(entries);
  }
}

/**
 * The library as the popup and the library page hold it: per article its list fields, per highlight
 * columns of typed arrays (colour, times, day, tags, where its text stands), and the whole library's
 * text once, folded, in the search's TextIndex. A highlight's own words (quote and note) are not kept
 * twice: where folding kept their length (nearly always), only the characters it changed are kept
 * beside the folded text, and `highlight(i)` puts them back for a row in view. Highlights are numbered
 * in list order (articles most recently annotated first, each article's highlights in text order);
 * a delete only marks its number.
 */
export class LibraryIndex {
  readonly articles: ListedArticle[];
  /** Article k holds highlights `articleStart[k]` to `articleStart[k + 1]` (exclusive). */
  readonly articleStart: Uint32Array;
  readonly text: TextIndex;
  readonly color: Uint8Array;
  /** The local day a highlight was made, as the number YYYYMMDD (date ranges compare it). */
  readonly day: Uint32Array;
  /** Highlight i's tags are `tagNames[tagIds[j]]` for j from `tagStart[i]` to `tagStart[i + 1]`. */
  readonly tagStart: Uint32Array;
  readonly tagIds: Uint16Array;
  readonly tagNames: string[];
  /** 1: deleted since the library was read. */
  readonly removed: Uint8Array;
  private readonly article: Uint32Array;
  private readonly created: Float64Array;
  private readonly modified: Float64Array;
  private readonly quoteLength: Uint32Array;
  private readonly noteLength: Uint32Array;
  private readonly idBytes: Uint8Array;
  /** Ids that are not lower-case UUIDs, and creators: few. */
  private readonly odd = { ids: new Map<number, string>(), creators: new Map<number, string>(), words: new Map<number, string>() };
  /** Where folding changed a character of a highlight's words: its place in the folded text, and the character read. */
  private readonly changedAt: Uint32Array;
  private readonly changedTo: Uint16Array;

  constructor(entries: { article: ListedArticle; annotations: Omit<Pending, 'position'>[] }[]) {
    const n = entries.reduce((sum, e) => sum + e.annotations.length, 0);
    this.articles = entries.map((e) => e.article);
    this.articleStart = new Uint32Array(entries.length + 1);
    entries.forEach((e, k) => {
      this.articleStart[k + 1] = this.articleStart[k] + e.annotations.length;
    });
    const all = entries.flatMap((e) => e.annotations);
    this.text = new TextIndex(
      all.map((a) => a.haystack),
      this.articleStart,
      entries.map((e) => foldForSearch(e.article.title)),
    );
    this.color = new Uint8Array(n);
    this.day = new Uint32Array(n);
    this.article = new Uint32Array(n);
    this.created = new Float64Array(n);
    this.modified = new Float64Array(n);
    this.quoteLength = new Uint32Array(n);
    this.noteLength = new Uint32Array(n);
    this.idBytes = new Uint8Array(n * 16);
    this.removed = new Uint8Array(n);
    this.tagStart = new Uint32Array(n + 1);
    const tags = new Map<string, number>();
    const tagIds: number[] = [];
    const changedAt: number[] = [];
    const changedTo: number[] = [];
    entries.forEach((_, k) => {
      this.article.fill(k, this.articleStart[k], this.articleStart[k + 1]);
    });
    all.forEach((a, i) => {
      this.color[i] = COLORS.indexOf(a.color);
      this.created[i] = Date.parse(a.created);
      this.modified[i] = Date.parse(a.modified);
      const made = new Date(this.created[i]);
      this.day[i] = Number.isNaN(this.created[i]) ? 0 : made.getFullYear() * 10_000 + (made.getMonth() + 1) * 100 + made.getDate();
      this.packId(i, a.id);
      if (a.creator) this.odd.creators.set(i, a.creator);
      for (const tag of new Set(a.tags)) {
        if (!tags.has(tag)) tags.set(tag, tags.size);
        tagIds.push(tags.get(tag)!);
      }
      this.tagStart[i + 1] = tagIds.length;
      this.quoteLength[i] = a.quote.length;
      this.noteLength[i] = a.note.length;
      const words = `${a.quote}\n${a.note}`;
      const start = this.text.starts[i];
      const folded = foldForSearch(words);
      if (folded.length !== words.length || !this.text.text.startsWith(folded, start)) this.odd.words.set(i, words);
      else
        for (let c = 0; c < words.length; c++) {
          if (words.charCodeAt(c) === this.text.text.charCodeAt(start + c)) continue;
          changedAt.push(start + c);
          changedTo.push(words.charCodeAt(c));
        }
    });
    this.tagIds = Uint16Array.from(tagIds);
    this.tagNames = [...tags.keys()];
    this.changedAt = Uint32Array.from(changedAt);
    this.changedTo = Uint16Array.from(changedTo);
  }

  /** Every article and highlight (Node, the tests): what the popup builds batch by batch. */
  static of(articles: readonly ArticleRecord[], annotations: readonly AnnotationRecord[]): LibraryIndex {
    const builder = new LibraryIndexBuilder();
    builder.add(annotations);
    return builder.finish(articles);
  }

  get size(): number {
    return this.color.length;
  }

  articleOf(i: number): number {
    return this.article[i];
  }

  hasNote(i: number): boolean {
    return this.noteLength[i] > 0;
  }

  /** How long a highlight's quote is, in UTF-16 units, without making the string. */
  quoteLengthOf(i: number): number {
    return this.quoteLength[i];
  }

  noteLengthOf(i: number): number {
    return this.noteLength[i];
  }

  tagsOf(i: number): readonly string[] {
    const from = this.tagStart[i];
    const to = this.tagStart[i + 1];
    if (from === to) return NO_TAGS;
    const out: string[] = [];
    for (let j = from; j < to; j++) out.push(this.tagNames[this.tagIds[j]]);
    return out;
  }

  id(i: number): string {
    const odd = this.odd.ids.get(i);
    if (odd !== undefined) return odd;
    let out = '';
    for (let b = 0; b < 16; b++) {
      if (b === 4 || b === 6 || b === 8 || b === 10) out += '-';
      const byte = this.idBytes[i * 16 + b];
      out += HEX[byte >> 4] + HEX[byte & 15];
    }
    return out;
  }

  /** A highlight's number, or -1. */
  find(id: string): number {
    if (!UUID.test(id)) {
      for (const [i, odd] of this.odd.ids) if (odd === id) return i;
      return -1;
    }
    const bytes = uuidBytes(id);
    next: for (let i = 0; i < this.size; i++) {
      for (let b = 0; b < 16; b++) if (this.idBytes[i * 16 + b] !== bytes[b]) continue next;
      if (!this.odd.ids.has(i)) return i;
    }
    return -1;
  }

  /** A highlight as its row shows it. */
  highlight(i: number): ListedHighlight {
    const words = this.words(i);
    const quoteLength = this.quoteLength[i];
    const creator = this.odd.creators.get(i);
    return {
      id: this.id(i),
      articleId: this.articles[this.article[i]].id,
      color: COLORS[this.color[i]],
      quote: words.slice(0, quoteLength),
      note: words.slice(quoteLength + 1, quoteLength + 1 + this.noteLength[i]),
      tags: this.tagsOf(i),
      ...(creator ? { creator } : {}),
      created: new Date(this.created[i]).toISOString(),
      modified: new Date(this.modified[i]).toISOString(),
    };
  }

  /** The quote, a line break and the note, as read. */
  private words(i: number): string {
    const odd = this.odd.words.get(i);
    if (odd !== undefined) return odd;
    const start = this.text.starts[i];
    const end = start + this.quoteLength[i] + 1 + this.noteLength[i];
    let lo = 0;
    let hi = this.changedAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.changedAt[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.changedAt.length || this.changedAt[lo] >= end) return this.text.text.slice(start, end);
    const codes: number[] = [];
    for (let at = start; at < end; at++) {
      codes.push(lo < this.changedAt.length && this.changedAt[lo] === at ? this.changedTo[lo++] : this.text.text.charCodeAt(at));
    }
    return String.fromCharCode(...codes);
  }

  private packId(i: number, id: string): void {
    if (!UUID.test(id)) {
      this.odd.ids.set(i, id);
      return;
    }
    this.idBytes.set(uuidBytes(id), i * 16);
  }
}

function uuidBytes(id: string): Uint8Array {
  const hex = id.replaceAll('-', '');
  const bytes = new Uint8Array(16);
  for (let b = 0; b < 16; b++) bytes[b] = Number.parseInt(hex.slice(b * 2, b * 2 + 2), 16);
  return bytes;
}
