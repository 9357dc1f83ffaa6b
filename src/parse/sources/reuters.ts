import { baseRules, italicPrelude } from './common';
import { applyReutersMarkup } from './reuters-markup';
import type { SourceRules } from './source-rules';

/** Reuters (路透中文网): `<div><i>ISO time</i></div>`, Markdown-marked headings and list items. */
export const reutersRules: SourceRules = {
  ...baseRules,
  meta: (dom, root) => italicPrelude(dom, root, 'reuters'),
  finish: (blocks) => applyReutersMarkup(blocks),
};
