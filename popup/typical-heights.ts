/**
 * How tall the rows of each size class measure most often at the list's width: the virtualized list's
 * estimate for a row not measured yet. Every row measured taller or shorter than its estimate moves all
 * the rows after it, which the virtualizer lays out again (110,000 at 100,000 highlights): a list
 * scrolled fast shows tens of new rows a frame. A class not measured yet takes its group's height.
 */
export class TypicalHeights {
  private width = -1;
  /** Per class, then per group (other numbers): how often each height was measured, and the most frequent. */
  private readonly classes = new Tally();
  private readonly groups = new Tally();

  /** A row of this class and group measured `height` pixels tall at `width`; another width forgets the rest. */
  record(sizeClass: number, group: number, height: number, width: number): void {
    if (width !== this.width) {
      this.width = width;
      this.classes.clear();
      this.groups.clear();
    }
    this.classes.add(sizeClass, height);
    this.groups.add(group, height);
  }

  /** The usual height of the class, else of its group; undefined while neither was measured. */
  estimate(sizeClass: number, group: number): number | undefined {
    return this.classes.usual[sizeClass] ?? this.groups.usual[group];
  }
}

class Tally {
  /** Per number, its most frequent height (an array: looked up for every row each time the list is laid out). */
  usual: (number | undefined)[] = [];
  private counts = new Map<number, Map<number, number>>();

  add(key: number, height: number): void {
    const heights = this.counts.get(key) ?? new Map<number, number>();
    this.counts.set(key, heights);
    const n = (heights.get(height) ?? 0) + 1;
    heights.set(height, n);
    const usual = this.usual[key];
    if (usual === undefined || n > heights.get(usual)!) this.usual[key] = height;
  }

  clear(): void {
    this.usual = [];
    this.counts.clear();
  }
}
