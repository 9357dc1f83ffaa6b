// Sync into Firefox: a Chromium profile with a highlight syncs to a PouchDB Server on loopback; a
// Firefox profile set up through its options page, as a reader would, gets the same library (in its
// popup, and painted on the archive file in its reader page); then, each browser left alone, a highlight
// made in Chromium reaches Firefox's open popup and a deletion made in Firefox leaves Chromium's open library page.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page as ChromiumPage } from 'playwright-core';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../shared-data';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { EXTENSION_BASE, findTab, launchFirefox, openPrivileged } from './firefox-browser';
import { ADMIN, configureSync, startTestServer, syncStatusText, type TestServer } from './sync-server';

const FILE = 'reuters/1040207.md';
const FILE_URL = pathToFileURL(join(CORPUS_DIR, FILE)).href;

let server: TestServer;
let chromium: ExtensionBrowser;
let firefox: Browser;

beforeAll(async () => {
  server = await startTestServer();
  chromium = await launchWithExtension();
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await chromium?.close();
  await server?.close();
});

/** The pizhu highlights painted in a page, as their text. */
const paintedIn = (page: Page) => page.evaluate(() => [...CSS.highlights.entries()].filter(([name]) => name.startsWith('pizhu')).flatMap(([, h]) => [...h].map((r) => (r as Range).toString())));

/** Highlights the first words of the article's first paragraph in Chromium's reader view. */
async function highlightInChromium(from = 0.1, to = 0.5): Promise<string> {
  const page = await chromium.context.newPage();
  await page.setViewportSize({ width: 1200, height: 1600 });
  await page.goto(FILE_URL);
  await page.getByTestId('reader').waitFor({ timeout: 10_000 });
  await page.locator('[data-pizhu="ui"]').waitFor({ state: 'attached', timeout: 10_000 });
  const box = (await page.getByTestId('reader-block').first().boundingBox())!;
  await page.mouse.move(box.x + box.width * from, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to, box.y + 12, { steps: 6 });
  await page.mouse.up();
  const quote = await page.evaluate(() => getSelection()!.toString());
  await page.getByTestId('color-blue').click();
  await expect.poll(() => page.getByTestId('toolbar').count()).toBe(0);
  await page.close();
  return quote;
}

/** The annotation items of a Chromium popup opened now. */
async function chromiumItems(): Promise<string[]> {
  const popup: ChromiumPage = await chromium.extensionPage('popup/index.html');
  await popup.getByTestId('popup-sync-state').waitFor({ state: 'attached' });
  await new Promise((r) => setTimeout(r, 500));
  const items = await popup.getByTestId('annotation-item').allInnerTexts();
  await popup.close();
  return items;
}

/** The text of every element with this test id in a Firefox page. */
const textsOf = (page: Page, testId: string) => page.$$eval(`[data-testid="${testId}"]`, (els) => els.map((el) => el.textContent ?? ''));

/** Types into an input of the Firefox options page, as a reader does. */
async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  const input = (await page.waitForSelector(`[data-testid="${testId}"]`))!;
  await input.click();
  await input.type(text);
}

describe('Firefox: the same library, synced from Chromium through the same server', () => {
  let quote = '';
  let second = '';
  let options: Page;
  /** Firefox's reader page on the article, left open. */
  let reader: Page;

  it('a highlight made in Chromium reaches the server', async () => {
    const chromiumOptions = await configureSync(chromium, server.dbUrl(), '甲');
    await expect.poll(() => syncStatusText(chromiumOptions), { timeout: 20_000 }).toMatch(/^Synced at/);
    quote = await highlightInChromium();
    await expect.poll(async () => (await server.docs()).filter((d) => d.type === 'Annotation').length, { timeout: 20_000 }).toBe(1);
  });

  it("Firefox, set up on its options page, gets it: in the popup with its maker's name, and painted on the article in its reader page", async () => {
    options = await openPrivileged(firefox, `${EXTENSION_BASE}options/index.html`);
    await typeInto(options, 'sync-url', server.dbUrl());
    await typeInto(options, 'sync-user', ADMIN.user);
    await typeInto(options, 'sync-password', ADMIN.password);
    await typeInto(options, 'sync-name', '乙');
    await (await options.$('[data-testid="sync-save"]'))!.click();
    await expect.poll(() => options.$eval('[data-testid="sync-status"]', (p) => p.textContent), { timeout: 30_000 }).toMatch(/^Synced at/);

    const popup = await openPrivileged(firefox, `${EXTENSION_BASE}popup/index.html`);
    await expect.poll(() => textsOf(popup, 'annotation-item'), { timeout: 20_000 }).toHaveLength(1);
    const [item] = await textsOf(popup, 'annotation-item');
    expect(item).toContain(quote.trim().slice(0, 6));
    expect(item).toContain('甲');
    await popup.close();

    const library = await openPrivileged(firefox, `${EXTENSION_BASE}popup/library.html`);
    const input = await library.waitForSelector('input[data-testid="archive-files"]');
    await input!.uploadFile(join(CORPUS_DIR, FILE));
    reader = await findTab(firefox, (href) => href.startsWith(`${EXTENSION_BASE}reader/index.html#id=`));
    await reader.waitForSelector('[data-testid="reader"]', { timeout: 15_000 });
    await expect.poll(() => paintedIn(reader), { timeout: 10_000 }).toEqual([quote]);
    await library.close();
  });

  it("with Firefox's popup open, a highlight made in Chromium appears in it within seconds, with no action in Firefox, and on its open reader page", async () => {
    const popup = await openPrivileged(firefox, `${EXTENSION_BASE}popup/index.html`);
    await expect.poll(() => textsOf(popup, 'annotation-item')).toHaveLength(1);
    // The popup's opening starts a run; Firefox then watches the server.
    await expect.poll(() => textsOf(popup, 'popup-sync-state'), { timeout: 20_000 }).toEqual([expect.stringMatching(/^Synced at/)]);
    second = await highlightInChromium(0.6, 0.85);
    await expect.poll(() => textsOf(popup, 'annotation-item'), { timeout: 15_000 }).toHaveLength(2);
    expect((await textsOf(popup, 'annotation-item')).join('\n')).toContain(second.trim().slice(0, 4));
    await popup.close();
    // The reader page left open paints it too.
    await expect.poll(async () => (await paintedIn(reader)).sort(), { timeout: 10_000 }).toEqual([quote, second].sort());
  });

  it("a deletion made in Firefox disappears from Chromium's open library page within seconds, with no action in Chromium", async () => {
    const library = await chromium.extensionPage('popup/library.html');
    await expect.poll(() => library.getByTestId('annotation-item').count(), { timeout: 10_000 }).toBe(2);
    const popup = await openPrivileged(firefox, `${EXTENSION_BASE}popup/index.html`);
    await expect.poll(() => textsOf(popup, 'annotation-item')).toHaveLength(2);
    const item = (await popup.waitForSelector('[data-testid="annotation-item"]'))!;
    await item.hover();
    await (await popup.waitForSelector('[data-testid="annotation-delete"]'))!.click();
    await expect.poll(() => textsOf(popup, 'annotation-item')).toHaveLength(1);
    // Past the undo's few seconds, the deletion is sent.
    await expect.poll(async () => (await server.docs()).filter((d) => d.type === 'pizhu:Tombstone').length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => library.getByTestId('annotation-item').count(), { timeout: 15_000 }).toBe(1);
    await library.close();
    // The same highlight is left in both.
    const [left] = await textsOf(popup, 'annotation-item');
    const [leftInChromium] = await chromiumItems();
    expect(left).toContain(leftInChromium!.trim().slice(0, 4));
    await popup.close();
  });
});
