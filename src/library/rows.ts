import type { Arranged } from './arrange';
import type { LibraryIndex, ListedArticle, ListedHighlight } from './library-index';

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
  private readonly currentArticle: number;

  constructor(
    private readonly index: LibraryIndex,
    private readonly arranged: Arranged,
    private readonly options: { currentArticleId?: string | null; orphans?: ReadonlySet<string> } = {},
  ) {
    const { articles, from, highlights } = arranged;
    this.currentArticle = options.currentArticleId ? articles.findIndex((k) => index.articles[k].id === options.currentArticleId) : -1;
    this.codes = new Int32Array(articles.length + highlights.length);
    let line = 0;
    const put = (j: number) => {
      this.codes[line++] = -1 - j;
      for (let h = from[j]; h < from[j + 1]; h++) this.codes[line++] = highlights[h];
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

  /** A first guess of the line's height, in pixels. */
  estimate(line: number): number {
    const code = this.codes[line];
    return code < 0 ? 64 : this.index.hasNote(code) ? 96 : 72;
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
