import { describe, expect, it } from 'vitest';
import { citation } from './citation';

const article = {
  title: '综述：“守望相助” 中俄誓言在核心利益问题上做彼此坚强后盾',
  url: 'https://cn.reuters.com/article/wrapup-china-russia-diplomacy-meeting-03-idCNKBS2BF0GS',
  source: 'reuters' as const,
  publishedAt: '2021-03-23T06:08:42.000Z',
};
const citedOn = new Date('2026-11-29T10:00:00Z');

describe('citation', () => {
  it('is GB/T 7714-2015 for Chinese writing: publisher, title [EB/OL], (published)[cited], URL', () => {
    expect(citation('中俄要在核心利益问题上相互坚定支持', article, citedOn, 'zh')).toBe(
      '“中俄要在核心利益问题上相互坚定支持”\n路透. 综述：“守望相助” 中俄誓言在核心利益问题上做彼此坚强后盾[EB/OL]. (2021-03-23)[2026-11-29]. https://cn.reuters.com/article/wrapup-china-russia-diplomacy-meeting-03-idCNKBS2BF0GS.',
    );
  });
  it('is APA-like otherwise', () => {
    expect(citation('中俄', article, citedOn, 'en')).toBe(
      '“中俄”\nReuters. (2021, March 23). 综述：“守望相助” 中俄誓言在核心利益问题上做彼此坚强后盾. https://cn.reuters.com/article/wrapup-china-russia-diplomacy-meeting-03-idCNKBS2BF0GS',
    );
  });
  it('names the host of an unknown site, and says when the date is unknown', () => {
    const other = { ...article, source: 'other' as const, url: 'https://www.example.com/a', publishedAt: null };
    expect(citation('x', other, citedOn, 'zh')).toBe('“x”\nexample.com. 综述：“守望相助” 中俄誓言在核心利益问题上做彼此坚强后盾[EB/OL]. [2026-11-29]. https://www.example.com/a.');
    expect(citation('x', other, citedOn, 'en')).toContain('example.com. (n.d.).');
  });
});
