import { type DomAdapter, NON_TEXT_TAGS, traverse } from '../../dom/dom-adapter';

interface Sums {
  /** As `textContent` reads it. */
  text: string;
  /** The text of every link below, nested ones too, in document order (`findAll` of `a`, each one's `textContent`). */
  linked: string;
}

/**
 * Text questions the skip rules ask of element after element, answered once per element of one
 * parsed tree. Asked of each wrapper in a chain of 100,000 nested `<div>`s, a fresh walk below each
 * one would cost the square of the depth; here each answer is kept, and a walk stops at answers
 * already known. Only for a tree that does not change while it is asked (one parse).
 */
export class TreeText<N> {
  private readonly sums = new Map<N, Sums>();
  private readonly words = new Map<N, string>();

  constructor(private readonly dom: DomAdapter<N>) {}

  /** `textContent(dom, node)` of an element. */
  text(node: N): string {
    return this.sumsOf(node).text;
  }

  /** The text of the links below the element, joined. */
  linkedText(node: N): string {
    return this.sumsOf(node).linked;
  }

  /**
   * The start of the element's first non-blank text (outside non-text elements). The walk that finds
   * it passes through the element's first descendants: they all start with the same words.
   */
  firstWords(node: N): string {
    const { dom } = this;
    const known = this.words.get(node);
    if (known !== undefined) return known;
    const open: N[] = [node];
    let words = '';
    traverse(
      dom,
      node,
      (n) => {
        if (dom.isText(n)) {
          if (!dom.textData(n).trim()) return false;
          words = dom.textData(n).trimStart();
          return 'stop';
        }
        if (!dom.isElement(n) || NON_TEXT_TAGS.has(dom.tagName(n))) return false;
        const inner = this.words.get(n);
        if (inner === '') return false;
        if (inner !== undefined) {
          words = inner;
          return 'stop';
        }
        open.push(n);
        return true;
      },
      // An element left without finding any: it has none.
      (n) => {
        this.words.set(n, '');
        open.pop();
      },
    );
    for (const n of open) this.words.set(n, words);
    return words;
  }

  /** Bottom up, without recursion: each element's sums from its children's. */
  private sumsOf(node: N): Sums {
    const { dom } = this;
    const known = this.sums.get(node);
    if (known) return known;
    interface Frame extends Sums {
      node: N;
      kids: readonly N[];
      next: number;
    }
    const frame = (n: N): Frame => ({ node: n, kids: dom.children(n), next: 0, text: '', linked: '' });
    const stack: Frame[] = [frame(node)];
    for (;;) {
      const top = stack[stack.length - 1];
      if (top.next < top.kids.length) {
        const kid = top.kids[top.next++];
        if (dom.isText(kid)) top.text += dom.textData(kid);
        else if (dom.isElement(kid)) {
          const inner = this.sums.get(kid);
          if (inner) add(top, inner);
          else stack.push(frame(kid));
        }
        continue;
      }
      stack.pop();
      const nonText = dom.isElement(top.node) && NON_TEXT_TAGS.has(dom.tagName(top.node));
      const text = nonText ? '' : top.text;
      const sums = { text, linked: (dom.tagName(top.node) === 'a' ? text : '') + top.linked };
      this.sums.set(top.node, sums);
      if (!stack.length) return sums;
      add(stack[stack.length - 1], sums);
    }
  }
}

function add(frame: Sums, inner: Sums): void {
  frame.text += inner.text;
  frame.linked += inner.linked;
}
