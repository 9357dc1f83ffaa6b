import type { Arranged } from './arrange';
import type { LibraryIndex, ListedArticle, ListedHighlight } from './library-index';

/** Words are put in classes of this many characters' length, the longest together (the list clamps them to a few lines). */
const LENGTH_STEP = 8;
const LENGTH_CLASSES = 32;
/** 0 for no words; 1 for 1 to LENGTH_STEP characters, and so on. */
const lengthClass = (length: number) => Math.min(Math.ceil(length / LENGTH_STEP), LENGTH_CLASSES - 1);

/** One line of the library's list: an article's heading, or one of its highlights beneath it. */
export type LibraryRow =
  | { kind: 'article'; key: string; article: ListedArticle; count: number; current: boolean }
  | { kind: 'annotation'; key: string; article: ListedArticle; annotation: ListedHighlight; orphan: boolean };

/**
 * The listed articles as rows of a virtualized list: each article, then its highlights. The article of
 * the current tab comes first when it has listed highlights, and is marked current. Rows are numbers
 * (`code`: a highlight's number, or −1 − an article's position in the arrangement); `at` makes the
 * row of one line when it is shown, so a list of 110,000 lines holds two typed arrays.
 */
export class LibraryRows {
  /** Per line: a highlight's number (0 or more), or −1 − the listed article's position. */
  private readonly codes: Int32Array;
  /**
   * Per line, its size class (the same number of lines of text, up to the clamp): an article by its
   * title's length; a highlight by its quote's and its note's. Kept, not worked out: the list asks for
   * every line's estimate each time a line measured otherwise moves the lines after it.
   */
  private readonly classes: Uint16Array;
  private readonly currentArticle: number;

  constructor(
    private readonly index: LibraryIndex,
    private readonly arranged: Arranged,
    private readonly options: { currentArticleId?: string | null; orphans?: ReadonlySet<string> } = {},
  ) {
    const { articles, from, highlights } = arranged;
    this.currentArticle = options.currentArticleId ? articles.findIndex((k) => index.articles[k].id === options.currentArticleId) : -1;
    this.codes = new Int32Array(articles.length + highlights.length);
    this.classes = new Uint16Array(this.codes.length);
    let line = 0;
    const put = (j: number) => {
      this.classes[line] = lengthClass(index.articles[articles[j]].title.length);
      this.codes[line++] = -1 - j;
      for (let h = from[j]; h < from[j + 1]; h++) {
        const i = highlights[h];
        this.classes[line] = LENGTH_CLASSES * (1 + lengthClass(index.quoteLengthOf(i))) + lengthClass(index.noteLengthOf(i));
        this.codes[line++] = i;
      }
    };
    if (this.currentArticle >= 0) put(this.currentArticle);
    for (let j = 0; j < articles.length; j++) if (j !== this.currentArticle) put(j);
  }

  get length(): number {
    return this.codes.length;
  }

  /** A number that names the line's article or highlight whatever the search: the list keeps measured heights by it. */
  key(line: number): number {
    const code = this.codes[line];
    return code >= 0 ? code : -1 - this.arranged.articles[-1 - code];
  }

  /** Keys are the index's positions: another index's name other lines. */
  get keysOf(): LibraryIndex {
    return this.index;
  }

  /**
   * The line's article or highlight by its id: the same line whatever index it is read into (a sync,
   * another tab's change, an import read the library again). Made only when asked, for a few lines.
   */
  stableKey(line: number): string {
    const code = this.codes[line];
    return code >= 0 ? `h:${this.index.id(code)}` : `a:${this.index.articles[this.arranged.articles[-1 - code]].id}`;
  }

  /** A first guess of the line's height, in pixels, before any line of its class or group has been measured. */
  estimate(line: number): number {
    const code = this.codes[line];
    return code < 0 ? 64 : this.index.hasNote(code) ? 96 : 72;
  }

  /** The line's size class: lines of one kind whose words are about as long are usually as tall. */
  sizeClass(line: number): number {
    return this.classes[line];
  }

  /** The coarser group a class not measured yet borrows its height from: articles, highlights with a note, without. */
  sizeGroup(line: number): number {
    const c = this.classes[line];
    return c < LENGTH_CLASSES ? 0 : c % LENGTH_CLASSES ? 2 : 1;
  }

  at(line: number): LibraryRow {
    const code = this.codes[line];
    if (code < 0) {
      const j = -1 - code;
      const article = this.index.articles[this.arranged.articles[j]];
      return { kind: 'article', key: `a:${article.id}`, article, count: this.arranged.from[j + 1] - this.arranged.from[j], current: j === this.currentArticle };
    }
    const annotation = this.index.highlight(code);
    return { kind: 'annotation', key: `h:${annotation.id}`, article: this.index.articles[this.index.articleOf(code)], annotation, orphan: !!this.options.orphans?.has(annotation.id) };
  }

  /** Whether the current tab's article is listed (first). */
  get hasCurrent(): boolean {
    return this.currentArticle >= 0;
  }
}
