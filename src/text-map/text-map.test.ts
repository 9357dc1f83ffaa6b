import type { AnyNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { cheerioDom, cheerioHtml, parseHtml } from '../dom/cheerio-adapter';
import type { DomRange } from '../dom/dom-adapter';
import { readArchive } from '../parse/archive-parser';
import { parseReutersPage } from '../parse/reuters-page-parser';
import { textContent } from '../dom/dom-adapter';
import { domToModel } from './dom-to-model';
import { modelRangeToDom } from './model-to-dom';
import { mapRenderedView } from './rendered-map';

const header = (url = 'https://cn.reuters.com/article/x-idCN1') => `<!--1616481063000-->\n[标题](${url})\n------\n\n`;
const archive = (body: string, url?: string) => readArchive(header(url) + body, cheerioHtml, { map: true });

/** The text each DOM range covers, as Range.toString() reads it. */
function read(ranges: DomRange<AnyNode>[]): string[] {
  return ranges.map(({ start, end }) => {
    if (start.node !== end.node) throw new Error('expected ranges inside one text node in these cases');
    return cheerioDom.textData(start.node).slice(start.offset, end.offset);
  });
}

/** The DOM range from `from` in the text node holding `needle` to `to` in the one holding `needle2`. */
function findText(root: AnyNode, needle: string): AnyNode {
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (cheerioDom.isText(node) && cheerioDom.textData(node).includes(needle)) return node;
    stack.push(...cheerioDom.children(node));
  }
  throw new Error(`no text node with ${needle}`);
}

describe('offset maps, by hand', () => {
  it('a <br><br> split: two blocks, each mapping onto its own stretch of the one text run', () => {
    const { root, map } = archive('<p>第一段<br><br>第二段</p>');
    expect(map!.text).toBe('标题\n第一段\n第二段');
    expect(read(modelRangeToDom(map!, 3, 10))).toEqual(['第一段', '第二段']);
    const second = findText(root, '第二段');
    expect(domToModel(cheerioDom, map!, { start: { node: second, offset: 1 }, end: { node: second, offset: 3 } })).toEqual({ start: 8, end: 10 });
  });

  it('a single <br> reads as a space that has no DOM text: the ranges skip it', () => {
    const { map } = archive('<p>ab<br>cd</p>');
    expect(map!.text).toBe('标题\nab cd');
    expect(read(modelRangeToDom(map!, 3, 8))).toEqual(['ab', 'cd']);
  });

  it('a ** heading maps onto its words, not its asterisks; a selection over the asterisks snaps to the words', () => {
    const { root, map, article } = archive('<p>**小标题**</p><p>正文</p>');
    expect(article.blocks[0]).toEqual({ type: 'heading', text: '小标题' });
    expect(read(modelRangeToDom(map!, 3, 6))).toEqual(['小标题']);
    const node = findText(root, '小标题');
    expect(domToModel(cheerioDom, map!, { start: { node, offset: 0 }, end: { node, offset: 7 } })).toEqual({ start: 3, end: 6 });
  });

  it('a "* " list item maps without its marker', () => {
    const { map, article } = archive('<p>* 第一项 **要点**</p>');
    expect(article.blocks[0]).toMatchObject({ text: '第一项 要点', style: 'list-item' });
    expect(read(modelRangeToDom(map!, 3, 9))).toEqual(['第一项 ', '要点']);
  });

  it('a hidden descendant splits the range: no range covers text the model left out', () => {
    const { root, map, article } = archive('<p>看得见<span style="display:none">看不见</span>的文字</p>');
    expect(article.blocks[0]).toMatchObject({ text: '看得见的文字' });
    expect(read(modelRangeToDom(map!, 3, 9))).toEqual(['看得见', '的文字']);
    // A selection across the hidden text maps to the visible words on either side.
    const before = findText(root, '看得见');
    const after = findText(root, '的文字');
    expect(domToModel(cheerioDom, map!, { start: { node: before, offset: 1 }, end: { node: after, offset: 1 } })).toEqual({ start: 4, end: 7 });
  });

  it('inline markup and collapsed white space stay one range', () => {
    const { map } = archive('<p>路透<b>北京</b>\n   3月</p>');
    expect(map!.text).toBe('标题\n路透北京 3月');
    const ranges = modelRangeToDom(map!, 3, 10);
    expect(ranges).toHaveLength(1);
    expect(cheerioDom.textData(ranges[0].start.node)).toBe('路透');
    expect(cheerioDom.textData(ranges[0].end.node)).toBe('\n   3月');
  });

  it('NFC composition: a + U+0300 is one unit of the model and two of the DOM, never split', () => {
    const { root, map } = archive('<p>Voila\u0300 ici</p>', 'https://www.rfi.fr/cn/x');
    expect(map!.text).toBe('标题\nVoil\u00e0 ici');
    const node = findText(root, 'Voila');
    expect(modelRangeToDom(map!, 7, 8)).toEqual([{ start: { node, offset: 4 }, end: { node, offset: 6 } }]);
    // A selection ending between the a and its accent takes the whole letter or none of it.
    expect(domToModel(cheerioDom, map!, { start: { node, offset: 0 }, end: { node, offset: 5 } })).toEqual({ start: 3, end: 7 });
    expect(domToModel(cheerioDom, map!, { start: { node, offset: 5 }, end: { node, offset: 9 } })).toEqual({ start: 8, end: 11 });
  });

  it('the Reuters lead image: the caption is a sibling of the figure, and the title maps onto the h1', () => {
    const html =
      '<html><body><h1 class="ArticleHeader_headline">标<i>题</i></h1><div class="StandardArticleBody_body">' +
      '<div class="PrimaryAsset_container"><div class="Image_container"><figure><img src="https://s4.reutersmedia.net/r/?i=1&w=20"></figure>' +
      '<div class="Image_caption"><span>资料图片：人民币。REUTERS/Thomas White</span></div></div></div><p>正文第一段</p></div></body></html>';
    const root = parseHtml(html);
    const { article, map } = parseReutersPage(cheerioDom, root, 'https://cn.reuters.com/article/x', { map: true })!;
    expect(article.blocks[0]).toMatchObject({ type: 'image', caption: '资料图片：人民币。REUTERS/Thomas White' });
    expect(map!.text).toBe('标题\n资料图片：人民币。REUTERS/Thomas White\n正文第一段');
    expect(read(modelRangeToDom(map!, 3, 8))).toEqual(['资料图片：']);
    // Inline markup does not break a range: one range from the 标 of the h1 to the 题 of its <i>.
    const title = modelRangeToDom(map!, 0, 2);
    expect(title.map((r) => [cheerioDom.textData(r.start.node), cheerioDom.textData(r.end.node)])).toEqual([['标', '题']]);
  });

  it('the reader view maps its own rendered nodes: title, blocks, caption and credit joined by a space', () => {
    const root = parseHtml('<h1>标题</h1><p data-i="0">正文</p><figure data-i="1"><img><figcaption>说明<small>摄影：某人</small></figcaption></figure>');
    const [h1, p, figure] = cheerioDom.children(root);
    const figcaption = cheerioDom.children(figure)[1];
    const small = cheerioDom.children(figcaption)[1];
    const caption = cheerioDom.children(figcaption)[0];
    const map = mapRenderedView(cheerioDom, h1, [[p], [caption, small]]);
    expect(map.text).toBe('标题\n正文\n说明 摄影：某人');
    expect(modelRangeToDom(map, 6, 12).map((r) => textContent(cheerioDom, r.start.node).slice(r.start.offset, r.end.offset))).toEqual(['说明', '摄影：']);
  });
});
