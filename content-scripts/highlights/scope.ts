import type { ArticleMap } from '../../src/text-map/article-map';

/**
 * The article's own elements on a page: those that hold its mapped text. A selection that starts
 * or ends anywhere else (a sidebar, a related-links box) is not the article's.
 */
export function inArticleOf(map: ArticleMap<Node>): (node: Node) => boolean {
  const blocks = new Set<Element>();
  for (const { mapped } of map.parts)
    for (const run of mapped.runs) {
      const block = run.node.parentElement?.closest('p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, figure, [data-testid]');
      if (block) blocks.add(block);
    }
  return (node) => {
    for (let at: Node | null = node; at; at = at.parentNode) if (blocks.has(at as Element)) return true;
    return false;
  };
}
