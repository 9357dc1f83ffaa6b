import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t, uiLang, uiLanguage } from '../lib/i18n';
import { readSettings, REQUEST_KEY, SETTINGS_KEY, STATUS_KEY, statusWords, type SyncStatus } from '../src/sync/settings';

let ownName: Promise<string> | null = null;
/** The name once read: a row shown later starts with it, and is not rendered twice (a list scrolled fast shows tens a frame). */
let known: string | null = null;

/** The name this reader syncs under: highlights carrying another name show it. */
export function useOwnName(): string | null {
  const [name, setName] = useState<string | null>(known);
  useEffect(() => {
    if (known !== null) return;
    ownName ??= browser.storage.local.get(SETTINGS_KEY).then((stored) => (known = readSettings(stored[SETTINGS_KEY])?.name ?? ''));
    void ownName.then(setName);
  }, []);
  return name;
}

/** One line in the popup: the sync state in words and a link to its settings; opening the popup syncs. */
export function SyncState() {
  const [status, setStatus] = useState<SyncStatus | undefined>();
  const [enabled, setEnabled] = useState(false);
  useEffect(() => {
    void browser.storage.local.get([SETTINGS_KEY, STATUS_KEY]).then((stored) => {
      const on = readSettings(stored[SETTINGS_KEY])?.enabled ?? false;
      setEnabled(on);
      setStatus(stored[STATUS_KEY] as SyncStatus | undefined);
      if (on) void browser.storage.local.set({ [REQUEST_KEY]: Date.now() });
    });
    const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && changes[STATUS_KEY]) setStatus(changes[STATUS_KEY].newValue as SyncStatus | undefined);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  const time = (iso: string) => new Intl.DateTimeFormat(uiLanguage(), { timeStyle: 'short' }).format(new Date(iso));
  return (
    <p class="muted sync-state" data-testid="popup-sync-state">
      {enabled ? statusWords(status, time, uiLang()) : t('syncOff')}{' '}
      <a href={browser.runtime.getURL('options/index.html')} target="_blank" rel="noopener" data-testid="open-sync-settings">
        {t('syncSettings')}
      </a>
    </p>
  );
}
