import { describe, expect, it } from 'vitest';
import { brief, parseFixture } from './archive-fixture';

// Rules every source shares, on a site Pizhu has no rules of its own for.
const parse = (body: string) => parseFixture('https://news.example.com/a/1.html', body);

describe('common rules', () => {
  it('drops a "相关报道" heading with the links under it, and keeps the text after them', () => {
    const body = '<p>正文。</p><h3>相关报道</h3><p><a href="https://x/1">美国宣布新制裁</a></p><p><a href="https://x/2">中国回应</a></p><p>后文，<a href="https://x/3">带链接</a>的正文。</p>';
    expect(brief(parse(body))).toEqual(['p:正文。', 'p:后文，带链接的正文。']);
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
