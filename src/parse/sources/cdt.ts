import { findFirst, hasClass, textContent } from '../../dom/dom-adapter';
import { cleanText } from '../../text/clean-text';
import { parseLocalDate } from '../../time/parse-time';
import { baseRules } from './common';
import { emptyMeta, type SourceRules } from './source-rules';

/** China Digital Times (中国数字时代): author and date from the "档案卡" box, 作者 and 发表日期 lines. */
export const cdtRules: SourceRules = {
  ...baseRules,
  meta: (dom, root) => {
    const meta = emptyMeta<typeof root>();
    const card = findFirst(dom, root, (n) => hasClass(dom, n, 'su-spoiler-content'));
    if (!card) return meta;
    const text = textContent(dom, card);
    const author = /作者[:：]\s*([^\n]+?)(?=\s*(发表日期|来源|主题归类|CDS收藏|版权说明)[:：]|$)/.exec(text);
    const date = /发表日期[:：]\s*(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})/.exec(text);
    if (author) meta.byline = cleanText(author[1]);
    if (date) meta.publishedAt = parseLocalDate(`${date[1]}-${date[2]}-${date[3]}`, 'Asia/Shanghai');
    return meta;
  },
};
