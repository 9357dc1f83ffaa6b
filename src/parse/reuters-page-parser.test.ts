import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cheerioDom, parseHtml } from '../dom/cheerio-adapter';
import { parseReutersPage } from './reuters-page-parser';
import { articleText } from '../text/article-text';
import { REUTERS_PAGE } from '../../test/shared-data';

const parsePage = (html: string, url = 'https://cn.reuters.com/article/x', map = false) => parseReutersPage(cheerioDom, parseHtml(html), url, { map });

describe('StandardArticle template (the saved cn.reuters.com page)', () => {
  const parsed = parsePage(readFileSync(REUTERS_PAGE, 'utf8'))!;
  const { article } = parsed;
  const count = (type: string) => article.blocks.filter((b) => b.type === type).length;

  it('gives 22 paragraphs, 3 sub-headings and the lead image', () => {
    expect(count('paragraph')).toBe(22);
    expect(count('heading')).toBe(3);
    expect(count('image')).toBe(1);
    expect(article.blocks.filter((b) => b.type === 'heading').map((b) => (b as { text: string }).text)).toEqual(['中美贸易阶段性协议已不远', '英国12月12日提前大选', '人民币重回“6”时代']);
  });
  it('reads the lead image at full size with its caption', () => {
    expect(article.blocks[0]).toEqual({
      type: 'image',
      src: 'https://s4.reutersmedia.net/resources/r/?m=02&d=20191109&t=2&i=1450167320&r=LYNXMPEFA808X',
      caption: '资料图片：2017年6月，人民币和美元纸币。REUTERS/Thomas White',
    });
  });
  it('reads title, time, identity, section and the credit line as byline', () => {
    expect(article).toMatchObject({
      id: 'cn.reuters.com/article/weekly-wrapup-global-fx-brexit-1108-idCNKBS1XJ077',
      url: 'https://cn.reuters.com/article/weekly-wrapup-global-fx-brexit-1108-idCNKBS1XJ077',
      source: 'reuters',
      title: '汇市一周综述：贸易战暂休人民币重回“6”时代 英首相约翰逊押宝“双12”',
      publishedAt: '2019-11-09T10:26:02.000Z',
      archivedAt: null,
      byline: '整理 李爽',
      section: '深度分析',
      origin: 'page',
      problems: [],
    });
  });
  it('keeps credits, trust badge, buttons and adverts out of the text', () => {
    const all = article.blocks.map((b) => (b.type === 'image' ? b.caption : b.text)).join('\n');
    expect(all).not.toMatch(/整理 李爽|审校|我们的标准|信任原则|Expand|\*\*/);
  });
  it('maps the title and every block onto the page when asked, and only then', () => {
    expect(parsed.map).toBeNull();
    const { map } = parsePage(readFileSync(REUTERS_PAGE, 'utf8'), undefined, true)!;
    expect(map!.text).toBe(articleText(article).text);
    expect(map!.parts).toHaveLength(article.blocks.length + 1);
    expect(map!.parts.every((part) => part.mapped.runs.length > 0)).toBe(true);
    // The title maps onto the headline, the lead image's caption onto its caption span.
    expect(cheerioDom.tagName(cheerioDom.parent(map!.parts[0].mapped.runs[0].node)!)).toBe('h1');
    expect(cheerioDom.tagName(cheerioDom.parent(map!.parts[1].mapped.runs[0].node)!)).toBe('span');
  });
});

describe('Arc template (www.reuters.com)', () => {
  const html = readFileSync(join(__dirname, '../../test/fixtures/arc-article.html'), 'utf8');
  const { article } = parsePage(html, 'https://www.reuters.com/world/china/example-central-bank-holds-rates-2023-05-04/?utm=x')!;
  it('reads the data-testid parts in order, and nothing else', () => {
    expect(article.blocks).toEqual([
      { type: 'image', src: 'https://www.reuters.com/resizer/example.jpg', caption: '资料图片：央行大楼。REUTERS/Photographer' },
      { type: 'paragraph', text: '北京5月4日 (路透) - 央行周四维持利率不变。' },
      { type: 'paragraph', text: '分析师普遍预计如此。' },
      { type: 'heading', text: '市场反应' },
      { type: 'paragraph', text: '股市小幅上涨。' },
    ]);
  });
  it('reads title, authors, time and the canonical identity', () => {
    expect(article).toMatchObject({
      id: 'reuters.com/world/china/example-central-bank-holds-rates-2023-05-04',
      title: '示例标题：央行维持利率不变',
      byline: '王明, Jane Doe',
      publishedAt: '2023-05-04T03:15:00.000Z',
    });
  });
});

describe('Arc paragraphs', () => {
  it('read a <br> as a space, between Chinese characters too, and never split a paragraph', () => {
    const html = '<html><body><h1 data-testid="Heading">标题</h1><p data-testid="paragraph-0">第一行<br>第二行<br><br>third line</p></body></html>';
    expect(parsePage(html, 'https://www.reuters.com/world/x/')!.article.blocks).toEqual([{ type: 'paragraph', text: '第一行 第二行 third line' }]);
  });
});

describe('other pages', () => {
  it('are not Reuters articles', () => {
    expect(parsePage('<html><body><p>hello</p></body></html>')).toBeNull();
    expect(parsePage('')).toBeNull();
  });
});

describe('page identity', () => {
  const PAGE = 'https://cn.reuters.com/article/own-page-idCNKBS1XJ077?utm_source=x';
  const page = (head: string) => `<html><head>${head}</head><body><div class="StandardArticleBody_body"><p>正文。</p></div></body></html>`;
  const identity = (head: string, url = PAGE) => {
    const { id, url: address } = parsePage(page(head), url)!.article;
    return { id, url: address };
  };
  const own = { id: 'cn.reuters.com/article/own-page-idCNKBS1XJ077', url: PAGE };

  it('takes a canonical on www.reuters.com', () => {
    expect(identity('<link rel="canonical" href="https://www.reuters.com/article/idUSKBN1XJ077">')).toEqual({
      id: 'reuters.com/article/idUSKBN1XJ077',
      url: 'https://www.reuters.com/article/idUSKBN1XJ077',
    });
    expect(identity('<meta property="og:url" content="http://cn.reuters.com/article/other-idCN1">').url).toBe('http://cn.reuters.com/article/other-idCN1');
  });

  it.each([
    ['a canonical naming bbc.com', '<link rel="canonical" href="https://www.bbc.com/zhongwen/simp/world-1">'],
    ['a canonical on evilreuters.com', '<link rel="canonical" href="https://evilreuters.com/article/x">'],
    ['a canonical on reuters.com.evil.org', '<link rel="canonical" href="https://reuters.com.evil.org/article/x">'],
    ['an og:url naming bbc.com', '<meta property="og:url" content="https://www.bbc.com/zhongwen/simp/world-1">'],
    ['a canonical that is not http', '<link rel="canonical" href="ftp://cn.reuters.com/article/x">'],
  ])("keeps the page's own address against %s", (_, head) => {
    expect(identity(head)).toEqual(own);
  });

  it('passes over a foreign canonical to a Reuters og:url', () => {
    expect(identity('<link rel="canonical" href="https://www.bbc.com/x"><meta property="og:url" content="https://cn.reuters.com/article/og-idCN2">').url).toBe(
      'https://cn.reuters.com/article/og-idCN2',
    );
  });

  it("reads a relative canonical against the page: on a Reuters page it is Reuters'", () => {
    expect(identity('<link rel="canonical" href="/article/relative-idCN3">')).toEqual({
      id: 'cn.reuters.com/article/relative-idCN3',
      url: 'https://cn.reuters.com/article/relative-idCN3',
    });
  });

  it("keeps the saved file's address where a relative canonical cannot be read against it", () => {
    const file = 'file:///home/reader/page.html';
    expect(identity('<link rel="canonical" href="/article/relative-idCN3">', file)).toEqual({ id: file, url: file });
  });
});
