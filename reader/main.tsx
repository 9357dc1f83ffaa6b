/*
 * Pizhu's reader page: an archive article opened through Pizhu (a file chosen or dropped, a folder's
 * article clicked in the library), shown from the model the collection keeps, in the same reader
 * view as on a file:// page, with its highlights. It needs no access to file:// pages.
 */
import { t } from '../lib/i18n';
import { showArticle } from '../content-scripts/reader/mount';
import { CollectionStore, openCollectionDatabase } from '../src/collection/collection-database';

async function open(): Promise<void> {
  const id = new URLSearchParams(location.hash.slice(1)).get('id');
  const entry = id ? await new CollectionStore(await openCollectionDatabase()).entry(id) : undefined;
  if (!entry) {
    const missing = document.createElement('p');
    missing.dataset.testid = 'reader-missing';
    missing.textContent = t('readerMissing');
    document.body.append(missing);
    return;
  }
  // The raw text, where the file was opened on its own: *show original text* shows it as a browser would.
  let pre: HTMLPreElement | null = null;
  if (entry.raw !== undefined) {
    pre = document.createElement('pre');
    pre.textContent = entry.raw;
    pre.hidden = true;
    pre.style.whiteSpace = 'pre-wrap';
    document.body.append(pre);
  }
  const anchor = pre ?? document.body.appendChild(document.createElement('div'));
  // An extension page: the highlighting is a module of its own here, loaded once the article is shown.
  await showArticle(entry.article, pre, anchor, async () => (await import('../content-scripts/highlights/session')).startHighlighting);
}

open().catch((error: unknown) => {
  console.error('Pizhu: the reader page failed', error);
  document.body.textContent = t('readerMissing');
});
