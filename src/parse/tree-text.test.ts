import { describe, expect, it } from 'vitest';
import { cheerioDom, parseHtml } from '../dom/cheerio-adapter';
import { findAll, textContent } from '../dom/dom-adapter';
import { parseArchive } from './parse-archive';
import { TreeText } from './tree-text';

const dom = cheerioDom;
const HTML =
  '<div id="a"> <span>  </span><p>相关报道：<a>一<b>二</b></a><noscript><a>藏</a></noscript><script>x</script>尾</p></div>' +
  '<ul id="b"><li><a>链接一</a></li><li> <a>链接二</a> </li></ul><ul id="c"><li><a>链接</a>和文字</li></ul><ol id="d"><li> </li></ol>';

describe('TreeText', () => {
  const root = parseHtml(HTML);
  const elements = findAll(dom, root, () => true);

  it('reads each element as textContent does, and its links as findAll of <a> does', () => {
    const tree = new TreeText(dom);
    // Asked from the inside out and again from the outside in: the answers kept agree with fresh ones.
    for (const order of [[...elements].reverse(), elements]) {
      for (const n of order) {
        expect(tree.text(n)).toBe(textContent(dom, n));
        expect(tree.linkedText(n)).toBe(
          findAll(dom, n, (a) => dom.tagName(a) === 'a')
            .map((a) => textContent(dom, a))
            .join(''),
        );
      }
    }
  });

  it("finds each element's first words", () => {
    const tree = new TreeText(dom);
    const byId = (id: string) => elements.find((n) => dom.attr(n, 'id') === id)!;
    expect(tree.firstWords(byId('a'))).toBe('相关报道：');
    expect(tree.firstWords(byId('b'))).toBe('链接一');
    expect(tree.firstWords(byId('d'))).toBe('');
  });

  it('tells lists made only of links', () => {
    const tree = new TreeText(dom);
    const byId = (id: string) => elements.find((n) => dom.attr(n, 'id') === id)!;
    expect(['b', 'c', 'd'].map((id) => tree.isLinkList(byId(id)))).toEqual([true, false, false]);
  });

  it('reads a list nested 100,000 deep once, not once per level', () => {
    const depth = 100_000;
    const body = '<div><i>2021-03-23T06:08:42Z</i></div>' + '<ul><li>'.repeat(depth) + '列表文字' + '</li></ul>'.repeat(depth);
    const article = parseArchive(`<!--1616481063000-->\n[标题](https://cn.reuters.com/article/x-idCN1)\n------\n\n${body}`);
    expect(article.blocks).toEqual([{ type: 'paragraph', text: '列表文字', style: 'list-item' }]);
  }, 20_000);
});
