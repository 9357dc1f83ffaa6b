// Archive files opened through Pizhu, as a reader does it in Chromium: choose a file on the library
// page, highlight in the reader page, and find the highlight on the file:// copy and on the live
// Reuters page; open a folder of the corpus and find an article by a phrase from the middle of its body.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArchive } from '../../src/parse/parse-archive';
import { CORPUS_DIR, corpusFiles, readCorpus } from '../shared-data';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { livePageOf } from './page-helpers';

const FILE = 'reuters/1040207.md';
const article = parseArchive(readCorpus(FILE));
const livePage = livePageOf(article);

let browser: ExtensionBrowser;
let library: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.route(/^https?:/, (route) => (route.request().url() === article.url ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: livePage }) : route.abort()));
  library = await browser.extensionPage('popup/library.html');
});
afterAll(async () => browser?.close());

/** The pizhu highlights painted in a page, as their text. */
const painted = (page: Page) => page.evaluate(() => [...CSS.highlights.entries()].filter(([name]) => name.startsWith('pizhu-')).flatMap(([, h]) => [...h].map((r) => (r as Range).toString())));

/** Drags across an element's first line, from one fraction of its width to another. */
async function select(page: Page, element: Locator, from: number, to: number) {
  await element.scrollIntoViewIfNeeded();
  const box = (await element.boundingBox())!;
  await page.mouse.move(box.x + box.width * from, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to, box.y + 12, { steps: 8 });
  await page.mouse.up();
}

describe('archive files opened through Pizhu', () => {
  it('opens a chosen file in the reader page, where a highlight belongs to the article everywhere', async () => {
    const opened = browser.context.waitForEvent('page');
    await library.getByTestId('archive-files').setInputFiles(join(CORPUS_DIR, FILE));
    const reader = await opened;
    await reader.getByTestId('reader').waitFor({ timeout: 15_000 });
    expect(reader.url()).toContain('/reader/index.html#id=');
    await expect(reader.getByTestId('reader-title').textContent()).resolves.toBe(article.title);
    await expect(reader.getByTestId('reader-block').count()).resolves.toBe(article.blocks.length);
    await reader.locator('[data-pizhu="ui"]').waitFor({ state: 'attached', timeout: 10_000 });

    // The reader selects words with the mouse and picks a colour.
    await select(reader, reader.getByTestId('reader-block').first(), 0.1, 0.5);
    const selected = await reader.evaluate(() => getSelection()!.toString());
    await reader.getByTestId('color-green').click();
    await expect.poll(() => painted(reader), { timeout: 5000 }).toEqual([selected]);

    // The file opened on its own keeps its text: show original text, and back.
    await reader.getByTestId('reader-raw').click();
    await expect(reader.locator('pre').isVisible()).resolves.toBe(true);
    await reader.getByTestId('reader-raw').click();
    await expect.poll(() => painted(reader)).toEqual([selected]);

    // The same article's file:// copy and its live page show it.
    const copy = await browser.context.newPage();
    await copy.goto(pathToFileURL(join(CORPUS_DIR, FILE)).href);
    await copy.getByTestId('reader').waitFor({ timeout: 10_000 });
    await expect.poll(() => painted(copy), { timeout: 10_000 }).toEqual([selected]);
    await copy.goto(article.url);
    await expect.poll(() => painted(copy), { timeout: 10_000 }).toEqual([selected]);

    // After a reload the reader page still shows the article and its highlight.
    await reader.reload();
    await reader.getByTestId('reader').waitFor({ timeout: 10_000 });
    await expect.poll(() => painted(reader), { timeout: 10_000 }).toEqual([selected]);
    await reader.close();
    await copy.close();
  });

  it('reads a folder into a collection, and finds an article by a phrase from the middle of its body', async () => {
    await library.bringToFront();
    await library.getByTestId('archive-folder').setInputFiles(CORPUS_DIR);
    const count = corpusFiles().length;
    await expect.poll(() => library.getByRole('status').allTextContents(), { timeout: 60_000 }).toEqual(expect.arrayContaining([expect.stringContaining(`${count}`)]));
    await library.getByTestId('archive-item').first().waitFor({ timeout: 10_000 });

    const target = parseArchive(readCorpus('nyt/1041950.md'));
    const middle = target.blocks.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text);
    const phrase = /[\u4e00-\u9fff][^\sA-Za-z]{5,9}/.exec(middle[Math.floor(middle.length / 2)]!)![0];
    await library.getByTestId('archive-search').fill(phrase);
    const hit = library.getByTestId('archive-item').filter({ hasText: target.title });
    await hit.waitFor({ timeout: 15_000 });
    // The passage comes once the row is on screen.
    await expect.poll(() => hit.textContent(), { timeout: 10_000 }).toContain(phrase);

    // Opening it shows it in the reader (a folder's file keeps no raw text: no show original text).
    const opened = browser.context.waitForEvent('page');
    await hit.click();
    const reader = await opened;
    await reader.getByTestId('reader-title').waitFor({ timeout: 10_000 });
    await expect(reader.getByTestId('reader-title').textContent()).resolves.toBe(target.title);
    await expect(reader.getByTestId('reader-raw').count()).resolves.toBe(0);
    await reader.close();
  });

  it("keeps a folder chosen with the browser's folder picker, and reads it again for the files added since", async () => {
    const page = await browser.context.newPage();
    // The picker is the browser's own dialog: here it answers a folder of the page's private file system, filled as a reader's disk would be.
    await page.addInitScript(() => {
      (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
        (await navigator.storage.getDirectory()).getDirectoryHandle('news', { create: true });
    });
    await page.goto(`chrome-extension://${browser.extensionId}/popup/library.html#archive`);
    // A search first builds the page's index from the collection read before: its progress ends with it.
    await page.getByTestId('archive-search').fill('中国');
    await page.getByTestId('archive-item').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('.archive-progress').count(), { timeout: 10_000 }).toBe(0);
    await page.getByTestId('archive-search').fill('');
    /** A corpus file as an article of its own: its address and title carry `mark`. */
    const write = (name: string, file: string, mark: string) =>
      page.evaluate(
        async ([n, t]) => {
          const dir = await (await (await navigator.storage.getDirectory()).getDirectoryHandle('news', { create: true })).getDirectoryHandle('reuters', { create: true });
          const writable = await (await dir.getFileHandle(n!, { create: true })).createWritable();
          await writable.write(t!);
          await writable.close();
        },
        [name, readCorpus(file).replace(/^(\s*<!--\d+-->\s*\n)\[(.*)\]\((\S+?)\)/, (_, head, title, url) => `${head}[${title}${mark}](${url}-${mark})`)],
      );
    const [first, second] = corpusFiles().filter((f) => f.startsWith('reuters/'));
    await write('a.md', first!, 'kept1');
    await page.getByText(/Open a folder|打开文件夹/).click();
    const kept = page.locator('.archive-collections li').filter({ hasText: 'news' });
    await expect.poll(() => kept.textContent(), { timeout: 15_000 }).toMatch(/\b1\b/);

    await write('b.md', second!, 'kept2');
    const tabs = browser.context.pages().length;
    await kept.getByTestId('archive-reread').click();
    await expect.poll(() => kept.textContent(), { timeout: 15_000 }).toMatch(/\b2\b/);
    // A folder read again stays in the list: no reader tab opens for its new file.
    await page.waitForTimeout(500);
    expect(browser.context.pages().length).toBe(tabs);
    await page.getByTestId('archive-search').fill('kept2');
    await expect.poll(() => page.getByTestId('archive-item').count(), { timeout: 10_000 }).toBe(1);
    // Read again with nothing new: nothing is read twice.
    await kept.getByTestId('archive-reread').click();
    await expect.poll(() => page.getByTestId('archive-reread-news').textContent(), { timeout: 10_000 }).toBe('No new files in “news”.');
    await expect(kept.textContent()).resolves.toMatch(/\b2\b/);
    await page.close();
  });
});
