import type { ArticleMap } from '../../src/text-map/article-map';
import { domToModel } from '../../src/text-map/dom-to-model';
import { liveDom } from '../lib/live-dom';

/** A stretch of the article text, in its UTF-16 offsets. */
export interface ModelRange {
  start: number;
  end: number;
}

/**
 * The selection's stretch of article text and its range on the page, when the selection lies
 * inside the article; null when it is empty, outside the article or not on its text. Reads only.
 */
export function selectionInArticle(selection: Selection | null, map: ArticleMap<Node>, inArticle: (node: Node) => boolean): { range: Range; model: ModelRange } | null {
  if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
  const range = selection.getRangeAt(0);
  if (!inArticle(range.startContainer) || !inArticle(range.endContainer)) return null;
  const model = domToModel(liveDom, map, { start: { node: range.startContainer, offset: range.startOffset }, end: { node: range.endContainer, offset: range.endOffset } });
  return model ? { range, model } : null;
}
