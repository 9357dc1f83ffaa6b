import { type DomAdapter, findFirst, textContent } from '../../dom/dom-adapter';
import { cleanText } from '../../text/clean-text';
import { sliceMapped } from '../../text/mapped-text';
import type { DraftBlock } from '../walk/draft-block';
import { baseRules, italicPrelude, mergeMeta, parseAnyDate } from './common';
import { emptyMeta, type SourceMeta, type SourceRules } from './source-rules';

/** `<time datetime|pudate>` (NYT, BBC) and NYT's `<address>` byline. */
export function timeAndAuthor<N>(dom: DomAdapter<N>, root: N, source: 'nyt' | 'bbc'): SourceMeta<N> {
  const meta = emptyMeta<N>();
  const time = findFirst(dom, root, (n) => dom.tagName(n) === 'time');
  if (time) {
    const pudate = dom.attr(time, 'pudate');
    const stamp = pudate ?? dom.attr(time, 'datetime') ?? textContent(dom, time);
    meta.publishedAt = parseAnyDate(stamp, source);
    // NYT's pudate is "hh" without AM/PM: 01:02 may be 13:02 (the archive time tells which).
    // twelveHourClock: publishedAt holds the morning reading (12:xx read as 00:xx).
    const hour = pudate ? /\s(\d{1,2}):/.exec(pudate)?.[1] : undefined;
    if (hour !== undefined && +hour <= 12 && meta.publishedAt) {
      meta.twelveHourClock = true;
      if (+hour === 12) meta.publishedAt = new Date(Date.parse(meta.publishedAt) - 12 * 3600_000).toISOString();
    }
    // The day the page shows ("2022年8月17日") where NYT's pudate (written "2022-08-24 04:00:50", Beijing
    // time, as the day shown) is of another day: the pudate is a later update's, a week on in the archive.
    const shown = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(textContent(dom, time));
    const day = shown && `${shown[1]}-${shown[2]!.padStart(2, '0')}-${shown[3]!.padStart(2, '0')}`;
    if (pudate && day && !pudate.includes(day)) {
      meta.publishedAt = parseAnyDate(day, source);
      meta.twelveHourClock = false;
    }
    // BBC: "19 分钟前", "1 小时前" as the feed saw the page.
    const ago = /(\d+)\s*(分钟|小時|小时|分鐘)前/.exec(textContent(dom, time));
    if (ago) meta.beforeArchive = +ago[1] * (ago[2].startsWith('分') ? 60_000 : 3600_000);
    meta.consumed.push(time);
  }
  const address = findFirst(dom, root, (n) => dom.tagName(n) === 'address');
  if (address) {
    meta.byline = cleanText(textContent(dom, address)) || null;
    meta.consumed.push(address);
  }
  return meta;
}

/** The briefings' subscription lines. */
const PROMO = /^[（(]?(?:感谢阅读今天的简报|欢迎点击此处订阅|歡迎點擊此處訂閱)/;
/**
 * The older layout's end matter, glued to the last paragraph with `<br>` (read as spaces): the
 * translator and the link to the English edition. Cut from where it starts; what stands before it stays.
 */
const END_MATTER = /(?:^|\s)(?:翻译|翻譯)[:：]\s*\S[^。]{0,30}(?:\s+(?:点击|點擊)查看本文英文版。?)?$|(?:^|\s)(?:点击|點擊)查看本文英文版。?$/;
/** A paragraph that only credits contributors: "…自都柏林对本文有报道贡献。". */
const CONTRIBUTORS = /对本文有(?:报道|研究)?贡献。?$|對本文有(?:報導|研究)?貢獻。?$/;

function finish<N>(blocks: DraftBlock<N>[]): DraftBlock<N>[] {
  const out: DraftBlock<N>[] = [];
  blocks.forEach((block, i) => {
    if (block.type === 'image') {
      out.push(block);
      return;
    }
    if (PROMO.test(block.text.text)) return;
    let text = block.text;
    if (i >= blocks.length - 6) {
      const end = END_MATTER.exec(text.text);
      if (end) text = sliceMapped(text, 0, end.index);
      if (!text.text.trim() || (CONTRIBUTORS.test(text.text) && text.text.length <= 300)) return;
    }
    // Briefing bullets: "• " is a list item's mark, not its words.
    const bullet = block.type === 'paragraph' ? /^[•·]\s*/.exec(text.text) : null;
    out.push(bullet ? { type: 'paragraph', text: sliceMapped(text, bullet[0].length, text.text.length), style: 'list-item' } : { ...block, text });
  });
  return out;
}

/** The New York Times (纽约时报中文网): `<address>` and `<time>`, or the older italic prelude. */
export const nytRules: SourceRules = {
  ...baseRules,
  meta: (dom, root) => mergeMeta(timeAndAuthor(dom, root, 'nyt'), italicPrelude(dom, root, 'nyt')),
  finish: (blocks, byline) => ({ blocks: finish(blocks), byline }),
};
