import { describe, expect, it } from 'vitest';
import { prefixAgreement, suffixAgreement } from './context-score';

describe('context agreement', () => {
  it('is whole for the same context, and loses one unit per edit beside the quote', () => {
    expect(prefixAgreement('中俄外长联合记者会上称', '中俄外长联合记者会上称')).toBe(1);
    expect(prefixAgreement('中俄外长联合记者会上称', '中俄外长联合记者会上说')).toBeCloseTo(1 - 1 / 11);
    expect(suffixAgreement('坚定支持对方', '坚定地支持对方')).toBeCloseTo(1 - 1 / 6);
    expect(suffixAgreement('坚定支持对方', '坚支持对方')).toBeCloseTo(1 - 1 / 6);
  });

  it('aligns a prefix with the end of the text before the quote, a suffix with the start of the text after', () => {
    expect(prefixAgreement('记者会上称', '……今天在记者会上称')).toBe(1);
    expect(suffixAgreement('记者会上称', '记者会上称，今天')).toBe(1);
    expect(prefixAgreement('记者会上称', '记者会上称，今天')).toBeLessThan(0.5);
  });

  it('is nothing for unrelated text, and whole for an empty context', () => {
    expect(suffixAgreement('中俄关系', 'abcd')).toBe(0);
    expect(prefixAgreement('', 'abc')).toBe(1);
  });
});
