import { type DomAdapter, findFirst, textContent } from '../../dom/dom-adapter';
import { cleanText } from '../../text/clean-text';
import { baseRules, italicPrelude, mergeMeta, parseAnyDate } from './common';
import { emptyMeta, type SourceMeta, type SourceRules } from './source-rules';

/** `<time datetime|pudate>` (NYT, BBC) and NYT's `<address>` byline. */
export function timeAndAuthor<N>(dom: DomAdapter<N>, root: N, source: 'nyt' | 'bbc'): SourceMeta<N> {
  const meta = emptyMeta<N>();
  const time = findFirst(dom, root, (n) => dom.tagName(n) === 'time');
  if (time) {
    const stamp = dom.attr(time, 'pudate') ?? dom.attr(time, 'datetime') ?? textContent(dom, time);
    meta.publishedAt = parseAnyDate(stamp, source);
    meta.consumed.push(time);
  }
  const address = findFirst(dom, root, (n) => dom.tagName(n) === 'address');
  if (address) {
    meta.byline = cleanText(textContent(dom, address)) || null;
    meta.consumed.push(address);
  }
  return meta;
}

/** The New York Times (纽约时报中文网): `<address>` and `<time>`, or the older italic prelude. */
export const nytRules: SourceRules = {
  ...baseRules,
  meta: (dom, root) => mergeMeta(timeAndAuthor(dom, root, 'nyt'), italicPrelude(dom, root, 'nyt')),
};
