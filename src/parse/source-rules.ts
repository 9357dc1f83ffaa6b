import type { ArticleSource, Block, Source } from '../model/article';
import { type DomAdapter, findAll, findFirst, hasClass, textContent } from '../dom/dom-adapter';
import { cleanText } from '../text/clean-text';
import { parseLocalDate, parseZonedDate } from '../time/parse-time';
import { applyReutersMarkup } from './reuters-markup';

/** What a source's body says about itself, read before the walk; `consumed` nodes are not walked. */
export interface SourceMeta<N> {
  publishedAt: string | null;
  byline: string | null;
  consumed: N[];
  /** Elements to read as the caption of the image before them. */
  captions?: N[];
}

export interface SourceRules {
  /** Noise the walk does not enter: adverts, share bars, promos, related-link lists. */
  skip<N>(dom: DomAdapter<N>, node: N): boolean;
  /** Publication time and byline, from the source's own markup. */
  meta<N>(dom: DomAdapter<N>, root: N): SourceMeta<N>;
  /** Per-source clean-up of the walked blocks; may move a credit line into the byline. */
  finish(blocks: Block[], meta: { byline: string | null }): Block[];
}

/** Where the sources that write wall-clock times without a zone publish from. */
const SOURCE_TIME_ZONE: Partial<Record<Source, string>> = {
  nyt: 'Asia/Shanghai',
  cdt: 'Asia/Shanghai',
  bbc: 'UTC',
  rfi: 'Europe/Paris',
};

function parseAnyDate(text: string, source: ArticleSource): string | null {
  return parseZonedDate(text) ?? parseLocalDate(text, SOURCE_TIME_ZONE[source as Source] ?? 'UTC');
}

/** Skipped by every source: the archive feed's footer, ad slots, lists made only of links. */
function commonSkip<N>(dom: DomAdapter<N>, node: N): boolean {
  const tag = dom.tagName(node);
  if (dom.attr(node, 'data-o-ads-name') !== null || dom.attr(node, 'data-e2e') === 'advertisement') return true;
  if (dom.attr(node, 'data-root-share') !== null || /(^|\s)(addtoany|a2a_kit|su-spoiler)/.test(dom.attr(node, 'class') ?? '')) return true;
  if (dom.attr(node, 'id') === 'zoomattribute') return true;
  if (tag === 'section' && /广告|advert/i.test(dom.attr(node, 'aria-label') ?? '')) return true;
  if (tag === 'div' && /^\s*获取更多RSS/.test(textContent(dom, node))) return true;
  if (tag === 'div' && /^\s*分享\s*[:：]\s*$/.test(textContent(dom, node))) return true;
  if ((tag === 'ul' || tag === 'ol') && isLinkList(dom, node)) return true;
  return false;
}

/** "Related stories" lists: every item's text is link text. */
function isLinkList<N>(dom: DomAdapter<N>, list: N): boolean {
  const items = findAll(dom, list, (n) => dom.tagName(n) === 'li');
  if (!items.length) return false;
  return items.every((li) => {
    const all = cleanText(textContent(dom, li));
    const linked = findAll(dom, li, (n) => dom.tagName(n) === 'a').map((a) => cleanText(textContent(dom, a))).join('');
    return all.length > 0 && linked.replace(/\s/g, '').length >= all.replace(/\s/g, '').length;
  });
}

/** The archive's `<div><i>time</i></div>` prelude (Reuters, VOA, DW, older NYT: "author<br>time"). */
function italicPrelude<N>(dom: DomAdapter<N>, root: N, source: ArticleSource): SourceMeta<N> {
  const meta: SourceMeta<N> = { publishedAt: null, byline: null, consumed: [] };
  const first = dom.children(root).find((n) => dom.isElement(n) || (dom.isText(n) && dom.textData(n).trim()));
  if (!first || !dom.isElement(first) || dom.tagName(first) !== 'div') return meta;
  const italic = findFirst(dom, first, (n) => dom.tagName(n) === 'i');
  if (!italic || cleanText(textContent(dom, first)) !== cleanText(textContent(dom, italic))) return meta;
  const lines: string[] = [''];
  for (const child of dom.children(italic)) {
    if (dom.isElement(child) && dom.tagName(child) === 'br') lines.push('');
    else lines[lines.length - 1] += textContent(dom, child);
  }
  for (const line of lines.map(cleanText).filter(Boolean)) {
    const time = parseAnyDate(line, source);
    if (time && !meta.publishedAt) meta.publishedAt = time;
    else if (!time && !meta.byline) meta.byline = line;
  }
  if (meta.publishedAt || meta.byline) meta.consumed.push(first);
  return meta;
}

/** A leading `<div>13/06/2022 - 01:58</div>` (RFI). */
function plainDatePrelude<N>(dom: DomAdapter<N>, root: N, source: ArticleSource): SourceMeta<N> {
  const meta: SourceMeta<N> = { publishedAt: null, byline: null, consumed: [] };
  const first = dom.children(root).find((n) => dom.isElement(n));
  if (first && dom.tagName(first) === 'div') {
    const time = parseAnyDate(cleanText(textContent(dom, first)), source);
    if (time) {
      meta.publishedAt = time;
      meta.consumed.push(first);
    }
  }
  return meta;
}

function merge<N>(...metas: SourceMeta<N>[]): SourceMeta<N> {
  return {
    publishedAt: metas.find((m) => m.publishedAt)?.publishedAt ?? null,
    byline: metas.find((m) => m.byline)?.byline ?? null,
    consumed: metas.flatMap((m) => m.consumed),
    captions: metas.flatMap((m) => m.captions ?? []),
  };
}

/** `<time datetime|pudate>` (NYT, BBC) and `<address>` (NYT) or BBC's author list. */
function timeAndAuthor<N>(dom: DomAdapter<N>, root: N, source: ArticleSource): SourceMeta<N> {
  const meta: SourceMeta<N> = { publishedAt: null, byline: null, consumed: [] };
  const time = findFirst(dom, root, (n) => dom.tagName(n) === 'time');
  if (time) {
    const stamp = dom.attr(time, 'pudate') ?? dom.attr(time, 'datetime') ?? textContent(dom, time);
    meta.publishedAt = parseAnyDate(stamp, source);
    meta.consumed.push(time);
  }
  const address = findFirst(dom, root, (n) => dom.tagName(n) === 'address');
  if (address) {
    meta.byline = cleanText(textContent(dom, address)) || null;
    meta.consumed.push(address);
  }
  return meta;
}

/** BBC names its authors in the first list of the page, before the time: "李澄欣 / BBC中文记者". */
function bbcAuthors<N>(dom: DomAdapter<N>, root: N): SourceMeta<N> {
  const meta: SourceMeta<N> = { publishedAt: null, byline: null, consumed: [] };
  const list = findFirst(dom, root, (n) => dom.tagName(n) === 'ul' || dom.tagName(n) === 'time' || dom.tagName(n) === 'p');
  if (list && dom.tagName(list) === 'ul' && !isLinkList(dom, list)) {
    const names = findAll(dom, list, (n) => dom.tagName(n) === 'li').map((li) => cleanText(textContent(dom, li))).filter(Boolean);
    if (names.length && names.join('').length < 80) {
      meta.byline = names.join('，');
      meta.consumed.push(list);
    }
  }
  return meta;
}

/**
 * BBC's figure: a wrapper holding [the image and its credit line] then [one short <p>], with no
 * caption markup; that <p> is the caption, not a paragraph of the story.
 */
function bbcCaptions<N>(dom: DomAdapter<N>, root: N): SourceMeta<N> {
  const captions: N[] = [];
  const isImg = (n: N) => dom.tagName(n) === 'img';
  for (const wrapper of findAll(dom, root, (n) => dom.tagName(n) === 'div')) {
    const kids = dom.children(wrapper).filter((n) => dom.isElement(n));
    if (kids.length !== 2) continue;
    const [media, text] = kids;
    if (!(isImg(media) || findFirst(dom, media, isImg)) || findFirst(dom, text, isImg)) continue;
    const credit = findAll(dom, media, (n) => dom.attr(n, 'role') === 'text').map((n) => textContent(dom, n)).join('');
    if (cleanText(textContent(dom, media)) !== cleanText(credit)) continue;
    const paragraphs = findAll(dom, text, (n) => dom.tagName(n) === 'p');
    if (paragraphs.length === 1 && cleanText(textContent(dom, text)).length <= 200) captions.push(text);
  }
  return { publishedAt: null, byline: null, consumed: [], captions };
}

/** China Digital Times' "档案卡" box: 作者 and 发表日期 lines. */
function cdtCard<N>(dom: DomAdapter<N>, root: N): SourceMeta<N> {
  const meta: SourceMeta<N> = { publishedAt: null, byline: null, consumed: [] };
  const card = findFirst(dom, root, (n) => hasClass(dom, n, 'su-spoiler-content'));
  if (!card) return meta;
  const text = textContent(dom, card);
  const author = /作者[:：]\s*([^\n]+?)(?=\s*(发表日期|来源|主题归类|CDS收藏|版权说明)[:：]|$)/.exec(text);
  const date = /发表日期[:：]\s*(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})/.exec(text);
  if (author) meta.byline = cleanText(author[1]);
  if (date) meta.publishedAt = parseLocalDate(`${date[1]}-${date[2]}-${date[3]}`, 'Asia/Shanghai');
  return meta;
}

const CREDIT_LINE = /^(记者|記者)[:：]/;
const COPYRIGHT_LINE = /^©/;

/** Moves a closing credit line ("记者：… 责编：…") into the byline. */
function creditToByline(blocks: Block[], meta: { byline: string | null }): Block[] {
  const last = blocks.length - 1;
  const block = blocks[last];
  if (block?.type === 'paragraph' && CREDIT_LINE.test(block.text) && block.text.length < 80) {
    meta.byline ??= block.text;
    return blocks.slice(0, last);
  }
  return blocks;
}

/** VOA's dateline ("华盛顿 — ") stands as bare text before the first paragraph: it belongs to it. */
function joinDateline(blocks: Block[]): Block[] {
  const i = blocks.findIndex((b) => b.type !== 'image');
  const [first, second] = [blocks[i], blocks[i + 1]];
  if (first?.type === 'paragraph' && second?.type === 'paragraph' && first.text.length <= 20 && /[—–-]$/.test(first.text)) {
    return [...blocks.slice(0, i), { ...second, text: `${first.text} ${second.text}` }, ...blocks.slice(i + 2)];
  }
  return blocks;
}

const dropCopyright = (blocks: Block[]) => blocks.filter((b) => !(b.type === 'paragraph' && COPYRIGHT_LINE.test(b.text)));

/** FT's in-body app promotion: not the article. */
const dropFtPromo = (blocks: Block[]) => blocks.filter((b) => !(b.type === 'paragraph' && /^来自FT中文网的温馨提示/.test(b.text)));

const baseRules: SourceRules = {
  skip: commonSkip,
  meta: (dom, root) => italicPrelude(dom, root, 'other'),
  finish: (blocks) => blocks,
};

export const SOURCE_RULES: Record<ArticleSource, SourceRules> = {
  other: baseRules,
  reuters: { ...baseRules, meta: (dom, root) => italicPrelude(dom, root, 'reuters'), finish: (blocks) => applyReutersMarkup(blocks) },
  voa: { ...baseRules, meta: (dom, root) => italicPrelude(dom, root, 'voa'), finish: joinDateline },
  dw: { ...baseRules, meta: (dom, root) => italicPrelude(dom, root, 'dw'), finish: dropCopyright },
  nyt: { ...baseRules, meta: (dom, root) => merge(timeAndAuthor(dom, root, 'nyt'), italicPrelude(dom, root, 'nyt')) },
  bbc: { ...baseRules, meta: (dom, root) => merge(timeAndAuthor(dom, root, 'bbc'), bbcAuthors(dom, root), bbcCaptions(dom, root)) },
  rfi: { ...baseRules, meta: (dom, root) => plainDatePrelude(dom, root, 'rfi') },
  ft: { ...baseRules, finish: dropFtPromo },
  rfa: { ...baseRules, finish: creditToByline },
  cdt: { ...baseRules, meta: (dom, root) => cdtCard(dom, root) },
};
