import { describe, expect, it } from 'vitest';
import { cheerioDom, parseHtml } from './cheerio-adapter';
import { findAll, findFirst } from './dom-adapter';
import { ElementIndex } from './element-index';

const dom = cheerioDom;
const isTag = (tag: string) => (n: unknown) => dom.tagName(n as never) === tag;

describe('ElementIndex', () => {
  const root = parseHtml(
    '<figure><picture><source srcset="a"><img id="1"></picture><img id="2"><figcaption>x<p>y</p></figcaption></figure><div><noscript><img id="3"></noscript><p><source srcset="b"></p></div>',
  );
  const index = new ElementIndex(dom, root, { img: isTag('img'), p: isTag('p'), figcaption: isTag('figcaption'), source: isTag('source') });
  const elements = findAll(dom, root, () => true);

  it('finds the first element of a kind below each node, as findFirst does', () => {
    for (const node of [root, ...elements]) {
      for (const kind of ['img', 'p', 'figcaption', 'source'] as const) expect(index.first(kind, node)).toBe(findFirst(dom, node, isTag(kind)));
    }
  });

  it('answers alike by walks and by the index, inside and outside the elements a search stops at', () => {
    const tree = parseHtml('<div><section><p id="1"><article><p id="2"></article></section><p id="3"><section><p id="4"></section></div><p id="5">');
    const kinds = { p: isTag('p'), section: isTag('section') };
    const stopAt = { p: isTag('section') };
    const walked = new ElementIndex(dom, tree, kinds, stopAt);
    const indexed = new ElementIndex(dom, tree, kinds, stopAt, 0);
    const ids = (nodes: Iterable<unknown>) => [...nodes].map((n) => dom.attr(n as never, 'id'));
    for (const node of [tree, ...findAll(dom, tree, () => true)]) {
      for (const kind of ['p', 'section'] as const) {
        expect(walked.first(kind, node)).toBe(indexed.first(kind, node));
        expect(ids(walked.below(kind, node))).toEqual(ids(indexed.below(kind, node)));
      }
    }
    // Inside a section, a search for paragraphs finds none, even from an element below it.
    const article = findFirst(dom, tree, isTag('article'))!;
    expect(walked.first('p', article)).toBeNull();
    expect(ids(walked.below('p', tree))).toEqual(['3', '5']);
  });

  it('passes over what `accept` refuses, and lists every one below a node in order', () => {
    const [img1, img2] = findAll(dom, root, isTag('img'));
    expect(index.first('img', root, (n) => n !== img1)).toBe(img2);
    expect([...index.below('img', root)].map((n) => dom.attr(n, 'id'))).toEqual(['1', '2', '3']);
    expect([...index.below('source', root)].map((n) => dom.attr(n, 'srcset'))).toEqual(['a', 'b']);
  });

  it('answers below a chain 100,000 deep without walking it once per level', () => {
    const depth = 100_000;
    const deep = parseHtml('<figure>'.repeat(depth) + '<img id="deep">' + '</figure>'.repeat(depth));
    const chain = new ElementIndex(dom, deep, { img: isTag('img') });
    let found = 0;
    for (let at = dom.children(deep)[0]; dom.tagName(at) === 'figure'; at = dom.children(at)[0]) if (chain.first('img', at)) found++;
    expect(found).toBe(depth);
  }, 20_000);
});
