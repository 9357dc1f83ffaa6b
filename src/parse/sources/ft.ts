import { baseRules, dropParagraphs } from './common';
import type { SourceRules } from './source-rules';

/** The FT (FT中文网): its in-body app promotion is not the article. */
export const ftRules: SourceRules = {
  ...baseRules,
  finish: (blocks) => dropParagraphs(blocks, /^来自FT中文网的温馨提示/),
};
