import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../lib/i18n';

/**
 * Whether the active tab may be a file Pizhu is kept out of: the browser withholds file access
 * (Chrome's "Allow access to file URLs", Firefox's "Access local files on your computer") and the tab's
 * address is a file:// one, or hidden, as Chrome hides the address of a page an extension may not read.
 */
async function fileMayBeWithheld(): Promise<boolean> {
  if (await browser.extension.isAllowedFileSchemeAccess()) return false;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab !== undefined && (tab.url === undefined || tab.url.startsWith('file:'));
}

/** Under "no article" in the popup: one sentence on where to let Pizhu into files from disk, or to open them through Pizhu. */
export function FileAccessHint() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    fileMayBeWithheld().then(setShown, () => setShown(false));
  }, []);
  if (!shown) return null;
  const firefox = browser.runtime.getURL('').startsWith('moz-extension:');
  return (
    <p class="muted" data-testid="file-access-hint">
      {t(firefox ? 'popupFileHintFirefox' : 'popupFileHint')}
    </p>
  );
}
