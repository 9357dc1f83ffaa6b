import { type DomAdapter, findAll, findFirst, hasClass, textContent } from '../../dom/dom-adapter';
import { cleanText } from '../../text/clean-text';
import { parseLocalDate } from '../../time/parse-time';
import type { DraftBlock } from '../walk/draft-block';
import { baseRules } from './common';
import { emptyMeta, type SourceRules } from './source-rules';

/** Where a reposted WeChat article's own footer starts: its related reading, its END mark, its like-and-share plea. */
const WECHAT_TAIL = /^(本文关联阅读|本文關聯閱讀|往期推荐|往期推薦|最近三篇原创文章|[\\~\s]*END[\\~\s]*$|如果您喜欢我的文章|欢迎点赞)/i;

/** Everything from the repost's footer on is the original blog's furniture. */
export function dropWechatTail<N>(blocks: DraftBlock<N>[]): DraftBlock<N>[] {
  const tail = blocks.findIndex((b) => b.type !== 'image' && WECHAT_TAIL.test(b.text.text));
  return tail > 0 ? blocks.slice(0, tail) : blocks;
}

/** CDT's caption: a small grey block span under its image, inside the image's `<p>` or right after it; no caption markup. */
const CAPTION_STYLE = /font-size:\s*0\.8em/;

function cdtCaptions<N>(dom: DomAdapter<N>, root: N): N[] {
  return findAll(dom, root, (n) => dom.tagName(n) === 'span' && CAPTION_STYLE.test(dom.attr(n, 'style') ?? '') && cleanText(textContent(dom, n)).length <= 200);
}

/** China Digital Times (中国数字时代): author and date from the "档案卡" box, 作者 and 发表日期 lines; captions by their style. */
export const cdtRules: SourceRules = {
  ...baseRules,
  meta: (dom, root) => {
    const meta = emptyMeta<typeof root>();
    meta.captions = cdtCaptions(dom, root);
    const card = findFirst(dom, root, (n) => hasClass(dom, n, 'su-spoiler-content'));
    if (!card) return meta;
    const text = textContent(dom, card);
    const author = /作者[:：]\s*([^\n]+?)(?=\s*(发表日期|来源|主题归类|CDS收藏|版权说明)[:：]|$)/.exec(text);
    const date = /发表日期[:：]\s*(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})/.exec(text);
    if (author) meta.byline = cleanText(author[1]);
    if (date) meta.publishedAt = parseLocalDate(`${date[1]}-${date[2]}-${date[3]}`, 'Asia/Shanghai');
    return meta;
  },
  finish: (blocks, byline) => ({ blocks: dropWechatTail(blocks), byline }),
};
