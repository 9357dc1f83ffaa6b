import { type DomAdapter, findAll, findFirst, textContent } from '../../dom/dom-adapter';
import { cleanText } from '../../text/clean-text';
import { baseRules, isLinkList, mergeMeta } from './common';
import { timeAndAuthor } from './nyt';
import { emptyMeta, type SourceMeta, type SourceRules } from './source-rules';

/** BBC names its authors in the first list of the page, before the time: "李澄欣 / BBC中文记者". */
function bbcAuthors<N>(dom: DomAdapter<N>, root: N): SourceMeta<N> {
  const meta = emptyMeta<N>();
  const list = findFirst(dom, root, (n) => dom.tagName(n) === 'ul' || dom.tagName(n) === 'time' || dom.tagName(n) === 'p');
  if (list && dom.tagName(list) === 'ul' && !isLinkList(dom, list)) {
    const names = findAll(dom, list, (n) => dom.tagName(n) === 'li')
      .map((li) => cleanText(textContent(dom, li)))
      .filter(Boolean);
    if (names.length && names.join('').length < 80) {
      meta.byline = names.join('，');
      meta.consumed.push(list);
    }
  }
  return meta;
}

/** The element's first `count` element children: a page has hundreds of wrappers, most with more. */
function elementChildrenUpTo<N>(dom: DomAdapter<N>, node: N, count: number): N[] {
  const kids: N[] = [];
  for (const child of dom.children(node)) if (dom.isElement(child) && kids.push(child) >= count) break;
  return kids;
}

/**
 * BBC's figure: a wrapper holding [the image and its credit line] then [one short <p>], with no
 * caption markup; that <p> is the caption, not a paragraph of the story.
 */
function bbcCaptions<N>(dom: DomAdapter<N>, root: N): SourceMeta<N> {
  const captions: N[] = [];
  const isImg = (n: N) => dom.tagName(n) === 'img';
  for (const wrapper of findAll(dom, root, (n) => dom.tagName(n) === 'div')) {
    const kids = elementChildrenUpTo(dom, wrapper, 3);
    if (kids.length !== 2) continue;
    const [media, text] = kids;
    if (!(isImg(media) || findFirst(dom, media, isImg)) || findFirst(dom, text, isImg)) continue;
    const credit = findAll(dom, media, (n) => dom.attr(n, 'role') === 'text')
      .map((n) => textContent(dom, n))
      .join('');
    if (cleanText(textContent(dom, media)) !== cleanText(credit)) continue;
    const paragraphs = dom.tagName(text) === 'p' ? [text] : findAll(dom, text, (n) => dom.tagName(n) === 'p');
    if (paragraphs.length === 1 && cleanText(textContent(dom, text)).length <= 200) captions.push(text);
  }
  return { ...emptyMeta<N>(), captions };
}

/** The BBC (BBC中文): raw page markup, authors in a list, captions without caption markup. */
export const bbcRules: SourceRules = {
  ...baseRules,
  meta: (dom, root) => mergeMeta(timeAndAuthor(dom, root, 'bbc'), bbcAuthors(dom, root), bbcCaptions(dom, root)),
};
