import { type DomAdapter, NON_TEXT_TAGS, traverse } from '../dom/dom-adapter';
import { cleanText } from '../text/clean-text';

interface Sums {
  /** As `textContent` reads it. */
  text: string;
  /** The text of every link below, nested ones too, in document order (`findAll` of `a`, each one's `textContent`). */
  linked: string;
  /** Letters of `text`, and of `linked`, cleaned (clean-text.ts) a text node at a time, white space not counted. */
  letters: number;
  linkedLetters: number;
  /** List items below (the element itself too), and how many of them are all link text. */
  items: number;
  linkItems: number;
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
    const { text, linked } = this.sumsOf(node);
    // A link's sums hold its own text first; the links below it are the rest.
    return this.dom.tagName(node) === 'a' ? linked.slice(text.length) : linked;
  }

  /** "Related stories" lists: the element holds list items, and every item's words are link text. */
  isLinkList(node: N): boolean {
    const { items, linkItems } = this.sumsOf(node);
    return items > 0 && linkItems === items;
  }

  /**
   * The start of the element's first non-blank text (outside non-text elements). The walk that finds
   * it passes through the element's first descendants: they all start with the same words.
   */
  firstWords(node: N): string {
    const { dom } = this;
    // The commonest case, a paragraph that starts with its words: no walk, and nothing to keep
    // (trimStart drops what \s matches: what is left is words).
    const first = dom.children(node)[0];
    const leading = first !== undefined && dom.isText(first) ? dom.textData(first).trimStart() : '';
    if (leading) return leading;
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
    const frame = (n: N): Frame => ({ node: n, kids: dom.children(n), next: 0, text: '', linked: '', letters: 0, linkedLetters: 0, items: 0, linkItems: 0 });
    const stack: Frame[] = [frame(node)];
    for (;;) {
      const top = stack[stack.length - 1];
      if (top.next < top.kids.length) {
        const kid = top.kids[top.next++];
        if (dom.isText(kid)) {
          top.text += dom.textData(kid);
          top.letters += letterCount(dom.textData(kid));
        } else if (dom.isElement(kid)) {
          const inner = this.sums.get(kid);
          if (inner) add(top, inner);
          else stack.push(frame(kid));
        }
        continue;
      }
      stack.pop();
      const tag = dom.tagName(top.node);
      const nonText = dom.isElement(top.node) && NON_TEXT_TAGS.has(tag);
      const [text, letters] = nonText ? ['', 0] : [top.text, top.letters];
      const isLink = tag === 'a';
      const sums: Sums = {
        text,
        letters,
        linked: (isLink ? text : '') + top.linked,
        linkedLetters: (isLink ? letters : 0) + top.linkedLetters,
        items: top.items + (tag === 'li' ? 1 : 0),
        linkItems: top.linkItems + (tag === 'li' && letters > 0 && top.linkedLetters >= letters ? 1 : 0),
      };
      this.sums.set(top.node, sums);
      if (!stack.length) return sums;
      add(stack[stack.length - 1], sums);
    }
  }
}

function add(frame: Sums, inner: Sums): void {
  frame.text += inner.text;
  frame.linked += inner.linked;
  frame.letters += inner.letters;
  frame.linkedLetters += inner.linkedLetters;
  frame.items += inner.items;
  frame.linkItems += inner.linkItems;
}

/** Characters of the cleaned text that are not white space. */
function letterCount(data: string): number {
  return cleanText(data).replace(/\s/g, '').length;
}
