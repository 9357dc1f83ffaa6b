import type { Block, ParagraphStyle } from '../../model/article';
import type { MappedText } from '../../text/mapped-text';
import { captionReadingText } from '../../text-map/article-map';

/**
 * A block as the walk reads it: its text still knows where it came from, so that source rules can
 * cut, join and drop blocks and the map stays exact. `toBlock` gives the model's block.
 */
export type DraftBlock<N> =
  /** `linkOnly`: every word of it was link text (a list of related reports, say). */
  | { type: 'paragraph'; text: MappedText<N>; style?: ParagraphStyle; linkOnly?: boolean }
  | { type: 'heading'; text: MappedText<N> }
  | { type: 'image'; src: string; caption: MappedText<N> | null; credit: MappedText<N> | null };

export function toBlock<N>(draft: DraftBlock<N>): Block {
  switch (draft.type) {
    case 'heading':
      return { type: 'heading', text: draft.text.text };
    case 'paragraph':
      return draft.style ? { type: 'paragraph', text: draft.text.text, style: draft.style } : { type: 'paragraph', text: draft.text.text };
    case 'image': {
      const block: Block = { type: 'image', src: draft.src, caption: draft.caption?.text || null };
      if (draft.credit?.text) block.credit = draft.credit.text;
      return block;
    }
  }
}

/** The block's reading text (as `readingText` in src/text/article-text.ts reads a block) with its map. */
export function draftReadingText<N>(draft: DraftBlock<N>): MappedText<N> {
  return draft.type === 'image' ? captionReadingText(draft.caption, draft.credit) : draft.text;
}

/** The block's reading text alone. */
export function draftText<N>(draft: DraftBlock<N>): string {
  return draftReadingText(draft).text;
}
