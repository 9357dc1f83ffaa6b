import search from 'approx-string-match';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { windowedSearch } from './windowed-search';

describe('windowedSearch', () => {
  it('answers as approx-string-match does over the whole text', () => {
    // A small alphabet, so that pieces stand in many places and windows meet and merge.
    const letters = fc.constantFrom('释', '放', '长', '期', '资', '金', 'a', 'b', '\0');
    const text = fc.array(letters, { minLength: 0, maxLength: 400 }).map((a) => a.join(''));
    const pattern = fc.array(letters, { minLength: 1, maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, pattern, fc.integer({ min: 0, max: 15 }), (t, p, k) => {
        // Windows however much they cover (the default searches the whole text past half of it).
        expect(windowedSearch(t, p, k, Infinity)).toEqual(search(t, p, k));
        expect(windowedSearch(t, p, k)).toEqual(search(t, p, k));
      }),
      { numRuns: 3000, seed: 16 },
    );
  });

  it('finds an edited passage in a long text, as the whole search does', () => {
    const filler = '中国人民银行周二表示，将继续实施稳健的货币政策。'.repeat(200);
    const text = `${filler}央行宣布释放大量长期资金以支持实体经济${filler}`;
    const pattern = '央行宣布释放长期资金以支持实体经济';
    expect(windowedSearch(text, pattern, 3)).toEqual(search(text, pattern, 3));
    expect(windowedSearch(text, pattern, 3)).toHaveLength(1);
  });
});
