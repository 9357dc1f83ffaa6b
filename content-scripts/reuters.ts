/*
 * Reuters article pages: parse the live page into the article model with the same parser the
 * tests run on saved pages, leave the page's elements exactly as they are, and paint the
 * article's highlights over them (CSS Custom Highlight API: no element is wrapped).
 */
import { summarize } from '../src/messages/protocol';
import { parseReutersPage } from '../src/parse/reuters-page-parser';
import { startHighlighting } from './highlights/session';
import { inArticleOf } from './highlights/scope';
import { announceArticle } from './lib/article-port';
import { liveDom } from './lib/live-dom';

async function main(): Promise<void> {
  const parsed = parseReutersPage(liveDom, document, location.href, { map: true });
  if (!parsed?.map) return;
  const annotations = await announceArticle(parsed.article);
  const session = startHighlighting({ article: summarize(parsed.article), map: parsed.map, inArticle: inArticleOf(parsed.map) });
  session.show(annotations ?? []);
}

main().catch((error: unknown) => console.warn('Pizhu: could not read this Reuters page', error));
