import { describe, expect, it } from 'vitest';
import { articleIdFromUrl, parseHttpUrl, sourceFromUrl } from './article-id';

const id = (s: string) => articleIdFromUrl(new URL(s));

describe('articleIdFromUrl', () => {
  it('is host and path', () => {
    expect(id('https://cn.reuters.com/article/wrapup-china-russia-diplomacy-meeting-03-idCNKBS2BF0GS')).toBe('cn.reuters.com/article/wrapup-china-russia-diplomacy-meeting-03-idCNKBS2BF0GS');
  });
  it('ignores scheme, www, query, fragment and trailing slash', () => {
    expect(id('http://www.bbc.com/zhongwen/simp/chinese-news-69236740?at=1#x')).toBe(id('https://bbc.com/zhongwen/simp/chinese-news-69236740/'));
    expect(id('https://cn.ft.com/story/001094889?full=y')).toBe('cn.ft.com/story/001094889');
  });
  it('treats a percent-encoded path and its decoded form as one article', () => {
    expect(id('https://www.rfi.fr/cn/%E6%AC%A7%E6%B4%B2/x')).toBe(id('https://www.rfi.fr/cn/欧洲/x'));
  });
  it('reads a doubled slash (older RFI links) as one', () => {
    expect(id('http://www.rfi.fr//cn/contenu/20201012-x')).toBe(id('https://www.rfi.fr/cn/contenu/20201012-x'));
  });
  it('keeps a malformed escape rather than throwing', () => {
    expect(id('https://example.com/a%E6')).toBe('example.com/a%E6');
  });
});

describe('parseHttpUrl', () => {
  it('accepts http and https only', () => {
    expect(parseHttpUrl('javascript:alert(1)')).toBeNull();
    expect(parseHttpUrl('data:text/html,x')).toBeNull();
    expect(parseHttpUrl('not a url')).toBeNull();
    expect(parseHttpUrl('https://cn.reuters.com/a')?.href).toBe('https://cn.reuters.com/a');
  });
  it('resolves protocol-relative and relative addresses against a base', () => {
    expect(parseHttpUrl('//s4.reutersmedia.net/r/?a=1', 'https://cn.reuters.com/x')?.href).toBe('https://s4.reutersmedia.net/r/?a=1');
    expect(parseHttpUrl('/img/a.png', 'https://www.rfa.org/m/x.html')?.href).toBe('https://www.rfa.org/img/a.png');
  });
});

describe('sourceFromUrl', () => {
  it('knows the archive sources', () => {
    expect(sourceFromUrl(new URL('https://cn.reuters.com/a'))).toBe('reuters');
    expect(sourceFromUrl(new URL('https://www.nytimes.com/zh-hans/a'))).toBe('nyt');
    expect(sourceFromUrl(new URL('https://www.voachinese.com/a'))).toBe('voa');
    expect(sourceFromUrl(new URL('https://chinadigitaltimes.net/chinese/1.html'))).toBe('cdt');
    expect(sourceFromUrl(new URL('https://evilreuters.com/a'))).toBeNull();
  });
});
