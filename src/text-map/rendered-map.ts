import { type DomAdapter, traverse } from '../dom/dom-adapter';
import { joinMapped, type MappedText } from '../text/mapped-text';
import { TextAccumulator } from '../text/text-accumulator';
import { buildArticleMap, type ArticleMap } from './article-map';

/**
 * The map of a view that renders the model's text itself (the reader view): each part is read from
 * the elements that show it, their pieces joined by one space (an image's caption and credit), so
 * the map's text is the article text and each character maps onto the node that shows it.
 */
export function mapRenderedView<N>(dom: DomAdapter<N>, title: N | null, blocks: readonly (readonly N[])[]): ArticleMap<N> {
  const read = (elements: readonly N[]): MappedText<N> =>
    joinMapped(
      elements.map((element) => renderedText(dom, element)).filter((m) => m.text),
      ' ',
    );
  return buildArticleMap(title ? renderedText(dom, title) : { text: '', runs: [] }, blocks.map(read));
}

/** The text of an element (or of one text node) with its map. */
function renderedText<N>(dom: DomAdapter<N>, element: N): MappedText<N> {
  const text = new TextAccumulator<N>(true);
  if (dom.isText(element)) text.addText(element, dom.textData(element));
  traverse(dom, element, (node) => {
    if (dom.isText(node)) text.addText(node, dom.textData(node));
    return dom.isElement(node);
  });
  return text.take();
}
