import type { Block, ParagraphStyle } from '../model/article';
import { cleanText } from '../text/clean-text';
import { type DomAdapter, findFirst, hasClass, textContent } from '../dom/dom-adapter';
import { pickImageSource } from './image-source';

/** A block and the element it was read from (on a live page, where highlights are painted). */
export interface WalkedBlock<N> {
  block: Block;
  origin: N;
}

export interface WalkOptions<N> {
  dom: DomAdapter<N>;
  /** Resolves relative image addresses. */
  baseUrl: string;
  /** Source-specific noise (adverts, share bars, promos): the walk does not enter these. */
  skip?: (node: N) => boolean;
  /** Source-specific captions that carry no caption markup (BBC's older figure layout). */
  isCaption?: (node: N) => boolean;
}

/** Elements that never hold article text: markup that runs, embeds, forms and page furniture. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'canvas', 'video', 'audio', 'source', 'track', 'map', 'area', 'form', 'button', 'input',
  'select', 'option', 'textarea', 'label', 'nav', 'aside', 'footer', 'header', 'link', 'meta', 'base',
  'head', 'title', 'hr', 'dialog', 'portal',
]);

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'main', 'article', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table',
  'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'pre', 'center', 'address', 'details', 'summary',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'html', 'figure', 'figcaption', 'picture',
]);

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A credit line that follows a photo rather than describing it. */
const CREDIT_LINE = /^(图像来源|图片来源|圖片來源|Image source|Credit|Photo)\s*[:：，,]?/i;

interface Context<N> {
  origin: N;
  heading: boolean;
  style?: ParagraphStyle;
}

/**
 * Turns an HTML tree into reading blocks: paragraphs, headings and images with captions. Inline
 * markup is flattened into its block's text; block elements start new blocks; a caption (a
 * figcaption, a `<small>` or a caption element right after an image) attaches to its image.
 */
export function walkBlocks<N>(root: N, options: WalkOptions<N>): WalkedBlock<N>[] {
  const { dom, baseUrl } = options;
  const out: WalkedBlock<N>[] = [];
  let buffer = '';
  let bufferContext: Context<N> | null = null;
  /** The image a caption may still attach to: set by an image, cleared by any text. */
  let captionTarget: WalkedBlock<N> | null = null;

  const flush = () => {
    const text = cleanText(buffer);
    const context = bufferContext;
    buffer = '';
    bufferContext = null;
    // A lone "." or "*" left between tags is debris, not a paragraph.
    if (!text || !context || !/[\p{L}\p{N}]/u.test(text)) return;
    const block: Block = context.heading
      ? { type: 'heading', text }
      : context.style
        ? { type: 'paragraph', text, style: context.style }
        : { type: 'paragraph', text };
    out.push({ block, origin: context.origin });
    captionTarget = null;
  };

  const emitImage = (node: N, caption: string | null, credit: string | null, extraSrcsets: string[]) => {
    const img = dom.tagName(node) === 'img' ? node : findFirst(dom, node, (n) => dom.tagName(n) === 'img');
    const src = pickImageSource((name) => (img ? dom.attr(img, name) : null), baseUrl, extraSrcsets);
    if (!src) return;
    flush();
    // A lazy image and its <noscript> twin name the same picture: one block, captioned once.
    const last = out.at(-1);
    if (last?.block.type === 'image' && last.block.src === src) {
      captionTarget = last;
      return;
    }
    const walked: WalkedBlock<N> = { block: { type: 'image', src, caption: caption || null }, origin: node };
    if (credit && walked.block.type === 'image') walked.block.credit = credit;
    out.push(walked);
    captionTarget = walked;
  };

  const sourceSrcsets = (node: N): string[] => {
    const sets: string[] = [];
    const collect = (n: N) => {
      for (const child of dom.children(n)) {
        if (!dom.isElement(child)) continue;
        if (dom.tagName(child) === 'source') {
          const set = dom.attr(child, 'srcset');
          if (set) sets.push(set);
        } else collect(child);
      }
    };
    collect(node);
    return sets;
  };

  const figure = (node: N) => {
    const captionNode = findFirst(dom, node, (n) => dom.tagName(n) === 'figcaption');
    const caption = captionNode ? captionText(dom, captionNode) : { caption: '', credit: '' };
    emitImage(node, caption.caption, caption.credit, sourceSrcsets(node));
  };

  const noscriptImage = (node: N) => {
    const picture = findFirst(dom, node, (n) => dom.tagName(n) === 'picture' || dom.tagName(n) === 'img');
    if (picture) emitImage(picture, null, null, sourceSrcsets(picture));
  };

  /** Attaches caption-like text to the image just emitted; false when there is none to attach to. */
  const attachCaption = (node: N): boolean => {
    if (!captionTarget || cleanText(buffer) || captionTarget.block.type !== 'image') return false;
    const { caption, credit } = captionText(dom, node);
    if (!caption && !credit) return true;
    const image = captionTarget.block;
    if (!caption || CREDIT_LINE.test(caption)) {
      const line = caption || credit;
      image.credit = image.credit ? `${image.credit} ${line}` : line;
      return true;
    }
    image.caption = image.caption ? `${image.caption} ${caption}` : caption;
    if (credit) image.credit = credit;
    return true;
  };

  const visit = (node: N, context: Context<N>) => {
    if (dom.isText(node)) {
      const data = dom.textData(node);
      if (!bufferContext && data.trim()) bufferContext = context;
      buffer += data;
      return;
    }
    if (!dom.isElement(node)) return;
    const tag = dom.tagName(node);
    if (SKIPPED_TAGS.has(tag) || isHidden(dom, node) || options.skip?.(node)) return;
    // Custom elements (share-button, share-modal) are widgets, not text.
    if (tag.includes('-')) return;
    if (tag === 'br') {
      // <br><br> separates paragraphs inside one element (VOA); a single <br> is a line break.
      if (/\n[ \t]*$/.test(buffer)) flush();
      else buffer += '\n';
      return;
    }
    if (tag === 'img') return emitImage(node, null, null, []);
    if (tag === 'figure' || tag === 'picture') return figure(node);
    // A parsed <noscript> may hold the only real copy of a lazy image; its text is never article text.
    if (tag === 'noscript') return noscriptImage(node);
    if ((isCaption(dom, node) || options.isCaption?.(node)) && attachCaption(node)) return;
    if (!BLOCK_TAGS.has(tag)) {
      for (const child of dom.children(node)) visit(child, context);
      return;
    }
    flush();
    const inner: Context<N> = {
      origin: node,
      heading: context.heading || HEADING_TAGS.has(tag),
      style: tag === 'li' ? 'list-item' : context.style,
    };
    for (const child of dom.children(node)) visit(child, inner);
    flush();
  };

  for (const child of dom.children(root)) visit(child, { origin: root, heading: false });
  flush();
  return out;
}

function isHidden<N>(dom: DomAdapter<N>, node: N): boolean {
  if (dom.attr(node, 'hidden') !== null || dom.attr(node, 'aria-hidden') === 'true') return true;
  const style = dom.attr(node, 'style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function isCaption<N>(dom: DomAdapter<N>, node: N): boolean {
  const tag = dom.tagName(node);
  return (
    tag === 'small' ||
    tag === 'figcaption' ||
    dom.attr(node, 'role') === 'text' ||
    dom.attr(node, 'data-testid') === 'caption-paragraph' ||
    hasClass(dom, node, 'wp-caption-text') ||
    hasClass(dom, node, 'Image_caption') ||
    // <div><small>caption</small></div>: a wrapper whose only content is a caption.
    (tag === 'div' && onlyChildIs(dom, node, (child) => dom.tagName(child) === 'small'))
  );
}

function onlyChildIs<N>(dom: DomAdapter<N>, node: N, match: (child: N) => boolean): boolean {
  const meaningful = dom.children(node).filter((c) => dom.isElement(c) || (dom.isText(c) && dom.textData(c).trim()));
  return meaningful.length === 1 && dom.isElement(meaningful[0]) && match(meaningful[0]);
}

/** A caption's words apart from its credit (NYT's <cite>, "Credit..." lines, RFI's © span). */
function captionText<N>(dom: DomAdapter<N>, node: N): { caption: string; credit: string } {
  let credit = '';
  let caption = '';
  const walk = (n: N) => {
    for (const child of dom.children(n)) {
      if (dom.isText(child)) caption += dom.textData(child);
      else if (dom.isElement(child)) {
        const tag = dom.tagName(child);
        if (SKIPPED_TAGS.has(tag) || tag.includes('-')) continue;
        if (tag === 'cite') credit += ` ${textContent(dom, child)}`;
        else if (tag === 'br') caption += ' ';
        else if (tag === 'span' && /^\s*©/.test(textContent(dom, child))) credit += ` ${textContent(dom, child)}`;
        else walk(child);
      }
    }
  };
  walk(node);
  caption = cleanText(caption);
  const creditSplit = /^(.*?)\s*Credit\.\.\.\s*(.*)$/.exec(caption);
  if (creditSplit) {
    caption = creditSplit[1];
    credit = `${creditSplit[2]} ${credit}`;
  }
  return { caption, credit: cleanText(credit) };
}
