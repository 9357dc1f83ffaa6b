// Bundled by text-map.test.ts into the page under test: the core's offset maps, run on a real DOM.
import { liveDom } from '../../content-scripts/lib/live-dom';
import { readerViewMap } from '../../content-scripts/reader/reader-map';
import { parseReutersPage } from '../../src/parse/reuters-page-parser';
import { articleText } from '../../src/text/article-text';
import { cleanText } from '../../src/text/clean-text';
import type { ArticleMap } from '../../src/text-map/article-map';
import { domToModel } from '../../src/text-map/dom-to-model';
import { modelRangeToDomPieces } from '../../src/text-map/model-to-dom';

type Where = 'page' | 'reader';

/** For the reader, `expected` is the article text Node's parser gives the same file. */
function mapOf(where: Where, expected?: string): { map: ArticleMap<Node>; text: string } {
  if (where === 'reader') return { map: readerViewMap(document), text: expected ?? '' };
  const parsed = parseReutersPage(liveDom, document, location.href, { map: true })!;
  return { map: parsed.map!, text: articleText(parsed.article).text };
}

/** Random model ranges → real DOM Ranges, read back with Range.toString(). */
export function modelToDom(where: Where, seed: number, runs: number, expected?: string) {
  const { map, text } = mapOf(where, expected);
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  const failures: unknown[] = [];
  let pieces = 0;
  for (let i = 0; i < runs; i++) {
    let [a, b] = [next(text.length + 1), next(text.length + 1)];
    if (a > b) [a, b] = [b, a];
    for (const piece of modelRangeToDomPieces(map, a, b)) {
      pieces++;
      const range = document.createRange();
      range.setStart(piece.range.start.node, piece.range.start.offset);
      range.setEnd(piece.range.end.node, piece.range.end.offset);
      const read = cleanText(range.toString());
      const want = cleanText(text.slice(piece.from, piece.to));
      if (read !== want) failures.push({ a, b, read, want });
    }
  }
  return { sameText: map.text === text, pieces, failures };
}

/** The reader's selection, as the page has it, in model offsets. */
export function selectionToModel(where: Where, expected?: string) {
  const { map, text } = mapOf(where, expected);
  const selection = getSelection()!;
  const range = selection.getRangeAt(0);
  const model = domToModel(liveDom, map, { start: { node: range.startContainer, offset: range.startOffset }, end: { node: range.endContainer, offset: range.endOffset } });
  return { selected: selection.toString(), model, text: model ? text.slice(model.start, model.end) : null };
}
