import { describe, expect, it } from 'vitest';
import { cheerioDom, parseHtml } from './cheerio-adapter';
import { findAll } from './dom-adapter';
import { DomOrder } from './dom-order';

describe('DomOrder', () => {
  const root = parseHtml('<div id="a"><p id="b">one<b id="c">two</b></p><p id="d">three</p></div>');
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => findAll(cheerioDom, root, (n) => cheerioDom.attr(n, 'id') === id)[0]);
  const [one, two, three] = [b, c, d].map((n) => cheerioDom.children(n)[0]);
  const order = new DomOrder(cheerioDom);
  const at = (node: typeof a, offset: number) => ({ node, offset });

  it('orders text points, and points in the same node by offset', () => {
    expect(order.compare(at(one, 1), at(two, 0))).toBe(-1);
    expect(order.compare(at(three, 0), at(two, 3))).toBe(1);
    expect(order.compare(at(two, 1), at(two, 2))).toBe(-1);
    expect(order.compare(at(two, 2), at(two, 2))).toBe(0);
  });

  it('puts a point before child k of an element before everything in that child, and after earlier children', () => {
    expect(order.compare(at(b, 1), at(two, 0))).toBe(-1);
    expect(order.compare(at(b, 1), at(one, 3))).toBe(1);
    expect(order.compare(at(two, 0), at(b, 1))).toBe(1);
    expect(order.compare(at(a, 1), at(three, 0))).toBe(-1);
    expect(order.compare(at(a, 1), at(two, 3))).toBe(1);
  });

  it('compares points 100,000 levels deep', () => {
    const depth = 100_000;
    const deep = parseHtml('<div>'.repeat(depth) + 'x' + '</div>'.repeat(depth) + '<p>y</p>');
    const [x, y] = [findAll(cheerioDom, deep, (n) => cheerioDom.tagName(n) === 'div').at(-1)!, findAll(cheerioDom, deep, (n) => cheerioDom.tagName(n) === 'p')[0]];
    expect(new DomOrder(cheerioDom).compare(at(cheerioDom.children(x)[0], 0), at(cheerioDom.children(y)[0], 0))).toBe(-1);
  }, 60_000);
});
