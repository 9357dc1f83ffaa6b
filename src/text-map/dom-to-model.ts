import type { DomAdapter, DomRange } from '../dom/dom-adapter';
import { DomOrder } from '../dom/dom-order';
import { isUnitForUnit } from '../text/mapped-text';
import { placedRuns, type ArticleMap } from './article-map';

/**
 * Article-text offsets [start, end) of a DOM range, such as the reader's selection: from the first
 * to the last article character that lies inside it. A boundary in white space, markup or skipped
 * content (text the model does not have) thereby snaps to the nearest article character inside the
 * range. Where the model reads the DOM out of order (BBC's photo credit stands before its caption, the
 * model reads caption then credit) the result spans both. Null when the range holds no article text.
 */
export function domToModel<N>(dom: DomAdapter<N>, map: ArticleMap<N>, range: DomRange<N>): { start: number; end: number } | null {
  const order = new DomOrder(dom);
  let start = Infinity;
  let end = -Infinity;
  for (const run of placedRuns(map)) {
    const length = run.end - run.start;
    // The run's units [lo, hi) that lie inside the range.
    let lo = 0;
    let hi = length;
    const exact = isUnitForUnit(run);
    const runStart = { node: run.node, offset: run.nodeStart };
    const runEnd = { node: run.node, offset: run.nodeEnd };
    if (run.node === range.start.node) {
      const offset = range.start.offset;
      if (offset >= run.nodeEnd) continue;
      if (offset > run.nodeStart) lo = exact ? offset - run.nodeStart : length;
    } else if (order.compare(runStart, range.start) < 0) continue;
    if (run.node === range.end.node) {
      const offset = range.end.offset;
      if (offset <= run.nodeStart) continue;
      if (offset < run.nodeEnd) hi = exact ? offset - run.nodeStart : 0;
    } else if (order.compare(runEnd, range.end) > 0) continue;
    if (lo >= hi) continue;
    start = Math.min(start, run.at + lo);
    end = Math.max(end, run.at + hi);
  }
  return start < end ? { start, end } : null;
}
