import { type DomAdapter, elementChildren, textContent } from '../../dom/dom-adapter';
import type { DraftBlock } from '../walk/draft-block';
import { baseRules, dropParagraphs, italicPrelude } from './common';
import type { Finished, SourceRules } from './source-rules';

/** DW's own promotions and notes: Instagram, the press-review disclaimer, podcast subscriptions. */
const PROMO = /^(DW中文有\s*Instagram|摘编自其他媒体的内容|欢迎订阅德国之声|歡迎訂閱德國之聲|(Feed-URL|iTunes|Spotify|Apple Podcasts?)\s*[:：]?$)/i;
/** "李澄欣/张慈/邹宗翰 (路透社)": the writers' names at the end of 2020 articles. */
const NAME_LINE = /^[\p{Script=Han}·]{2,4}(?:\s*\/\s*[\p{Script=Han}·]{2,4})*\s*[（(][^（）()]{1,20}[）)]$/u;

/** The prelude's byline without its noise: "null 林双" (an empty field printed), "张慈 （综合报道）". */
export function cleanDwByline(byline: string | null): string | null {
  const clean = byline
    ?.replace(/^null\s+/, '')
    .replace(/\s*[（(]?\s*综合报[道导]\s*[）)]?\s*$/, '')
    .trim();
  return clean || null;
}

function finish<N>(blocks: DraftBlock<N>[], prelude: string | null): Finished<N> {
  let byline = cleanDwByline(prelude);
  const out = dropParagraphs(blocks, PROMO);
  const names = out.findLastIndex((b) => b.type === 'paragraph' && NAME_LINE.test(b.text.text));
  // Near the end: at most two blocks of text after it (a gallery's images after it do not count).
  const textAfter = out.slice(names + 1).filter((b) => b.type !== 'image').length;
  if (names >= 0 && textAfter <= 2 && out[names].type === 'paragraph') {
    byline ??= (out[names] as { text: { text: string } }).text.text;
    out.splice(names, 1);
  }
  return { blocks: out, byline };
}

/** A gallery item: one image, then its title and words in the same `<div>`, no figure markup. */
function isGalleryItem<N>(dom: DomAdapter<N>, node: N): boolean {
  if (dom.tagName(node) !== 'div') return false;
  const kids = elementChildren(dom, node);
  return kids.length > 0 && dom.tagName(kids[0]) === 'img' && kids.slice(1).every((k) => ['b', 'strong', 'i', 'em', 'span', 'br'].includes(dom.tagName(k))) && !!textContent(dom, node).trim();
}

/** Deutsche Welle (德国之声). */
export const dwRules: SourceRules = {
  ...baseRules,
  meta: (dom, root) => italicPrelude(dom, root, 'dw'),
  finish,
  isFigure: isGalleryItem,
};
