import type { DraftBlock } from '../walk/draft-block';
import { BYLINE_CREDIT, RFA_CREDIT } from '../credits';
import { baseRules } from './common';
import type { Finished, SourceRules } from './source-rules';

/** Moves a closing credit line ("记者：… 责编：…") into the byline. */
export function creditToByline<N>(blocks: DraftBlock<N>[], byline: string | null): Finished<N> {
  const last = blocks.at(-1);
  if (last?.type === 'paragraph' && last.text.text.length <= 100 && (BYLINE_CREDIT.test(last.text.text) || RFA_CREDIT.test(last.text.text))) {
    return { blocks: blocks.slice(0, -1), byline: byline ?? last.text.text };
  }
  return { blocks, byline };
}

/** Radio Free Asia (自由亚洲电台). */
export const rfaRules: SourceRules = { ...baseRules, finish: creditToByline };
