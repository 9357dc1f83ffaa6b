import { describe, expect, it } from 'vitest';
import { applyReutersMarkup } from './reuters-markup';
import type { Block } from '../model/article';

const p = (text: string): Block => ({ type: 'paragraph', text });

describe('applyReutersMarkup', () => {
  it('turns **…** paragraphs into headings and * lines into list items', () => {
    expect(applyReutersMarkup([p('**“守望相助”**'), p('* 第一项 **要点**'), p('正文 **加粗** 结束')])).toEqual([
      { type: 'heading', text: '“守望相助”' },
      { type: 'paragraph', text: '第一项 要点', style: 'list-item' },
      p('正文 加粗 结束'),
    ]);
  });
  it('marks a leading bracketed editor note, and only a leading one', () => {
    const out = applyReutersMarkup([p('（新增更多分析师评论）'), p('（完）')]);
    expect(out[0]).toEqual({ type: 'paragraph', text: '（新增更多分析师评论）', style: 'editor-note' });
    expect(out[1]).toEqual(p('（完）'));
  });
  it('keeps block count and leaves images alone', () => {
    const img: Block = { type: 'image', src: 'https://a/b.jpg', caption: '**x**' };
    expect(applyReutersMarkup([img, p('a')])).toEqual([img, p('a')]);
  });
  it('does not take a paragraph with inner bold runs for a heading', () => {
    expect(applyReutersMarkup([p('**甲** 和 **乙**')])[0]).toEqual(p('甲 和 乙'));
  });
});
