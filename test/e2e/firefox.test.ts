// Firefox: Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi, installs dist/firefox
// and runs its content scripts on the Reuters page served at its real URL.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { REUTERS_PAGE } from '../shared-data';
import { REPO } from './browser';

const FIREFOX = process.env.PIZHU_FIREFOX ?? '/usr/bin/firefox-esr';
const URL = 'https://cn.reuters.com/article/weekly-wrapup-global-fx-brexit-1108-idCNKBS1XJ077';

let browser: Browser;
let page: Page;
const logs: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install -y firefox-esr (.ci/run does).`);
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  page = await browser.newPage();
  page.on('console', (m) => logs.push(m.text()));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.setRequestInterception(true);
  const html = readFileSync(REUTERS_PAGE, 'utf8');
  page.on('request', (request) => {
    const done = request.url() === URL ? request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : request.abort();
    // A request the browser already gave up on cannot be answered; that is not a test failure.
    done.catch(() => undefined);
  });
});
afterAll(async () => browser?.close());

describe('Firefox', () => {
  it('installs the Firefox build', async () => {
    await expect(browser.installExtension(join(REPO, 'dist/firefox'))).resolves.toBe('pizhu@pizhu.app');
  });

  it('has the CSS Custom Highlight API the extension requires', async () => {
    await page.goto('about:blank');
    await expect(page.evaluate(() => typeof CSS.highlights)).resolves.toBe('object');
  });

  it('runs the Reuters content script: the page is read into the model and left as it is', async () => {
    await page.goto(URL, { waitUntil: 'load' });
    await expect
      .poll(() => logs.find((l) => l.startsWith('Pizhu: read')), { timeout: 10_000 })
      .toBe('Pizhu: read cn.reuters.com/article/weekly-wrapup-global-fx-brexit-1108-idCNKBS1XJ077 (26 blocks)');
    await expect(page.$$eval('[class*="pizhu"], [data-testid^="reader"]', (els) => els.length)).resolves.toBe(0);
  });

  it('paints a highlight made with the mouse, and paints it again after a reload', async () => {
    await page.setViewport({ width: 1200, height: 2000 });
    const paragraph = await page.$('.StandardArticleBody_body > p:nth-of-type(3)');
    await paragraph!.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await paragraph!.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + 260, box.y + 8, { steps: 6 });
    await page.mouse.up();
    const selected = await page.evaluate(() => getSelection()!.toString());
    expect(selected.length).toBeGreaterThan(3);
    const swatch = await page.waitForSelector('pierce/[data-testid="color-blue"]', { timeout: 10_000 });
    await swatch!.click();
    const paintedBlue = () => page.evaluate(() => [...(CSS.highlights.get('pizhu-blue') ?? [])].map((r) => (r as Range).toString()).join(''));
    await expect.poll(paintedBlue, { timeout: 10_000 }).toBe(selected);
    await page.reload({ waitUntil: 'load' });
    await expect.poll(paintedBlue, { timeout: 10_000 }).toBe(selected);
  });
});
