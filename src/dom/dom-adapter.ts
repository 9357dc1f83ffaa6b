/**
 * The few DOM questions the parsers ask, answered by cheerio's tree (Node: saved files, archive
 * bodies in tests and the parse command), by the browser's inert DOMParser document (the reader) or
 * by the live page (content scripts). One parser, two DOMs.
 */
export interface DomAdapter<N> {
  isElement(node: N): boolean;
  isText(node: N): boolean;
  /** Lower-case tag name of an element. */
  tagName(node: N): string;
  /** An attribute by its lower-case name. */
  attr(node: N, name: string): string | null;
  /** Whether an element has any attribute: most have none, and the walk's rules ask several of each. */
  hasAttributes(node: N): boolean;
  children(node: N): readonly N[];
  /** The element or document that holds the node; null at the top. */
  parent(node: N): N | null;
  /** The characters of a text node. */
  textData(node: N): string;
}

/** A place in the DOM, as a Range boundary: a text node and a UTF-16 offset in it, or an element and a child index. */
export interface DomPoint<N> {
  node: N;
  offset: number;
}

export interface DomRange<N> {
  start: DomPoint<N>;
  end: DomPoint<N>;
}

/**
 * Elements whose content is never text a reader sees: code, styles, embedded documents and media,
 * form controls. The one list both `textContent` and the block walker use.
 */
export const NON_TEXT_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'title',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'map',
  'area',
  'button',
  'input',
  'select',
  'option',
  'textarea',
]);

/** What `enter` answers: descend into the node's children, pass over them, or end the walk. */
export type Descend = boolean | 'stop';

/**
 * Depth-first, in document order, without recursion: markup can nest 100,000 levels deep. `enter`
 * sees every node below `root`; `leave` is called for the nodes that were descended into.
 */
export function traverse<N>(dom: DomAdapter<N>, root: N, enter: (node: N) => Descend, leave?: (node: N) => void): void {
  const stack: { node: N; kids: readonly N[]; next: number }[] = [{ node: root, kids: dom.children(root), next: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.next >= top.kids.length) {
      stack.pop();
      if (stack.length) leave?.(top.node);
      continue;
    }
    const node = top.kids[top.next++];
    const descend = enter(node);
    if (descend === 'stop') return;
    if (descend) stack.push({ node, kids: dom.children(node), next: 0 });
  }
}

export function elementChildren<N>(dom: DomAdapter<N>, node: N): N[] {
  return dom.children(node).filter((child) => dom.isElement(child));
}

/** All text below a node, as it would read, without the content of non-text elements. */
export function textContent<N>(dom: DomAdapter<N>, node: N): string {
  if (dom.isText(node)) return dom.textData(node);
  if (dom.isElement(node) && NON_TEXT_TAGS.has(dom.tagName(node))) return '';
  let out = '';
  traverse(dom, node, (n) => {
    if (dom.isText(n)) out += dom.textData(n);
    return dom.isElement(n) && !NON_TEXT_TAGS.has(dom.tagName(n));
  });
  return out;
}

/** Whether an element's class list holds `className` (a name without white space); read in place, as the walk asks it of many elements. */
export function hasClass<N>(dom: DomAdapter<N>, node: N, className: string): boolean {
  const classes = dom.attr(node, 'class');
  if (!classes) return false;
  for (let at = classes.indexOf(className); at >= 0; at = classes.indexOf(className, at + 1)) {
    const end = at + className.length;
    if ((at === 0 || SPACE.test(classes[at - 1]!)) && (end === classes.length || SPACE.test(classes[end]!))) return true;
  }
  return false;
}

/** What separates class names (as `split(/\s+/)` reads the list). */
const SPACE = /\s/;

/** Every element below `root` for which `match` holds, in document order; at most `limit` of them. */
export function findAll<N>(dom: DomAdapter<N>, root: N, match: (node: N) => boolean, limit = Infinity): N[] {
  const found: N[] = [];
  if (limit <= 0) return found;
  traverse(dom, root, (node) => {
    if (!dom.isElement(node)) return false;
    if (match(node) && found.push(node) >= limit) return 'stop';
    return true;
  });
  return found;
}

export function findFirst<N>(dom: DomAdapter<N>, root: N, match: (node: N) => boolean): N | null {
  return findAll(dom, root, match, 1)[0] ?? null;
}

/** A matcher for "tag.class" (either part optional), the only selector shape the parsers need. */
export function is<N>(dom: DomAdapter<N>, tag: string | null, className?: string): (node: N) => boolean {
  return (node) => (!tag || dom.tagName(node) === tag) && (!className || hasClass(dom, node, className));
}
