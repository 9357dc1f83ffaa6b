/*
 * Sync's browser wiring: the local replica (PouchDB on IndexedDB), the server (PouchDB over HTTP),
 * and what starts a bounded run: a local change (debounced), an alarm, a page or the popup opening,
 * the options page, and news from the server's changes feed, watched between runs until the next
 * alarm. The logic is in src/sync; this file only connects it to the browser.
 */
import browser from 'webextension-polyfill';
import PouchDB from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import indexeddb from 'pouchdb-adapter-indexeddb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import { openDatabase, type PizhuDatabase } from '../store/database';
import { SyncBridge } from '../sync/bridge';
import { jsonErrors } from '../sync/json-errors';
import { OLD_REPLICA, REPLICA, retireOldReplica } from '../sync/replica';
import { withFastReads } from '../sync/replica-reads';
import { runSync } from '../sync/run';
import { LANDED_KEY, readSettings, REQUEST_KEY, SETTINGS_KEY, STATUS_KEY, type SyncSettings, type SyncStatus } from '../sync/settings';
import { replicaLacksAny, type Watch, watchServer } from '../sync/watch';
import type { BackgroundPorts } from './background';

PouchDB.plugin(indexeddb).plugin(idb).plugin(http).plugin(replication);

const ALARM = 'pizhu-sync';
/** A local change waits this long for others before a run sends them together. */
const DEBOUNCE_MS = 1500;
/** A watch of the server lasts until about when the next alarm's run starts another. */
const WATCH_MS = 55_000;

let db: Promise<PizhuDatabase> | null = null;
let running: Promise<void> | null = null;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let watch: Watch | null = null;
/** After a watch failed, the next one waits for the alarm's run: a feed that keeps failing starts no loop of runs. */
let watchFailed = false;
/** Runs and the watch's look into the replica take turns: PouchDB's instances of one IndexedDB share its connection, and closing one closes it. */
let turn: Promise<unknown> = Promise.resolve();

function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const mine = turn.then(work, work);
  turn = mine.catch(() => undefined);
  return mine;
}

function stopWatch(): void {
  watch?.cancel();
  watch = null;
}

/** A local PouchDB database by the name and adapter src/sync/replica.ts gives it; the replica answers replication's reads in bulk. */
const openLocal = ({ name, adapter }: { name: string; adapter: string }) => {
  const db = new PouchDB(name, { adapter });
  return name === REPLICA.name ? withFastReads(db) : db;
};

/** The server's database, reached with the reader's name and password; an error page that is not JSON keeps its status (json-errors.ts). */
const openRemote = (config: SyncSettings, options: { skip_setup?: boolean } = {}) =>
  new PouchDB(config.url, { adapter: 'http', ...options, auth: { username: config.user, password: config.password }, fetch: jsonErrors((input, init) => fetch(input, init)) });

async function settings(): Promise<SyncSettings | null> {
  return readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

async function setStatus(status: Omit<SyncStatus, 'at'>): Promise<void> {
  const old = (await browser.storage.local.get(STATUS_KEY))[STATUS_KEY] as SyncStatus | undefined;
  await browser.storage.local.set({ [STATUS_KEY]: { syncedAt: old?.syncedAt, ...status, at: new Date().toISOString() } });
}

/** Runs now, or once more after the run in progress: never two at once. */
export function requestSync(ports: BackgroundPorts): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      stopWatch();
      await inTurn(() => runOnce(ports)).catch((error: unknown) => console.warn('Pizhu sync:', error instanceof Error ? error.message : 'failed'));
    } while (again);
  })().finally(() => (running = null));
  return running;
}

/** A change was made here: a run in a moment, with whatever else changes meanwhile. */
export function localChange(ports: BackgroundPorts): void {
  clearTimeout(timer);
  timer = setTimeout(() => void requestSync(ports), DEBOUNCE_MS);
}

async function runOnce(ports: BackgroundPorts): Promise<void> {
  const config = await settings();
  db ??= openDatabase();
  const database = await db;
  if (!config?.enabled) {
    // Off: nothing is recorded for a later sync; switching on again sends the whole library.
    await database.clear('outbox');
    return;
  }
  const replica = openLocal(REPLICA);
  const remote = openRemote(config);
  const bridge = new SyncBridge(database, replica, { creator: () => config.name });
  await setStatus({ state: 'syncing', waiting: await bridge.waiting().catch(() => 0) });
  try {
    await retireOldReplica(database, () => openLocal(OLD_REPLICA), replica);
    const result = await runSync(bridge, remote);
    const { refused, changedArticles } = result.report;
    const refusedInfo = refused.length ? { count: refused.length, first: `${refused[0]!.id}: ${refused[0]!.reason}`.slice(0, 200) } : undefined;
    if (result.error) await setStatus({ state: 'error', waiting: result.waiting, problem: result.error.words, code: result.error.code, status: result.error.status, refused: refusedInfo });
    else await setStatus({ state: 'ok', syncedAt: new Date().toISOString(), waiting: result.waiting, refused: refusedInfo });
    if (changedArticles.length) await tellPages(new Set(changedArticles), ports);
    if (result.serverSeq !== undefined && !watchFailed) startWatch(config, result.serverSeq, ports);
  } catch (error) {
    // A run that threw here (the store, the local replica) is shown as failed, not left "syncing" (statusWords: "Sync failed.").
    await setStatus({ state: 'error', waiting: await bridge.waiting().catch(() => 0), problem: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    throw error;
  } finally {
    await replica.close().catch(() => undefined);
    await remote.close().catch(() => undefined);
  }
}

/** Open pages of changed articles load their highlights again; the open popup and library page, their lists. */
async function tellPages(changed: Set<string>, ports: BackgroundPorts): Promise<void> {
  await browser.storage.local.set({ [LANDED_KEY]: { at: new Date().toISOString(), articles: changed.size } });
  for (const tab of await ports.tabArticles.all()) {
    if (changed.has(tab.articleId)) await ports.tellTab(tab.tabId, { type: 'annotations-changed', articleId: tab.articleId }).catch(() => undefined);
  }
}

/** Watches the server's changes feed from where the run left off; news starts a run, which watches again. */
function startWatch(config: SyncSettings, since: number | string, ports: BackgroundPorts): void {
  stopWatch();
  const remote = openRemote(config, { skip_setup: true });
  const lacksAny = (revs: Record<string, string[]>) =>
    inTurn(async () => {
      const replica = openLocal(REPLICA);
      try {
        return await replicaLacksAny(replica, revs);
      } finally {
        await replica.close().catch(() => undefined);
      }
    });
  const mine = watchServer(remote, { since, forMs: WATCH_MS, lacksAny });
  watch = mine;
  void mine.ended.then(async (end) => {
    if (watch === mine) watch = null;
    await remote.close().catch(() => undefined);
    if (end.kind === 'news') void requestSync(ports);
    if (end.kind === 'failed') {
      // The run it starts reports in the status what is wrong with the server, if anything is.
      console.warn('Pizhu sync: watching the server failed:', end.error instanceof Error ? end.error.message : 'failed');
      watchFailed = true;
      void requestSync(ports);
    }
  });
}

/** Forgets the replica and every checkpoint: another database, or sync switched off. */
async function forgetReplica(): Promise<void> {
  db ??= openDatabase();
  const bridge = new SyncBridge(await db, openLocal(REPLICA));
  await bridge.reset();
  await bridge.pouch.destroy();
  // A replica of the old adapter, never moved into the new one: it belongs to the old settings too.
  await openLocal(OLD_REPLICA).destroy();
}

/** Wires sync into the background: call once from the entry. */
export function startSync(ports: BackgroundPorts): void {
  void browser.alarms.create(ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm: browser.Alarms.Alarm) => {
    if (alarm.name !== ALARM) return;
    watchFailed = false;
    void requestSync(ports);
  });
  browser.storage.onChanged.addListener((changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local') return;
    if (changes[SETTINGS_KEY]) {
      stopWatch();
      const before = readSettings(changes[SETTINGS_KEY].oldValue);
      const after = readSettings(changes[SETTINGS_KEY].newValue);
      const another = !after || !before || before.url !== after.url || before.user !== after.user;
      void (async () => {
        if (another || !after?.enabled) {
          await (running ?? Promise.resolve());
          await inTurn(forgetReplica).catch(() => undefined);
        }
        if (after?.enabled) await requestSync(ports);
        else {
          // A run that was under way when sync was switched off may have started a watch.
          stopWatch();
          await setStatus({ state: 'off', waiting: 0 });
        }
      })();
    } else if (changes[REQUEST_KEY]) void requestSync(ports);
  });
  // Any message from a page or the popup: something may have changed, or a reader is looking.
  browser.runtime.onMessage.addListener(() => {
    localChange(ports);
    return undefined;
  });
  void requestSync(ports);
}
