/*
 * The reader for archive files, injected by the background once the detector has seen the archive
 * header. It parses the file's text (never its HTML) into the model and renders the model into the
 * page's own document, next to the browser's <pre>, which stays one click away.
 */
import { readArchive } from '../../src/parse/archive-parser';
import { loadHighlighting } from '../lib/highlighting';
import { inertHtml } from '../lib/live-dom';
import { showArticle } from './mount';

const MOUNTED = 'pizhuReader';

async function mount(): Promise<void> {
  // The background may inject twice (a reload of the extension, a second detection): mount once.
  if (document.documentElement.dataset[MOUNTED]) return;
  const pre = document.body?.querySelector<HTMLElement>(':scope > pre');
  if (!pre) return;
  document.documentElement.dataset[MOUNTED] = '1';
  // The browser's own parser, into an inert document: nothing of the file runs or loads.
  const { article } = readArchive(pre.textContent ?? '', inertHtml);
  await showArticle(article, pre, pre, loadHighlighting);
}
mount().catch((error: unknown) => {
  // Never leave the reader half-built: show the file as the browser did.
  console.error('Pizhu: the reader failed; showing the raw file', error);
  document.querySelector<HTMLElement>('.pizhu-reader')?.remove();
  const pre = document.body?.querySelector<HTMLElement>(':scope > pre');
  if (pre) pre.hidden = false;
});
