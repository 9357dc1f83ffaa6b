import { type DomAdapter, hasClass } from '../../dom/dom-adapter';

/**
 * Reuters' StandardArticle page furniture, on live pages and in the 2020 archive files that kept the
 * page markup (the template src/parse/reuters-page-parser.ts reads): editor credits, the trust badge, the image's expand button, adverts.
 */
const NOISE_CLASSES = ['Attribution_container', 'StandardArticleBody_trustBadgeContainer', 'Image_expand-button', 'StandardArticleBody_dianomi-container'];

export function isReutersNoise<N>(dom: DomAdapter<N>, node: N): boolean {
  return dom.hasAttributes(node) && NOISE_CLASSES.some((name) => hasClass(dom, node, name));
}
