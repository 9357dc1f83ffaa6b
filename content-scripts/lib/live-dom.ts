import type { DomAdapter } from '../../src/dom/dom-adapter';
import type { HtmlParser } from '../../src/parse/html-parser';

const ELEMENT = 1;
const TEXT = 3;

/** The browser's DOM through the parsers' DomAdapter: the same parser as in Node, reading a real DOM. */
export const liveDom: DomAdapter<Node> = {
  isElement: (node) => node.nodeType === ELEMENT,
  isText: (node) => node.nodeType === TEXT,
  tagName: (node) => (node as Element).localName ?? '',
  attr: (node, name) => (node as Element).getAttribute?.(name) ?? null,
  hasAttributes: (node) => (node as Element).hasAttributes?.() ?? false,
  children: (node) => Array.from(node.childNodes),
  parent: (node) => node.parentNode,
  textData: (node) => (node as CharacterData).data ?? '',
};

/**
 * Archive bodies parsed by the browser's own parser into an inert document: DOMParser's document
 * has no browsing context, so nothing in it runs, loads or fetches. The leading `<body>` keeps
 * everything in the body, as cheerio's fragment parse does (no `<style>` hoisted into a head).
 */
export const inertHtml: HtmlParser<Node> = {
  dom: liveDom,
  parse: (html) => new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body,
};
