// The offset maps on real DOMs in Chromium: the live Reuters page (parsed where it stands) and the
// reader view's own rendered nodes. Model ranges become Ranges that read back as the model's text;
// a selection made with the mouse becomes the model offsets of the words selected.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { parseArchive } from '../../src/parse/parse-archive';
import { articleText } from '../../src/text/article-text';
import { cleanText } from '../../src/text/clean-text';
import { CORPUS_DIR, readCorpus, REUTERS_PAGE } from '../shared-data';
import { launchWithExtension, REPO, type ExtensionBrowser } from './browser';

const URL = 'https://cn.reuters.com/article/weekly-wrapup-global-fx-brexit-1108-idCNKBS1XJ077';
let browser: ExtensionBrowser;
let page: Page;
let probe: string;

type Probe = typeof import('./map-probe');
declare const __pizhuProbe: Probe;

beforeAll(async () => {
  const out = (await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: false, lib: { entry: join(REPO, 'test/e2e/map-probe.ts'), formats: ['iife'], name: '__pizhuProbe' } },
  })) as { output: { code?: string }[] }[];
  probe = out[0].output[0].code!;
  browser = await launchWithExtension();
  const html = readFileSync(REUTERS_PAGE);
  await browser.context.route(/^https?:/, (route) => (route.request().url() === URL ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort()));
  page = await browser.context.newPage();
  // Tall enough that both ends of a drag are on screen: the saved page loads no style sheet.
  await page.setViewportSize({ width: 1280, height: 2400 });
});
afterAll(async () => browser?.close());

/** Drags the mouse from a point in one element's text to a point in another's, as a reader selects. */
async function dragSelect(from: Locator, fromX: number, to: Locator, toX: number) {
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + fromX, a.y + 10);
  await page.mouse.down();
  await page.mouse.move(b.x + toX, b.y + 10, { steps: 8 });
  await page.mouse.up();
}

describe('on the live Reuters page', () => {
  beforeAll(async () => {
    await page.goto(URL, { waitUntil: 'load' });
    await page.addScriptTag({ content: probe });
  });

  it('maps random model ranges onto Ranges that read back as the model text', async () => {
    const result = await page.evaluate(() => __pizhuProbe.modelToDom('page', 7, 300));
    expect(result.sameText).toBe(true);
    expect(result.pieces).toBeGreaterThan(300);
    expect(result.failures).toEqual([]);
  });

  it('maps a mouse selection across two paragraphs, and one in the headline, to the words selected', async () => {
    const paragraphs = page.locator('.StandardArticleBody_body > p');
    await dragSelect(paragraphs.nth(2), 30, paragraphs.nth(3), 120);
    const across = await page.evaluate(() => __pizhuProbe.selectionToModel('page'));
    expect(across.model).not.toBeNull();
    expect(cleanText(across.text!)).toBe(cleanText(across.selected));
    expect(across.text).toContain('\n');

    await dragSelect(page.locator('h1'), 20, page.locator('h1'), 200);
    const title = await page.evaluate(() => __pizhuProbe.selectionToModel('page'));
    expect(title.model!.start).toBeLessThan(title.model!.end);
    expect(title.text).toBe(title.selected);
  });
});

describe('on the reader view', () => {
  // The article text Node gives the same file: the reader's map must hold exactly this.
  const expected = articleText(parseArchive(readCorpus('nyt/1041950.md'))).text;
  beforeAll(async () => {
    await page.goto(pathToFileURL(join(CORPUS_DIR, 'nyt/1041950.md')).href);
    await page.getByTestId('reader').waitFor({ timeout: 10_000 });
    await page.addScriptTag({ content: probe });
  });

  it('maps random model ranges onto its own rendered nodes, captions and credits too', async () => {
    const result = await page.evaluate((text) => __pizhuProbe.modelToDom('reader', 11, 300, text), expected);
    expect(result.sameText).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.pieces).toBeGreaterThan(300);
  });

  it('maps a mouse selection from a paragraph into the next to the words selected', async () => {
    const paragraphs = page.locator('[data-testid="reader-block"]:is(p)');
    await dragSelect(paragraphs.nth(1), 40, paragraphs.nth(2), 80);
    const result = await page.evaluate((text) => __pizhuProbe.selectionToModel('reader', text), expected);
    expect(result.model).not.toBeNull();
    expect(cleanText(result.text!)).toBe(cleanText(result.selected));
  });
});
