import { describe, expect, it } from 'vitest';
import { cheerioDom, parseHtml } from '../../dom/cheerio-adapter';
import type { Block } from '../../model/article';
import { unmapped } from '../../text/mapped-text';
import { walkBlocks } from '../walk/block-walker';
import { type DraftBlock, toBlock } from '../walk/draft-block';
import { applyReutersMarkup } from './reuters-markup';

const p = (text: string): Block => ({ type: 'paragraph', text });
const draft = (block: Block): DraftBlock<never> =>
  block.type === 'image' ? { type: 'image', src: block.src, caption: block.caption ? unmapped(block.caption) : null, credit: null } : { ...block, text: unmapped(block.text) };
const apply = (blocks: Block[]) => applyReutersMarkup(blocks.map(draft)).map(toBlock);

describe('applyReutersMarkup', () => {
  it('turns **…** paragraphs into headings and * lines into list items', () => {
    expect(apply([p('**“守望相助”**'), p('* 第一项 **要点**'), p('正文 **加粗** 结束')])).toEqual([
      { type: 'heading', text: '“守望相助”' },
      { type: 'paragraph', text: '第一项 要点', style: 'list-item' },
      p('正文 加粗 结束'),
    ]);
  });
  it('marks a leading bracketed editor note, and only a leading one', () => {
    const out = apply([p('（新增更多分析师评论）'), p('（完）')]);
    expect(out[0]).toEqual({ type: 'paragraph', text: '（新增更多分析师评论）', style: 'editor-note' });
    expect(out[1]).toEqual(p('（完）'));
  });
  it('keeps block count and leaves images alone', () => {
    const img: Block = { type: 'image', src: 'https://a/b.jpg', caption: '**x**' };
    expect(apply([img, p('a')])).toEqual([img, p('a')]);
  });
  it('does not take a paragraph with inner bold runs for a heading', () => {
    expect(apply([p('**甲** 和 **乙**')])[0]).toEqual(p('甲 和 乙'));
  });
  it('cuts the markers from the map too: a heading maps to its words only', () => {
    const root = parseHtml('<p>**小标题**</p><p>正文 **加粗** 结束</p>');
    const [heading, body] = applyReutersMarkup(walkBlocks(root, { dom: cheerioDom, baseUrl: null, track: true }));
    if (heading.type === 'image' || body.type === 'image') throw new Error('expected text');
    expect(heading.text.runs.map((r) => [r.nodeStart, r.nodeEnd])).toEqual([[2, 5]]);
    // Three stretches: the cut asterisks are not covered by any run.
    expect(body.text.text).toBe('正文 加粗 结束');
    expect(body.text.runs.map((r) => [r.nodeStart, r.nodeEnd, r.joined])).toEqual([
      [0, 3, false],
      [5, 7, false],
      [9, 12, false],
    ]);
  });
});
