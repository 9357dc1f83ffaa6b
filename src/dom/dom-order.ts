import type { DomAdapter, DomPoint } from './dom-adapter';

/**
 * Compares two DOM points in document order (-1, 0, 1), through the adapter alone so that it works
 * on cheerio's tree as on the browser's. Each node's chain of ancestors is found once, without
 * recursion (markup can nest 100,000 levels deep); two chains are compared where they part.
 */
export class DomOrder<N> {
  private readonly chains = new Map<N, N[]>();

  constructor(private readonly dom: DomAdapter<N>) {}

  compare(a: DomPoint<N>, b: DomPoint<N>): number {
    const chainA = this.chain(a.node);
    const chainB = this.chain(b.node);
    let depth = 0;
    while (depth < chainA.length && depth < chainB.length && chainA[depth] === chainB[depth]) depth++;
    if (depth === chainA.length && depth === chainB.length) return Math.sign(a.offset - b.offset);
    // A point in an element comes before its child at `offset` and everything in it.
    if (depth === chainA.length) return a.offset <= this.index(chainB[depth]) ? -1 : 1;
    if (depth === chainB.length) return this.index(chainA[depth]) < b.offset ? -1 : 1;
    return this.index(chainA[depth]) < this.index(chainB[depth]) ? -1 : 1;
  }

  /** The node's ancestors from the top down, and the node itself. */
  private chain(node: N): N[] {
    let chain = this.chains.get(node);
    if (!chain) {
      chain = [];
      for (let at: N | null = node; at !== null; at = this.dom.parent(at)) chain.push(at);
      chain.reverse();
      this.chains.set(node, chain);
    }
    return chain;
  }

  private index(node: N): number {
    const parent = this.dom.parent(node);
    return parent === null ? 0 : this.dom.children(parent).indexOf(node);
  }
}
