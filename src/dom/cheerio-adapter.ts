import type { AnyNode, Element } from 'domhandler';
import { DomHandler } from 'domhandler';
import { Parser } from 'htmlparser2';
import type { DomAdapter } from './dom-adapter';

/**
 * cheerio's (domhandler's) tree seen through the DomAdapter. htmlparser2 lower-cases tag and
 * attribute names as it parses HTML, so they are read as they are, without lower-casing again: the
 * walk asks these questions of every element.
 */
export const cheerioDom: DomAdapter<AnyNode> = {
  isElement: (node) => node.type === 'tag' || node.type === 'script' || node.type === 'style',
  isText: (node) => node.type === 'text',
  tagName: (node) => (node as Element).name ?? '',
  attr: (node, name) => (node as Element).attribs?.[name] ?? null,
  hasAttributes: (node) => hasOwnKeys((node as Element).attribs),
  children: (node) => ('children' in node ? node.children : []),
  parent: (node) => node.parent ?? null,
  textData: (node) => ('data' in node ? String(node.data) : ''),
};

/** Whether the record has a key of its own, without listing its keys. */
function hasOwnKeys(record: Record<string, string> | undefined): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

/**
 * htmlparser2's stack of open tags, top first, as the Parser uses it (`[0]`, `shift`, `unshift`,
 * `indexOf`, `length`), kept bottom first underneath: the Parser's own array `unshift`s every open
 * tag, which costs the whole depth each time (100,000 nested tags took seconds).
 */
class TopFirstStack {
  private readonly items: string[] = [];

  get length(): number {
    return this.items.length;
  }

  set length(length: number) {
    this.items.splice(0, this.items.length - length);
  }

  get 0(): string | undefined {
    return this.items[this.items.length - 1];
  }

  unshift(name: string): number {
    return this.items.push(name);
  }

  shift(): string | undefined {
    return this.items.pop();
  }

  /** Distance from the top, as the Parser's array counts it. */
  indexOf(name: string): number {
    for (let i = this.items.length - 1; i >= 0; i--) if (this.items[i] === name) return this.items.length - 1 - i;
    return -1;
  }

  /** Top first, as a plain array. */
  toArray(): string[] {
    return this.items.slice().reverse();
  }
}

/** htmlparser2's Parser with the stack above; at the end, where it reads the stack by index, a plain array again. */
class DeepParser extends Parser {
  constructor(handler: DomHandler) {
    super(handler);
    const self = this as unknown as { stack: unknown };
    // The stack is the Parser's own field: should a later version change its shape, the Parser's array stays.
    if (Array.isArray(self.stack) && self.stack.length === 0) self.stack = new TopFirstStack();
  }

  override onend(): void {
    const self = this as unknown as { stack: unknown };
    if (self.stack instanceof TopFirstStack) self.stack = self.stack.toArray();
    super.onend();
  }
}

/**
 * Parses HTML (a whole page or a fragment) without running or fetching anything: the tree cheerio's
 * `load(html, null, false)` gives (htmlparser2 with its default options), at any depth of nesting.
 */
export function parseHtml(html: string): AnyNode {
  const handler = new DomHandler();
  new DeepParser(handler).end(html);
  return handler.root;
}

/** cheerio as the parsers' HTML parser in Node. */
export const cheerioHtml = { dom: cheerioDom, parse: parseHtml };
