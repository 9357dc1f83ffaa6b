import browser from 'webextension-polyfill';
import { fileChoosersCloseThisPage } from '../lib/platform';

/**
 * A file input's click where a file chooser would close the page (Firefox's popup, lib/platform.ts):
 * instead of the chooser, the library page opens in a tab at `#place` (import, archive-files,
 * archive-folder) with the same input focused there (LibraryPage.tsx), and the popup closes as the tab
 * takes the focus. The input stays in the popup: a file handed to it directly still arrives.
 */
export function chooseInLibrary(event: Event, place: string): void {
  if (!fileChoosersCloseThisPage()) return;
  event.preventDefault();
  browser.tabs.create({ url: browser.runtime.getURL(`popup/library.html#${place}`) }).catch((error: unknown) => console.error('Pizhu: the library did not open', error));
}
