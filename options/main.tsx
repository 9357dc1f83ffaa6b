import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t, uiLang, uiLanguage } from '../lib/i18n';
import { readerFolderRegistry } from '../src/background/reader-folder-registry';
import { folderOfPattern } from '../src/background/reader-folders';
import { originPattern, readSettings, REQUEST_KEY, SETTINGS_KEY, STATUS_KEY, statusWords, type SyncSettings, type SyncStatus } from '../src/sync/settings';

/** Loopback servers are declared in the manifest: a CouchDB on this computer needs no prompt. */
const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//i;

const timeFormat = () => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'medium' });

type Fields = Pick<SyncSettings, 'url' | 'user' | 'password' | 'name'>;

/** The settings as stored, and the state as the background last wrote it (kept up to date). */
function useStored(): { fields: Fields | null; status: SyncStatus | undefined } {
  const [fields, setFields] = useState<Fields | null>(null);
  const [status, setStatus] = useState<SyncStatus | undefined>();
  useEffect(() => {
    void browser.storage.local.get([SETTINGS_KEY, STATUS_KEY]).then((stored) => {
      const settings = readSettings(stored[SETTINGS_KEY]);
      setFields(settings ? { url: settings.url, user: settings.user, password: settings.password, name: settings.name } : { url: '', user: '', password: '', name: '' });
      setStatus(stored[STATUS_KEY] as SyncStatus | undefined);
    });
    const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && changes[STATUS_KEY]) setStatus(changes[STATUS_KEY].newValue as SyncStatus | undefined);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return { fields, status };
}

/** Saves the settings (asking the browser for that server first); answers what went wrong, or null. */
async function saveSettings(fields: Fields): Promise<string | null> {
  const settings = readSettings({ url: fields.url.trim(), user: fields.user.trim(), password: fields.password, name: fields.name, enabled: true });
  if (!settings) return t('syncBadAddress');
  // Asked first, while the click still counts as the reader's: the browser shows its prompt.
  if (!LOOPBACK.test(settings.url) && !(await browser.permissions.request({ origins: [originPattern(settings.url)] }))) return t('syncNoPermission', new URL(settings.url).host);
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return null;
}

const syncNow = () => void browser.storage.local.set({ [REQUEST_KEY]: Date.now() });

async function switchOff(): Promise<void> {
  const stored = readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  if (stored) await browser.storage.local.set({ [SETTINGS_KEY]: { ...stored, enabled: false } });
}

function Field({
  id,
  label,
  type,
  value,
  onInput,
  autocomplete,
  placeholder,
}: {
  id: string;
  label: string;
  type: string;
  value: string;
  onInput(value: string): void;
  autocomplete?: string;
  placeholder?: string;
}) {
  return (
    <>
      <label for={id}>{label}</label>
      <input id={id} data-testid={id} type={type} autocomplete={autocomplete} placeholder={placeholder} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
    </>
  );
}

function SettingsForm({ initial, onMessage }: { initial: Fields; onMessage(message: string): void }) {
  const [fields, setFields] = useState(initial);
  const set = (patch: Partial<Fields>) => setFields({ ...fields, ...patch });
  const submit = async (event: Event) => {
    event.preventDefault();
    onMessage('');
    onMessage((await saveSettings(fields)) ?? '');
  };
  return (
    <form onSubmit={submit}>
      <Field id="sync-url" label={t('syncUrl')} type="url" placeholder="http://127.0.0.1:5984/pizhu" value={fields.url} onInput={(url) => set({ url })} />
      <Field id="sync-user" label={t('syncUser')} type="text" autocomplete="username" value={fields.user} onInput={(user) => set({ user })} />
      <Field id="sync-password" label={t('syncPassword')} type="password" autocomplete="current-password" value={fields.password} onInput={(password) => set({ password })} />
      <p class="hint">{t('syncPasswordHint')}</p>
      <Field id="sync-name" label={t('syncName')} type="text" value={fields.name} onInput={(name) => set({ name })} />
      <p class="hint">{t('syncNameHint')}</p>
      <div class="buttons">
        <button type="submit" data-testid="sync-save">
          {t('syncSave')}
        </button>
        <button type="button" data-testid="sync-now" onClick={syncNow}>
          {t('syncNow')}
        </button>
        <button type="button" data-testid="sync-off" onClick={() => void switchOff()}>
          {t('syncSwitchOff')}
        </button>
      </div>
    </form>
  );
}

/** Shows the folders kept for the reader, as a reader names them, or why they could not be read. */
function showKept(setFolders: (folders: string[]) => void, setMessage: (message: string) => void): Promise<void> {
  return readerFolderRegistry.patterns().then(
    (patterns) => setFolders(patterns.map(folderOfPattern)),
    (error: unknown) => setMessage(t('foldersError', String(error))),
  );
}

/** The folders kept for the reader (src/background/reader-folders.ts), listed, and forgotten on request. */
function ReaderFolders() {
  const [folders, setFolders] = useState<string[] | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => void showKept(setFolders, setMessage), []);
  const forget = async () => {
    setMessage('');
    try {
      await readerFolderRegistry.setPatterns([]);
      setMessage(t('foldersForgotten'));
    } catch (error) {
      setMessage(t('foldersError', String(error)));
    }
    await showKept(setFolders, setMessage);
  };
  return (
    <section aria-labelledby="folders-title" data-testid="reader-folders">
      <h2 id="folders-title">{t('foldersTitle')}</h2>
      <p class="hint">{t('foldersAbout')}</p>
      {folders && (
        <>
          <p>{folders.length ? t('foldersCount', String(folders.length)) : t('foldersNone')}</p>
          {folders.length > 0 && (
            <>
              <ul class="folders">
                {folders.map((folder) => (
                  <li key={folder}>{folder}</li>
                ))}
              </ul>
              <button type="button" data-testid="folders-forget" onClick={() => void forget()}>
                {t('foldersForget')}
              </button>
            </>
          )}
        </>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}

function Options() {
  const { fields, status } = useStored();
  const [message, setMessage] = useState('');
  return (
    <main>
      <h1>{t('syncTitle')}</h1>
      <p>{t('syncAbout')}</p>
      {fields && <SettingsForm initial={fields} onMessage={setMessage} />}
      {message && (
        <p class="message" role="alert">
          {message}
        </p>
      )}
      <p class={`status${status?.state === 'error' ? ' error' : ''}`} data-testid="sync-status" role="status">
        {statusWords(status, (iso) => timeFormat().format(new Date(iso)), uiLang())}
      </p>
      <p class="hint">{t('syncWhatIsSent')}</p>
      <ReaderFolders />
    </main>
  );
}

document.documentElement.lang = uiLanguage();
document.title = t('syncTitle');
render(<Options />, document.getElementById('app')!);
