import { cleanText } from '../../text/clean-text';
import { textContent } from '../../dom/dom-adapter';
import { baseRules, dropParagraphs, parseAnyDate } from './common';
import { emptyMeta, type SourceRules } from './source-rules';

const SITE_SUFFIX = /\s*[–—-]\s*法国国际广播电台\s*-\s*RFI\s*$/;
/** " - 要闻分析", " - 国际纵横": the programme the 2020 site appended to its titles. */
const PROGRAMME_SUFFIX = /\s+-\s+([^\s-]{2,10})$/;

/** The title without the site's name and, where the address does not carry it, the programme's. */
export function rfiTitle(title: string, url: URL | null): string {
  const bare = title.replace(SITE_SUFFIX, '');
  const programme = PROGRAMME_SUFFIX.exec(bare);
  if (!programme || !url) return bare;
  // The article's own slug, the last segment: a column's folder (/cn/专栏检索/国际纵横/…) names the programme too.
  let slug = url.pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // A malformed escape: compare with the raw segment.
  }
  return slug.includes(programme[1]) ? bare : bare.slice(0, programme.index);
}

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
  // "Array": the feed's serialization of a missing lead image, printed as text.
  finish: (blocks, byline) => ({ blocks: dropParagraphs(blocks, /^Array$/), byline }),
  title: rfiTitle,
};
