import type { DomAdapter } from '../../src/dom/dom-adapter';

const ELEMENT = 1;
const TEXT = 3;

/** The live page through the parsers' DomAdapter: the same parser as in Node, reading the real DOM. */
export const liveDom: DomAdapter<Node> = {
  isElement: (node) => node.nodeType === ELEMENT,
  isText: (node) => node.nodeType === TEXT,
  tagName: (node) => (node as Element).localName ?? '',
  attr: (node, name) => (node as Element).getAttribute?.(name) ?? null,
  children: (node) => Array.from(node.childNodes),
  textData: (node) => (node as CharacterData).data ?? '',
};
