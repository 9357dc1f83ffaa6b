import type { DraftBlock } from '../walk/draft-block';
import { BYLINE_CREDIT, RFA_CREDIT } from '../credits';
import { baseRules, dropParagraphs } from './common';
import type { Finished, SourceRules } from './source-rules';

/** Moves a closing credit line ("记者：… 责编：…") into the byline. */
export function creditToByline<N>(blocks: DraftBlock<N>[], byline: string | null): Finished<N> {
  const last = blocks.at(-1);
  if (last?.type === 'paragraph' && last.text.text.length <= 100 && (BYLINE_CREDIT.test(last.text.text) || RFA_CREDIT.test(last.text.text))) {
    return { blocks: blocks.slice(0, -1), byline: byline ?? last.text.text };
  }
  return { blocks, byline };
}

/** The label under an embedded video (a Facebook frame, never shown here): "视频【北漂族的辛酸】". */
const VIDEO_LABEL = /^视频【[^】]{1,60}】$/;

/** Radio Free Asia (自由亚洲电台). */
export const rfaRules: SourceRules = { ...baseRules, finish: (blocks, byline) => creditToByline(dropParagraphs(blocks, VIDEO_LABEL), byline) };
