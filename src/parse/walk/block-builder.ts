import type { ParagraphStyle } from '../../model/article';
import { joinMapped, type MappedText, sliceMapped } from '../../text/mapped-text';
import { TextAccumulator } from '../../text/text-accumulator';
import { PHOTO_CREDIT, splitCaptionCredit, withoutCaptionLabel, withoutCreditLabel } from '../credits';
import type { DraftBlock } from './draft-block';

/** What the text being read will become: the element that opened its block and how it is set. */
export interface BlockContext {
  heading: boolean;
  style?: ParagraphStyle;
  /** Directly inside a `<figure>` that has no image. */
  inFigure?: boolean;
  /** Inside `<b>` or `<strong>`. */
  bold?: boolean;
  /** Inside a link. */
  link?: boolean;
}

/**
 * A paragraph set wholly in bold is a sub-heading (DW, RFA, FT mark them so) when it reads like one:
 * short, and not a sentence, a question or a speaker's name ("李恒青：").
 */
const BOLD_HEADING_MAX = 40;
const NOT_A_HEADING_END = /[。．！!…：:；;，,、][）)”"’」』]*$/;
/** An interview's question, "法广：目前大选总体局势如何？", is no heading; "Parler真的中立吗？" is. */
const SPEAKER_QUESTION = /^[^：:]{1,12}[：:].*[？?]$/;

export interface CaptionParts<N> {
  caption: MappedText<N>;
  credit: MappedText<N>;
}

/** The text of a block that read nothing: it makes no block, and is never kept. */
const NOTHING_READ: MappedText<never> = { text: '', runs: [] };

type ImageDraft<N> = Extract<DraftBlock<N>, { type: 'image' }>;

/**
 * Block boundaries: gathers text until a block ends, then makes a paragraph or heading of it;
 * places images and attaches the captions that follow them.
 */
export class BlockBuilder<N> {
  readonly blocks: DraftBlock<N>[] = [];
  private readonly text: TextAccumulator<N>;
  private context: BlockContext | null = null;
  /** The image a caption may still attach to: set by an image, cleared by any text block. */
  private captionTarget: ImageDraft<N> | null = null;
  /** The last thing read was a `<br>`: a second one, with only white space between, ends the paragraph. */
  private afterLineBreak = false;
  /** Every word of the block so far was in bold; in a link. */
  private allBold = true;
  private allLinked = true;
  /** The next block's text is the caption of the image before it (a figcaption that holds blocks). */
  private captionNext = false;

  constructor(readonly track: boolean) {
    this.text = new TextAccumulator<N>(track);
  }

  addText(node: N, data: string, context: BlockContext): void {
    if (/\S/.test(data)) {
      this.context ??= context;
      this.afterLineBreak = false;
      if (!context.bold) this.allBold = false;
      if (!context.link) this.allLinked = false;
    }
    this.text.addText(node, data);
  }

  /** Content the walk passed over: text on either side of it is not contiguous in the DOM. */
  addGap(): void {
    this.text.addGap();
  }

  /**
   * `<br>`: a line break inside a paragraph, read as a space. In archive bodies two in a row separate
   * paragraphs; `asSpace` (a page that marks its paragraphs itself): always a space.
   */
  addLineBreak(asSpace: boolean): void {
    if (!asSpace && this.afterLineBreak) {
      this.endBlock();
      return;
    }
    this.text.addMadeUp('\n');
    this.afterLineBreak = !asSpace;
  }

  /** The next block of text captions the image placed before it. */
  captionNextBlock(): void {
    this.endBlock();
    this.captionNext = !!this.captionTarget;
  }

  endBlock(): void {
    // Blocks end at both edges of every block element, most often with nothing read since the last.
    const text = this.text.isEmpty() ? NOTHING_READ : this.text.take();
    const context = this.context;
    const allBold = this.allBold;
    const linkOnly = this.allLinked;
    const asCaption = this.captionNext;
    this.context = null;
    this.afterLineBreak = false;
    this.allBold = true;
    this.allLinked = true;
    if (asCaption && text.text) {
      this.captionNext = false;
      this.attachCaption({ caption: text, credit: { text: '', runs: [] } });
      return;
    }
    // A lone "." or "*" left between tags is debris, not a paragraph.
    if (!text.text || !context || !/[\p{L}\p{N}]/u.test(text.text)) return;
    const boldHeading = allBold && !context.style && text.text.length <= BOLD_HEADING_MAX && !NOT_A_HEADING_END.test(text.text) && !SPEAKER_QUESTION.test(text.text);
    if (boldHeading) {
      // RFI decorates them: "--南苏丹信徒筹划如何迎教宗 -".
      const words = /^[-—–~\s]*(.*?)[-—–~\s]*$/d.exec(text.text)?.indices?.[1] ?? [0, text.text.length];
      this.blocks.push({ type: 'heading', text: sliceMapped(text, words[0], words[1]) });
    } else if (context.heading) this.blocks.push({ type: 'heading', text });
    else this.blocks.push({ type: 'paragraph', text, ...(context.style ? { style: context.style } : {}), ...(linkOnly ? { linkOnly } : {}) });
    this.captionTarget = null;
  }

  addImage(src: string, caption: CaptionParts<N> | null): void {
    this.endBlock();
    // A lazy image and its <noscript> twin name the same picture: one block, captioned once.
    const last = this.blocks.at(-1);
    if (last?.type === 'image' && last.src === src) {
      this.captionTarget = last;
      return;
    }
    const image: ImageDraft<N> = { type: 'image', src, caption: null, credit: null };
    this.blocks.push(image);
    this.captionTarget = image;
    if (caption) this.attachTo(image, caption);
  }

  /** A figure without an image follows: its caption must not attach to an earlier picture. */
  forgetCaptionTarget(): void {
    this.captionTarget = null;
  }

  /** The caption of a figure whose picture is gone: its words as a paragraph; the credit of a missing picture is no text. */
  addCaptionParagraph({ caption }: CaptionParts<N>): void {
    this.endBlock();
    const words = splitCaptionCredit(withoutCaptionLabel(caption)).caption;
    if (words.text) this.blocks.push({ type: 'paragraph', text: words, style: 'caption' });
  }

  /** True when a caption can attach here: an image was just placed and no text followed it. */
  canAttachCaption(): boolean {
    return !!this.captionTarget && this.text.isBlank();
  }

  attachCaption(parts: CaptionParts<N>): void {
    this.captionNext = false;
    if (this.captionTarget) this.attachTo(this.captionTarget, parts);
  }

  private attachTo(image: ImageDraft<N>, parts: CaptionParts<N>): void {
    const caption = withoutCaptionLabel(parts.caption);
    const { credit } = parts;
    if (!caption.text && !credit.text) return;
    // A line that only credits the photo ("图片来源：…") adds to the credit, not the caption.
    if (!caption.text || PHOTO_CREDIT.test(caption.text)) {
      const line = withoutCreditLabel(caption.text ? caption : credit);
      if (line.text && image.credit?.text !== line.text) image.credit = image.credit ? joinMapped([image.credit, line], ' ') : line;
      return;
    }
    // The same caption twice (a video's, then its audio's): once.
    if (image.caption?.text === caption.text) return;
    // Without credit markup, the credit may still be in the words: "…。REUTERS/Jason Lee", "…（法新社图片）".
    const split = credit.text ? { caption, credit } : splitCaptionCredit(caption);
    image.caption = image.caption ? joinMapped([image.caption, split.caption], ' ') : split.caption;
    if (split.credit?.text) image.credit = withoutCreditLabel(split.credit);
  }
}
