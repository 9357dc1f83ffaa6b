import type { ArticleSource, Source } from '../../model/article';
import { type DomAdapter, findFirst, textContent } from '../../dom/dom-adapter';
import { cleanText } from '../../text/clean-text';
import { parseLocalDate, parseZonedDate } from '../../time/parse-time';
import type { DraftBlock } from '../walk/draft-block';
import { emptyMeta, type Finished, type SourceMeta, type SourceRules } from './source-rules';
import { HEADING_CREDIT, WRITER_CREDIT } from '../credits';
import { TreeText } from '../tree-text';

/** Where the sources that write wall-clock times without a zone publish from. */
const SOURCE_TIME_ZONE: Partial<Record<Source, string>> = {
  nyt: 'Asia/Shanghai',
  cdt: 'Asia/Shanghai',
  bbc: 'UTC',
  rfi: 'Europe/Paris',
};

export function parseAnyDate(text: string, source: ArticleSource): string | null {
  return parseZonedDate(text) ?? parseLocalDate(text, SOURCE_TIME_ZONE[source as Source] ?? 'UTC');
}

/**
 * Skipped for every source: the archive feed's footer, ad slots, share bars, lists made only of links.
 * `tree` answers the text questions, each element's once per parse (a chain of wrappers asks the same).
 */
export function commonSkip<N>(dom: DomAdapter<N>, node: N, tree: TreeText<N> = new TreeText(dom)): boolean {
  const tag = dom.tagName(node);
  if (dom.hasAttributes(node) && skippedByAttributes(dom, node, tag)) return true;
  if (tag === 'ul' || tag === 'ol') return isLinkList(dom, node, tree);
  if (tag !== 'p' && tag !== 'div') return false;
  // Each rule below looks at the element's first words first: found once.
  const words = tree.firstWords(node);
  if (tag === 'div' && /^获取更多RSS/.test(words)) return true;
  if (tag === 'div' && /^分享/.test(words) && /^\s*分享\s*[:：]\s*$/.test(tree.text(node))) return true;
  return isRelatedLink(tree, node, words);
}

/** Ad slots, share bars and the like, told by their attributes. */
function skippedByAttributes<N>(dom: DomAdapter<N>, node: N, tag: string): boolean {
  if (dom.attr(node, 'data-o-ads-name') !== null || dom.attr(node, 'data-e2e') === 'advertisement') return true;
  if (dom.attr(node, 'data-root-share') !== null || /(^|\s)(addtoany|a2a_kit|su-spoiler)/.test(dom.attr(node, 'class') ?? '')) return true;
  if (dom.attr(node, 'id') === 'zoomattribute') return true;
  return tag === 'section' && /广告|advert/i.test(dom.attr(node, 'aria-label') ?? '');
}

const RELATED_PREFIX = /^(相关报道|相关阅读|相關報導|相關閱讀|延伸阅读|延伸閱讀|相关新闻|相關新聞|推荐阅读)\s*[:：]/;

/** "相关报道：…" as a paragraph that is nothing but its link (DW, VOA). */
function isRelatedLink<N>(tree: TreeText<N>, node: N, firstWords: string): boolean {
  if (!RELATED_PREFIX.test(firstWords)) return false;
  const text = cleanText(tree.text(node));
  if (!RELATED_PREFIX.test(text)) return false;
  // Only the prefix goes: a linked title may have a colon of its own ("…祝贺拜登与哈里斯：跨大西洋关系…").
  const linked = cleanText(tree.linkedText(node)).replace(RELATED_PREFIX, '').trim();
  return linked.length >= text.replace(RELATED_PREFIX, '').trim().length * 0.8;
}

/**
 * "Related stories" lists: every item's text is link text. Letters are counted a text node at a time
 * (TreeText), so that a list nested in a list nested 100,000 deep is read once, not once per level.
 */
export function isLinkList<N>(dom: DomAdapter<N>, list: N, tree: TreeText<N> = new TreeText(dom)): boolean {
  return tree.isLinkList(list);
}

/** The first element or non-blank text at the top of the body. */
export function firstChild<N>(dom: DomAdapter<N>, root: N): N | undefined {
  return dom.children(root).find((n) => dom.isElement(n) || (dom.isText(n) && dom.textData(n).trim()));
}

/** The archive's `<div><i>time</i></div>` prelude (Reuters, VOA, DW, older NYT: "author<br>time"). */
export function italicPrelude<N>(dom: DomAdapter<N>, root: N, source: ArticleSource): SourceMeta<N> {
  const meta = emptyMeta<N>();
  const first = firstChild(dom, root);
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

/** Several readings of the metadata; the first that found each field wins. */
export function mergeMeta<N>(...metas: SourceMeta<N>[]): SourceMeta<N> {
  return {
    publishedAt: metas.find((m) => m.publishedAt)?.publishedAt ?? null,
    byline: metas.find((m) => m.byline)?.byline ?? null,
    consumed: metas.flatMap((m) => m.consumed),
    captions: metas.flatMap((m) => m.captions ?? []),
    twelveHourClock: metas.some((m) => m.twelveHourClock),
    beforeArchive: metas.find((m) => m.beforeArchive !== undefined)?.beforeArchive,
  };
}

/**
 * The publication time, settled against the archive time: a 12-hour reading takes the half day
 * that is not after the archive and closest to it; a relative one counts back from the archive.
 */
export function settleTime(meta: Pick<SourceMeta<unknown>, 'publishedAt' | 'twelveHourClock' | 'beforeArchive'>, archivedAt: string | null): string | null {
  const archived = archivedAt ? Date.parse(archivedAt) : NaN;
  if (Number.isNaN(archived)) return meta.publishedAt;
  if (meta.beforeArchive !== undefined) return new Date(archived - meta.beforeArchive).toISOString();
  if (!meta.publishedAt || !meta.twelveHourClock) return meta.publishedAt;
  const read = Date.parse(meta.publishedAt);
  const later = read + 12 * 3600_000;
  return later <= archived ? new Date(later).toISOString() : meta.publishedAt;
}

/** "A, B, A" names A once: some NYT files list every author twice. */
export function dedupeByline(byline: string | null): string | null {
  if (!byline) return byline;
  const names = byline.split(/\s*[,，、]\s*/).filter(Boolean);
  const unique = names.filter((name, i) => names.findIndex((n) => n.toLowerCase() === name.toLowerCase()) === i);
  return unique.length === names.length ? byline : unique.join(', ');
}

/** Drops the paragraphs and headings whose text matches (furniture set in bold reads as a heading). */
export function dropParagraphs<N>(blocks: DraftBlock<N>[], pattern: RegExp): DraftBlock<N>[] {
  return blocks.filter((b) => b.type === 'image' || !pattern.test(b.text.text));
}

/** A heading that only announces links: the links are skipped, so it would stand alone. */
const RELATED_HEADING = /^(相关报道|相关新闻|相关阅读|延伸阅读|推荐阅读|相关链接|相关图集|More on this story|Related( stories| coverage)?)\s*[:：]?$/i;
/** A copyright line ("© 2020 AFP", "© 2021年德国之声版权声明…"), not "(c) 禁止…" or "版权所有者表示…". */
const COPYRIGHT = /^(?:(?:©|\(c\))\s*(?:\d{4}|[A-Z])|版权所有\s*[©:：(（])/i;
/** An end mark on a line of its own: "~. Fin .~", "~END~". */
const END_MARK = /^[\\~.\s]*(Fin|END)[\\~.\s]*$/i;
/** Share and follow prompts: "分享到：微信 微博", "关注我们的推特". */
const SHARE_PROMPT = /^(?:分享到|分享至|分享[:：]|關注我們|关注我们|Follow us|Share (?:this|on))/i;
/** A paragraph that is only a web address: a link whose words are gone. */
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;

/**
 * What every source's blocks go through after its own rules: page furniture that the walk cannot
 * tell by markup alone, and the credit lines heading the text, the writer's of which is the byline.
 */
export function commonFinish<N>(blocks: DraftBlock<N>[], byline: string | null): Finished<N> {
  // The links a "相关报道" heading announces go with it.
  let underRelated = false;
  const out = blocks.filter((block) => {
    if (block.type !== 'image' && RELATED_HEADING.test(block.text.text)) {
      underRelated = true;
      return false;
    }
    if (underRelated && block.type === 'paragraph' && block.linkOnly) return false;
    underRelated = false;
    if (block.type === 'image') return true;
    const text = block.text.text;
    return !(COPYRIGHT.test(text) && text.length <= 200) && !END_MARK.test(text) && !BARE_URL.test(text) && !(SHARE_PROMPT.test(text) && text.length <= 60);
  });
  return withoutHeadingCredits(out, byline);
}

/**
 * Credit lines that open the article or stand under a heading ("文/六神磊磊" first; "文/张鸣" under a
 * repost's own title; "文/…", "译/…", "节选自/…" one after another under an excerpt's), bold ones read
 * as headings too: the writer's is the byline where there is none yet, and none of them is the text.
 */
function withoutHeadingCredits<N>(blocks: DraftBlock<N>[], byline: string | null): Finished<N> {
  // The article's start stands under its title; an image between a heading and its credit changes nothing.
  let afterHeading = true;
  const out = blocks.filter((block) => {
    if (block.type === 'image') return true;
    if (afterHeading && HEADING_CREDIT.test(block.text.text)) {
      byline ??= WRITER_CREDIT.exec(block.text.text)?.[1] ?? null;
      return false;
    }
    afterHeading = block.type === 'heading';
    return true;
  });
  return { blocks: out, byline };
}

/** The rules of a site Pizhu has no special knowledge of; each source starts from these. */
export const baseRules: SourceRules = {
  skip: commonSkip,
  meta: (dom, root) => italicPrelude(dom, root, 'other'),
  finish: (blocks, byline) => ({ blocks, byline }),
  title: (title) => title,
};
