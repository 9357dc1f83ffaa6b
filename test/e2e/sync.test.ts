// Sync as readers use it, in Chromium with the built extension: a PouchDB Server on loopback with an
// admin name and password, two browser profiles set up through the options page; a highlight made in
// one appears in the other's open popup and library page, a deletion in the other disappears from the
// first's open library page and article, with no action in the browser that receives; with the server down
// both keep working, then converge; a wrong password is shown as a 401 and changes nothing.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../shared-data';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { ADMIN, configureSync, startTestServer, storedSyncStatus as storedStatus, syncStatusText as statusOf, type TestServer } from './sync-server';

const FILE_URL = pathToFileURL(join(CORPUS_DIR, 'reuters/1040207.md')).href;

let server: TestServer;
let one: ExtensionBrowser;
let two: ExtensionBrowser;

const serverDocs = () => server.docs();

/** Sets sync up on the options page, as a reader would. */
const configure = (browser: ExtensionBrowser, name: string, password = ADMIN.password) => configureSync(browser, server.dbUrl(), name, password);

/** Clicks "Sync now" and waits for the run it starts to finish. */
async function syncNow(options: Page): Promise<void> {
  const before = (await storedStatus(options)).at;
  await options.getByTestId('sync-now').click();
  await expect
    .poll(
      async () => {
        const s = await storedStatus(options);
        return s.at !== before && s.state !== 'syncing';
      },
      { timeout: 20_000 },
    )
    .toBe(true);
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

const painted = (page: Page) => page.evaluate(() => [...CSS.highlights.entries()].filter(([name]) => name.startsWith('pizhu')).flatMap(([, h]) => [...h].map((r) => (r as Range).toString())));

beforeAll(async () => {
  // With an admin: the server answers 401 to a wrong name or password.
  server = await startTestServer();
  [one, two] = [await launchWithExtension(), await launchWithExtension()];
});

afterAll(async () => {
  await one?.close();
  await two?.close();
  await server?.close();
});

describe('sync through a CouchDB server', () => {
  let optionsOne: Page;
  let optionsTwo: Page;
  let made: { page: Page; quote: string };

  it('sets up through the options page: the database is created and the status says synced', async () => {
    optionsOne = await configure(one, '甲');
    await expect.poll(() => statusOf(optionsOne), { timeout: 20_000 }).toMatch(/^Synced at/);
    const info = await fetch(server.dbUrl(), { headers: { authorization: server.auth } });
    expect(info.status).toBe(200);
    optionsTwo = await configure(two, '乙');
    await expect.poll(() => statusOf(optionsTwo), { timeout: 20_000 }).toMatch(/^Synced at/);
  });

  it("a highlight made in one browser appears in the other within seconds, with no action there: in its open popup and library page, with its maker's name", async () => {
    // Browser two's popup and library page are open (the library page filtered to blue) before the highlight is made.
    const popupTwo = await two.extensionPage('popup/index.html');
    const libraryTwo = await two.extensionPage('popup/library.html');
    await libraryTwo.getByTestId('filter-blue').click();
    await expect.poll(async () => (await storedStatus(optionsTwo)).state, { timeout: 20_000 }).toBe('ok');
    made = await highlight(one);
    // The change starts a run by itself (debounced): the server gets a W3C annotation.
    await expect.poll(async () => (await serverDocs()).filter((d) => d.type === 'Annotation').length, { timeout: 20_000 }).toBe(1);
    const [doc] = (await serverDocs()).filter((d) => d.type === 'Annotation');
    expect(doc!.creator).toEqual({ type: 'Person', name: '甲' });
    expect(JSON.stringify(await serverDocs())).not.toContain(ADMIN.password);
    // Browser two watches the server's changes: nothing is clicked or opened there.
    await expect.poll(() => popupTwo.getByTestId('annotation-item').count(), { timeout: 15_000 }).toBe(1);
    const [item] = await popupTwo.getByTestId('annotation-item').allInnerTexts();
    expect(item).toContain(made.quote.trim().slice(0, 6));
    expect(item).toContain('甲');
    await expect.poll(() => libraryTwo.getByTestId('annotation-item').count(), { timeout: 5_000 }).toBe(1);
    expect(await libraryTwo.getByTestId('filter-blue').getAttribute('aria-pressed')).toBe('true');
    await Promise.all([popupTwo.close(), libraryTwo.close()]);
    // Its maker does not see their own name.
    expect((await popupItems(one))[0]).not.toContain('甲');
  });

  it('a deletion in the other browser disappears in the first within seconds: from its open library page, keeping its search, and from its open page', async () => {
    const libraryOne = await one.extensionPage('popup/library.html');
    const words = made.quote.trim().slice(0, 4);
    await libraryOne.getByTestId('search').fill(words);
    await expect.poll(() => libraryOne.getByTestId('annotation-item').count()).toBe(1);
    const popup = await two.extensionPage('popup/index.html');
    await popup.getByTestId('annotation-item').first().hover();
    await popup.getByTestId('annotation-delete').first().click();
    await expect.poll(() => popup.getByTestId('annotation-item').count()).toBe(0);
    // Past the undo's few seconds, the deletion is sent.
    await expect.poll(async () => (await serverDocs()).filter((d) => d.type === 'pizhu:Tombstone').length, { timeout: 30_000 }).toBe(1);
    await popup.close();
    // Nothing is clicked in browser one: its watch of the server brings the deletion.
    await expect.poll(() => libraryOne.getByTestId('annotation-item').count(), { timeout: 15_000 }).toBe(0);
    expect(await libraryOne.getByTestId('search').inputValue()).toBe(words);
    await expect.poll(() => painted(made.page), { timeout: 5_000 }).toEqual([]);
    await libraryOne.close();
    expect(await popupItems(one)).toHaveLength(0);
  });

  it('with the server down both keep working; when it is back they converge', async () => {
    await server.stop();
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
    await server.start();
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
