/*
 * Reuters article pages: parse the live page into the article model with the same parser the
 * tests run on saved pages, leave the page's elements exactly as they are, and paint the
 * article's highlights over them (CSS Custom Highlight API: no element is wrapped). www.reuters.com
 * renders and navigates in the page: when its address changes or the article's text is replaced,
 * the page is read again and painted again.
 */
import { summarize } from '../src/messages/summary';
import { parseReutersPage } from '../src/parse/reuters-page-parser';
import type { ArticleMap } from '../src/text-map/article-map';
import type { HighlightSession } from './highlights/session';
import { loadHighlighting } from './lib/highlighting';
import { inArticleOf } from './highlights/scope';
import { announceArticle } from './lib/article-port';
import { liveDom } from './lib/live-dom';

let session: HighlightSession | null = null;
let shown: { id: string; url: string; map: ArticleMap<Node> } | null = null;
/** The article the session paints, once its highlights have come: until then another may still be painted. */
let painting: string | null = null;

async function read(): Promise<void> {
  const parsed = parseReutersPage(liveDom, document, location.href, { map: true });
  if (!parsed?.map) {
    // Navigated away from the article: nothing of it stays painted or listed.
    if (shown) session?.leave();
    shown = null;
    painting = null;
    return;
  }
  const { article, map } = parsed;
  if (shown?.id === article.id) {
    shown = { id: article.id, url: location.href, map };
    // The page rendered the article's text again: the highlights, and the selections taken, follow the new nodes.
    // Not while the session still paints the article before this one: the switch to this one takes the newest nodes.
    if (painting === article.id) session?.retarget(map, inArticleOf(map));
    return;
  }
  shown = { id: article.id, url: location.href, map };
  // The highlighting's bundle is asked for while the article's highlights are: both travel at once.
  const loading = session ? null : loadHighlighting();
  const announced = await announceArticle(article);
  // Null where the highlights could not be read: the session says so instead of showing none.
  const annotations = announced ? announced.annotations : null;
  const start = await loading;
  // Another article was read meanwhile (answers may come out of order): this one is no longer shown.
  if (shown?.id !== article.id) return;
  // Read again meanwhile (the page rendered again while the answer travelled): the newest nodes.
  const target = { article: summarize(article), map: shown.map, inArticle: inArticleOf(shown.map) };
  painting = article.id;
  if (session) session.switchTo(target, annotations, announced?.reveal);
  else if (start) {
    session = start(target);
    session.show(annotations, announced?.reveal);
  }
}

/** The text the highlights stand on is gone from the page: a node of the map is no longer in it. */
function mapIsStale(): boolean {
  return !!shown && shown.map.parts.some((part) => part.mapped.runs.some((run) => !run.node.isConnected));
}

/** Before an article is shown, only a new address or article markup appearing is worth a reading. */
const ARTICLE_MARKUP = '.StandardArticleBody_body, [data-testid^="paragraph-"]';
let lastUrl = location.href;
let pending = 0;
new MutationObserver(() => {
  const moved = location.href !== lastUrl;
  lastUrl = location.href;
  if (shown ? !moved && location.href === shown.url && !mapIsStale() : !moved && !document.querySelector(ARTICLE_MARKUP)) return;
  // Wait for the page to finish rendering before reading it again.
  clearTimeout(pending);
  pending = window.setTimeout(() => read().catch((error: unknown) => console.warn('Pizhu: could not read this Reuters page', error)), 300);
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

read().catch((error: unknown) => console.warn('Pizhu: could not read this Reuters page', error));
