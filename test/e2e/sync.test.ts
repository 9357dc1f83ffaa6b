// Sync as readers use it, in Chromium with the built extension: a PouchDB Server on loopback with an
// admin name and password, two browser profiles set up through the options page; a highlight made in
// one appears in the other, a deletion in the other disappears in the first; with the server down
// both keep working, then converge; a wrong password is shown as a 401 and changes nothing.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../shared-data';
import { launchWithExtension, REPO, type ExtensionBrowser } from './browser';

const FILE_URL = pathToFileURL(join(CORPUS_DIR, 'reuters/1040207.md')).href;
const ADMIN = { user: 'pizhu-admin', password: 'correct horse 批注' };
const auth = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;

let port = 0;
let server: ChildProcess | null = null;
let serverDir = '';
let one: ExtensionBrowser;
let two: ExtensionBrowser;
const dbUrl = () => `http://127.0.0.1:${port}/pizhu`;

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

/** Starts PouchDB Server in memory (its config, with the admin, kept in its own folder across restarts). */
async function startServer(): Promise<void> {
  server = spawn(join(REPO, 'node_modules/.bin/pouchdb-server'), ['--in-memory', '--host', '127.0.0.1', '--port', String(port)], { cwd: serverDir, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('PouchDB Server did not start');
}

async function stopServer(): Promise<void> {
  const running = server;
  server = null;
  if (!running || running.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    running.once('exit', () => resolve());
    running.kill('SIGTERM');
  });
}

/** The documents of the database, as the server has them. */
async function serverDocs(): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${dbUrl()}/_all_docs?include_docs=true`, { headers: { authorization: auth } });
  if (!response.ok) return [];
  const body = (await response.json()) as { rows: { doc: Record<string, unknown> }[] };
  return body.rows.map((r) => r.doc);
}

/** Sets sync up on the options page, as a reader would. */
async function configure(browser: ExtensionBrowser, name: string, password = ADMIN.password): Promise<Page> {
  const options = await browser.extensionPage('options/index.html');
  await options.getByTestId('sync-url').fill(dbUrl());
  await options.getByTestId('sync-user').fill(ADMIN.user);
  await options.getByTestId('sync-password').fill(password);
  await options.getByTestId('sync-name').fill(name);
  await options.getByTestId('sync-save').click();
  return options;
}

const statusOf = (page: Page) => page.getByTestId('sync-status').innerText();

/** The status the background wrote last (the page shows it in words). */
const storedStatus = (page: Page) =>
  page.evaluate(async () => ((await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('syncStatus')).syncStatus ?? {}) as { at?: string; state?: string });

/** Clicks "Sync now" and waits for the run it starts to finish. */
async function syncNow(options: Page): Promise<void> {
  const before = (await storedStatus(options)).at;
  await options.getByTestId('sync-now').click();
  await expect.poll(async () => { const s = await storedStatus(options); return s.at !== before && s.state !== 'syncing'; }, { timeout: 20_000 }).toBe(true);
}

/** Highlights the first words of the article's first paragraph in the reader view. */
async function highlight(browser: ExtensionBrowser, from = 0.1, to = 0.5): Promise<{ page: Page; quote: string }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 1600 });
  await page.goto(FILE_URL);
  await page.getByTestId('reader').waitFor({ timeout: 10_000 });
  await page.locator('[data-pizhu="ui"]').waitFor({ state: 'attached', timeout: 10_000 });
  const block = page.getByTestId('reader-block').first();
  const box = (await block.boundingBox())!;
  await page.mouse.move(box.x + box.width * from, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to, box.y + 12, { steps: 6 });
  await page.mouse.up();
  const quote = await page.evaluate(() => getSelection()!.toString());
  await page.getByTestId('toolbar').waitFor();
  await page.getByTestId('color-blue').click();
  await expect.poll(() => page.getByTestId('toolbar').count()).toBe(0);
  return { page, quote };
}

async function popupItems(browser: ExtensionBrowser): Promise<string[]> {
  const popup = await browser.extensionPage('popup/index.html');
  await popup.getByTestId('popup-sync-state').waitFor({ state: 'attached' });
  await new Promise((r) => setTimeout(r, 500));
  const items = await popup.getByTestId('annotation-item').allInnerTexts();
  await popup.close();
  return items;
}

const painted = (page: Page) =>
  page.evaluate(() => [...CSS.highlights.entries()].filter(([name]) => name.startsWith('pizhu')).flatMap(([, h]) => [...h].map((r) => (r as Range).toString())));

beforeAll(async () => {
  port = await freePort();
  serverDir = mkdtempSync(join(tmpdir(), 'pizhu-couch-'));
  await startServer();
  // An admin: from now on the server answers 401 to a wrong name or password.
  const made = await fetch(`http://127.0.0.1:${port}/_config/admins/${ADMIN.user}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
  expect(made.ok).toBe(true);
  [one, two] = [await launchWithExtension(), await launchWithExtension()];
});

afterAll(async () => {
  await one?.close();
  await two?.close();
  await stopServer();
  if (serverDir) rmSync(serverDir, { recursive: true, force: true });
});

describe('sync through a CouchDB server', () => {
  let optionsOne: Page;
  let optionsTwo: Page;
  let made: { page: Page; quote: string };

  it('sets up through the options page: the database is created and the status says synced', async () => {
    optionsOne = await configure(one, '甲');
    await expect.poll(() => statusOf(optionsOne), { timeout: 20_000 }).toMatch(/^Synced at/);
    const info = await fetch(dbUrl(), { headers: { authorization: auth } });
    expect(info.status).toBe(200);
    optionsTwo = await configure(two, '乙');
    await expect.poll(() => statusOf(optionsTwo), { timeout: 20_000 }).toMatch(/^Synced at/);
  });

  it('a highlight made in one browser appears in the other, with its maker\'s name', async () => {
    made = await highlight(one);
    // The change starts a run by itself (debounced): the server gets a W3C annotation.
    await expect.poll(async () => (await serverDocs()).filter((d) => d.type === 'Annotation').length, { timeout: 20_000 }).toBe(1);
    const [doc] = (await serverDocs()).filter((d) => d.type === 'Annotation');
    expect(doc!.creator).toEqual({ type: 'Person', name: '甲' });
    expect(JSON.stringify(await serverDocs())).not.toContain(ADMIN.password);
    await syncNow(optionsTwo);
    await expect.poll(() => popupItems(two), { timeout: 20_000 }).toHaveLength(1);
    const [item] = await popupItems(two);
    expect(item).toContain(made.quote.trim().slice(0, 6));
    expect(item).toContain('甲');
    // Its maker does not see their own name.
    expect((await popupItems(one))[0]).not.toContain('甲');
  });

  it('a deletion in the other browser disappears in the first, from its open page too', async () => {
    const popup = await two.extensionPage('popup/index.html');
    await popup.getByTestId('annotation-item').first().hover();
    await popup.getByTestId('annotation-delete').first().click();
    await expect.poll(() => popup.getByTestId('annotation-item').count()).toBe(0);
    // Past the undo's few seconds, the deletion is sent.
    await expect.poll(async () => (await serverDocs()).filter((d) => d.type === 'pizhu:Tombstone').length, { timeout: 30_000 }).toBe(1);
    await popup.close();
    await syncNow(optionsOne);
    await expect.poll(() => popupItems(one), { timeout: 20_000 }).toHaveLength(0);
    await expect.poll(() => painted(made.page), { timeout: 20_000 }).toEqual([]);
  });

  it('with the server down both keep working; when it is back they converge', async () => {
    await stopServer();
    await made.page.close();
    const inOne = await highlight(one, 0.1, 0.3);
    await inOne.page.close();
    const inTwo = await highlight(two, 0.5, 0.8);
    await inTwo.page.close();
    await syncNow(optionsOne);
    expect(await statusOf(optionsOne)).toContain('Server unreachable: will retry');
    expect(await statusOf(optionsOne)).toMatch(/change/);
    expect(await popupItems(one)).toHaveLength(1);
    expect(await popupItems(two)).toHaveLength(1);
    // Back (empty: it kept nothing in memory): both browsers send their libraries again.
    await startServer();
    await syncNow(optionsOne);
    await syncNow(optionsTwo);
    await syncNow(optionsOne);
    expect(await statusOf(optionsOne)).toMatch(/^Synced at/);
    await expect.poll(() => popupItems(one), { timeout: 20_000 }).toHaveLength(2);
    await expect.poll(() => popupItems(two), { timeout: 20_000 }).toHaveLength(2);
  });

  it('a wrong password is shown as a 401 in words and changes nothing', async () => {
    const before = await popupItems(two);
    await optionsTwo.close();
    optionsTwo = await configure(two, '乙', 'wrong password');
    await expect.poll(() => statusOf(optionsTwo), { timeout: 20_000 }).toContain('Name or password wrong (401)');
    expect(await popupItems(two)).toEqual(before);
    expect((await serverDocs()).filter((d) => d.type === 'Annotation')).toHaveLength(2);
  });
});
