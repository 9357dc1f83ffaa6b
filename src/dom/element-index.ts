import { type DomAdapter, traverse } from './dom-adapter';

/**
 * The elements of a tree that a few questions look for, numbered in document order once, so that
 * "the first such element below this node" is a binary search and not a walk of the node's whole
 * subtree. Asked of every wrapper in a chain 100,000 deep (a figure in a figure in a figure…), a
 * fresh walk each time would cost the square of the depth. Built on the first question; the tree must
 * not change while it is asked.
 */
export class ElementIndex<N, K extends string> {
  /** Each element's number, and the number of the last element below it. */
  private spans: Map<N, { start: number; end: number }> | null = null;
  private readonly lists = new Map<K, { nodes: N[]; at: number[] }>();

  /**
   * `kinds`: what each question looks for. `stopAt`: elements whose inside a kind's search does not
   * enter (the element itself still counts), as a traversal that answers false at it.
   */
  constructor(
    private readonly dom: DomAdapter<N>,
    private readonly root: N,
    private readonly kinds: Record<K, (node: N) => boolean>,
    private readonly stopAt: Partial<Record<K, (node: N) => boolean>> = {},
  ) {}

  /** The first element of `kind` below `node` in document order for which `accept` holds (as `findFirst`). */
  first(kind: K, node: N, accept: (found: N) => boolean = () => true): N | null {
    for (const found of this.below(kind, node)) if (accept(found)) return found;
    return null;
  }

  /** Every element of `kind` below `node`, in document order. */
  *below(kind: K, node: N): Generator<N> {
    const spans = this.build();
    const span = spans.get(node);
    if (!span) {
      // Outside the indexed tree: asked the slow way.
      yield* this.walk(kind, node);
      return;
    }
    const { nodes, at } = this.lists.get(kind)!;
    for (let i = lowerBound(at, span.start + 1); i < at.length && at[i] <= span.end; i++) yield nodes[i];
  }

  private walk(kind: K, node: N): N[] {
    const found: N[] = [];
    traverse(this.dom, node, (n) => {
      if (!this.dom.isElement(n)) return false;
      if (this.kinds[kind](n)) found.push(n);
      return !this.stopAt[kind]?.(n);
    });
    return found;
  }

  private build(): Map<N, { start: number; end: number }> {
    if (this.spans) return this.spans;
    const { dom } = this;
    const spans = new Map<N, { start: number; end: number }>();
    const kinds = Object.keys(this.kinds) as K[];
    for (const kind of kinds) this.lists.set(kind, { nodes: [], at: [] });
    /** Per kind, how many open elements stop its search: inside one, elements of that kind are not listed. */
    const stopped = new Map<K, number>(kinds.map((k) => [k, 0]));
    let count = 0;
    spans.set(this.root, { start: count++, end: 0 });
    traverse(
      dom,
      this.root,
      (node) => {
        if (!dom.isElement(node)) return false;
        const number = count++;
        spans.set(node, { start: number, end: number });
        for (const kind of kinds) {
          if (stopped.get(kind)! === 0 && this.kinds[kind](node)) {
            const list = this.lists.get(kind)!;
            list.nodes.push(node);
            list.at.push(number);
          }
          if (this.stopAt[kind]?.(node)) stopped.set(kind, stopped.get(kind)! + 1);
        }
        return true;
      },
      (node) => {
        spans.get(node)!.end = count - 1;
        for (const kind of kinds) if (this.stopAt[kind]?.(node)) stopped.set(kind, stopped.get(kind)! - 1);
      },
    );
    spans.get(this.root)!.end = count - 1;
    this.spans = spans;
    return spans;
  }
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
