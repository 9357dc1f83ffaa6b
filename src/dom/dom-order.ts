import type { DomAdapter, DomPoint } from './dom-adapter';

/**
 * Compares two DOM points in document order (-1, 0, 1), through the adapter alone so that it works
 * on cheerio's tree as on the browser's. A point's key is the path of child indices down to its node,
 * then its offset: "before child k" of an element sorts before anything inside that child.
 */
export class DomOrder<N> {
  private readonly paths = new Map<N, number[]>();

  constructor(private readonly dom: DomAdapter<N>) {}

  compare(a: DomPoint<N>, b: DomPoint<N>): number {
    const ka = [...this.path(a.node), a.offset];
    const kb = [...this.path(b.node), b.offset];
    const length = Math.min(ka.length, kb.length);
    for (let i = 0; i < length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return Math.sign(ka.length - kb.length);
  }

  /** Walks up without recursion: markup can nest 100,000 levels deep. */
  private path(node: N): number[] {
    const up: N[] = [];
    let at: N | null = node;
    while (at !== null && !this.paths.has(at)) {
      up.push(at);
      at = this.dom.parent(at);
    }
    let path = at === null ? [] : (this.paths.get(at) as number[]);
    for (let i = up.length - 1; i >= 0; i--) {
      const parent = this.dom.parent(up[i]);
      path = parent === null ? [] : [...path, this.dom.children(parent).indexOf(up[i])];
      this.paths.set(up[i], path);
    }
    return path;
  }
}
