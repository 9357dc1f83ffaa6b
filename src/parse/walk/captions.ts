import { type DomAdapter, hasClass, NON_TEXT_TAGS, traverse } from '../../dom/dom-adapter';
import { TreeText } from '../tree-text';
import { joinMapped, sliceMapped } from '../../text/mapped-text';
import { TextAccumulator } from '../../text/text-accumulator';
import { CREDIT_SEPARATOR } from '../credits';
import type { CaptionParts } from './block-builder';

/** Markup that captions the image before it: figcaption, `<small>`, and the sites' caption classes. */
export function isCaption<N>(dom: DomAdapter<N>, node: N): boolean {
  const tag = dom.tagName(node);
  return (
    tag === 'small' ||
    tag === 'figcaption' ||
    (dom.hasAttributes(node) && captionAttributes(dom, node)) ||
    // <div><small>caption</small></div>: a wrapper whose only content is a caption.
    (tag === 'div' && onlyChildIs(dom, node, (child) => dom.tagName(child) === 'small'))
  );
}

/** The caption markup that is in attributes: a role, a test id, the sites' caption classes. */
function captionAttributes<N>(dom: DomAdapter<N>, node: N): boolean {
  return (
    dom.attr(node, 'role') === 'text' ||
    dom.attr(node, 'data-testid') === 'caption-paragraph' ||
    hasClass(dom, node, 'wp-caption-text') ||
    hasClass(dom, node, 'Image_caption') ||
    hasClass(dom, node, 'image-caption')
  );
}

function onlyChildIs<N>(dom: DomAdapter<N>, node: N, match: (child: N) => boolean): boolean {
  let only: N | null = null;
  for (const child of dom.children(node)) {
    if (dom.isText(child) && !dom.textData(child).trim()) continue;
    if (only !== null || !dom.isElement(child)) return false;
    only = child;
  }
  return only !== null && match(only);
}

/**
 * A caption's words apart from its credit: NYT's `<cite>` and "Credit..." lines, RFI's `© …` span,
 * BBC's "图像来源" line. Both keep their map to the DOM.
 */
export function readCaption<N>(dom: DomAdapter<N>, node: N, track: boolean, skip: (node: N) => boolean = () => false, tree: TreeText<N> = new TreeText(dom)): CaptionParts<N> {
  const caption = new TextAccumulator<N>(track);
  const credit = new TextAccumulator<N>(track);
  const creditElements = new Set<N>();
  traverse(
    dom,
    node,
    (n) => {
      const target = creditElements.size ? credit : caption;
      if (dom.isText(n)) {
        target.addText(n, dom.textData(n));
        return false;
      }
      if (!dom.isElement(n)) return false;
      const tag = dom.tagName(n);
      if (NON_TEXT_TAGS.has(tag) || tag.includes('-') || skip(n)) {
        target.addGap();
        return false;
      }
      if (tag === 'br') {
        target.addMadeUp(' ');
        return false;
      }
      // A span whose text starts with "©" (its first words: spans nested deep are each read once).
      if (tag === 'cite' || (tag === 'span' && tree.firstWords(n).startsWith('©'))) {
        creditElements.add(n);
        caption.addGap();
      }
      return true;
    },
    (n) => creditElements.delete(n),
  );
  let words = caption.take();
  let credits = credit.take();
  const split = CREDIT_SEPARATOR.exec(words.text);
  if (split) {
    const after = sliceMapped(words, split.index + split[0].length, words.text.length);
    words = sliceMapped(words, 0, split.index);
    credits = joinMapped(
      [after, credits].filter((m) => m.text),
      ' ',
    );
  }
  return { caption: words, credit: credits };
}
