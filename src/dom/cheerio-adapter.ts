import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { DomAdapter } from './dom-adapter';

/**
 * cheerio's (domhandler's) tree seen through the DomAdapter. htmlparser2 lower-cases tag and
 * attribute names as it parses HTML, so they are read as they are: the walk asks these questions
 * of every element, and the parse benchmark counts each of them.
 */
export const cheerioDom: DomAdapter<AnyNode> = {
  isElement: (node) => node.type === 'tag' || node.type === 'script' || node.type === 'style',
  isText: (node) => node.type === 'text',
  tagName: (node) => (node as Element).name ?? '',
  attr: (node, name) => (node as Element).attribs?.[name] ?? null,
  children: (node) => ('children' in node ? node.children : []),
  parent: (node) => node.parent ?? null,
  textData: (node) => ('data' in node ? String(node.data) : ''),
};

/** Parses HTML (a whole page or a fragment) without running or fetching anything. */
export function parseHtml(html: string): AnyNode {
  return load(html, null, false).root()[0];
}

/** cheerio as the parsers' HTML parser in Node. */
export const cheerioHtml = { dom: cheerioDom, parse: parseHtml };
