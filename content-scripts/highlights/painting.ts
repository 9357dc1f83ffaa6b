import { placeAnnotations } from '../../src/anchor/annotations';
import type { ArticleMap } from '../../src/text-map/article-map';
import { modelRangeToDom } from '../../src/text-map/model-to-dom';
import type { NoteMark } from './HighlightUi';
import { Painter } from './painter';
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
    return orphans;
  }

  /** Where each noted highlight's mark stands: just after its last line, in document coordinates. */
  marks(annotations: readonly AnnotationRecord[]): NoteMark[] {
    return annotations.flatMap((annotation) => {
      const ranges = annotation.note.trim() ? this.painter.rangesOf(annotation.id) : [];
      const rects = ranges.length ? ranges[ranges.length - 1]!.getClientRects() : null;
      const last = rects?.[rects.length - 1];
      return last ? [{ id: annotation.id, x: last.right + scrollX + 1, y: last.top + scrollY - 6 }] : [];
    });
  }

  /** The highlight under a point of the viewport, or null. */
  hitTest(x: number, y: number): string | null {
    return this.painter.hitTest(x, y);
  }

  /** Scrolls to a painted highlight and flashes it; false when it is not painted. */
  reveal(id: string): boolean {
    return this.painter.reveal(id);
  }

  /** Where a painted highlight's first line stands in the viewport, or null when it is not painted. */
  boxOf(id: string): DOMRect | null {
    return this.painter.rangesOf(id)[0]?.getBoundingClientRect() ?? null;
  }

  dispose(): void {
    this.observer.disconnect();
    cancelAnimationFrame(this.frame);
    this.painter.dispose();
  }
}

function toRanges(map: ArticleMap<Node>, start: number, end: number): Range[] {
  return modelRangeToDom(map, start, end).map(({ start: from, end: to }) => {
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  });
}
