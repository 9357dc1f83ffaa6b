import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldForSearch } from './fold';

describe('foldForSearch', () => {
  it('folds Traditional and Taiwan/Hong Kong forms to Simplified', () => {
    expect(foldForSearch('臺灣')).toBe(foldForSearch('台湾'));
    expect(foldForSearch('這不是一個人的戰鬥')).toBe('这不是一个人的战斗');
    expect(foldForSearch('為什麼在裡面')).toBe(foldForSearch('为什么在里面'));
    expect(foldForSearch('著名')).toBe(foldForSearch('着名'));
  });

  it('folds width and case', () => {
    expect(foldForSearch('ＡＢＣ１２３')).toBe('abc123');
    expect(foldForSearch('MeToo')).toBe('metoo');
    expect(foldForSearch('「引號」“引号”')).toBe('"引号""引号"');
  });

  it('changes nothing on a second pass (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const once = foldForSearch(text);
        expect(foldForSearch(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('folds 10,000 strings of 100 characters quickly (time printed, not asserted)', () => {
    const base = '路透北京3月23日 - 中国外长王毅周二在桂林与俄罗斯外长拉夫罗夫会谈，雙方誓言在涉及核心利益的問題上相互支持。ＡＢＣ這不是一個人的戰鬥，一位參與者說。';
    const strings = Array.from({ length: 10_000 }, (_, i) => `${i}${base}${base}`.slice(0, 100));
    foldForSearch('warm up: builds the table');
    const started = performance.now();
    let length = 0;
    for (const text of strings) length += foldForSearch(text).length;
    const ms = performance.now() - started;
    console.log(`foldForSearch: 10,000 × 100 characters in ${ms.toFixed(1)} ms`);
    expect(length).toBeGreaterThan(900_000);
  });
});
