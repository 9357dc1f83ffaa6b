import { describe, expect, it } from 'vitest';
import { cleanDwByline } from './dw';
import { brief, parseFixture } from './archive-fixture';

const ARTICLE = 'https://www.dw.com/zh/sample/a-55925000';
const parse = (body: string, prelude = '<div><i><br>2020-12-04T10:00:00.000Z</i></div>') => parseFixture(ARTICLE, prelude + body);

describe('dw archive rules', () => {
  it('reads whole-bold short paragraphs as sub-headings, not long bold ones', () => {
    const long = '这是一段很长的全粗体导语，'.repeat(4) + '结尾。';
    expect(brief(parse(`<p><strong>“不负责任和危险的操作”</strong></p><p><strong><strong>抗衡一带一路 </strong></strong></p><p><strong>${long}</strong></p>`))).toEqual([
      'h:“不负责任和危险的操作”',
      'h:抗衡一带一路',
      `p:${long}`,
    ]);
  });

  it('drops promos, the disclaimer, podcast blocks, related links and the copyright line', () => {
    const body =
      '<p>正文。</p><p><a href="https://api.dw.com/x" rel="ArticleRef">相关报道：南海主權爭議升溫</a></p>' +
      '<p><em><span>DW中文有<a href="https://www.instagram.com/dw.chinese/">Instagram</a>！欢迎搜寻dw.chinese。</span></em></p>' +
      '<p><em>摘编自其他媒体的内容，不代表德国之声的立场或观点。</em></p>' +
      '<p><strong>欢迎订阅德国之声“古典音乐风”播客。</strong></p><p><strong>Feed-URL:</strong></p><p><strong>https://rss.dw.com/xml/podcast_x</strong></p>' +
      '<p><em>© 2024</em><em>年德国之声版权声明：本文所有内容受到著作权法保护。</em></p>';
    expect(brief(parse(body))).toEqual(['p:正文。']);
    // Lettered items and sentences about rights holders are not copyright lines.
    expect(brief(parse('<p>(b) 禁止颠覆国家政权；</p><p>(c) 禁止恐怖活动。</p><p>版权所有者表示将起诉该公司。</p>'))).toEqual([
      'p:(b) 禁止颠覆国家政权；',
      'p:(c) 禁止恐怖活动。',
      'p:版权所有者表示将起诉该公司。',
    ]);
  });

  it('cleans the prelude byline, and takes the closing names line as byline', () => {
    expect(cleanDwByline('null 林双')).toBe('林双');
    expect(cleanDwByline('张慈 （综合报道）')).toBe('张慈');
    expect(cleanDwByline('李鱼 综合报导')).toBe('李鱼');
    expect(parse('<p>正文。</p>', '<div><i>null 林双<br>2023-01-01T07:55:34.019Z</i></div>').byline).toBe('林双');
    const article = parse('<p>正文。</p><p>李澄欣/张慈/邹宗翰 (路透社)</p>');
    expect(article.byline).toBe('李澄欣/张慈/邹宗翰 (路透社)');
    expect(brief(article)).toEqual(['p:正文。']);
    // A gallery after the names: its images do not push them out of the end.
    const gallery = '<div><img src="https://static.dw.com/image/1_303.jpg"><b>人挤人</b>：今年首季。</div>'.repeat(3);
    const withGallery = parse(`<p>正文。</p><p>李澄欣/张慈/邹宗翰 (路透社)</p><h3>相关图集：武汉：新冠疫情爆发一年后</h3>${gallery}`);
    expect(withGallery.byline).toBe('李澄欣/张慈/邹宗翰 (路透社)');
    expect(brief(withGallery).slice(0, 2)).toEqual(['p:正文。', 'h:相关图集：武汉：新冠疫情爆发一年后']);
  });

  it('reads a gallery item as one captioned image', () => {
    const body = '<div><img src="https://static.dw.com/image/1_303.jpg" width="100%"><b>人挤人</b>：今年首季，武汉与外界隔离。</div>';
    expect(brief(parse(body))).toEqual(['img:人挤人：今年首季，武汉与外界隔离。|']);
  });
});
