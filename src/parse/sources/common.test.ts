import { describe, expect, it } from 'vitest';
import { brief, parseFixture } from './archive-fixture';

// Rules every source shares, on a site Pizhu has no rules of its own for.
const parse = (body: string) => parseFixture('https://news.example.com/a/1.html', body);

describe('common rules', () => {
  it('drops a "相关报道" heading with the links under it, and keeps the text after them', () => {
    const body = '<p>正文。</p><h3>相关报道</h3><p><a href="https://x/1">美国宣布新制裁</a></p><p><a href="https://x/2">中国回应</a></p><p>后文，<a href="https://x/3">带链接</a>的正文。</p>';
    expect(brief(parse(body))).toEqual(['p:正文。', 'p:后文，带链接的正文。']);
  });

  it('drops a "延伸阅读：" link whose title has a colon of its own, and keeps a sentence with a link after such a prefix', () => {
    const body =
      '<p>延伸阅读：<a href="https://x/1">欧盟领导人与欧洲多国政要祝贺拜登与哈里斯：跨大西洋关系重新出发</a></p>' +
      '<p>延伸阅读：<a href="https://x/2">特朗普威吓欧盟: 敢动美国货就罚欧洲汽车关税</a></p>' +
      '<p>相关阅读：他在<a href="https://x/3">一篇文章</a>里说过，这个问题需要长期讨论和大量研究。</p>';
    expect(brief(parse(body))).toEqual(['p:相关阅读：他在一篇文章里说过，这个问题需要长期讨论和大量研究。']);
  });

  it('takes credit lines under a heading out of the text, bold ones too, and the writer’s for the byline; not a sentence under a heading', () => {
    const excerpt = parseFixture(
      'https://news.example.com/a/3.html',
      '<p>编者按：这是一篇书摘。</p><h1>留下的人在磨炼中成形</h1><p><strong>文/哲尔吉·康拉德</strong></p><p><strong>译/徐芳园</strong></p><p><strong>节选自/《客居己乡》</strong></p><h2>选择留下</h2><p>薇拉打了几个电话。</p><h2>另一节</h2><p>文/字里行间的意思是，他们并不同意。这句话很长，长过任何署名。</p>',
    );
    expect(excerpt.byline).toBe('哲尔吉·康拉德');
    expect(brief(excerpt)).toEqual([
      'p:编者按：这是一篇书摘。',
      'h:留下的人在磨炼中成形',
      'h:选择留下',
      'p:薇拉打了几个电话。',
      'h:另一节',
      'p:文/字里行间的意思是，他们并不同意。这句话很长，长过任何署名。',
    ]);
    // A writer with more than a name, a sentence under a heading: the text's own.
    const interview = parseFixture(
      'https://news.example.com/a/5.html',
      '<p>作者：张三（北京大学国际关系学院教授、博士生导师）</p><h2>问答</h2><p>作者：这是我们的选择</p><h2>又问</h2><p>译者：这本书的翻译花了三年时间</p>',
    );
    expect(interview.byline).toBeNull();
    expect(brief(interview)).toEqual(['p:作者：张三（北京大学国际关系学院教授、博士生导师）', 'h:问答', 'p:作者：这是我们的选择', 'h:又问', 'p:译者：这本书的翻译花了三年时间']);
    const repost = parseFixture('https://news.example.com/a/4.html', '<p><strong>近代中美关系</strong></p><p>文/张鸣</p><p>正文。</p>');
    expect(repost.byline).toBe('张鸣');
    expect(brief(repost)).toEqual(['h:近代中美关系', 'p:正文。']);
  });

  it('drops share and follow prompts, bare addresses and end marks, not sentences about them', () => {
    const body = '<p>分享到：微信 微博</p><p>关注我们的推特</p><p>https://bit.ly/x</p><p>~END~</p><p>他说，分享到朋友圈的视频很快被删除。</p>';
    expect(brief(parse(body))).toEqual(['p:他说，分享到朋友圈的视频很快被删除。']);
  });

  it('takes a leading 文/ credit for the byline, only near the start', () => {
    const article = parseFixture('https://news.example.com/a/2.html', '<p>文/某某</p><p>正文。</p>');
    expect(article.byline).toBe('某某');
    expect(brief(article)).toEqual(['p:正文。']);
  });
});
