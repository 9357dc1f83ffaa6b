// A file in an archive folder (`…/articles/<source>/<id>.md`, as the public archive lays its files out),
// in Chromium: the manifest runs the reader there itself, without the detector's round trip through the
// background; a Markdown file there that is no archive is left exactly as it is.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArchive } from '../../src/parse/parse-archive';
import { CORPUS_DIR, readCorpus } from '../shared-data';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { FILE_URL, openReader, painted, select } from './page-helpers';

const FILE = 'reuters/1040207.md';
const article = parseArchive(readCorpus(FILE));
const dir = mkdtempSync(join(tmpdir(), 'pizhu-folder-'));
mkdirSync(join(dir, 'articles/reuters'), { recursive: true });
mkdirSync(join(dir, 'articles/notes'), { recursive: true });
copyFileSync(join(CORPUS_DIR, FILE), join(dir, 'articles', FILE));
const ARCHIVE_COPY = pathToFileURL(join(dir, 'articles', FILE)).href;
// A Markdown file that starts like one of ours but for its header: the same text in and out of the folder.
const NOT_OURS = '# 笔记\n\n[路透](https://cn.reuters.com/article/x)\n\n<script>document.title = "ran"</script>\n';
writeFileSync(join(dir, 'articles/notes/readme.md'), NOT_OURS);
writeFileSync(join(dir, 'readme.md'), NOT_OURS);

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension({ offline: true });
  page = await browser.context.newPage();
});
afterAll(async () => browser?.close());

/** The whole document as the page holds it, and whether an extension's script marked it. */
const snapshot = (p: Page) => p.evaluate(() => ({ html: document.documentElement.outerHTML, title: document.title, highlights: CSS.highlights.size }));

describe('a file in an archive folder', () => {
  it('shows the reader, once, with the highlights made on another copy of the article', async () => {
    await openReader(page, FILE_URL);
    const words = await select(page, 1, 0.1, 0.5);
    await page.getByTestId('color-blue').click();
    await expect.poll(() => painted(page)).toMatchObject({ 'pizhu-blue': [words] });

    await openReader(page, ARCHIVE_COPY);
    await expect(page.getByTestId('reader-title').textContent()).resolves.toBe(article.title);
    await expect(page.getByTestId('reader-block').count()).resolves.toBe(article.blocks.length);
    await expect(page.locator('.pizhu-reader').count()).resolves.toBe(1);
    await expect.poll(() => painted(page)).toMatchObject({ 'pizhu-blue': [words] });
  });

  it('with the background slow to answer, shows the article without its highlights, takes no selection until they are painted, and loses none', async () => {
    // The background's thread busy for three seconds (a worker just started, a machine under load): the
    // reader, run by the manifest here, shows the article after its 100 ms wait, the highlights not yet in.
    const busy = browser.worker.evaluate(() => {
      const until = Date.now() + 3000;
      while (Date.now() < until);
    });
    // Heard below; a test that fails first must not leave it unheard.
    busy.catch(() => undefined);
    const ranges = async () => Object.values(await painted(page)).flat().length;
    await page.goto(ARCHIVE_COPY);
    await page.getByTestId('reader').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('reader').getAttribute('aria-busy')).resolves.toBe('true');
    expect(await ranges()).toBe(0);
    await select(page, 2, 0.1, 0.5);
    await page.waitForTimeout(200);
    // Checked while the background is still busy: its answer cannot have come.
    await expect(page.getByTestId('reader').getAttribute('aria-busy')).resolves.toBe('true');
    await expect(page.getByTestId('toolbar').count()).resolves.toBe(0);
    await busy;
    // The stored highlight comes and is painted; from then on a selection gets the toolbar.
    await expect.poll(() => painted(page), { timeout: 5000 }).toMatchObject({ 'pizhu-blue': [expect.any(String)] });
    await expect(page.getByTestId('reader').getAttribute('aria-busy')).resolves.toBeNull();
    await page.mouse.click(5, 5);
    await select(page, 2, 0.2, 0.6);
    await page.getByTestId('toolbar').waitFor();
    await page.keyboard.press('Escape');
  });

  it('leaves a Markdown file there that is no archive exactly as the browser shows it elsewhere', async () => {
    await page.goto(pathToFileURL(join(dir, 'readme.md')).href);
    await page.waitForLoadState('load');
    const elsewhere = await snapshot(page);
    await page.goto(pathToFileURL(join(dir, 'articles/notes/readme.md')).href);
    await page.waitForLoadState('load');
    // Long enough for a script run at document_end to have done anything it would.
    await page.waitForTimeout(500);
    expect(await snapshot(page)).toEqual(elsewhere);
    expect(elsewhere.html).toContain('&lt;script&gt;');
    expect(elsewhere.highlights).toBe(0);
  });
});
