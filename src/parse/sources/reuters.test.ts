import { describe, expect, it } from 'vitest';
import { brief, parseFixture } from './archive-fixture';

const ARTICLE = 'https://cn.reuters.com/article/sample-idCNKBS2SAMPLE';
const parse = (body: string) => parseFixture(ARTICLE, `<div><i>2020-07-29T00:58:06</i></div>${body}`);

describe('reuters archive rules', () => {
  it('reads a zone-less prelude time as UTC', () => {
    expect(parse('<p>正文</p>').publishedAt).toBe('2020-07-29T00:58:06.000Z');
  });

  it('drops the 2020 page markup furniture: editor credits and the trust badge', () => {
    const body =
      '<div class="StandardArticleBody_body"><p>正文一段。(完) </p><div class="Attribution_container"><div class="Attribution_attribution">' +
      '<p class="Attribution_content">编译 李爽/王灿；审校 李婷仪/戴素萍 </p></div></div><div class="StandardArticleBody_trustBadgeContainer">' +
      '<span class="StandardArticleBody_trustBadgeTitle">我们的标准：</span><span class="trustBadgeUrl"><a href="https://x/y.pdf">汤森路透“信任原则”</a></span></div></div>';
    expect(brief(parse(body))).toEqual(['p:正文一段。(完)']);
  });

  it('cuts Eikon codes, drops chart links and a link prompt after the end mark', () => {
    const body =
      '<p>油价也回升至逾三年高位。[nL4S2T02LD]</p><p><a href="https://tmsnrt.rs/3jqxOUJ">tmsnrt.rs/3jqxOUJ</a></p>' +
      '<p>布兰特原油每桶41.70美元。[O/R](完)</p><p>欲览更多细节，请点击链接 <a href="http://example.com/x">here</a></p>';
    expect(brief(parse(body))).toEqual(['p:油价也回升至逾三年高位。', 'p:布兰特原油每桶41.70美元。(完)']);
  });

  it('reads wire "--" lines as list items, but not a dash inside a sentence', () => {
    const body = '<p>3月详细数据：</p><p>--居民消费价格指数(CPI)同比上涨1.5%</p><p>主要工具--外汇占款</p>';
    expect(brief(parse(body))).toEqual(['p:3月详细数据：', 'list-item:居民消费价格指数(CPI)同比上涨1.5%', 'p:主要工具--外汇占款']);
  });
});
