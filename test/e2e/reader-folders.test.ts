// A folder the reader has opened an archive file in, anywhere on disk (not an archive folder's
// `…/articles/<source>/` layout): the background keeps it, and the browser runs the reader itself on the
// folder's next files, the detector quiet. A Markdown file there that is no archive is left as it is;
// the options page lists the folders and forgets them.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
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
const PATTERN = `${pathToFileURL(folder).href}/*.md`;
copyFileSync(join(CORPUS_DIR, FIRST), join(folder, 'first.md'));
copyFileSync(join(CORPUS_DIR, SECOND), join(folder, 'second.md'));
copyFileSync(join(CORPUS_DIR, SECOND), join(folder, 'third.md'));
// An archive folder under it: the manifest runs the reader there, the kept folder's script must not again.
mkdirSync(join(folder, 'articles/reuters'), { recursive: true });
copyFileSync(join(CORPUS_DIR, FIRST), join(folder, 'articles', FIRST));
const NOT_OURS = '# 笔记\n\n[路透](https://cn.reuters.com/article/x)\n\n<script>document.title = "ran"</script>\n';
for (const dir of [folder, elsewhere]) writeFileSync(join(dir, 'notes.md'), NOT_OURS);

let browser: ExtensionBrowser;
let page: Page;
let cdp: CDPSession;
/** The extension's scripts the page compiled, by file name, in order: each injection compiles its file again. */
const compiled: string[] = [];

beforeAll(async () => {
  browser = await launchWithExtension({ offline: true });
  page = await browser.context.newPage();
  cdp = await browser.context.newCDPSession(page);
  cdp.on('Debugger.scriptParsed', (event) => {
    if (event.url.startsWith(`chrome-extension://${browser.extensionId}/content-scripts/`)) compiled.push(event.url.split('/').pop()!);
  });
  await cdp.send('Debugger.enable');
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

/** The scripts compiled in the page while `load` runs, and a moment after (long enough for a detector's round trip). */
async function scriptsOf(load: () => Promise<void>): Promise<string[]> {
  compiled.length = 0;
  await load();
  await page.waitForTimeout(500);
  return [...compiled];
}

/** The browser hands a changed registration to its renderers after it has answered: a load started at once may not have it yet. */
const registrationReached = () => page.waitForTimeout(500);

describe('a folder the reader has opened a file in', () => {
  it('is kept once its first archive file is detected', async () => {
    expect(await scriptsOf(() => openReader(page, url(folder, 'first.md')))).toEqual(['detector.js', 'reader.js', 'highlights.js']);
    expect(await detections()).toBe(1);
    await expect.poll(keptFolders).toEqual([PATTERN]);
    await registrationReached();
  });

  it('has its next file read by the browser-run reader, once, without a detection, highlights kept across a reload', async () => {
    const article = parseArchive(readCorpus(SECOND));
    expect(await scriptsOf(() => openReader(page, url(folder, 'second.md')))).toEqual(['detector.js', 'reader.js', 'highlights.js']);
    expect(await detections()).toBe(1);
    await expect(page.getByTestId('reader-title').textContent()).resolves.toBe(article.title);
    const words = await select(page, 1, 0.1, 0.5);
    await page.getByTestId('color-green').click();
    await expect.poll(() => painted(page)).toMatchObject({ 'pizhu-green': [words] });

    await page.reload();
    await page.getByTestId('reader').waitFor();
    await expect.poll(() => painted(page)).toMatchObject({ 'pizhu-green': [words] });
    await page.waitForTimeout(300);
    expect(await detections()).toBe(1);
    expect(await keptFolders()).toEqual([PATTERN]);
  });

  it("leaves its archive folders to the manifest's reader: the reader runs there once", async () => {
    const [script] = await registered();
    expect(script?.excludeMatches).toEqual(['file:///*/articles/*/*.md']);
    // No detector there either (the manifest excludes archive folders from it).
    expect(await scriptsOf(() => openReader(page, url(join(folder, 'articles/reuters'), '1040207.md')))).toEqual(['reader.js', 'highlights.js']);
    await expect(page.getByTestId('reader-title').textContent()).resolves.toBe(parseArchive(readCorpus(FIRST)).title);
  });

  it('leaves a Markdown file there that is no archive exactly as the browser shows it elsewhere', async () => {
    await page.goto(url(elsewhere, 'notes.md'));
    await page.waitForLoadState('load');
    const outside = await snapshot(page);
    // The kept folder's reader runs there, finds no archive header, and leaves the file alone.
    expect(await scriptsOf(() => page.goto(url(folder, 'notes.md')).then(() => undefined))).toEqual(['detector.js', 'reader.js', 'highlights.js']);
    expect(await snapshot(page)).toEqual(outside);
    expect(outside.html).toContain('&lt;script&gt;');
    expect(await detections()).toBe(1);
  });

  it('is listed on the options page and forgotten there; its next file is then found by the detector, and the folder kept again', async () => {
    const options = await browser.extensionPage('options/index.html');
    const section = options.getByTestId('reader-folders');
    await expect(section.locator('li').allTextContents()).resolves.toEqual([`${folder}/`]);
    await options.getByTestId('folders-forget').click();
    await expect.poll(() => section.locator('li').count()).toBe(0);
    await expect(section.getByRole('status').textContent()).resolves.toBe('Forgotten. Their files still open in the reader, found as the first one was.');
    expect(await keptFolders()).toEqual([]);
    await options.close();
    await registrationReached();

    expect(await scriptsOf(() => openReader(page, url(folder, 'third.md')))).toEqual(['detector.js', 'reader.js', 'highlights.js']);
    expect(await detections()).toBe(2);
    await expect.poll(keptFolders).toEqual([PATTERN]);
  });
});
