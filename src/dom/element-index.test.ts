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

  it('answers the same once its walks have spent their budget and the index is built', () => {
    const big = parseHtml(
      '<figure><picture><source srcset="a"><img id="1"></picture><img id="2"><figcaption>x<p>y</p></figcaption></figure><div><noscript><img id="3"></noscript><p><source srcset="b"></p></div>'.repeat(1000),
    );
    const bigIndex = new ElementIndex(dom, big, { img: isTag('img'), p: isTag('p'), figcaption: isTag('figcaption') });
    // Asked of each of its 9,000 elements, the walks spend the budget partway: later answers come from the index.
    for (const node of [big, ...findAll(dom, big, () => true)]) {
      for (const kind of ['img', 'p', 'figcaption'] as const) expect(bigIndex.first(kind, node)).toBe(findFirst(dom, node, isTag(kind)));
    }
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
