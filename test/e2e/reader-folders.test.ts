// A folder the reader has opened an archive file in, anywhere on disk (not an archive folder's
// `…/articles/<source>/` layout): the background keeps it, and the browser runs the reader itself on the
// folder's next files, the detector quiet. A Markdown file there that is no archive is left as it is.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArchive } from '../../src/parse/parse-archive';
import { CORPUS_DIR, readCorpus } from '../shared-data';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { openReader, painted, select } from './page-helpers';

const FIRST = 'reuters/1040207.md';
const SECOND = 'reuters/1026000.md';
// A name with a space and Chinese: the browser matches the folder by its percent-encoded address.
const folder = join(mkdtempSync(join(tmpdir(), 'pizhu-folders-')), '路透 存档');
mkdirSync(folder);
const elsewhere = mkdtempSync(join(tmpdir(), 'pizhu-elsewhere-'));
const url = (dir: string, name: string) => pathToFileURL(join(dir, name)).href;
copyFileSync(join(CORPUS_DIR, FIRST), join(folder, 'first.md'));
copyFileSync(join(CORPUS_DIR, SECOND), join(folder, 'second.md'));
// An archive folder under it: the manifest runs the reader there, the kept folder's script must not again.
mkdirSync(join(folder, 'articles/reuters'), { recursive: true });
copyFileSync(join(CORPUS_DIR, FIRST), join(folder, 'articles', FIRST));
const NOT_OURS = '# 笔记\n\n[路透](https://cn.reuters.com/article/x)\n\n<script>document.title = "ran"</script>\n';
for (const dir of [folder, elsewhere]) writeFileSync(join(dir, 'notes.md'), NOT_OURS);

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension({ offline: true });
  page = await browser.context.newPage();
  // Every detection the background hears, counted beside its own listener.
  await browser.worker.evaluate(() => {
    const g = globalThis as unknown as { detections: number; chrome: { runtime: { onMessage: { addListener(f: (m: { type?: string }) => void): void } } } };
    g.detections = 0;
    g.chrome.runtime.onMessage.addListener((m) => {
      if (m?.type === 'archive-detected') g.detections++;
    });
  });
});
afterAll(async () => browser?.close());

const detections = () => browser.worker.evaluate(() => (globalThis as unknown as { detections: number }).detections);
const registered = () =>
  browser.worker.evaluate(async () => {
    const scripting = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[]; excludeMatches?: string[] }[]> } } }).chrome.scripting;
    return scripting.getRegisteredContentScripts();
  });
const keptFolders = async () => (await registered()).flatMap((s) => s.matches ?? []);
const snapshot = (p: Page) => p.evaluate(() => ({ html: document.documentElement.outerHTML, title: document.title, highlights: CSS.highlights.size }));

describe('a folder the reader has opened a file in', () => {
  it('is kept once its first archive file is detected', async () => {
    await openReader(page, url(folder, 'first.md'));
    expect(await detections()).toBe(1);
    await expect.poll(keptFolders).toEqual([`${pathToFileURL(folder).href}/*.md`]);
  });

  it('has its next file read by the browser-run reader, once, without a detection, highlights kept across a reload', async () => {
    const article = parseArchive(readCorpus(SECOND));
    await openReader(page, url(folder, 'second.md'));
    await expect(page.getByTestId('reader-title').textContent()).resolves.toBe(article.title);
    await expect(page.locator('.pizhu-reader').count()).resolves.toBe(1);
    const words = await select(page, 1, 0.1, 0.5);
    await page.getByTestId('color-green').click();
    await expect.poll(() => painted(page)).toMatchObject({ 'pizhu-green': [words] });

    await page.reload();
    await page.getByTestId('reader').waitFor();
    await expect.poll(() => painted(page)).toMatchObject({ 'pizhu-green': [words] });
    await expect(page.locator('.pizhu-reader').count()).resolves.toBe(1);
    // Long enough for a detector's message to have come, had it sent one.
    await page.waitForTimeout(300);
    expect(await detections()).toBe(1);
    expect(await keptFolders()).toHaveLength(1);
  });

  it("leaves its archive folders to the manifest's reader", async () => {
    const [script] = await registered();
    expect(script?.excludeMatches).toEqual(['file:///*/articles/*/*.md']);
    await openReader(page, url(join(folder, 'articles/reuters'), '1040207.md'));
    await expect(page.locator('.pizhu-reader').count()).resolves.toBe(1);
    await expect(page.getByTestId('reader-title').textContent()).resolves.toBe(parseArchive(readCorpus(FIRST)).title);
    expect(await detections()).toBe(1);
  });

  it('leaves a Markdown file there that is no archive exactly as the browser shows it elsewhere', async () => {
    await page.goto(url(elsewhere, 'notes.md'));
    await page.waitForLoadState('load');
    const outside = await snapshot(page);
    await page.goto(url(folder, 'notes.md'));
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    expect(await snapshot(page)).toEqual(outside);
    expect(outside.html).toContain('&lt;script&gt;');
    expect(await detections()).toBe(1);
  });
});
