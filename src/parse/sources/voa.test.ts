import { describe, expect, it } from 'vitest';
import { brief, parseFixture } from './archive-fixture';

const ARTICLE = 'https://www.voachinese.com/a/sample/5616000.html';
const parse = (body: string) => parseFixture(ARTICLE, `<div><i>Sat, 10 Oct 2020 08:17:25 GMT</i></div>${body}`);

describe('voa archive rules', () => {
  it('reads RFC 2822 time and joins the dateline to the first paragraph', () => {
    const article = parse('华盛顿 — <p>美国国务院周五表示。</p>');
    expect(article.publishedAt).toBe('2020-10-10T08:17:25.000Z');
    expect(brief(article)).toEqual(['p:华盛顿 — 美国国务院周五表示。']);
  });

  it('reads a video lead as its poster, captioned once though its audio repeats the caption', () => {
    const body =
      '<video poster="https://gdb.voanews.com/a_tv.jpg" src="https://x/a.mp4" controls></video><div><small style="color: #999;">时事大家谈：特朗普新冠治疗找到“银弹”？</small></div>' +
      '<audio src="https://x/a.mp3" controls></audio><div><small style="color: #999;">时事大家谈：特朗普新冠治疗找到“银弹”？</small></div><p>特朗普总统从确诊。</p>';
    expect(brief(parse(body))).toEqual(['img:时事大家谈：特朗普新冠治疗找到“银弹”？|', 'p:特朗普总统从确诊。']);
  });

  it("drops a programme's schedule, disclaimer and playlist link", () => {
    const body =
      '<p>正文。</p><p>时事大家谈每星期一到四，星期六北京时间晚上九点播出，敬请收看。</p><p>==========================================<br />嘉宾和观众听众发表的都是个人观点，并不代表美国之音。<br />==========================================</p>' +
      '<p>《时事大家谈》YouTube播放列表：<a href="http://bit.ly/x">http://bit.ly/x</a></p>';
    expect(brief(parse(body))).toEqual(['p:正文。']);
    // News about a broadcast is news.
    expect(brief(parse('<p>这个电视节目每星期五晚上在中央电视台播出，收视率很高。</p>'))).toEqual(['p:这个电视节目每星期五晚上在中央电视台播出，收视率很高。']);
  });

  it('reads bold sub-headings in quotes or asking a question', () => {
    expect(brief(parse('<p><strong>“保守派的推特”</strong></p><p><strong>Parler真的中立吗？</strong></p><p>正文。</p>'))).toEqual(['h:“保守派的推特”', 'h:Parler真的中立吗？', 'p:正文。']);
  });
});
