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
  return modelRangeToDomPieces(map, start, end).map((piece) => piece.range);
}

/** A DOM range and the article text [from, to) it shows. */
export interface DomPiece<N> {
  from: number;
  to: number;
  range: DomRange<N>;
}

export function modelRangeToDomPieces<N>(map: ArticleMap<N>, start: number, end: number): DomPiece<N>[] {
  const pieces: DomPiece<N>[] = [];
  for (const { start: partStart, mapped } of map.parts) {
    const from = Math.max(start, partStart) - partStart;
    const to = Math.min(end, partStart + mapped.text.length) - partStart;
    if (from >= to) continue;
    let open: DomPiece<N> | null = null;
    for (const run of mapped.runs) {
      if (run.end <= from || run.start >= to) continue;
      const a = Math.max(from, run.start);
      const b = Math.min(to, run.end);
      if (open && run.joined) {
        open.range.end = endPoint(run, b);
        open.to = partStart + b;
      } else {
        open = { from: partStart + a, to: partStart + b, range: { start: startPoint(run, a), end: endPoint(run, b) } };
        pieces.push(open);
      }
    }
  }
  return pieces;
}

/** The DOM point before the text unit at `offset` (inside the run). */
export function startPoint<N>(run: TextRun<N>, offset: number): DomPoint<N> {
  return { node: run.node, offset: isUnitForUnit(run) ? run.nodeStart + (offset - run.start) : run.nodeStart };
}

/** The DOM point after the text unit before `offset` (inside the run). */
export function endPoint<N>(run: TextRun<N>, offset: number): DomPoint<N> {
  return { node: run.node, offset: isUnitForUnit(run) ? run.nodeStart + (offset - run.start) : run.nodeEnd };
}
