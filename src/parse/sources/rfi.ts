import { cleanText } from '../../text/clean-text';
import { textContent } from '../../dom/dom-adapter';
import { baseRules, parseAnyDate } from './common';
import { emptyMeta, type SourceRules } from './source-rules';

/** RFI (法广): a leading `<div>13/06/2022 - 01:58</div>`, Paris time. */
export const rfiRules: SourceRules = {
  ...baseRules,
  meta: (dom, root) => {
    const meta = emptyMeta<typeof root>();
    const first = dom.children(root).find((n) => dom.isElement(n));
    if (first && dom.tagName(first) === 'div') {
      const time = parseAnyDate(cleanText(textContent(dom, first)), 'rfi');
      if (time) {
        meta.publishedAt = time;
        meta.consumed.push(first);
      }
    }
    return meta;
  },
};
