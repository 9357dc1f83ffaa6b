/*
 * Reuters article pages: parse the live page into the article model with the same parser the
 * tests run on saved pages, and leave the page exactly as it is. Highlights will ask for its map (`{ map: true }`).
 */
import { parseReutersPage, type ParsedPage } from '../src/parse/reuters-page-parser';
import { liveDom } from './lib/live-dom';
import { announceArticle } from './lib/article-port';

let parsed: ParsedPage<Node> | null = null;

try {
  parsed = parseReutersPage(liveDom, document, location.href);
  if (parsed) announceArticle(parsed.article);
} catch (error) {
  console.warn('Pizhu: could not read this Reuters page', error);
}
