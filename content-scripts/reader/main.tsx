/*
 * The reader for archive files: injected by the background once the detector has seen the archive
 * header, or run by the browser itself, with the highlighting's bundle behind it, on a file whose
 * address is an archive folder's (`…/articles/<source>/<id>.md`, manifest.json) or in a folder the
 * background keeps for it (src/background/reader-folders.ts), where it checks the header first and
 * leaves any other file as it is. It parses the file's text (never its HTML) into
 * the model and renders the model into the page's own document, next to the browser's <pre>, which
 * stays one click away.
 */
import { readArchive } from '../../src/parse/archive-parser';
import { archiveView, READER_MARK } from '../lib/archive-view';
import { highlightingRun, loadHighlighting } from '../lib/highlighting';
import { inertHtml } from '../lib/live-dom';
import { readTheme, showArticle } from './mount';

async function mount(): Promise<void> {
  // The background may inject twice (a reload of the extension, a second detection): mount once.
  if (document.documentElement.dataset[READER_MARK]) return;
  const view = archiveView();
  if (!view) return;
  const { pre } = view;
  document.documentElement.dataset[READER_MARK] = '1';
  // The raw text is hidden at once: where the manifest runs this script, before the browser has laid
  // that long line out, whose layout held the page's load event back by ≈ 10 ms (bench/README.md, page cost).
  pre.hidden = true;
  const theme = readTheme();
  // The browser's own parser, into an inert document: nothing of the file runs or loads.
  const { article } = readArchive(pre.textContent ?? '', inertHtml);
  // The highlighting's bundle runs right behind this script (the background's injection, or the
  // manifest's content script): it starts as soon as it has, and need not be asked for.
  const highlighting = () => highlightingRun().then(loadHighlighting);
  await showArticle(article, pre, pre, highlighting, theme);
}
mount().catch((error: unknown) => {
  // Never leave the reader half-built: show the file as the browser did.
  console.error('Pizhu: the reader failed; showing the raw file', error);
  document.querySelector<HTMLElement>('.pizhu-reader')?.remove();
  const pre = document.body?.querySelector<HTMLElement>(':scope > pre');
  if (pre) pre.hidden = false;
});
