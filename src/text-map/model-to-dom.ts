import type { DomPoint, DomRange } from '../dom/dom-adapter';
import { isUnitForUnit, type TextRun } from '../text/mapped-text';
import type { ArticleMap } from './article-map';

/**
 * The DOM ranges that show article text [start, end) (UTF-16 offsets): one per stretch that is
 * contiguous in the DOM, so usually one per block; more where the model left DOM text out (Reuters'
 * `**`, a skipped element) so that no range covers text that is not the article's. Characters with no
 * DOM text (the "\n" between blocks, a title that came from a file header) are passed over.
 */
export function modelRangeToDom<N>(map: ArticleMap<N>, start: number, end: number): DomRange<N>[] {
  const ranges: DomRange<N>[] = [];
  for (const { start: partStart, mapped } of map.parts) {
    const from = Math.max(start, partStart) - partStart;
    const to = Math.min(end, partStart + mapped.text.length) - partStart;
    if (from >= to) continue;
    let open: DomRange<N> | null = null;
    for (const run of mapped.runs) {
      if (run.end <= from || run.start >= to) continue;
      const first = startPoint(run, Math.max(from, run.start));
      const last = endPoint(run, Math.min(to, run.end));
      if (open && run.joined) open.end = last;
      else {
        open = { start: first, end: last };
        ranges.push(open);
      }
    }
  }
  return ranges;
}

/** The DOM point before the text unit at `offset` (inside the run). */
export function startPoint<N>(run: TextRun<N>, offset: number): DomPoint<N> {
  return { node: run.node, offset: isUnitForUnit(run) ? run.nodeStart + (offset - run.start) : run.nodeStart };
}

/** The DOM point after the text unit before `offset` (inside the run). */
export function endPoint<N>(run: TextRun<N>, offset: number): DomPoint<N> {
  return { node: run.node, offset: isUnitForUnit(run) ? run.nodeStart + (offset - run.start) : run.nodeEnd };
}
