import { type DomAdapter, findFirst, NON_TEXT_TAGS, traverse } from '../../dom/dom-adapter';
import { pickImageSource } from '../image-source';
import { BlockBuilder, type BlockContext } from './block-builder';
import { isCaption, readCaption } from './captions';
import type { DraftBlock } from './draft-block';

export interface WalkOptions<N> {
  dom: DomAdapter<N>;
  /** Resolves relative image addresses; with none, relative images are dropped (never guessed). */
  baseUrl: string | null;
  /** Record where each character came from (only where a DOM will be painted). */
  track?: boolean;
  /** Source-specific noise (adverts, share bars, promos): the walk does not enter these. */
  skip?: (node: N) => boolean;
  /** Source-specific captions that carry no caption markup (BBC's older figure layout). */
  isCaption?: (node: N) => boolean;
  /** Source-specific figures without figure markup: an image and the text beside it, its caption (DW galleries). */
  isFigure?: (node: N) => boolean;
  /**
   * Where the page marks its paragraphs itself (Reuters' Arc template), every `<br>` is a space. In
   * archive bodies `<br><br>` separates paragraphs and a lone `<br>` between Chinese characters is a hard wrap.
   */
  pageLineBreaks?: boolean;
}

/**
 * RFI's feed glues attributes to tag names (`<imgsrc="data:…" srcset="….jpg">`, `<sourcetype=…>`):
 * both parsers read such a tag as one long name; it is still an image or a source.
 */
const isImgTag = (tag: string) => tag === 'img' || tag.startsWith('imgsrc=');
const isSourceTag = (tag: string) => tag === 'source' || tag.startsWith('sourcetype=');

/** Page furniture: text that is not the article's. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'form', 'label', 'dialog', 'hr']);

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'main', 'article', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table',
  'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'pre', 'center', 'address', 'details', 'summary',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'html', 'figure', 'figcaption', 'picture',
]);

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** What a caption never holds: a caption holding these has run on into the article. */
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'table', 'section', 'article', 'figure']);

/** A figure's label for screen readers, not its caption. */
const FIGURE_LABEL = /^\s*(Image|Video|图像|圖像|视频|影片)\s*$/i;

/**
 * Turns an HTML tree into reading blocks: paragraphs, headings and images with captions. Inline
 * markup is flattened into its block's text; block elements start new blocks; a caption (a
 * figcaption, a `<small>` or a caption element right after an image) attaches to its image.
 * Iterative (markup can nest 100,000 levels deep); with `track`, every character keeps its DOM origin.
 */
export function walkBlocks<N>(root: N, options: WalkOptions<N>): DraftBlock<N>[] {
  const { dom } = options;
  const builder = new BlockBuilder<N>(options.track ?? false);
  const contexts: BlockContext[] = [{ heading: false }];
  const pageLineBreaks = options.pageLineBreaks ?? false;

  /** Elements already read as an image or its caption: the walk passes them over when it reads the rest of their figure. */
  const placed = new Set<N>();
  /** Content a caption does not read either: what the walk itself skips. */
  const skipInCaption = (n: N) => FURNITURE_TAGS.has(dom.tagName(n)) || isHidden(dom, n) || !!options.skip?.(n);

  /** An image from `node` (an img, or a figure holding one), captioned by the text of `captionNode`. */
  const image = (node: N, captionNode: N | null): boolean => {
    const img = isImgTag(dom.tagName(node)) ? node : findFirst(dom, node, (n) => isImgTag(dom.tagName(n)) && !placed.has(n));
    if (!img || placed.has(img) || isDecoration(dom, img)) return false;
    const src = pickImageSource((name) => dom.attr(img, name), options.baseUrl, sourceSrcsets(dom, node));
    if (!src) return false;
    imageParent = dom.parent(node);
    placed.add(img);
    if (captionNode) placed.add(captionNode);
    builder.addImage(src, captionNode ? readCaption(dom, captionNode, builder.track, skipInCaption) : null);
    return true;
  };
  /** A caption that holds paragraphs (an unclosed figcaption swallowed the article): only its first words caption. */
  const holdsBlocks = (node: N) => !!findFirst(dom, node, (n) => PARAGRAPH_TAGS.has(dom.tagName(n)) || isImgTag(dom.tagName(n)));
  const figcaption = (node: N) => findFirst(dom, node, (n) => dom.tagName(n) === 'figcaption');
  /**
   * Where the last image stands. A bare `<small>` captions it only beside it: an unclosed `<small>`
   * is carried into every later paragraph by the browser's parser (not by htmlparser2), and those
   * paragraphs are the article's, not captions.
   */
  let imageParent: N | null = null;
  const captionHere = (node: N) => (isCaption(dom, node) || !!options.isCaption?.(node)) && (dom.tagName(node) !== 'small' || dom.parent(node) === imageParent);

  const enter = (node: N): boolean => {
    const context = contexts[contexts.length - 1];
    if (placed.has(node)) return false;
    if (dom.isText(node)) {
      // NYT labels a figure "Image" for screen readers; where the picture is gone the label is all that is left.
      if (context.inFigure && FIGURE_LABEL.test(dom.textData(node))) builder.addGap();
      else builder.addText(node, dom.textData(node), context);
      return false;
    }
    if (!dom.isElement(node)) return false;
    const tag = dom.tagName(node);
    // A parsed <noscript> may hold the only real copy of a lazy image; its text is never article text.
    // A video's poster is its picture (VOA's programmes lead with one); the video itself never plays here.
    if (tag === 'video' && dom.attr(node, 'poster')) {
      const src = pickImageSource((name) => (name === 'src' ? dom.attr(node, 'poster') : null), options.baseUrl);
      if (src) builder.addImage(src, null);
      return false;
    }
    if (tag === 'noscript') {
      const picture = findFirst(dom, node, (n) => dom.tagName(n) === 'picture' || isImgTag(dom.tagName(n)));
      if (!picture || !image(picture, null)) builder.addGap();
      return false;
    }
    // Custom elements (share-button, share-modal) are widgets, not text.
    if (NON_TEXT_TAGS.has(tag) || isSourceTag(tag) || FURNITURE_TAGS.has(tag) || (tag.includes('-') && !isImgTag(tag)) || isHidden(dom, node) || options.skip?.(node)) {
      builder.addGap();
      return false;
    }
    if (tag === 'br') {
      builder.addLineBreak(pageLineBreaks);
      return false;
    }
    if (isImgTag(tag)) {
      image(node, null);
      return false;
    }
    if (options.isFigure?.(node) && image(node, node)) return false;
    // A figure with an image is one captioned image; one without keeps its text, its caption too.
    let figureWithImage = false;
    if (tag === 'figure' || tag === 'picture') {
      const caption = figcaption(node);
      if (caption && holdsBlocks(caption)) {
        // Place the image, read on: the caption's first words caption it, its paragraphs are the article's.
        figureWithImage = image(node, null);
        if (figureWithImage) builder.captionNextBlock();
      } else figureWithImage = image(node, caption);
      // A figure's picture is placed: the rest of it (a second picture, a paragraph) is still read.
      if (!figureWithImage) {
        builder.endBlock();
        builder.forgetCaptionTarget();
      }
    }
    if (captionHere(node) && tag !== 'figure' && builder.canAttachCaption() && holdsBlocks(node)) {
      builder.captionNextBlock();
      contexts.push({ ...context });
      return true;
    }
    if (tag === 'figcaption' && context.inFigure) {
      builder.addCaptionParagraph(readCaption(dom, node, builder.track, skipInCaption));
      return false;
    }
    if (captionHere(node) && builder.canAttachCaption()) {
      builder.attachCaption(readCaption(dom, node, builder.track, skipInCaption));
      return false;
    }
    if (BLOCK_TAGS.has(tag)) {
      builder.endBlock();
      contexts.push({
        heading: context.heading || HEADING_TAGS.has(tag),
        style: tag === 'li' ? 'list-item' : tag === 'blockquote' ? 'quote' : context.style,
        inFigure: tag === 'figure' || (context.inFigure && tag === 'picture'),
        bold: context.bold,
        link: context.link,
      });
    } else if (tag === 'b' || tag === 'strong') contexts.push({ ...context, bold: true });
    else contexts.push(tag === 'a' ? { ...context, link: true } : context);
    return true;
  };

  const leave = (node: N) => {
    contexts.pop();
    if (BLOCK_TAGS.has(dom.tagName(node))) builder.endBlock();
  };

  traverse(dom, root, enter, leave);
  builder.endBlock();
  return builder.blocks;
}

/** `<source srcset>` inside a picture or figure: the widest is the real image. */
function sourceSrcsets<N>(dom: DomAdapter<N>, node: N): string[] {
  const sets: string[] = [];
  traverse(dom, node, (n) => {
    if (!dom.isElement(n)) return false;
    if (!isSourceTag(dom.tagName(n))) return true;
    const set = dom.attr(n, 'srcset');
    if (set) sets.push(set);
    return false;
  });
  return sets;
}

/** Rules and spacers drawn as images: BBC's "Presentational grey line", 1-pixel strips. */
function isDecoration<N>(dom: DomAdapter<N>, img: N): boolean {
  if (/(^|\s)(line|spacer|divider)$/i.test(dom.attr(img, 'alt')?.trim() ?? '')) return true;
  const height = Number(dom.attr(img, 'height'));
  const width = Number(dom.attr(img, 'width'));
  return (height > 0 && height <= 2) || (width > 0 && width <= 2);
}

function isHidden<N>(dom: DomAdapter<N>, node: N): boolean {
  if (dom.attr(node, 'hidden') !== null || dom.attr(node, 'aria-hidden') === 'true') return true;
  const style = dom.attr(node, 'style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}
