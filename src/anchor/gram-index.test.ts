import { describe, expect, it } from 'vitest';
import { GramIndex } from './gram-index';

describe('GramIndex', () => {
  const text = '央行释放长期资金，央行释放长期资金。abcdabcdab';
  const index = new GramIndex(text);

  it('finds every place a needle stands, in text order, as indexOf would', () => {
    for (const needle of ['央行释放', '释放长期资金', 'abcd', 'cdab', 'bcdab', '资金。ab']) {
      const expected: number[] = [];
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) expected.push(at);
      expect(index.find(needle, 10)).toEqual(expected);
    }
  });

  it('stops at `most`, and finds nothing of what is not there', () => {
    expect(index.find('abcd', 1)).toEqual([18]);
    expect(index.find('央行释放短期', 2)).toEqual([]);
    expect(index.find('dabx', 2)).toEqual([]);
  });
});
