import type { DraftBlock } from '../walk/draft-block';
import { BYLINE_CREDIT } from '../credits';
import { baseRules } from './common';
import type { SourceRules } from './source-rules';

/** RFA's closing credit in its other forms: "自由亚洲电台记者吕熙伦敦报道 责编：嘉远", "记者 陈妙玲 责编 胡力汉". */
const RFA_CREDIT = /^(?:自由亚洲电台|自由亞洲電台)?(?:记者|記者).{1,40}(?:责编|責編|网编|網編)/;

/** Moves a closing credit line ("记者：… 责编：…") into the byline. */
export function creditToByline<N>(blocks: DraftBlock<N>[], meta: { byline: string | null }): DraftBlock<N>[] {
  const last = blocks.at(-1);
  if (last?.type === 'paragraph' && last.text.text.length <= 100 && (BYLINE_CREDIT.test(last.text.text) || RFA_CREDIT.test(last.text.text))) {
    meta.byline ??= last.text.text;
    return blocks.slice(0, -1);
  }
  return blocks;
}

/** Radio Free Asia (自由亚洲电台). */
export const rfaRules: SourceRules = { ...baseRules, finish: creditToByline };
