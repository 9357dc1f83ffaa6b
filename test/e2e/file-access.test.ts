// Chromium with *Allow access to file URLs* switched off, as a reader who never found it has it: a
// file opened from disk stays raw text and the popup says what to do; the same file opened through
// Pizhu (the library page's archive-files) is read, highlighted, and the highlight is on the live page.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArchive } from '../../src/parse/parse-archive';
import { CORPUS_DIR, readCorpus } from '../shared-data';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { livePageOf } from './page-helpers';

const FILE = 'reuters/1040207.md';
const article = parseArchive(readCorpus(FILE));
const livePage = livePageOf(article);

let browser: ExtensionBrowser;

/** The file copied where an archive folder would hold it (`…/articles/reuters/1040207.md`). */
function archiveFolderCopy(): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'pizhu-folder-')), 'articles', FILE);
  mkdirSync(dirname(copy), { recursive: true });
  copyFileSync(join(CORPUS_DIR, FILE), copy);
  return copy;
}

beforeAll(async () => {
  browser = await launchWithExtension({ fileAccess: false });
  await browser.context.route(/^https?:/, (route) => (route.request().url() === article.url ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: livePage }) : route.abort()));
});
afterAll(async () => browser?.close());

/** The pizhu highlights painted in a page, as their text. */
const painted = (page: Page) => page.evaluate(() => [...CSS.highlights.entries()].filter(([name]) => name.startsWith('pizhu-')).flatMap(([, h]) => [...h].map((r) => (r as Range).toString())));

describe('Chromium without access to file URLs', () => {
  it('leaves a file opened from disk as text, and the popup on it says where to switch access on or how to open it through Pizhu', async () => {
    await expect(
      browser.worker.evaluate(() => (globalThis as unknown as { chrome: { extension: { isAllowedFileSchemeAccess(): Promise<boolean> } } }).chrome.extension.isAllowedFileSchemeAccess()),
    ).resolves.toBe(false);
    const popup = await browser.extensionPage();
    const file = await browser.context.newPage();
    await file.goto(pathToFileURL(join(CORPUS_DIR, FILE)).href);
    await expect(file.locator('body > pre').textContent()).resolves.toContain(article.title);
    await file.bringToFront();
    await popup.reload();
    const hint = popup.getByTestId('file-access-hint');
    await hint.waitFor({ timeout: 5000 });
    await expect(hint.textContent()).resolves.toBe(
      'For a file opened from disk, switch on “Allow access to file URLs” (chrome://extensions → Pizhu → Details) and restart the browser, or open the file through Pizhu with “Open archive files…”.',
    );
    await expect(file.getByTestId('reader').count()).resolves.toBe(0);
    // Where the manifest runs the reader itself (an archive folder's address), it does not run either.
    await file.goto(pathToFileURL(archiveFolderCopy()).href);
    await file.waitForTimeout(500);
    await expect(file.locator('body > pre').isVisible()).resolves.toBe(true);
    await expect(file.getByTestId('reader').count()).resolves.toBe(0);
    await popup.close();
    await file.close();
  });

  it('opens the same file through archive-files; a highlight made there is on the live page', async () => {
    const library = await browser.extensionPage('popup/library.html');
    const opened = browser.context.waitForEvent('page');
    await library.getByTestId('archive-files').setInputFiles(join(CORPUS_DIR, FILE));
    const reader = await opened;
    await reader.getByTestId('reader').waitFor({ timeout: 15_000 });
    await reader.locator('[data-pizhu="ui"]').waitFor({ state: 'attached', timeout: 10_000 });
    const block = reader.getByTestId('reader-block').first();
    const box = (await block.boundingBox())!;
    await reader.mouse.move(box.x + box.width * 0.1, box.y + 12);
    await reader.mouse.down();
    await reader.mouse.move(box.x + box.width * 0.6, box.y + 12, { steps: 8 });
    await reader.mouse.up();
    const selected = await reader.evaluate(() => getSelection()!.toString());
    expect(selected.length).toBeGreaterThan(3);
    await reader.getByTestId('color-yellow').click();
    await expect.poll(() => painted(reader), { timeout: 5000 }).toEqual([selected]);

    const live = await browser.context.newPage();
    await live.goto(article.url);
    await expect.poll(() => painted(live), { timeout: 10_000 }).toEqual([selected]);
    await Promise.all([library.close(), reader.close(), live.close()]);
  });
});
