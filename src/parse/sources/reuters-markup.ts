import { cutMapped, type MappedText, sliceMapped } from '../../text/mapped-text';
import type { DraftBlock } from '../walk/draft-block';

const HEADING = /^\*\*\s*(.+?)\s*\*\*$/d;
/** `* item`, and the wire's `--item` lines (a dash at the very start; inside a sentence it is a dash). */
const LIST_ITEM = /^(?:\*\s+|--\s*)(.+)$/d;
const BOLD = /\*\*(.+?)\*\*/g;
/** "（新增更多分析师评论）": a short bracketed line before the story. */
const EDITOR_NOTE = /^[（(][^（）()]{2,60}[）)]$/;

/**
 * Reuters' feed writes structure as Markdown inside paragraphs: `**sub-heading**`, `* list item`,
 * `**bold**`. The markers are cut from the text (and its map), never the words. Maps block for
 * block: it never drops or adds one.
 */
export function applyReutersMarkup<N>(blocks: DraftBlock<N>[]): DraftBlock<N>[] {
  let seenText = false;
  return blocks.map((block): DraftBlock<N> => {
    if (block.type !== 'paragraph') return block;
    const isFirstText = !seenText;
    seenText = true;
    const heading = HEADING.exec(block.text.text);
    if (heading?.indices && !heading[1].includes('**')) {
      const [start, end] = heading.indices[1];
      return { type: 'heading', text: sliceMapped(block.text, start, end) };
    }
    const item = LIST_ITEM.exec(block.text.text);
    if (item?.indices) {
      const [start, end] = item.indices[1];
      return { type: 'paragraph', text: withoutBold(sliceMapped(block.text, start, end)), style: 'list-item' };
    }
    const text = withoutBold(block.text);
    if (isFirstText && EDITOR_NOTE.test(text.text)) return { type: 'paragraph', text, style: 'editor-note' };
    return { ...block, text };
  });
}

/** `**bold**` is emphasis in Markdown, not words: the four asterisks go. */
function withoutBold<N>(mapped: MappedText<N>): MappedText<N> {
  if (!mapped.text.includes('**')) return mapped;
  const cuts: [number, number][] = [];
  for (const match of mapped.text.matchAll(BOLD)) {
    const end = match.index + match[0].length;
    cuts.push([match.index, match.index + 2], [end - 2, end]);
  }
  return cutMapped(mapped, cuts);
}
