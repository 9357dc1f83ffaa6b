import { type DomAdapter, traverse } from './dom-adapter';

/**
 * The elements of a tree that a few questions look for, numbered in document order once, so that
 * "the first such element below this node" is a binary search and not a walk of the node's whole
 * subtree. Asked of every wrapper in a chain 100,000 deep (a figure in a figure in a figure…), a
 * fresh walk each time would cost the square of the depth. The first questions are answered by
 * walking below the node, as long as those walks together stay within a small budget: most trees
 * (an article's body) never need the index. It is built when the budget runs out; the tree must not
 * change while it is asked.
 */
export class ElementIndex<N, K extends string> {
  /** Each element's number, and the number of the last element below it. */
  private spans: Map<N, { start: number; end: number }> | null = null;
  private readonly lists = new Map<K, { nodes: N[]; at: number[] }>();
  /**
   * `kinds`: what each question looks for. `stopAt`: elements whose inside a kind's search does not
   * enter (the element itself still counts), as a traversal that answers false at it. `walkBudget`:
   * elements the walks before the index may visit, all questions together (the cost stays linear in the tree).
   */
  constructor(
    private readonly dom: DomAdapter<N>,
    private readonly root: N,
    private readonly kinds: Record<K, (node: N) => boolean>,
    private readonly stopAt: Partial<Record<K, (node: N) => boolean>> = {},
    private walkBudget = WALK_BUDGET,
  ) {}

  /** The first element of `kind` below `node` in document order for which `accept` holds (as `findFirst`). */
  first(kind: K, node: N, accept?: (found: N) => boolean): N | null {
    if (!this.spans) {
      const found = this.searchWithinBudget(kind, node, accept, true);
      if (found) return found[0] ?? null;
    }
    const span = this.build().get(node);
    if (!span) {
      for (const found of this.walk(kind, node)) if (!accept || accept(found)) return found;
      return null;
    }
    // As `below`, without a generator: the walk asks this of many elements.
    const { nodes, at } = this.lists.get(kind)!;
    for (let i = lowerBound(at, span.start + 1); i < at.length && at[i]! <= span.end; i++) if (!accept || accept(nodes[i]!)) return nodes[i]!;
    return null;
  }

  /** Every element of `kind` below `node`, in document order. */
  *below(kind: K, node: N): Generator<N> {
    if (!this.spans) {
      const found = this.searchWithinBudget(kind, node, undefined, false);
      if (found) {
        yield* found;
        return;
      }
    }
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

  /**
   * What the index would answer (every element of `kind` below the node that `accept` takes, or the
   * first only), found by a walk below the node; undefined once the budget runs out.
   */
  private searchWithinBudget(kind: K, node: N, accept: ((found: N) => boolean) | undefined, firstOnly: boolean): N[] | undefined {
    const { dom } = this;
    const test = this.kinds[kind];
    const stop = this.stopAt[kind];
    if (stop) {
      // The index leaves out all that is inside a stop, the node itself or one above it.
      const inside = this.insideStop(node, stop);
      if (inside === undefined) return undefined;
      if (inside) return [];
    }
    const found: N[] = [];
    let spent = false;
    traverse(dom, node, (n) => {
      if (!dom.isElement(n)) return false;
      if (--this.walkBudget < 0) {
        spent = true;
        return 'stop';
      }
      if (test(n) && (!accept || accept(n)) && found.push(n) && firstOnly) return 'stop';
      return !stop?.(n);
    });
    return spent ? undefined : found;
  }

  /**
   * Whether the node, or an element between it and the root, is a stop (the root is never one, as
   * the index counts); false for a node outside the tree (asked by `walk`, which sees no stop above
   * it); undefined once the budget runs out.
   */
  private insideStop(node: N, stop: (node: N) => boolean): boolean | undefined {
    let inside = false;
    let at: N | null = node;
    for (; at !== null && at !== this.root; at = this.dom.parent(at)) {
      if (--this.walkBudget < 0) return undefined;
      if (stop(at)) inside = true;
    }
    return at === this.root && inside;
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
    // By kind's place in `kinds`: its test, its stop (if any), its list, and how many open elements stop its search.
    const tests = kinds.map((k) => this.kinds[k]);
    const stops = kinds.map((k) => this.stopAt[k]);
    const lists = kinds.map(() => ({ nodes: [] as N[], at: [] as number[] }));
    for (const [i, k] of kinds.entries()) this.lists.set(k, lists[i]!);
    const stopped = kinds.map(() => 0);
    let count = 0;
    spans.set(this.root, { start: count++, end: 0 });
    traverse(
      dom,
      this.root,
      (node) => {
        if (!dom.isElement(node)) return false;
        const number = count++;
        spans.set(node, { start: number, end: number });
        for (let i = 0; i < tests.length; i++) {
          if (stopped[i] === 0 && tests[i]!(node)) {
            lists[i]!.nodes.push(node);
            lists[i]!.at.push(number);
          }
          if (stops[i]?.(node)) stopped[i]!++;
        }
        return true;
      },
      (node) => {
        spans.get(node)!.end = count - 1;
        for (let i = 0; i < stops.length; i++) if (stops[i]?.(node)) stopped[i]!--;
      },
    );
    spans.get(this.root)!.end = count - 1;
    this.spans = spans;
    return spans;
  }
}

/** Enough for every question an article's body asks of its figures and captions (see the class). */
const WALK_BUDGET = 4096;

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
