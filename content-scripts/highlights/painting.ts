import { placeAnnotations } from '../../src/anchor/annotations';
import type { ArticleMap } from '../../src/text-map/article-map';
import { modelRangeToDom } from '../../src/text-map/model-to-dom';
import type { NoteMark } from './HighlightUi';
import { Painter } from './painter';
import type { Box } from './placement';
import type { AnnotationRecord } from '../../src/annotation/records';

/**
 * The article's highlights on the page: painted where their words stand (the Painter), the ones
 * that cannot be placed handed back, and a mark after each highlight with a note. Text reflows when
 * the window or the fonts change: `onReflow` is called then, once a frame, so the marks can follow.
 * `dispose()` unpaints, unregisters the highlights and stops watching the page's size.
 */
export class Painting {
  private readonly painter = new Painter();
  private readonly observer: ResizeObserver;
  private frame = 0;

  constructor(onReflow: () => void) {
    this.observer = new ResizeObserver(() => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(onReflow);
    });
    this.observer.observe(document.documentElement);
  }

  /** Paints afresh every highlight whose words stand in the map's text; answers the ones that do not (the orphans). */
  paint(map: ArticleMap<Node>, annotations: readonly AnnotationRecord[]): AnnotationRecord[] {
    this.painter.clear();
    const { placed, orphans } = placeAnnotations(map.text, annotations);
    for (const { annotation, start, end } of placed) this.painter.paint(annotation.id, annotation.color, toRanges(map, start, end));
    this.painter.markOverlaps(overlapsOf(placed).flatMap(({ start, end }) => toRanges(map, start, end)));
    return orphans;
  }

  /**
   * Where each noted highlight's mark stands, in document coordinates: level with its last line, in
   * the margin just past the end of the text's block, so the 24 px mark covers no character. In a
   * window too narrow for that margin it stays inside the window. Marks on one line stand side by side.
   */
  marks(annotations: readonly AnnotationRecord[]): NoteMark[] {
    const right = document.documentElement.clientWidth - MARK - 2;
    const marks = annotations.flatMap((annotation) => {
      const range = annotation.note.trim() ? this.painter.rangesOf(annotation.id).at(-1) : undefined;
      const rects = range?.getClientRects();
      const last = rects?.[rects.length - 1];
      if (!range || !last) return [];
      const block = blockOf(range.endContainer)?.getBoundingClientRect();
      const x = Math.min(Math.max(block?.right ?? last.right, last.right) + 6, right);
      return [{ id: annotation.id, x, y: last.top + last.height / 2 - MARK / 2 }];
    });
    marks.sort((a, b) => a.y - b.y || a.x - b.x);
    for (const [i, mark] of marks.entries()) {
      const before = marks[i - 1];
      if (before && Math.abs(before.y - mark.y) < MARK && mark.x < before.x + MARK + 2) mark.x = before.x + MARK + 2;
    }
    return marks.map((mark) => ({ ...mark, x: mark.x + scrollX, y: mark.y + scrollY }));
  }

  /** The highlights under a point of the viewport, the one a click opens first (painter.ts). */
  hitsAt(x: number, y: number): string[] {
    return this.painter.hitsAt(x, y);
  }

  /** Scrolls to a painted highlight and flashes it; false when it is not painted. */
  reveal(id: string): boolean {
    return this.painter.reveal(id);
  }

  /** A painted highlight's last range, or null when it is not painted. */
  lastRange(id: string): Range | null {
    return this.painter.rangesOf(id).at(-1) ?? null;
  }

  /** Where a painted highlight stands in the viewport (all its lines), or null when it is not painted. */
  boxOf(id: string): Box | null {
    const rects = this.painter.rangesOf(id).map((range) => range.getBoundingClientRect());
    if (!rects.length) return null;
    return {
      left: Math.min(...rects.map((r) => r.left)),
      right: Math.max(...rects.map((r) => r.right)),
      top: Math.min(...rects.map((r) => r.top)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
  }

  dispose(): void {
    this.observer.disconnect();
    cancelAnimationFrame(this.frame);
    this.painter.dispose();
  }
}

/** A note mark's size: the smallest target WCAG 2.2 asks for. */
const MARK = 24;

/** The block a text node stands in (its paragraph, heading or caption). */
function blockOf(node: Node): Element | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element?.closest('p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, td, div') ?? null;
}

/** The stretches of text that two or more placed highlights cover, merged, in order. */
function overlapsOf(placed: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...placed].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  let reach = -1;
  for (const { start, end } of sorted) {
    const overlapEnd = Math.min(end, reach);
    if (overlapEnd > start) {
      const last = out[out.length - 1];
      if (last && last.end >= start) last.end = Math.max(last.end, overlapEnd);
      else out.push({ start, end: overlapEnd });
    }
    reach = Math.max(reach, end);
  }
  return out;
}

function toRanges(map: ArticleMap<Node>, start: number, end: number): Range[] {
  return modelRangeToDom(map, start, end).map(({ start: from, end: to }) => {
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  });
}
