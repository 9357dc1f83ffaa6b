/*
 * The reader for archive files, injected by the background once the detector has seen the archive
 * header. It parses the file's text (never its HTML) into the model and renders the model into the
 * page's own document, next to the browser's <pre>, which stays one click away.
 */
import { render } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Article } from '../../src/model/article';
import { readArchive } from '../../src/parse/archive-parser';
import { inertHtml } from '../lib/live-dom';
import { announceArticle } from '../lib/article-port';
import { startHighlighting, type HighlightSession } from '../highlights/session';
import { summarize } from '../../src/messages/protocol';
import { readerViewMap } from './reader-map';
import { ReaderView, type Theme } from './ReaderView';
import readerCss from './reader.css?inline';

const THEME_KEY = 'readerTheme';
const MOUNTED = 'pizhuReader';

function App({ article, pre, initialTheme, root, onArticleShown }: { article: Article; pre: HTMLElement; initialTheme: Theme; root: HTMLElement; onArticleShown(): void }) {
  // A file the parser could not make sense of opens on its raw text.
  const [showingRaw, setShowingRaw] = useState(article.blocks.length === 0 && article.problems.length > 0 && !article.title);
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useLayoutEffect(() => {
    pre.hidden = !showingRaw;
    // The article's nodes are new each time it is shown: its highlights are painted on them again.
    if (!showingRaw) onArticleShown();
  }, [showingRaw]);
  useLayoutEffect(() => {
    root.dataset.theme = theme;
  }, [theme]);
  return (
    <ReaderView
      article={article}
      showingRaw={showingRaw}
      theme={theme}
      onToggleRaw={() => {
        setShowingRaw(!showingRaw);
        window.scrollTo(0, 0);
      }}
      onTheme={(next) => {
        setTheme(next);
        browser.storage.local.set({ [THEME_KEY]: next }).catch((e: unknown) => console.warn('Pizhu: theme not saved', e));
      }}
    />
  );
}

async function mount(): Promise<void> {
  // The background may inject twice (a reload of the extension, a second detection): mount once.
  if (document.documentElement.dataset[MOUNTED]) return;
  const pre = document.body?.querySelector<HTMLElement>(':scope > pre');
  if (!pre) return;
  document.documentElement.dataset[MOUNTED] = '1';

  // The browser's own parser, into an inert document: nothing of the file runs or loads.
  const { article } = readArchive(pre.textContent ?? '', inertHtml);
  // Ask for the article's highlights now: the answer travels while the view is built.
  const announcing = announceArticle(article);
  const stored = await browser.storage.local.get(THEME_KEY).catch(() => ({}) as Record<string, unknown>);
  const theme = (['auto', 'light', 'dark'] as const).find((v) => v === stored[THEME_KEY]) ?? 'auto';

  const style = document.createElement('style');
  style.textContent = readerCss;
  document.head.append(style);
  document.documentElement.lang = 'zh-Hans';
  if (article.title) document.title = article.title;

  const root = document.createElement('div');
  root.className = 'pizhu-reader';
  root.dataset.testid = 'reader';
  pre.before(root);
  let session: HighlightSession | null = null;
  const shown = () => {
    if (session) session.retarget(readerViewMap(root));
  };
  render(<App article={article} pre={pre} initialTheme={theme} root={root} onArticleShown={shown} />, root);
  const announced = await announcing;
  session = startHighlighting({
    article: summarize(article),
    map: readerViewMap(root),
    inArticle: (node) => !!root.querySelector('article')?.contains(node),
  });
  session.show(announced?.annotations ?? [], announced?.reveal);
}

mount().catch((error: unknown) => {
  // Never leave the reader half-built: show the file as the browser did.
  console.error('Pizhu: the reader failed; showing the raw file', error);
  document.querySelector<HTMLElement>('.pizhu-reader')?.remove();
  const pre = document.body?.querySelector<HTMLElement>(':scope > pre');
  if (pre) pre.hidden = false;
});
