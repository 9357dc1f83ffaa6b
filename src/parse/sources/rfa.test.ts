import { describe, expect, it } from 'vitest';
import { brief, parseFixture } from './archive-fixture';

const ARTICLE = 'https://www.rfa.org/mandarin/yataibaodao/gangtai/sample-10062020115440.html';

describe('rfa archive rules', () => {
  it('takes the closing credit line, in each of its forms, as the byline', () => {
    for (const line of ['记者：乔琴恩　责编：何平　网编：何足', '自由亚洲电台记者吕熙伦敦报道    责编：嘉远    网编：洪伟', '记者 陈妙玲   责编 胡力汉']) {
      const article = parseFixture(ARTICLE, `<p>正文。</p><p>${line}</p>`);
      expect(brief(article)).toEqual(['p:正文。']);
      expect(article.byline).toBe(line.replace(/\s+/g, (s) => (/^\u3000+$/.test(s) ? '\u3000' : ' ')));
    }
  });

  it("keeps an interview's closing words as text", () => {
    const article = parseFixture(ARTICLE, '<p>正文。</p><p>记者：谢谢您接受采访。</p>');
    expect(article.byline).toBeNull();
    expect(brief(article)).toEqual(['p:正文。', 'p:记者：谢谢您接受采访。']);
  });

  it('keeps the 2020 image caption with its image, its bracketed credit apart', () => {
    const body =
      '<p><div class="image-inline captioned"><div><img alt="" src="https://www.rfa.org/a.jpg"/></div><div class="image-caption"><span>教协副会长叶建源批评教育局。（视频截图/RTHK）</span><span class="copyright"> </span></div>' +
      '<div id="zoomattribute"><a href="/a.jpg">放大</a></div></div></p><p>正文。</p>';
    expect(brief(parseFixture(ARTICLE, body))).toEqual(['img:教协副会长叶建源批评教育局。|视频截图/RTHK', 'p:正文。']);
  });

  it('reads whole-bold lines between <br><br> as sub-headings', () => {
    expect(brief(parseFixture(ARTICLE, '<p>第一段。<br/> <br/> <b>教育局主动介入教师投诉</b><br/> <br/>第二段。</p>'))).toEqual(['p:第一段。', 'h:教育局主动介入教师投诉', 'p:第二段。']);
  });

  it("drops an embedded video's label, not a sentence about a video", () => {
    const body = '<p>前文。</p><p><iframe src="https://www.facebook.com/plugins/video.php"></iframe></p><p><i><span>视频【北漂族的辛酸】</span></i></p><p>视频【北漂族的辛酸】在网上流传很广。</p>';
    expect(brief(parseFixture(ARTICLE, body))).toEqual(['p:前文。', 'p:视频【北漂族的辛酸】在网上流传很广。']);
  });
});
