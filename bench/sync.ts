// sync: the first push of 10,000 highlights over 1,000 articles from a seeded profile into an empty
// database of a PouchDB Server on loopback, and the first pull of that database into a fresh profile,
// each set up through the options page as a reader does it; against importing the same library's JSON
// export into a fresh profile through the popup's import control. Chromium with the built extension.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { webAnnotationJson } from '../src/export/web-annotation';
import { DATABASE_NAME } from '../src/store/database';
import { launchWithExtension, type ExtensionBrowser } from '../test/e2e/browser';
import { makeLibrary } from '../test/e2e/seed-library';
import { fillSyncSettings, startTestServer, type TestServer } from '../test/e2e/sync-server';
import { seedStore } from './lib/browser';
import { lessIsBetter, type BenchModule, type Result } from './lib/result';
import { median } from './lib/stats';
import { LARGE } from './popup';

/** Each round is three fresh profiles and tens of seconds: fewer runs than the other browser benchmarks (the median of 3 after 1 warm-up). */
const RUNS = 3;
const WARMUP = 1;
const POLL_MS = 25;
const TIMEOUT_MS = 180_000;

/** Chromium with the extension, where pages reach loopback only (the server) and nothing on the web. */
async function launch(): Promise<ExtensionBrowser> {
  const ext = await launchWithExtension();
  await ext.context.route(/^https?:/, (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  return ext;
}

/**
 * The ends of the timed spans are heard in the page, from its own events (the extension's storage
 * changing, the popup's report appearing), not polled: a round trip over the DevTools protocol every
 * 25 ms (a page evaluation, a storage or IndexedDB read) took ≈ 0.5 s of the two cores' time in a 5 s
 * push and ≈ 0.4 s off its figure (bench/README.md, sync). An evaluation leaves a promise in the page
 * before the click (`syncedStatusIn`, `importReportIn`); `heardIn` waits for it after, and answers when it
 * settled (performance.now()).
 */
async function heardIn(page: Page, key: string, what: string): Promise<number> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    page.evaluate((k) => (globalThis as unknown as Record<string, Promise<void>>)[k], key),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`sync: timed out waiting for ${what}`)), TIMEOUT_MS))),
  ]).finally(() => clearTimeout(timer));
  return performance.now();
}

/** In an extension page: `globalThis[key]` settles once the stored sync status says synced. */
function syncedStatusIn(key: string): void {
  const { storage } = (globalThis as unknown as { chrome: { storage: { onChanged: { addListener(f: (changes: Record<string, { newValue?: unknown }>) => void): void } } } }).chrome;
  (globalThis as unknown as Record<string, Promise<void>>)[key] = new Promise<void>((resolve) =>
    storage.onChanged.addListener((changes) => {
      if ((changes.syncStatus?.newValue as { state?: string } | undefined)?.state === 'ok') resolve();
    }),
  );
}

/** In the popup: `globalThis[key]` settles once its transfer status reports an import. */
function importReportIn(key: string): void {
  (globalThis as unknown as Record<string, Promise<void>>)[key] = new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!/added/.test(document.querySelector('[data-testid="transfer-status"]')?.textContent ?? '')) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

/** Polls `done` until it holds, and returns the time it first held (performance.now()); used for the server only, which the browser does not share. */
async function until(what: string, done: () => Promise<boolean>): Promise<number> {
  const deadline = performance.now() + TIMEOUT_MS;
  for (;;) {
    if (await done()) return performance.now();
    if (performance.now() > deadline) throw new Error(`sync: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The extension store's annotation count, 0 before the background has made the database (this never makes it). */
const annotationCount = (page: Page) =>
  page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return 0;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('annotations')) return 0;
      return await new Promise<number>((resolve, reject) => {
        const request = db.transaction('annotations').objectStore('annotations').count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, DATABASE_NAME);

/**
 * The options page open and filled in, and the background quiet: any run started by the page opening
 * (debounced, src/background/sync-wiring.ts) has finished before the reader saves.
 */
async function optionsReady(ext: ExtensionBrowser, url: string): Promise<Page> {
  const options = await ext.extensionPage('options/index.html');
  await fillSyncSettings(options, url, 'bench');
  await options.waitForTimeout(2_500);
  return options;
}

/** The server's count of live documents (the database's info: one cheap request, where listing 11,000 ids takes a few hundred ms). */
async function serverDocCount(server: TestServer, name: string): Promise<number> {
  const response = await fetch(server.dbUrl(name), { headers: { authorization: server.auth } });
  // Before the run has made the database, there is none yet; any other failure ends the benchmark.
  if (response.status === 404) return 0;
  if (!response.ok) throw new Error(`sync: the server answered ${response.status} for the database's info`);
  return ((await response.json()) as { doc_count: number }).doc_count;
}

/** Annotation documents on the server (an article's id starts with `article:`). */
const serverAnnotations = async (server: TestServer, name: string) => (await server.ids(name)).filter((id) => !id.startsWith('article:') && !id.startsWith('_')).length;

interface Timed {
  ms: number;
  /** For the log: when the status said synced, when the count was reached (ms after save). */
  note: string;
}

/**
 * First push: a seeded profile saves the settings of an empty database; until the status says synced
 * and the server holds a document for every highlight, article and deletion (then the highlights are counted one by one).
 */
async function push(server: TestServer, json: string, expected: number, otherDocs: number, name: string): Promise<Timed> {
  const ext = await launch();
  try {
    await seedStore(ext, JSON.parse(json));
    const options = await optionsReady(ext, server.dbUrl(name));
    if ((await serverAnnotations(server, name)) !== 0) throw new Error(`sync: database ${name} is not empty`);
    await options.evaluate(syncedStatusIn, 'pizhuSynced');
    const started = performance.now();
    await options.getByTestId('sync-save').click();
    const synced = await heardIn(options, 'pizhuSynced', 'the status to say synced');
    const all = await until(`${expected + otherDocs} documents on the server`, async () => (await serverDocCount(server, name)) >= expected + otherDocs);
    const shown = await options
      .getByTestId('sync-status')
      .textContent()
      .then((text) => text ?? '');
    if (!/^Synced at/.test(shown)) throw new Error(`sync: the options page says "${shown}" after the push`);
    const count = await serverAnnotations(server, name);
    if (count !== expected) throw new Error(`sync: the server holds ${count} annotations, not ${expected}`);
    return { ms: all - started, note: `synced ${(synced - started).toFixed(0)} ms` };
  } finally {
    await ext.close();
  }
}

/** First pull: a fresh profile saves the settings of the pushed database; until its library holds every highlight. */
async function pull(server: TestServer, expected: number, name: string): Promise<Timed> {
  const ext = await launch();
  try {
    const options = await optionsReady(ext, server.dbUrl(name));
    if ((await annotationCount(options)) !== 0) throw new Error('sync: the fresh profile holds highlights');
    await options.evaluate(syncedStatusIn, 'pizhuSynced');
    const started = performance.now();
    await options.getByTestId('sync-save').click();
    const synced = await heardIn(options, 'pizhuSynced', 'the status to say synced');
    const count = await annotationCount(options);
    if (count !== expected) throw new Error(`sync: the library holds ${count} highlights, not ${expected}, once synced`);
    return { ms: synced - started, note: `${count} highlights in the library` };
  } finally {
    await ext.close();
  }
}

/** The baseline: the export file picked in a fresh profile's popup; until the popup reports the import. */
async function importExport(file: string, expected: number): Promise<Timed> {
  const ext = await launch();
  try {
    const popup = await ext.extensionPage('popup/index.html');
    await popup.getByTestId('empty').waitFor({ timeout: 15_000 });
    const status = popup.getByTestId('transfer-status');
    await popup.evaluate(importReportIn, 'pizhuImported');
    const started = performance.now();
    await popup.getByTestId('import-input').setInputFiles(file);
    const done = await heardIn(popup, 'pizhuImported', 'the import report');
    const report = (await status.textContent()) ?? '';
    if (!report.startsWith(`${expected} added, 0 updated`)) throw new Error(`sync: the import reports "${report}"`);
    if ((await annotationCount(popup)) !== expected) throw new Error('sync: the import left another count in the library');
    return { ms: done - started, note: report };
  } finally {
    await ext.close();
  }
}

export const sync: BenchModule = {
  id: 'sync',
  browser: true,
  async run(): Promise<Result[]> {
    const library = makeLibrary(LARGE.highlights, LARGE.articles);
    const expected = library.annotations.length;
    const exportJson = webAnnotationJson(library, { exported: new Date('2026-11-29T00:00:00Z') });
    const dir = mkdtempSync(join(tmpdir(), 'pizhu-bench-sync-'));
    const file = join(dir, 'pizhu.json');
    writeFileSync(file, exportJson);
    const seedJson = JSON.stringify(library);
    const server = await startTestServer();
    const samples = { push: [] as number[], pull: [] as number[], import: [] as number[] };
    try {
      // A round: the import, the push into a database of its own, the pull of that database; one browser at a time.
      for (let round = -WARMUP; round < RUNS; round++) {
        const name = `pizhu-bench-${round + WARMUP}`;
        const imported = await importExport(file, expected);
        const pushed = await push(server, seedJson, expected, library.articles.length + library.tombstones.length, name);
        const pulled = await pull(server, expected, name);
        await fetch(server.dbUrl(name), { method: 'DELETE', headers: { authorization: server.auth } });
        console.log(
          `  ${round < 0 ? 'warm-up' : `run ${round + 1}`}: import ${imported.ms.toFixed(0)} ms; push ${pushed.ms.toFixed(0)} ms (${pushed.note}); pull ${pulled.ms.toFixed(0)} ms (${pulled.note})`,
        );
        if (round < 0) continue;
        samples.import.push(imported.ms);
        samples.push.push(pushed.ms);
        samples.pull.push(pulled.ms);
      }
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
    const of = `${LARGE.highlights.toLocaleString('en')} highlights over ${LARGE.articles.toLocaleString('en')} articles`;
    const baselineName = "import of the same library's JSON export into a fresh profile (popup, to its report)";
    const baseline = median(samples.import);
    return [
      lessIsBetter('sync first push', `ms from Save to synced and every annotation on the server (${of}; PouchDB Server in memory on loopback)`, median(samples.push), baseline, baselineName),
      lessIsBetter('sync first pull', `ms from Save to synced, every highlight in a fresh profile's library (${of})`, median(samples.pull), baseline, baselineName),
    ];
  },
};
