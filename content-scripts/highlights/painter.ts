import { highlightCss } from '../../lib/highlight-colors';
import { type Color, COLORS } from '../../src/annotation/records';

/**
 * Paints highlights with the CSS Custom Highlight API: one Highlight per colour, registered as
 * `pizhu-<colour>`. The page's DOM is never changed; overlapping highlights both stay visible, and
 * removing one leaves the other whole.
 */
export class Painter {
  private readonly byColor = new Map<Color, Highlight>();
  private readonly painted = new Map<string, { color: Color; ranges: Range[] }>();
  /** Where two highlights cover the same words (not a "pizhu…" name: it is no highlight of the reader's). */
  private readonly overlaps = new Highlight();
  private readonly sheet: CSSStyleSheet;
  private flash: Highlight | null = null;
  private flashTimer = 0;

  constructor() {
    for (const color of COLORS) {
      const highlight = new Highlight();
      this.byColor.set(color, highlight);
      CSS.highlights.set(`pizhu-${color}`, highlight);
    }
    // Above the colours, so the lines show over whichever fill is on top.
    this.overlaps.priority = 1;
    CSS.highlights.set('pz-overlap', this.overlaps);
    this.sheet = installHighlightStyles();
  }

  /** Unpaints everything and takes back what the constructor added: the registered highlights and the style sheet. */
  dispose(): void {
    this.clear();
    clearTimeout(this.flashTimer);
    if (this.flash && CSS.highlights.get('pz-reveal') === this.flash) CSS.highlights.delete('pz-reveal');
    if (CSS.highlights.get('pz-overlap') === this.overlaps) CSS.highlights.delete('pz-overlap');
    for (const [color, highlight] of this.byColor) if (CSS.highlights.get(`pizhu-${color}`) === highlight) CSS.highlights.delete(`pizhu-${color}`);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
  }

  paint(id: string, color: Color, ranges: Range[]): void {
    this.unpaint(id);
    const highlight = this.byColor.get(color)!;
    for (const range of ranges) highlight.add(range);
    this.painted.set(id, { color, ranges });
  }

  unpaint(id: string): void {
    const old = this.painted.get(id);
    if (!old) return;
    const highlight = this.byColor.get(old.color)!;
    for (const range of old.ranges) highlight.delete(range);
    this.painted.delete(id);
  }

  clear(): void {
    for (const id of [...this.painted.keys()]) this.unpaint(id);
    this.overlaps.clear();
  }

  /** Marks the stretches where two highlights overlap (they replace the ones marked before). */
  markOverlaps(ranges: Range[]): void {
    this.overlaps.clear();
    for (const range of ranges) this.overlaps.add(range);
  }

  /**
   * The highlights under a point of the viewport, the shortest first (one inside another stays within
   * reach), then the most recently painted: `highlightsFromPoint` where the browser has it, else the
   * boxes the ranges' text fills, else the caret at the point compared with each range.
   */
  hitsAt(x: number, y: number): string[] {
    const ids = [...this.painted.keys()].reverse();
    const rangesOf = (id: string) => this.painted.get(id)!.ranges;
    const shortestFirst = (hit: string[]) => {
      const length = new Map(hit.map((id) => [id, rangesOf(id).reduce((sum, range) => sum + range.toString().length, 0)]));
      // A stable sort: equal lengths keep the most recent first.
      return hit.sort((a, b) => length.get(a)! - length.get(b)!);
    };
    const registry = CSS.highlights as HighlightRegistry & { highlightsFromPoint?(x: number, y: number): { highlight: Highlight; ranges: AbstractRange[] }[] };
    if (registry.highlightsFromPoint) {
      const hits = registry.highlightsFromPoint(x, y).flatMap((hit) => hit.ranges);
      return shortestFirst(ids.filter((id) => rangesOf(id).some((range) => hits.includes(range))));
    }
    const inBox = (range: Range) => Array.from(range.getClientRects()).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
    const byBox = ids.filter((id) => rangesOf(id).some(inBox));
    if (byBox.length) return shortestFirst(byBox);
    const caret = caretAt(x, y);
    if (!caret) return [];
    return shortestFirst(
      ids.filter((id) => rangesOf(id).some((range) => range.comparePoint(caret.node, caret.offset) === 0 && !(caret.offset === range.endOffset && caret.node === range.endContainer))),
    );
  }

  /** Scrolls a painted highlight into view and flashes it, for the reader who came from the popup; false when it is not painted. */
  reveal(id: string): boolean {
    const ranges = this.rangesOf(id);
    const first = ranges[0];
    if (!first) return false;
    const rect = first.getBoundingClientRect();
    scrollBy({ top: rect.top - innerHeight / 3, behavior: 'instant' });
    const flash = new Highlight(...ranges);
    // Above the colours and the overlaps, so the flash shows on an overlapped passage too.
    flash.priority = 2;
    CSS.highlights.set('pz-reveal', flash);
    this.flash = flash;
    clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => CSS.highlights.get('pz-reveal') === flash && CSS.highlights.delete('pz-reveal'), 1600);
    return true;
  }

  rangesOf(id: string): Range[] {
    return this.painted.get(id)?.ranges ?? [];
  }
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Styles for `::highlight()` must come from the document's own sheets: an adopted sheet adds no element to the page. */
function installHighlightStyles(): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(highlightCss());
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return sheet;
}
