import { type DomAdapter, NON_TEXT_TAGS, traverse } from '../../dom/dom-adapter';
import { ElementIndex } from '../../dom/element-index';
import { TreeText } from '../tree-text';
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
  /** The parse's text answers about this tree, when its skip rules already keep some (one tree, one TreeText). */
  tree?: TreeText<N>;
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
  'p',
  'div',
  'section',
  'main',
  'article',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'pre',
  'center',
  'address',
  'details',
  'summary',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'body',
  'html',
  'figure',
  'figcaption',
  'picture',
]);

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** What a caption never holds: a caption holding these has run on into the article. */
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'table', 'section', 'article', 'figure']);

/** A figure's label for screen readers, not its caption. */
const FIGURE_LABEL = /^\s*(Image|Video|图像|圖像|视频|影片)\s*$/i;

/** What a handler answers: descend into the node, pass over it, or leave it to the next handler. */
type Answer = boolean | typeof NEXT;
const NEXT = 'next';

/**
 * One kind of element the walk reads: handlers are asked in table order, the first that applies (and
 * does not answer NEXT) decides. A handler applies to the `tags` it names (all when absent) where
 * `applies` holds (always when absent); each tag's own list of handlers is made once.
 */
interface Handler<N> {
  name: string;
  tags?: (tag: string) => boolean;
  applies?(walk: BlockWalk<N>, node: N, tag: string, context: BlockContext): boolean;
  enter(walk: BlockWalk<N>, node: N, tag: string, context: BlockContext): Answer;
}

/**
 * The walk's handlers for elements, in the order they are asked: the order is the rules' priority.
 * Skipped content before images (a hidden image is not placed); images and figures before captions
 * (a caption needs the image before it); captions before block elements (a `<div><small>` caption is a div).
 */
const ELEMENT_HANDLERS: readonly Handler<unknown>[] = [
  // A video's poster is its picture (VOA's programmes lead with one); the video itself never plays here.
  { name: 'video poster', tags: (tag) => tag === 'video', applies: (w, n) => !!w.dom.attr(n, 'poster'), enter: (w, n) => w.videoPoster(n) },
  // A parsed <noscript> may hold the only real copy of a lazy image; its text is never article text.
  { name: 'noscript', tags: (tag) => tag === 'noscript', enter: (w, n) => w.noscript(n) },
  { name: 'not text', applies: (w, n, tag) => w.isNotText(n, tag), enter: (w) => w.gap() },
  { name: 'line break', tags: (tag) => tag === 'br', enter: (w) => w.lineBreak() },
  {
    name: 'image',
    tags: isImgTag,
    enter: (w, n) => {
      w.image(n, null);
      return false;
    },
  },
  { name: 'source figure', applies: (w, n) => !!w.options.isFigure?.(n), enter: (w, n) => (w.image(n, n) ? false : NEXT) },
  // Places the figure's image and reads on: the rest of it (a second picture, a paragraph) is still read.
  { name: 'figure', tags: (tag) => tag === 'figure' || tag === 'picture', enter: (w, n) => w.figure(n) },
  {
    name: 'caption holding blocks',
    tags: (tag) => tag !== 'figure',
    applies: (w, n) => w.builder.canAttachCaption() && w.captionHere(n) && w.holdsBlocks(n),
    enter: (w, _, __, context) => w.captionOfNextBlock(context),
  },
  { name: 'caption of a missing picture', tags: (tag) => tag === 'figcaption', applies: (_, __, ___, context) => !!context.inFigure, enter: (w, n) => w.captionParagraph(n) },
  { name: 'caption', applies: (w, n) => w.builder.canAttachCaption() && w.captionHere(n), enter: (w, n) => w.caption(n) },
  { name: 'block', tags: (tag) => BLOCK_TAGS.has(tag), enter: (w, _, tag, context) => w.block(tag, context) },
  { name: 'inline', enter: (w, _, tag, context) => w.inline(tag, context) },
];

const handlersByTag = new Map<string, readonly Handler<unknown>[]>();
/** Tags whose handlers are kept: RFI's feed glues attributes to tag names, which makes names without end. */
const KEPT_TAGS = 512;

/** The handlers that can apply to a tag, in table order. */
function handlersFor(tag: string): readonly Handler<unknown>[] {
  let handlers = handlersByTag.get(tag);
  if (!handlers) {
    handlers = ELEMENT_HANDLERS.filter((handler) => !handler.tags || handler.tags(tag));
    if (handlersByTag.size < KEPT_TAGS) handlersByTag.set(tag, handlers);
  }
  return handlers;
}

/**
 * Turns an HTML tree into reading blocks: paragraphs, headings and images with captions. Inline
 * markup is flattened into its block's text; block elements start new blocks; a caption (a
 * figcaption, a `<small>` or a caption element right after an image) attaches to its image.
 * Iterative (markup can nest 100,000 levels deep); with `track`, every character keeps its DOM origin.
 */
export function walkBlocks<N>(root: N, options: WalkOptions<N>): DraftBlock<N>[] {
  const walk = new BlockWalk(root, options);
  traverse(
    options.dom,
    root,
    (node) => walk.enter(node),
    (node) => walk.leave(node),
  );
  walk.builder.endBlock();
  return walk.builder.blocks;
}

/** The walk's state, and what each handler does with a node. */
class BlockWalk<N> {
  readonly dom: DomAdapter<N>;
  readonly builder: BlockBuilder<N>;
  private readonly contexts: BlockContext[] = [{ heading: false }];
  /** Elements already read as an image or its caption: the walk passes them over when it reads the rest of their figure. */
  private readonly placed = new Set<N>();
  /**
   * Where the last image stands. A bare `<small>` captions it only beside it: an unclosed `<small>`
   * is carried into every later paragraph by the browser's parser (not by htmlparser2), and those
   * paragraphs are the article's, not captions.
   */
  private imageParent: N | null = null;
  /** The searches below a figure, a caption or a noscript, and the captions' text questions: each answered without a walk per wrapper. */
  private readonly index: ElementIndex<N, SearchKind>;
  private readonly tree: TreeText<N>;

  constructor(
    root: N,
    readonly options: WalkOptions<N>,
  ) {
    this.dom = options.dom;
    this.builder = new BlockBuilder<N>(options.track ?? false);
    this.index = searchIndex(options.dom, root);
    this.tree = options.tree ?? new TreeText(options.dom);
  }

  enter(node: N): boolean {
    const context = this.contexts[this.contexts.length - 1];
    if (this.placed.has(node)) return false;
    if (this.dom.isText(node)) {
      this.text(node, context);
      return false;
    }
    if (!this.dom.isElement(node)) return false;
    const tag = this.dom.tagName(node);
    for (const handler of handlersFor(tag) as readonly Handler<N>[]) {
      if (handler.applies && !handler.applies(this, node, tag, context)) continue;
      const answer = handler.enter(this, node, tag, context);
      if (answer !== NEXT) return answer;
    }
    return false;
  }

  leave(node: N): void {
    this.contexts.pop();
    if (BLOCK_TAGS.has(this.dom.tagName(node))) this.builder.endBlock();
  }

  private text(node: N, context: BlockContext): void {
    // NYT labels a figure "Image" for screen readers; where the picture is gone the label is all that is left.
    if (context.inFigure && FIGURE_LABEL.test(this.dom.textData(node))) this.builder.addGap();
    else this.builder.addText(node, this.dom.textData(node), context);
  }

  /** Content a caption does not read either: what the walk itself skips. */
  private readonly skipInCaption = (n: N) => FURNITURE_TAGS.has(this.dom.tagName(n)) || isHidden(this.dom, n) || !!this.options.skip?.(n);

  /** Never text: code, media, widgets (custom elements such as share-button), furniture, hidden or source-skipped content. */
  isNotText(node: N, tag: string): boolean {
    return NON_TEXT_TAGS.has(tag) || isSourceTag(tag) || FURNITURE_TAGS.has(tag) || (tag.includes('-') && !isImgTag(tag)) || isHidden(this.dom, node) || !!this.options.skip?.(node);
  }

  gap(): false {
    this.builder.addGap();
    return false;
  }

  lineBreak(): false {
    this.builder.addLineBreak(this.options.pageLineBreaks ?? false);
    return false;
  }

  videoPoster(node: N): false {
    const src = pickImageSource((name) => (name === 'src' ? this.dom.attr(node, 'poster') : null), this.options.baseUrl);
    if (src) this.builder.addImage(src, null);
    return false;
  }

  noscript(node: N): false {
    const picture = this.index.first('picture', node);
    if (!picture || !this.image(picture, null)) this.builder.addGap();
    return false;
  }

  /** An image from `node` (an img, or a figure holding one), captioned by the text of `captionNode`. */
  image(node: N, captionNode: N | null): boolean {
    const { dom } = this;
    const img = isImgTag(dom.tagName(node)) ? node : this.index.first('img', node, (n) => !this.placed.has(n));
    if (!img || this.placed.has(img) || isDecoration(dom, img)) return false;
    const src = pickImageSource((name) => dom.attr(img, name), this.options.baseUrl, this.sourceSrcsets(node));
    if (!src) return false;
    this.imageParent = dom.parent(node);
    this.placed.add(img);
    if (captionNode) this.placed.add(captionNode);
    this.builder.addImage(src, captionNode ? this.readCaption(captionNode) : null);
    return true;
  }

  /** A figure with an image is one captioned image; one without keeps its text, its caption too. */
  figure(node: N): typeof NEXT {
    const caption = this.index.first('figcaption', node);
    let placedImage: boolean;
    if (caption && this.holdsBlocks(caption)) {
      // Place the image, read on: the caption's first words caption it, its paragraphs are the article's.
      placedImage = this.image(node, null);
      if (placedImage) this.builder.captionNextBlock();
    } else placedImage = this.image(node, caption);
    if (!placedImage) {
      this.builder.endBlock();
      this.builder.forgetCaptionTarget();
    }
    return NEXT;
  }

  /** Caption markup, or the source's own captions; a bare `<small>` only beside the image. */
  captionHere(node: N): boolean {
    return (isCaption(this.dom, node) || !!this.options.isCaption?.(node)) && (this.dom.tagName(node) !== 'small' || this.dom.parent(node) === this.imageParent);
  }

  /** A caption that holds paragraphs (an unclosed figcaption swallowed the article): only its first words caption. */
  holdsBlocks(node: N): boolean {
    return !!this.index.first('block', node);
  }

  /** `<source srcset>` inside a picture or figure: the widest is the real image. */
  private sourceSrcsets(node: N): string[] {
    if (!this.dom.children(node).length) return [];
    const sets: string[] = [];
    for (const source of this.index.below('source', node)) {
      const set = this.dom.attr(source, 'srcset');
      if (set) sets.push(set);
    }
    return sets;
  }

  captionOfNextBlock(context: BlockContext): true {
    this.builder.captionNextBlock();
    this.contexts.push({ ...context });
    return true;
  }

  captionParagraph(node: N): false {
    this.builder.addCaptionParagraph(this.readCaption(node));
    return false;
  }

  caption(node: N): false {
    this.builder.attachCaption(this.readCaption(node));
    return false;
  }

  block(tag: string, context: BlockContext): true {
    this.builder.endBlock();
    this.contexts.push({
      heading: context.heading || HEADING_TAGS.has(tag),
      style: tag === 'li' ? 'list-item' : tag === 'blockquote' ? 'quote' : context.style,
      inFigure: tag === 'figure' || (context.inFigure && tag === 'picture'),
      bold: context.bold,
      link: context.link,
    });
    return true;
  }

  inline(tag: string, context: BlockContext): true {
    if (tag === 'b' || tag === 'strong') this.contexts.push({ ...context, bold: true });
    else this.contexts.push(tag === 'a' ? { ...context, link: true } : context);
    return true;
  }

  private readCaption(node: N) {
    return readCaption(this.dom, node, this.builder.track, this.skipInCaption, this.tree);
  }
}

type SearchKind = 'img' | 'picture' | 'figcaption' | 'block' | 'source';

/**
 * What the walk looks for below a node: an image; a picture or image (in a noscript); a figcaption;
 * what a caption never holds (a paragraph or an image); `<source>`s, not those inside another.
 */
function searchIndex<N>(dom: DomAdapter<N>, root: N): ElementIndex<N, SearchKind> {
  const tag = (match: (tag: string) => boolean) => (n: N) => match(dom.tagName(n));
  return new ElementIndex<N, SearchKind>(
    dom,
    root,
    {
      img: tag(isImgTag),
      picture: tag((t) => t === 'picture' || isImgTag(t)),
      figcaption: tag((t) => t === 'figcaption'),
      block: tag((t) => PARAGRAPH_TAGS.has(t) || isImgTag(t)),
      source: tag(isSourceTag),
    },
    { source: tag(isSourceTag) },
  );
}

/** Rules and spacers drawn as images: BBC's "Presentational grey line", 1-pixel strips. */
function isDecoration<N>(dom: DomAdapter<N>, img: N): boolean {
  if (/(^|\s)(line|spacer|divider)$/i.test(dom.attr(img, 'alt')?.trim() ?? '')) return true;
  const height = Number(dom.attr(img, 'height'));
  const width = Number(dom.attr(img, 'width'));
  return (height > 0 && height <= 2) || (width > 0 && width <= 2);
}

function isHidden<N>(dom: DomAdapter<N>, node: N): boolean {
  if (!dom.hasAttributes(node)) return false;
  if (dom.attr(node, 'hidden') !== null || dom.attr(node, 'aria-hidden') === 'true') return true;
  const style = dom.attr(node, 'style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}
