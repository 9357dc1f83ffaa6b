import { describe, expect, it } from 'vitest';
import { brief, parseFixture } from './archive-fixture';

const ARTICLE = 'https://chinadigitaltimes.net/chinese/690000.html';

describe('cdt archive rules', () => {
  it('reads author and date from the archive card, and skips the card and share buttons', () => {
    const body =
      '<div class="su-spoiler"><div class="su-spoiler-content"><strong>作者：</strong>如是大牛哥<br><strong>发表日期：</strong>2025.2.14<br><strong>主题归类：</strong>食品安全</div></div>' +
      '<p>正文。</p><div class="addtoany_share_save_container"><a>分享</a></div>';
    const article = parseFixture(ARTICLE, body);
    expect(article.byline).toBe('如是大牛哥');
    expect(article.publishedAt).toBe('2025-02-13T16:00:00.000Z');
    expect(brief(article)).toEqual(['p:正文。']);
  });

  it('reads the small grey span under an image as its caption, inside the image’s paragraph or right after it; a credit apart', () => {
    const style = 'font-size: 0.8em;color: #666;display: block;text-align: center;margin-bottom: 20px;line-height: 22px;';
    const body =
      `<p>前文。</p><p><img src="https://chinadigitaltimes.net/chinese/files/a.png" alt="image"><br><span style="${style}">©️Kerekes Gábor</span></p>` +
      `<p><img src="https://keep.cdt.media/b.jpeg" alt="image"></p><span style="${style}">竹升面馆</span><p>后文。</p>`;
    expect(brief(parseFixture(ARTICLE, body))).toEqual(['p:前文。', 'img:|©️Kerekes Gábor', 'img:竹升面馆|', 'p:后文。']);
  });

  it("cuts a reposted WeChat article's own footer", () => {
    const body =
      '<p>正文。</p><p>本文关联阅读：<strong><a href="https://x">为什么你喝不到真正牛奶味？</a></strong></p><p><strong>* <a href="https://y">都散了吧</a></strong></p><p><strong>\\~END\\~</strong></p><p><strong>欢迎点赞、在看和转发</strong></p>';
    expect(brief(parseFixture(ARTICLE, body))).toEqual(['p:正文。']);
  });

  it('takes a leading 文/ credit for the byline', () => {
    const article = parseFixture(ARTICLE, '<p><strong>文/六神磊磊</strong></p><p>正文。</p>');
    expect(article.byline).toBe('六神磊磊');
    expect(brief(article)).toEqual(['p:正文。']);
  });

  it('loads an http image from the https copy its srcset names', () => {
    const body = '<img src="http://chinadigitaltimes.net/chinese/files/2020/10/3423.jpg" srcset="https://chinadigitaltimes.net/chinese/files/2020/10/3423.jpg 800w"><p>正文。</p>';
    expect(parseFixture('https://chinadigitaltimes.net/chinese/2020/10/x/', body).blocks[0]).toMatchObject({ src: 'https://chinadigitaltimes.net/chinese/files/2020/10/3423.jpg' });
  });
});
