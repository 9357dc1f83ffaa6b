import { baseRules, dropParagraphs, italicPrelude } from './common';
import type { SourceRules } from './source-rules';

/** Deutsche Welle (德国之声): the closing "© 2021 Deutsche Welle" line is not the article. */
export const dwRules: SourceRules = {
  ...baseRules,
  meta: (dom, root) => italicPrelude(dom, root, 'dw'),
  finish: (blocks) => dropParagraphs(blocks, /^©/),
};
