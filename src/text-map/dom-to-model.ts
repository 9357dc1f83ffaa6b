import type { DomAdapter, DomPoint, DomRange } from '../dom/dom-adapter';
import { DomOrder } from '../dom/dom-order';
import { isUnitForUnit } from '../text/mapped-text';
import { placedRuns, type ArticleMap, type PlacedRun } from './article-map';
import { endPoint, startPoint } from './model-to-dom';

/**
 * Article-text offsets [start, end) of a DOM range, such as the reader's selection. A boundary in
 * text the model has (a mapped character) maps exactly; one in white space, markup or skipped
 * content snaps to the nearest mapped character inside the range. Null when the range holds no
 * article text at all.
 */
export function domToModel<N>(dom: DomAdapter<N>, map: ArticleMap<N>, range: DomRange<N>): { start: number; end: number } | null {
  const runs = placedRuns(map);
  const order = new DomOrder(dom);
  const start = exactStart(runs, range.start) ?? snapForward(runs, order, range.start);
  const end = exactEnd(runs, range.end) ?? snapBackward(runs, order, range.end);
  if (start === null || end === null || start >= end) return null;
  return { start, end };
}

function exactStart<N>(runs: PlacedRun<N>[], point: DomPoint<N>): number | null {
  for (const run of runs) {
    if (run.node !== point.node || point.offset < run.nodeStart || point.offset >= run.nodeEnd) continue;
    return run.at + (isUnitForUnit(run) ? point.offset - run.nodeStart : 0);
  }
  return null;
}

function exactEnd<N>(runs: PlacedRun<N>[], point: DomPoint<N>): number | null {
  for (const run of runs) {
    if (run.node !== point.node || point.offset <= run.nodeStart || point.offset > run.nodeEnd) continue;
    return run.at + (isUnitForUnit(run) ? point.offset - run.nodeStart : run.end - run.start);
  }
  return null;
}

/** The first mapped character after the point, in document order. */
function snapForward<N>(runs: PlacedRun<N>[], order: DomOrder<N>, point: DomPoint<N>): number | null {
  let best: { run: PlacedRun<N>; place: DomPoint<N> } | null = null;
  for (const run of runs) {
    const place = startPoint(run, run.start);
    if (order.compare(place, point) < 0) continue;
    if (!best || order.compare(place, best.place) < 0) best = { run, place };
  }
  return best ? best.run.at : null;
}

/** The end of the last mapped character before the point, in document order. */
function snapBackward<N>(runs: PlacedRun<N>[], order: DomOrder<N>, point: DomPoint<N>): number | null {
  let best: { run: PlacedRun<N>; place: DomPoint<N> } | null = null;
  for (const run of runs) {
    const place = endPoint(run, run.end);
    if (order.compare(place, point) > 0) continue;
    if (!best || order.compare(place, best.place) > 0) best = { run, place };
  }
  return best ? best.run.at + (best.run.end - best.run.start) : null;
}
