// A PouchDB Server on loopback for the sync test (test/e2e/sync.test.ts) and the sync benchmark
// (bench/sync.ts): started in memory with an admin name and password, its databases read over HTTP;
// and sync set up on a browser profile's options page, as a reader does it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO, type ExtensionBrowser } from './browser';

export const ADMIN = { user: 'pizhu-admin', password: 'correct horse 批注' };

export interface TestServer {
  port: number;
  /** The database's address (`http://127.0.0.1:<port>/<name>`). */
  dbUrl(name?: string): string;
  /** The admin's `authorization` header. */
  auth: string;
  /** Starts it again after `stop` (empty: it kept nothing in memory; its config, with the admin, stays). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The documents of a database, as the server has them ([] when it has no such database). */
  docs(name?: string): Promise<Record<string, unknown>[]>;
  /** The ids of a database's documents, without the documents. */
  ids(name?: string): Promise<string[]>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port: found } = probe.address() as { port: number };
      probe.close(() => resolve(found));
    });
    probe.on('error', reject);
  });
}

/** PouchDB Server in memory on a free loopback port (its config, with the admin, kept in its own folder across restarts). */
export async function startTestServer(): Promise<TestServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-couch-'));
  const origin = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;
  let child: ChildProcess | null = null;

  async function start(): Promise<void> {
    child = spawn(join(REPO, 'node_modules/.bin/pouchdb-server'), ['--in-memory', '--host', '127.0.0.1', '--port', String(port)], { cwd: dir, stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${origin}/`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('PouchDB Server did not start');
  }

  async function stop(): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  }

  async function allDocs(name: string, includeDocs: boolean): Promise<{ id: string; doc?: Record<string, unknown> }[]> {
    const response = await fetch(`${origin}/${name}/_all_docs${includeDocs ? '?include_docs=true' : ''}`, { headers: { authorization: auth } });
    if (!response.ok) return [];
    return ((await response.json()) as { rows: { id: string; doc?: Record<string, unknown> }[] }).rows;
  }

  await start();
  // An admin: from now on the server answers 401 to a wrong name or password.
  const made = await fetch(`${origin}/_config/admins/${ADMIN.user}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
  if (!made.ok) {
    await stop();
    throw new Error(`PouchDB Server refused the admin (${made.status})`);
  }
  return {
    port,
    auth,
    dbUrl: (name = 'pizhu') => `${origin}/${name}`,
    start,
    stop,
    docs: async (name = 'pizhu') => (await allDocs(name, true)).map((r) => r.doc!),
    ids: async (name = 'pizhu') => (await allDocs(name, false)).map((r) => r.id),
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sets sync up on the options page, as a reader would: the page is left open (`sync-status` tells the state). */
export async function configureSync(browser: ExtensionBrowser, url: string, name: string, password = ADMIN.password): Promise<Page> {
  const options = await browser.extensionPage('options/index.html');
  await fillSyncSettings(options, url, name, password);
  await options.getByTestId('sync-save').click();
  return options;
}

/** Fills the options page's fields (without saving). */
export async function fillSyncSettings(options: Page, url: string, name: string, password = ADMIN.password): Promise<void> {
  await options.getByTestId('sync-url').fill(url);
  await options.getByTestId('sync-user').fill(ADMIN.user);
  await options.getByTestId('sync-password').fill(password);
  await options.getByTestId('sync-name').fill(name);
}

/** The state in words, as the options page shows it. */
export const syncStatusText = (page: Page) =>
  page
    .getByTestId('sync-status')
    .textContent()
    .then((text) => text ?? '');

/** The status the background wrote last (the page shows it in words). */
export const storedSyncStatus = (page: Page) =>
  page.evaluate(
    async () =>
      ((await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('syncStatus')).syncStatus ?? {}) as {
        at?: string;
        state?: string;
        syncedAt?: string;
        waiting?: number;
      },
  );
