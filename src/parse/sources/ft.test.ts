import { describe, expect, it } from 'vitest';
import { brief, parseFixture } from './archive-fixture';

const ARTICLE = 'https://www.ftchinese.com/story/001090000?full=y';

describe('ft archive rules', () => {
  it('takes the writer named in an opinion standfirst, and the translator, for the byline', () => {
    const body =
      '<div></div><div class="story-lead">罗志恒、方堃：大宗商品价格过快上涨，或产生三大风险。</div><div class="story-body"><div id="story-body-container">' +
      '<p><b>一、大宗商品上涨原因</b></p><p>正文。</p><div data-o-ads-name="mpu-middle1" class="o-ads"></div><p>注：本文仅代表作者个人观点</p><p>译者/何黎</p></div></div>';
    const article = parseFixture(ARTICLE, body);
    expect(article.byline).toBe('罗志恒、方堃（译者：何黎）');
    expect(brief(article)).toEqual(['p:罗志恒、方堃：大宗商品价格过快上涨，或产生三大风险。', 'h:一、大宗商品上涨原因', 'p:正文。', 'p:注：本文仅代表作者个人观点']);
  });

  it("does not take a speaker quoted in a news standfirst, or an editor's note, for the writer", () => {
    expect(parseFixture(ARTICLE, '<div class="story-lead">拜登：美国不会退出北约。</div><p>正文。</p>').byline).toBeNull();
    expect(parseFixture(ARTICLE, '<div class="story-lead">编者按：本文作者认为。</div><p>正文。</p><p>注：本文仅代表作者个人观点</p>').byline).toBeNull();
  });

  it("leaves a news standfirst's byline empty, and drops the app promo and the editor's address", () => {
    const body =
      '<div>美国食品药品监督管理局的临床评论意味着百健向其新药获批迈出重要一步。</div><div><div id="story-body-container"><div>来自FT中文网的温馨提示：下载App。</div><p>正文。</p><p><b>本文编辑徐瑾 Jin.Xu@FTChinese.com </b></p></div></div>';
    const article = parseFixture(ARTICLE, body);
    expect(article.byline).toBeNull();
    expect(brief(article)).toEqual(['p:美国食品药品监督管理局的临床评论意味着百健向其新药获批迈出重要一步。', 'p:正文。']);
  });

  it('skips a video player, which never plays here, with its caption', () => {
    const body =
      "<p>前文。</p><div class='o-responsive-video-container'><script src='https://example.com/player.js'></script><a class='o-responsive-video-caption'>英国驻华大使吴若兰：英中两国仍应追求远大志向</a></div><p>后文。</p>";
    expect(brief(parseFixture(ARTICLE, body))).toEqual(['p:前文。', 'p:后文。']);
  });
});
