import { type DomAdapter, type DomPoint, type DomRange, traverse } from '../../src/dom/dom-adapter';
import { isUnitForUnit } from '../../src/text/mapped-text';
import type { ArticleMap } from '../../src/text-map/article-map';

/** Every text node below root, in document order. */
export function textNodes<N>(dom: DomAdapter<N>, root: N): N[] {
  const out: N[] = [];
  traverse(dom, root, (node) => {
    if (dom.isText(node)) out.push(node);
    return dom.isElement(node) || !dom.isText(node);
  });
  return out;
}

/** What Range.toString() gives: the data of every text node between the two points. */
export function rangeText<N>(dom: DomAdapter<N>, root: N, range: DomRange<N>): string {
  let out = '';
  let inside = false;
  traverse(dom, root, (node) => {
    if (!dom.isText(node)) return true;
    const data = dom.textData(node);
    const from = node === range.start.node ? range.start.offset : 0;
    if (node === range.start.node) inside = true;
    if (node === range.end.node) {
      out += data.slice(from, range.end.offset);
      return 'stop';
    }
    if (inside) out += data.slice(from);
    return false;
  });
  return out;
}

/** Article offset → the DOM place of the character there, for every character that has one. */
export function mappedOffsets<N>(map: ArticleMap<N>): Map<number, { start: DomPoint<N>; end: DomPoint<N> }> {
  const out = new Map<number, { start: DomPoint<N>; end: DomPoint<N> }>();
  for (const { start, mapped } of map.parts) {
    for (const run of mapped.runs) {
      for (let i = run.start; i < run.end; i++) {
        const exact = isUnitForUnit(run);
        out.set(start + i, {
          start: { node: run.node, offset: exact ? run.nodeStart + (i - run.start) : run.nodeStart },
          end: { node: run.node, offset: exact ? run.nodeStart + (i - run.start) + 1 : run.nodeEnd },
        });
      }
    }
  }
  return out;
}
