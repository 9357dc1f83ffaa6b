/*
 * The reader view of an archive article, put into a page beside the raw text (a <pre>, hidden while
 * the article is shown): on a file:// page the browser's own, on Pizhu's reader page one it makes.
 * The view is built and highlighting started while the article's highlights come from the background;
 * the reader's selections are taken once they have been shown (`aria-busy` on the view until then).
 */
import { render } from 'preact';
import { api as browser } from '../../lib/browser-api';
import type { Article } from '../../src/model/article';
import { announceArticle } from '../lib/article-port';
import type { HighlightSession } from '../highlights/session';
import type { StartHighlighting } from '../lib/highlighting';
import { summarize } from '../../src/messages/summary';
import { afterNextFrame } from '../highlights/after-frame';
import { wordDates } from './dates';
import { readerViewMap } from './reader-map';
import { ReaderView, type Theme } from './ReaderView';
import readerCss from './reader.css?inline';

const THEME_KEY = 'readerTheme';

interface ViewParts {
  article: Article;
  pre: HTMLElement | null;
  initialTheme: Theme;
  root: HTMLElement;
  onArticleShown(): void;
  onThemeShown(theme: Theme): void;
}

/**
 * Renders the view into `root` and again on each switch (raw text or article, theme). Written
 * without hooks: the reader carries preact's core only (its size, bench/README.md, page cost).
 */
function mountView({ article, pre, initialTheme, root, onArticleShown, onThemeShown }: ViewParts): (theme: Theme) => void {
  // A file the parser could not make sense of opens on its raw text.
  let showingRaw = !!pre && article.blocks.length === 0 && article.problems.length > 0 && !article.title;
  let theme = initialTheme;
  // Where the reader was in the article when the original text was shown: going back returns there.
  let articleScroll: number | null = null;
  const draw = () => render(<ReaderView article={article} showingRaw={showingRaw} theme={theme} onToggleRaw={pre && toggleRaw} onTheme={switchTheme} />, root);
  const showRawOrArticle = () => {
    if (pre) pre.hidden = !showingRaw;
    // The raw text starts right under the bar, not a screen further down.
    root.classList.toggle('pizhu-showing-raw', showingRaw);
    if (showingRaw) window.scrollTo(0, 0);
    else if (articleScroll !== null) window.scrollTo(0, articleScroll);
    // The article's nodes are new each time it is shown: its highlights are painted on them again.
    if (!showingRaw) onArticleShown();
  };
  const showTheme = () => {
    root.dataset.theme = theme;
    onThemeShown(theme);
  };
  function toggleRaw() {
    if (!showingRaw) articleScroll = scrollY;
    showingRaw = !showingRaw;
    draw();
    showRawOrArticle();
  }
  function switchTheme(next: Theme) {
    theme = next;
    draw();
    showTheme();
    browser.storage.local.set({ [THEME_KEY]: next }).catch((e: unknown) => console.warn('Pizhu: theme not saved', e));
  }
  draw();
  showRawOrArticle();
  // The stored theme, once read: shown as chosen, not saved again. Until then the view is built in
  // the default one but named in none; it is shown only after (showArticle), so no click came first.
  return (stored: Theme) => {
    if (stored !== theme) {
      theme = stored;
      draw();
    }
    showTheme();
  };
}

/** The reader's theme, as last chosen; the page script asks for it before it parses the file, so the answer travels meanwhile. */
export async function readTheme(): Promise<Theme> {
  const stored = await browser.storage.local.get(THEME_KEY).catch(() => ({}) as Record<string, unknown>);
  return (['auto', 'light', 'dark'] as const).find((v) => v === stored[THEME_KEY]) ?? 'auto';
}

/** How long the view waits for its highlights before it is shown without them (a worker that must start first). */
const WAIT_FOR_HIGHLIGHTS_MS = 100;

/**
 * Shows `article` before `pre` (the raw text, or null where it was not kept: then there is no
 * *show original text*), and starts highlighting on it, with the start `load` gives (the
 * highlighting's bundle, content-scripts/lib/highlighting.ts; on Pizhu's reader page its module).
 * The view is built, hidden, and the highlighting started on it while the article's highlights and
 * the stored theme are on their way; it is shown once they are in (or the wait runs out), so that the
 * first frame that shows the article paints them too, not the frame after (bench/README.md, page cost).
 * Null when the highlighting could not be loaded: the article stays shown.
 */
export async function showArticle(
  article: Article,
  pre: HTMLElement | null,
  before: Element,
  load: () => Promise<StartHighlighting>,
  themeRead: Promise<Theme> = readTheme(),
): Promise<HighlightSession | null> {
  // Ask for the article's highlights now: the answer travels while the view is built.
  const announcing = announceArticle(article);
  const loading = load().catch((error: unknown) => {
    console.warn('Pizhu: no highlighting on this page', error);
    return null;
  });

  const style = document.createElement('style');
  style.textContent = readerCss;
  document.head.append(style);
  document.documentElement.lang = 'zh-Hans';
  if (article.title) document.title = article.title;

  const root = document.createElement('div');
  root.className = 'pizhu-reader';
  root.dataset.testid = 'reader';
  root.hidden = true;
  root.setAttribute('aria-busy', 'true');
  before.before(root);
  let session: HighlightSession | null = null;
  // Built in the default theme while the stored one is read; the view is shown in the stored one.
  let shownTheme: Theme = 'auto';
  const shown = () => {
    if (session) session.retarget(readerViewMap(root));
  };
  const themed = (next: Theme) => {
    shownTheme = next;
    session?.setTheme(next);
  };
  const showStoredTheme = mountView({ article, pre, initialTheme: shownTheme, root, onArticleShown: shown, onThemeShown: themed });
  const storedThemeShown = themeRead.then(showStoredTheme);
  const started = loading.then((startHighlighting) => {
    if (!startHighlighting) return null;
    session = startHighlighting({
      article: summarize(article),
      map: readerViewMap(root),
      inArticle: (node) => !!root.querySelector('article')?.contains(node),
    });
    session.setTheme(shownTheme);
    return session;
  });
  const ready = Promise.all([announcing, started]);
  try {
    await Promise.race([ready, new Promise((done) => setTimeout(done, WAIT_FOR_HIGHLIGHTS_MS))]);
    // Never shown in another theme than the reader's (the extension's storage answers in milliseconds).
    await storedThemeShown;
  } finally {
    root.hidden = false;
    // Once the view's first frame is drawn, whatever it shows (the raw text of a damaged file, say).
    afterNextFrame(() => wordDates(root, [article.publishedAt, article.archivedAt]));
  }
  // Here already, unless the wait ran out: then they are painted when they come.
  const [announced, highlighting] = await ready.finally(() => root.removeAttribute('aria-busy'));
  // Null where the highlights could not be read: the session says so instead of showing none.
  highlighting?.show(announced ? announced.annotations : null, announced?.reveal);
  return highlighting;
}
