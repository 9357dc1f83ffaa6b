import type { DomAdapter } from '../dom/dom-adapter';

/**
 * Turns an archive body's HTML into a tree the parsers can read, without running or loading
 * anything: cheerio in Node, the browser's DOMParser in the reader.
 */
export interface HtmlParser<N> {
  dom: DomAdapter<N>;
  parse(html: string): N;
}
