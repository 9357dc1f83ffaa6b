import type { Block } from '../model/article';

const HEADING = /^\*\*\s*(.+?)\s*\*\*$/;
const LIST_ITEM = /^\*\s+(.+)$/;
const BOLD = /\*\*(.+?)\*\*/g;
/** "（新增更多分析师评论）": a short bracketed line before the story. */
const EDITOR_NOTE = /^[（(][^（）()]{2,60}[）)]$/;

/**
 * Reuters' feed writes structure as Markdown inside paragraphs: `**sub-heading**`, `* list item`,
 * `**bold**`. Maps block for block (never drops or adds one), so the blocks' origins stay aligned.
 */
export function applyReutersMarkup(blocks: Block[]): Block[] {
  let seenText = false;
  return blocks.map((block) => {
    if (block.type !== 'paragraph') return block;
    const isFirstText = !seenText;
    seenText = true;
    const heading = HEADING.exec(block.text);
    if (heading && !heading[1].includes('**')) return { type: 'heading', text: heading[1] };
    const item = LIST_ITEM.exec(block.text);
    if (item) return { type: 'paragraph', text: item[1].replace(BOLD, '$1'), style: 'list-item' };
    const text = block.text.replace(BOLD, '$1');
    if (isFirstText && EDITOR_NOTE.test(text)) return { type: 'paragraph', text, style: 'editor-note' };
    return { ...block, text };
  });
}
