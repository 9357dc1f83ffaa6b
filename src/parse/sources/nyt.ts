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

/**
 * The end matter of the older layout, glued into the last paragraphs with `<br>`: bios with
 * "翻译：…", contributor lines, the link to the English edition; and the briefings' subscription lines.
 */
const FOOTER = /翻译[:：]|點擊查看本文英文版|点击查看本文英文版|对本文有(报道|研究)?贡献|對本文有(報導|研究)?貢獻/;
/** Subscription lines, wherever the briefing puts them. */
const PROMO = /感谢阅读今天的简报|点击此处订阅|點擊此處訂閱/;

function finish<N>(blocks: DraftBlock<N>[]): DraftBlock<N>[] {
  const out = blocks.filter((b, i) => b.type === 'image' || !(PROMO.test(b.text.text) || (i >= blocks.length - 6 && FOOTER.test(b.text.text))));
  // Briefing bullets: "• " is a list item's mark, not its words.
  return out.map((b) => {
    if (b.type !== 'paragraph') return b;
    const bullet = /^[•·]\s*/.exec(b.text.text);
    return bullet ? { ...b, text: sliceMapped(b.text, bullet[0].length, b.text.text.length), style: 'list-item' } : b;
  });
}

/** The New York Times (纽约时报中文网): `<address>` and `<time>`, or the older italic prelude. */
export const nytRules: SourceRules = {
  ...baseRules,
  meta: (dom, root) => mergeMeta(timeAndAuthor(dom, root, 'nyt'), italicPrelude(dom, root, 'nyt')),
  finish,
};
