// What each source's files give beyond the common checks: the details a reader notices.
import { describe, expect, it } from 'vitest';
import { parseArchive } from '../../src/parse/parse-archive';
import type { Article, Block } from '../../src/model/article';
import { readCorpus } from '../shared-data';

const parse = (path: string) => parseArchive(readCorpus(path));
const texts = (a: Article) => a.blocks.filter((b): b is Exclude<Block, { type: 'image' }> => b.type !== 'image').map((b) => b.text);
const images = (a: Article) => a.blocks.filter((b) => b.type === 'image');

describe('reuters', () => {
  const a = parse('reuters/1040207.md');
  it('is the article the project started from', () => {
    expect(a.id).toBe('cn.reuters.com/article/wrapup-china-russia-diplomacy-meeting-03-idCNKBS2BF0GS');
    expect(a.url).toBe('https://cn.reuters.com/article/wrapup-china-russia-diplomacy-meeting-03-idCNKBS2BF0GS');
    expect(a.title).toBe('综述：“守望相助” 中俄誓言在核心利益问题上做彼此坚强后盾');
    expect(a.publishedAt).toBe('2021-03-23T06:08:42.000Z');
    expect(a.archivedAt).toBe('2021-03-23T06:31:03.000Z');
    expect(a.blocks[0]).toMatchObject({ type: 'paragraph' });
    expect(texts(a)[0]).toMatch(/^路透北京3月23日 - 火药味十足的/);
  });
  it('turns **…** into headings and keeps the image with its caption', () => {
    expect(a.blocks.filter((b) => b.type === 'heading').map((b) => (b as { text: string }).text)).toEqual(['“守望相助”', '“大国应当有大国的样子”']);
    expect(a.blocks[1]).toEqual({
      type: 'image',
      src: 'https://static.reuters.com/resources/r/?m=02&d=20210323&t=2&i=1555849067&r=LYNXMPEH2M09M',
      caption: '第三方图片：2021年3月22日，中国桂林，中国外长王毅和俄罗斯外长拉夫罗夫举行会晤。俄外交部/REUTERS',
    });
  });
  it('drops the feed footer', () => {
    const b = parse('reuters/1025500.md');
    expect(texts(b).at(-1)).toMatch(/（完）$/);
    expect(texts(b).join('')).not.toContain('RSS');
  });
  it('reads the older file names and table articles, one row a paragraph', () => {
    const table = parse('reuters-old/1044937_图表新闻：境外机构连22月增持中国债券 人民币强势及“入富”支撑热情.md');
    expect(table.source).toBe('reuters');
    expect(texts(table).length).toBeGreaterThan(10);
    const midSentence = parse('reuters-old/1044897_软银愿景基金计划成立一家“空白支票收购公司”--消息人士.md');
    expect(texts(midSentence)[0]).toMatch(/^上述消息人士称/);
  });
});

describe('nyt', () => {
  it('reads byline, Beijing time, captions and credits; drops the footer credits', () => {
    const a = parse('nyt/1041950.md');
    expect(a.byline).toBe('储百亮, CATIE EDMONDSON');
    expect(a.publishedAt).toBe('2025-02-14T01:34:11.000Z');
    expect(images(a)[0]).toMatchObject({ caption: '台湾总统赖清德今年1月视察了台东的一个军事基地。特朗普政府要求台湾增加军费开支。', credit: 'Ritchie B Tongo/EPA, via Shutterstock' });
    expect(texts(a).join('')).not.toMatch(/翻译：纽约时报中文网|点击查看本文英文版/);
    expect(texts(a)).not.toContain('2025年2月14日');
  });
  it('reads the older layout: author and time in the italic prelude', () => {
    const a = parse('nyt/1047000.md');
    expect(a.byline).toBe('张彦');
    expect(a.publishedAt).toBe('2021-04-06T09:24:20.000Z');
  });
  it('reads the briefing layout as list items', () => {
    const a = parse('nyt/1044000.md');
    expect(a.blocks.filter((b) => b.type === 'paragraph' && b.style === 'list-item').length).toBeGreaterThan(5);
    expect(texts(a).join('')).not.toMatch(/^Image/);
  });
});

describe('bbc', () => {
  it('reads authors and leaves out adverts and related-story lists', () => {
    const a = parse('bbc/1041700.md');
    expect(a.byline).toBe('李澄欣，BBC中文记者');
    // "30 分钟前" when the feed saw the page at 07:43:02Z.
    expect(a.publishedAt).toBe('2024-08-02T07:13:02.000Z');
    expect(texts(a).join('')).not.toContain('香港奥运代表团历史佳绩和未能摆脱的政治阴影');
    expect(images(a)[0]).toMatchObject({ caption: '江旻憓（左）的教练是罗马尼亚的塔维（右）。', credit: 'Reuters' });
  });
  it('finds images that only exist inside <noscript>, with their captions; credits without the hidden "图像来源，" label', () => {
    const a = parse('bbc/1043500.md');
    const withCredit = images(a).filter((b) => b.type === 'image' && !!b.credit);
    expect(withCredit.every((b) => b.type === 'image' && !b.credit!.startsWith('图像来源'))).toBe(true);
    expect(withCredit.length).toBeGreaterThanOrEqual(4);
    expect(withCredit[0]).toMatchObject({ caption: '“飞镖”导航系统首先要区分出小陨石（迪莫弗斯）和大陨石（迪迪莫斯）' });
  });
  it('unescapes the old title', () => {
    expect(parse('bbc-old/1047474.md').title).not.toContain('\\');
  });
});

describe('the other sources', () => {
  it('voa: the dateline belongs to the first paragraph; RFC 2822 time', () => {
    const a = parse('voa/1010000.md');
    expect(texts(a)[0]).toMatch(/^华盛顿 — 巴勒斯坦医务官员/);
    expect(a.publishedAt).toBe('2024-12-28T14:34:58.000Z');
  });
  it('voa: <br><br> splits paragraphs', () => {
    expect(texts(parse('voa/1027000.md')).some((t) => t.startsWith('中国军队现代化的努力引起了'))).toBe(true);
  });
  it('dw: time after a <br>, no copyright notice, no video embed', () => {
    const a = parse('dw/1025000.md');
    expect(a.publishedAt).toBe('2024-07-04T11:33:30.242Z');
    expect(texts(a).join('')).not.toMatch(/版权声明|youtube/);
  });
  it('ft: no app promotion or ad slots', () => {
    const a = parse('ft/1044801.md');
    expect(texts(a).join('')).not.toContain('温馨提示');
    expect(texts(a).some((t) => t.startsWith('过去12年'))).toBe(true);
  });
  it('rfi: Paris time, srcset images with credits, no share widgets', () => {
    const a = parse('rfi/1015000.md');
    expect(a.publishedAt).toBe('2022-06-12T23:58:00.000Z');
    expect(images(a)[1]).toMatchObject({ credit: '© Florence Miettaux / RFI' });
    expect((images(a)[1] as { src: string }).src).toMatch(/^https:\/\/s\.rfi\.fr\/.*\.jpg$/);
    expect(texts(parse('rfi/1000000.md')).join('')).not.toContain('分享');
  });
  it('rfa: the credit line is the byline; the zoom icon is no image', () => {
    const a = parse('rfa/1040000.md');
    expect(a.byline).toMatch(/^记者：柳飞/);
    expect(images(a)).toHaveLength(1);
    expect(texts(a).join('')).not.toContain('甄子丹言论引发风暴');
  });
  it('cdt: author and date from the archive card; a photo post is its photo', () => {
    const a = parse('cdt/332719.md');
    expect(a.byline).toBe('六神磊磊');
    expect(a.publishedAt).toBe('2025-02-13T16:00:00.000Z');
    expect(texts(a).join('')).not.toContain('档案卡');
    const photo = parse('cdt/0.md');
    expect(photo.blocks).toEqual([{ type: 'image', src: expect.stringMatching(/51012467015_7432b7c023_c\.jpeg$/), caption: 'Untitled (Shanghai), by Hsiuan Boyen (CC BY-NC-ND 2.0)' }]);
  });
});
