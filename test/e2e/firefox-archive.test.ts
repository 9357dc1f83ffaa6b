// Archive files in Firefox, as a reader meets them: a file opened from disk, with file access not
// (yet) switched on, and the popup's advice on it; the same file opened through Pizhu (the library
// page's archive-files), highlighted in the reader page, and the highlight on the live Reuters page;
// then file access switched on in about:addons, and the file from disk shows the reader and the highlight.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArchive } from '../../src/parse/parse-archive';
import { CORPUS_DIR, readCorpus } from '../shared-data';
import { EXTENSION_BASE, findTab, grantFileAccess, launchFirefox, openPrivileged, waitForAddress } from './firefox-browser';
import { livePageOf } from './page-helpers';

const FILE = 'reuters/1040207.md';
/** Another file of the same folder. */
const NEXT = 'reuters/1026000.md';
const FILE_URL = pathToFileURL(join(CORPUS_DIR, FILE)).href;
const article = parseArchive(readCorpus(FILE));
const livePage = livePageOf(article);
const HINT =
  'For a file opened from disk, switch on “Access local files on your computer” (about:addons → Pizhu → Permissions) and reload the tab, or open the file through Pizhu with “Open archive files…”.';

let browser: Browser;
let file: Page;
let popup: Page;
/** The words highlighted in the reader page. */
let selected = '';

beforeAll(async () => {
  browser = await launchFirefox();
  popup = await openPrivileged(browser, `${EXTENSION_BASE}popup/index.html`);
  file = await browser.newPage();
});
afterAll(async () => browser?.close());

/** The pizhu highlights painted in a page, as their text. */
const painted = (page: Page) => page.evaluate(() => [...CSS.highlights.entries()].filter(([name]) => name.startsWith('pizhu-')).flatMap(([, h]) => [...h].map((r) => (r as Range).toString())));

/** Makes `page` the active tab, then reloads the popup so it asks about that tab. */
async function popupFor(page: Page): Promise<void> {
  await page.bringToFront();
  await popup.evaluate(() => location.reload());
  await waitForAddress(popup, (href) => href.endsWith('/popup/index.html'));
}

/** Drags across the first line of the reader page's first block, then picks a colour. */
async function highlightInReader(reader: Page): Promise<string> {
  await reader.bringToFront();
  await reader.waitForSelector('[data-pizhu="ui"]', { timeout: 10_000 });
  const block = (await reader.$('[data-testid="reader-block"]'))!;
  const box = (await block.boundingBox())!;
  await reader.mouse.move(box.x + box.width * 0.1, box.y + 12);
  await reader.mouse.down();
  await reader.mouse.move(box.x + box.width * 0.6, box.y + 12, { steps: 8 });
  await reader.mouse.up();
  const words = await reader.evaluate(() => getSelection()!.toString());
  const swatch = await reader.waitForSelector('pierce/[data-testid="color-green"]', { timeout: 10_000 });
  await swatch!.click();
  return words;
}

describe('Firefox: archive files', () => {
  it('shows a .md file from disk as text; without file access Pizhu stays out, and the popup says where to switch it on or to open the file through Pizhu', async () => {
    await file.goto(FILE_URL, { waitUntil: 'load' });
    await expect(file.evaluate(() => document.contentType)).resolves.toBe('text/markdown');
    await expect(file.$eval('body > pre', (pre) => pre.textContent)).resolves.toContain(article.title);
    await popupFor(file);
    const hint = await popup.waitForSelector('[data-testid="file-access-hint"]', { timeout: 5000 });
    await expect(hint!.evaluate((p) => p.textContent)).resolves.toBe(HINT);
    await expect(file.$$eval('[data-testid="reader"]', (els) => els.length)).resolves.toBe(0);
  });

  it("the popup's file buttons open the library page, where that button has the focus: Firefox closes a popup whose file chooser opens", async () => {
    await popup.bringToFront();
    // The visible button, the label of the input: a click on it, as the reader's.
    const button = (await popup.waitForSelector('label:has(> input[data-testid="archive-files"])', { timeout: 5000 }))!;
    await button.click();
    const library = await findTab(browser, (href) => href.endsWith('/popup/library.html#archive-files'));
    await expect.poll(() => library.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid), { timeout: 10_000 }).toBe('archive-files');
    await expect(library.evaluate(() => document.querySelector('[role="tab"][aria-selected="true"]')?.id)).resolves.toBe('tab-archive');
    await (await popup.waitForSelector('[data-testid="import-button"]'))!.click();
    const importing = await findTab(browser, (href) => href.endsWith('/popup/library.html#import'));
    await expect.poll(() => importing.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid), { timeout: 10_000 }).toBe('import-input');
    await library.close();
    await importing.close();
  });

  it('opens the file through archive-files; a highlight made in the reader page is on the live Reuters page', async () => {
    const library = await openPrivileged(browser, `${EXTENSION_BASE}popup/library.html`);
    const input = await library.waitForSelector('input[data-testid="archive-files"]');
    await input!.uploadFile(join(CORPUS_DIR, FILE));
    const reader = await findTab(browser, (href) => href.startsWith(`${EXTENSION_BASE}reader/index.html#id=`));
    await reader.waitForSelector('[data-testid="reader"]', { timeout: 15_000 });
    await expect(reader.$eval('[data-testid="reader-title"]', (h) => h.textContent)).resolves.toBe(article.title);
    selected = await highlightInReader(reader);
    expect(selected.length).toBeGreaterThan(3);
    await expect.poll(() => painted(reader), { timeout: 5000 }).toEqual([selected]);

    const live = await browser.newPage();
    await live.setRequestInterception(true);
    live.on('request', (request) => {
      const done = request.url() === article.url ? request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: livePage }) : request.abort();
      // A request the browser already gave up on cannot be answered; that is not a test failure.
      done.catch(() => undefined);
    });
    await live.goto(article.url, { waitUntil: 'load' });
    await expect.poll(() => painted(live), { timeout: 10_000 }).toEqual([selected]);
    await Promise.all([library.close(), reader.close(), live.close()]);
  });

  it('with “Access local files on your computer” switched on in about:addons, the file from disk shows the reader, the highlight and, in the popup, its article', async () => {
    await expect(grantFileAccess(browser)).resolves.toBe('Access local files on your computer');
    await file.reload({ waitUntil: 'load' });
    await file.waitForSelector('[data-testid="reader"]', { timeout: 10_000 });
    await expect.poll(() => painted(file), { timeout: 10_000 }).toEqual([selected]);
    // Its publication time in words once the first frame is drawn, not left in the first frame's digits (content-scripts/reader/dates.ts).
    await expect.poll(() => file.$eval('[data-testid="reader"] time', (time) => time.textContent), { timeout: 5000 }).toMatch(/^(?!\d{4}-\d\d-\d\d \d\d:\d\d$).*2021/);
    await popupFor(file);
    // The tab's article has a highlight: it comes first in the list, marked as this tab's.
    const current = await popup.waitForSelector('.article.current-article', { timeout: 5000 });
    await expect(current!.evaluate((el) => el.getAttribute('data-id'))).resolves.toBe(article.id);
    await expect(popup.$$eval('[data-testid="file-access-hint"]', (els) => els.length)).resolves.toBe(0);
  });

  it("keeps that file's folder for the reader: the browser runs it on the folder's next file, once", async () => {
    const folder = `${pathToFileURL(join(CORPUS_DIR, 'reuters')).href}/*.md`;
    const kept = () =>
      popup.evaluate(async () => {
        const scripting = (globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[]; excludeMatches?: string[] }[]> } } }).browser.scripting;
        return (await scripting.getRegisteredContentScripts()).map((s) => ({ matches: s.matches, excludeMatches: s.excludeMatches }));
      });
    // Archive folders below it are left to the manifest's reader, as in Chromium.
    await expect.poll(kept, { timeout: 5000 }).toEqual([{ matches: [folder], excludeMatches: ['file:///*/articles/*/*.md'] }]);
    const next = parseArchive(readCorpus(NEXT));
    await file.goto(pathToFileURL(join(CORPUS_DIR, NEXT)).href, { waitUntil: 'load' });
    await file.waitForSelector('[data-testid="reader"]', { timeout: 10_000 });
    await expect(file.$eval('[data-testid="reader-title"]', (h) => h.textContent)).resolves.toBe(next.title);
    await expect(file.$$eval('.pizhu-reader', (els) => els.length)).resolves.toBe(1);
  });

  it('in an archive folder (…/articles/reuters/1040207.md), the reader runs without the detector, once, with the highlight; a Markdown file there that is no archive is left as it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pizhu-folder-'));
    mkdirSync(join(dir, 'articles/reuters'), { recursive: true });
    mkdirSync(join(dir, 'articles/notes'), { recursive: true });
    copyFileSync(join(CORPUS_DIR, FILE), join(dir, 'articles', FILE));
    const notOurs = '# 笔记\n\n[路透](https://cn.reuters.com/article/x)\n';
    writeFileSync(join(dir, 'articles/notes/readme.md'), notOurs);
    await file.goto(pathToFileURL(join(dir, 'articles', FILE)).href, { waitUntil: 'load' });
    await file.waitForSelector('[data-testid="reader"]', { timeout: 10_000 });
    await expect.poll(() => painted(file), { timeout: 10_000 }).toEqual([selected]);
    await expect(file.$$eval('.pizhu-reader', (els) => els.length)).resolves.toBe(1);
    await file.goto(pathToFileURL(join(dir, 'articles/notes/readme.md')).href, { waitUntil: 'load' });
    await new Promise((done) => setTimeout(done, 500));
    await expect(file.evaluate(() => [document.body.children.length, document.querySelector('body > pre')?.textContent, document.documentElement.dataset.pizhuReader])).resolves.toEqual([
      1,
      notOurs,
      undefined,
    ]);
  });
});
