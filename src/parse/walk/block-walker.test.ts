import { describe, expect, it } from 'vitest';
import { cheerioDom, parseHtml } from '../../dom/cheerio-adapter';
import { walkBlocks } from './block-walker';
import { toBlock } from './draft-block';

const blocks = (html: string, baseUrl: string | null = 'https://example.com/a/b.html') => walkBlocks(parseHtml(html), { dom: cheerioDom, baseUrl }).map(toBlock);

describe('walkBlocks', () => {
  it('makes a paragraph of each block element and flattens inline markup', () => {
    expect(blocks('<p>路透<b>北京</b> - <a href="x">消息</a></p><div>第二段</div>')).toEqual([
      { type: 'paragraph', text: '路透北京 - 消息' },
      { type: 'paragraph', text: '第二段' },
    ]);
  });
  it('reads headings, list items and block quotes', () => {
    expect(blocks('<h2>小标题</h2><ul><li><p>一</p></li><li>二 <b>三</b></li></ul><blockquote><p>引文</p></blockquote>')).toEqual([
      { type: 'heading', text: '小标题' },
      { type: 'paragraph', text: '一', style: 'list-item' },
      { type: 'paragraph', text: '二 三', style: 'list-item' },
      { type: 'paragraph', text: '引文', style: 'quote' },
    ]);
  });
  it('attaches a following <div><small> caption to its image', () => {
    expect(blocks('<img src="https://a/b.jpg" width="100%"><div><small style="color: #999;">说明文字</small></div><p>正文</p>')).toEqual([
      { type: 'image', src: 'https://a/b.jpg', caption: '说明文字' },
      { type: 'paragraph', text: '正文' },
    ]);
  });
  it('reads figures with figcaption and separates the credit', () => {
    expect(blocks('<figure>Image<img src="//cdn/x.jpg"><figcaption>台北。 <cite>Reuters</cite></figcaption></figure>')).toEqual([
      { type: 'image', src: 'https://cdn/x.jpg', caption: '台北。', credit: 'Reuters' },
    ]);
    expect(blocks('<figure><img src="https://cdn/x.jpg"><figcaption>会谈。Credit...Pool photo</figcaption></figure>')[0]).toMatchObject({ caption: '会谈。', credit: 'Pool photo' });
  });
  it('keeps the text of a figure that has no image, and its caption apart from any image before it', () => {
    expect(blocks('<img src="https://a/b.jpg"><figure><blockquote>引语</blockquote><figcaption>某人</figcaption></figure>')).toEqual([
      { type: 'image', src: 'https://a/b.jpg', caption: null },
      { type: 'paragraph', text: '引语', style: 'quote' },
      { type: 'paragraph', text: '某人', style: 'caption' },
    ]);
    // NYT: the picture is gone, its screen-reader label and captioned credit are left: the caption's words stay.
    expect(blocks('<figure role="group">Image<figcaption>浓烟。Credit...Getty Images</figcaption></figure>')).toEqual([{ type: 'paragraph', text: '浓烟。', style: 'caption' }]);
  });
  it('reads all of a figure: a second picture and a paragraph in it are not lost', () => {
    expect(blocks('<figure><img src="https://a/1.jpg"><img src="https://a/2.jpg"><p>图中文字段落</p><figcaption>两张图</figcaption></figure>')).toEqual([
      { type: 'image', src: 'https://a/1.jpg', caption: '两张图' },
      { type: 'image', src: 'https://a/2.jpg', caption: null },
      { type: 'paragraph', text: '图中文字段落' },
    ]);
  });
  it('reads no hidden text into a caption', () => {
    expect(blocks('<figure><img src="https://a/1.jpg"><figcaption>说明<span hidden>隐藏的字</span><span style="display:none">也隐藏</span>。</figcaption></figure>')).toEqual([
      { type: 'image', src: 'https://a/1.jpg', caption: '说明。' },
    ]);
  });
  it('reads a <small> as a caption only beside its image: not one the parser carried into a later paragraph', () => {
    expect(blocks('<p><img src="https://a/b.jpg"><small>说明</small></p><p><small>正文一段</small></p>')).toEqual([
      { type: 'image', src: 'https://a/b.jpg', caption: '说明' },
      { type: 'paragraph', text: '正文一段' },
    ]);
  });
  it('keeps a <small> that follows text as text', () => {
    expect(blocks('<p>甲<small>乙</small></p>')).toEqual([{ type: 'paragraph', text: '甲乙' }]);
  });
  it('splits paragraphs at <br><br> but not at a single <br>, nor at a newline in the source', () => {
    expect(blocks('<p>one<br />two<br /><br />三</p>')).toEqual([
      { type: 'paragraph', text: 'one two' },
      { type: 'paragraph', text: '三' },
    ]);
    expect(blocks('<p>一\n<br>\n二\n\n三</p>')).toEqual([{ type: 'paragraph', text: '一 二 三' }]);
    expect(blocks('<p>一<br>\n  <br>二</p>')).toEqual([
      { type: 'paragraph', text: '一' },
      { type: 'paragraph', text: '二' },
    ]);
  });
  it('never reads scripts, styles, forms, iframes, svg, hidden or custom elements', () => {
    const html =
      '<p>可见</p><script>alert(1)</script><style>p{}</style><iframe src="https://x">框</iframe><svg><text>图</text></svg>' +
      '<form><button>按钮</button></form><div hidden>藏</div><div aria-hidden="true">藏</div><div style="display:none">藏</div><share-button>分享</share-button>' +
      '<div hidden><img src="https://a/hidden.jpg"></div>';
    expect(blocks(html)).toEqual([{ type: 'paragraph', text: '可见' }]);
  });
  it('takes a lazy image from data-src, or from <noscript>, once', () => {
    expect(blocks('<noscript><img src="https://a/real.jpg"></noscript><img class="lazyload" src="data:image/svg+xml,x" data-src="https://a/real.jpg"><p class="wp-caption-text">说明</p>')).toEqual([
      { type: 'image', src: 'https://a/real.jpg', caption: '说明' },
    ]);
    expect(blocks('<img src="data:image/gif;base64,R0l">')).toEqual([]);
  });
  it('reads a single <br> as a space, between Chinese characters too: it breaks a line, it never glues two', () => {
    expect(blocks('<p>他引用诗句：<br>床前明月光<br>疑是地上霜</p>')).toEqual([{ type: 'paragraph', text: '他引用诗句： 床前明月光 疑是地上霜' }]);
  });
  it('drops relative images when there is no base URL', () => {
    expect(blocks('<img src="/a.jpg"><p>正文</p>', null)).toEqual([{ type: 'paragraph', text: '正文' }]);
  });
  it('drops punctuation debris', () => {
    expect(blocks('<p>.</p><p>正文。</p>')).toEqual([{ type: 'paragraph', text: '正文。' }]);
  });
  // cheerio's parse of such markup takes seconds; the walk itself takes a tenth of one.
  it('walks markup nested 100,000 levels deep without overflowing the stack', { timeout: 60_000 }, () => {
    for (const tag of ['div', 'b']) {
      const depth = 100_000;
      const html = `<${tag}>`.repeat(depth) + '深处的文字' + `</${tag}>`.repeat(depth) + '<p>之后</p>';
      expect(blocks(html).map((b) => (b.type === 'image' ? '' : b.text))).toEqual(['深处的文字', '之后']);
    }
  });
});
