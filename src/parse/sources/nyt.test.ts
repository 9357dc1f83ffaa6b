import { describe, expect, it } from 'vitest';
import { parseArchive } from '../parse-archive';
import { brief } from './archive-fixture';

/** NYT files carry their archive time, which settles a 12-hour pudate. */
const parse = (epochMs: number, body: string) => parseArchive(`<!--${epochMs}-->\n[标题](https://cn.nytimes.com/china/20231205/sample/)\n------\n\n${body}`);

describe('nyt archive rules', () => {
  it('reads the 12-hour pudate in the half day the archive time allows', () => {
    const afternoon = '<address>AMY CHANG CHIEN, 储百亮</address><time pudate="2023-12-05 01:02:49">2023年12月5日</time><section><p>正文。</p></section>';
    // Archived 2023-12-05T05:37:02Z, 13:37 in Beijing: "01:02" is 13:02 Beijing time.
    expect(parse(1701754622000, afternoon).publishedAt).toBe('2023-12-05T05:02:49.000Z');
    // Archived at 01:30Z (09:30 Beijing): the morning reading, 01:02 Beijing.
    expect(parse(Date.parse('2023-12-05T01:30:00Z'), afternoon.replace('01:02:49', '08:02:49')).publishedAt).toBe('2023-12-05T00:02:49.000Z');
    // "12:10" is ten past noon or past midnight: the archive at 04:40Z (12:40 Beijing) says noon.
    expect(parse(Date.parse('2023-12-05T04:40:00Z'), afternoon.replace('01:02:49', '12:10:00')).publishedAt).toBe('2023-12-05T04:10:00.000Z');
  });

  it("takes the day shown for the publication where the pudate is a later update's", () => {
    const updated = '<time pudate="2022-08-24 04:00:50" datetime="2022-08-24 04:00:50">2022年8月17日</time><section><p>正文。</p></section>';
    expect(parse(Date.parse('2022-08-24T02:00:00Z'), updated).publishedAt).toBe('2022-08-16T16:00:00.000Z');
  });

  it('names an author listed twice once', () => {
    expect(parse(1611740000000, '<div><i>KRISTIN HUSSEY,KRISTIN HUSSEY<br>2021-01-27 16:20:24</i></div><p>正文。</p>').byline).toBe('KRISTIN HUSSEY');
  });

  it("cuts the older layout's end matter and drops the briefing's subscription lines; bullets become list items", () => {
    const body =
      '<div><i>张彦<br>2021-04-06 17:24:20</i></div><p>• <a href="https://x">为何很多亚洲异见人士支持特朗普</a>？从香港说起。</p><p>他说，翻译：这是一个误会。</p>' +
      '<p><i>感谢阅读今天的简报</i><i>，新读者请</i><i><a href="https://x">点击此处订阅</a>。</i></p>' +
      '<div><p>Steven Erlanger自布鲁塞尔、Anna Joyce自都柏林对本文有报道贡献。<br/>翻译：Harry Wong</p></div><p><a href="https://x">点击查看本文英文版。</a></p>' +
      '<p>David Streitfeld已撰写科技新闻20年。<br/>翻译：晋其角<br/><a href="https://x">点击查看本文英文版。</a></p>';
    expect(brief(parse(1617701060000, body))).toEqual(['list-item:为何很多亚洲异见人士支持特朗普？从香港说起。', 'p:他说，翻译：这是一个误会。', 'p:David Streitfeld已撰写科技新闻20年。']);
  });

  it('reads a figcaption that ran on into the article: its first words caption, the rest stays the article', () => {
    const body =
      '<address>记者</address><p><b>普京发表全国讲话</b></p><p><figure><img src="https://static01.nyt.com/a.jpg"></p><figcaption>周六，普京发表电视讲话。</small>' +
      '<p>普京向全国发表电视讲话。</p><p><b>周六下午早些时候</b></p><p><img src="https://static01.nyt.com/b.jpg"><small style="color: #999;">瓦格纳车队。</small></p><p>结尾。</p>';
    expect(brief(parse(1687000000000, body))).toEqual(['h:普京发表全国讲话', 'img:周六，普京发表电视讲话。|', 'p:普京向全国发表电视讲话。', 'h:周六下午早些时候', 'img:瓦格纳车队。|', 'p:结尾。']);
  });
});
