import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { uiLanguage } from '../lib/i18n';
import { originPattern, readSettings, REQUEST_KEY, SETTINGS_KEY, STATUS_KEY, statusWords, type SyncStatus } from '../src/sync/settings';

/** Loopback servers are declared in the manifest: a CouchDB on this computer needs no prompt. */
const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//i;

const timeFormat = () => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'medium' });

function Options() {
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [status, setStatus] = useState<SyncStatus | undefined>();
  const [message, setMessage] = useState('');

  useEffect(() => {
    void browser.storage.local.get([SETTINGS_KEY, STATUS_KEY]).then((stored) => {
      const settings = readSettings(stored[SETTINGS_KEY]);
      if (settings) {
        setUrl(settings.url);
        setUser(settings.user);
        setPassword(settings.password);
        setName(settings.name);
      }
      setStatus(stored[STATUS_KEY] as SyncStatus | undefined);
    });
    const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && changes[STATUS_KEY]) setStatus(changes[STATUS_KEY].newValue as SyncStatus | undefined);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    setMessage('');
    const settings = readSettings({ url: url.trim(), user: user.trim(), password, name, enabled: true });
    if (!settings) {
      setMessage('The database address must be an http:// or https:// address, e.g. http://127.0.0.1:5984/pizhu.');
      return;
    }
    // Asked first, while the click still counts as the reader's: the browser shows its prompt.
    if (!LOOPBACK.test(settings.url)) {
      const granted = await browser.permissions.request({ origins: [originPattern(settings.url)] });
      if (!granted) {
        setMessage(`Pizhu may not reach ${new URL(settings.url).host}: sync needs that permission.`);
        return;
      }
    }
    await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  };

  const syncNow = () => void browser.storage.local.set({ [REQUEST_KEY]: Date.now() });
  const switchOff = async () => {
    const stored = readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
    if (stored) await browser.storage.local.set({ [SETTINGS_KEY]: { ...stored, enabled: false } });
  };

  return (
    <main>
      <h1>Pizhu — sync</h1>
      <p>
        Sync keeps the same highlights, notes and deletions in every browser that uses the same database, through a server that speaks CouchDB's replication protocol
        (Apache CouchDB, IBM Cloudant, PouchDB Server).
      </p>
      <form onSubmit={save}>
        <label for="sync-url">Database address</label>
        <input id="sync-url" data-testid="sync-url" type="url" placeholder="http://127.0.0.1:5984/pizhu" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <label for="sync-user">Name on the server</label>
        <input id="sync-user" data-testid="sync-user" type="text" autocomplete="username" value={user} onInput={(e) => setUser(e.currentTarget.value)} />
        <label for="sync-password">Password</label>
        <input id="sync-password" data-testid="sync-password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        <p class="hint">The password is stored in this extension's local storage in this browser, and sent only to this server. It is never synced or exported.</p>
        <label for="sync-name">Your name beside your highlights</label>
        <input id="sync-name" data-testid="sync-name" type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <p class="hint">In a database a team shares, the others see this name beside the highlights you make.</p>
        <div class="buttons">
          <button type="submit" data-testid="sync-save">
            Save and sync
          </button>
          <button type="button" data-testid="sync-now" onClick={syncNow}>
            Sync now
          </button>
          <button type="button" data-testid="sync-off" onClick={() => void switchOff()}>
            Switch sync off
          </button>
        </div>
      </form>
      {message && (
        <p class="message" role="alert">
          {message}
        </p>
      )}
      <p class={`status${status?.state === 'error' ? ' error' : ''}`} data-testid="sync-status" role="status">
        {statusWords(status, (iso) => timeFormat().format(new Date(iso)))}
      </p>
      <p class="hint">
        Sent to the server: each highlight as a W3C Web Annotation (quote, position, note, tags, colour, times, your name), each deletion, and each highlighted article's title and
        addresses. Stays here: the password, articles you only read, and the reader settings.
      </p>
    </main>
  );
}

document.documentElement.lang = uiLanguage();
render(<Options />, document.getElementById('app')!);
