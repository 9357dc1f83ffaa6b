/**
 * The few DOM questions the parsers ask, answered by either cheerio's tree (Node, saved files,
 * archive bodies) or the live page (content scripts). One parser, two DOMs: on the live page
 * every block can then name the element it came from.
 */
export interface DomAdapter<N> {
  isElement(node: N): boolean;
  isText(node: N): boolean;
  /** Lower-case tag name of an element. */
  tagName(node: N): string;
  attr(node: N, name: string): string | null;
  children(node: N): readonly N[];
  /** The characters of a text node. */
  textData(node: N): string;
}

const NON_TEXT_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head', 'title']);

export function elementChildren<N>(dom: DomAdapter<N>, node: N): N[] {
  return dom.children(node).filter((child) => dom.isElement(child));
}

/** All text below a node, as it would read, without script, style or other non-text content. */
export function textContent<N>(dom: DomAdapter<N>, node: N): string {
  if (dom.isText(node)) return dom.textData(node);
  if (!dom.isElement(node) && dom.children(node).length === 0) return '';
  if (dom.isElement(node) && NON_TEXT_TAGS.has(dom.tagName(node))) return '';
  let out = '';
  for (const child of dom.children(node)) out += textContent(dom, child);
  return out;
}

export function hasClass<N>(dom: DomAdapter<N>, node: N, className: string): boolean {
  const classes = dom.attr(node, 'class');
  return !!classes && classes.split(/\s+/).includes(className);
}

/** Depth-first, document order: every element below `root` for which `match` holds. */
export function findAll<N>(dom: DomAdapter<N>, root: N, match: (node: N) => boolean): N[] {
  const found: N[] = [];
  const stack = [...dom.children(root)].reverse();
  while (stack.length) {
    const node = stack.pop() as N;
    if (!dom.isElement(node)) continue;
    if (match(node)) found.push(node);
    const kids = dom.children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return found;
}

export function findFirst<N>(dom: DomAdapter<N>, root: N, match: (node: N) => boolean): N | null {
  const stack = [...dom.children(root)].reverse();
  while (stack.length) {
    const node = stack.pop() as N;
    if (!dom.isElement(node)) continue;
    if (match(node)) return node;
    const kids = dom.children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return null;
}

/** A matcher for "tag.class" (either part optional), the only selector shape the parsers need. */
export function is<N>(dom: DomAdapter<N>, tag: string | null, className?: string): (node: N) => boolean {
  return (node) => (!tag || dom.tagName(node) === tag) && (!className || hasClass(dom, node, className));
}
