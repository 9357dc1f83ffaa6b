import { cutMapped } from '../../text/mapped-text';
import type { DraftBlock } from '../walk/draft-block';
import { baseRules, commonSkip, italicPrelude } from './common';
import { applyReutersMarkup } from './reuters-markup';
import { isReutersNoise } from './reuters-noise';
import type { SourceRules } from './source-rules';

/** A chart's short link left where the chart was: "tmsnrt.rs/3jqxOUJ". */
const CHART_LINK = /^(?:https?:\/\/)?(?:tmsnrt|reut)\.rs\/\S+$/i;
/** Eikon cross-references: story codes "[nL4S2T02LD]" and page codes "[O/R]", "[GOL/]". */
const EIKON_CODE = /\s*\[(?:n[A-Z0-9]{8,12}|[A-Z0-9]{1,6}\/[A-Z0-9]{0,6})\]/g;
/** The end of a Reuters story. */
const END_MARK = /[（(]完[）)]\s*$/;

/** Codes cut from the text; chart links and what follows the end mark ("请点击链接 here") dropped. */
export function dropReutersResidue<N>(blocks: DraftBlock<N>[]): DraftBlock<N>[] {
  const out: DraftBlock<N>[] = [];
  for (const block of blocks) {
    if (block.type === 'image') {
      out.push(block);
      continue;
    }
    // Every code is in brackets: most paragraphs have none, and the pattern's leading \s* would be tried at each of their characters.
    const cuts = block.text.text.includes('[') ? [...block.text.text.matchAll(EIKON_CODE)].map((m): [number, number] => [m.index, m.index + m[0].length]) : [];
    const text = cutMapped(block.text, cuts);
    if (!text.text || CHART_LINK.test(text.text)) continue;
    out.push({ ...block, text });
  }
  // After "（完）" a story has nothing more to say: a link prompt there has lost its link.
  const end = out.findLastIndex((b) => b.type !== 'image' && END_MARK.test(b.text.text));
  return end >= 0 ? out.filter((b, i) => i <= end || b.type === 'image' || !/点击|請點擊|click/i.test(b.text.text)) : out;
}

/** Reuters (路透中文网): `<div><i>ISO time</i></div>`, Markdown-marked headings and list items. */
export const reutersRules: SourceRules = {
  ...baseRules,
  skip: (dom, node, tree) => commonSkip(dom, node, tree) || isReutersNoise(dom, node),
  meta: (dom, root) => italicPrelude(dom, root, 'reuters'),
  finish: (blocks, byline) => ({ blocks: applyReutersMarkup(dropReutersResidue(blocks)), byline }),
};
