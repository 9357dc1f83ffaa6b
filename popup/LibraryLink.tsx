import browser from 'webextension-polyfill';
import { t } from '../lib/i18n';

/**
 * A file button of the popup where the popup cannot keep a file chooser open (lib/platform.ts): the
 * library page opens in a tab at `#place` (import, archive-files, archive-folder), with the same
 * button focused there (LibraryPage.tsx); the popup closes as the tab takes the focus.
 */
export function LibraryLink({ label, place, testId }: { label: string; place: string; testId: string }) {
  const url = browser.runtime.getURL(`popup/library.html#${place}`);
  return (
    <a
      class="button file-button"
      href={url}
      data-testid={testId}
      title={t('chooseInLibrary')}
      onClick={(event) => {
        event.preventDefault();
        browser.tabs.create({ url }).catch((error: unknown) => console.error('Pizhu: the library did not open', error));
      }}
    >
      {label}
    </a>
  );
}
