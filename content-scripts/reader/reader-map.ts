import type { ArticleMap } from '../../src/text-map/article-map';
import { mapRenderedView } from '../../src/text-map/rendered-map';
import { liveDom } from '../lib/live-dom';

/**
 * The reader view's own map from the article text to its rendered nodes: the title, then each
 * block; an image's caption text and its credit element, joined by a space, as `readingText` in
 * src/text/article-text.ts joins them.
 * modelRangeToDom and domToModel take it as they take a live page's.
 */
export function readerViewMap(root: ParentNode): ArticleMap<Node> {
  const title = root.querySelector('[data-testid="reader-title"]');
  const blocks = Array.from(root.querySelectorAll<HTMLElement>('[data-testid="reader-block"]'), (block): Node[] => {
    if (block.localName !== 'figure') return [block];
    const caption = block.querySelector('figcaption');
    if (!caption) return [];
    const words = caption.firstChild?.nodeType === Node.TEXT_NODE ? [caption.firstChild] : [];
    const credit = caption.querySelector('.pizhu-credit');
    return credit ? [...words, credit] : words;
  });
  return mapRenderedView(liveDom, title, blocks);
}
