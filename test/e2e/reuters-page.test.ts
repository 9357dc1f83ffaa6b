// The saved Reuters page, served at its real URL: recognized, parsed, and left as it is.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REUTERS_PAGE } from '../shared-data';
import { askTab, badgeOf, launchWithExtension, type ExtensionBrowser } from './browser';

const URL = 'https://cn.reuters.com/article/weekly-wrapup-global-fx-brexit-1108-idCNKBS1XJ077';
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  const html = readFileSync(REUTERS_PAGE);
  // Only the article itself is served; every other request (the page's scripts, ads, images) fails.
  await browser.context.route(/^https?:/, (route) => (route.request().url() === URL ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort()));
  page = await browser.context.newPage();
  await page.goto(URL, { waitUntil: 'load' });
});
afterAll(async () => browser?.close());

describe('a Reuters article page', () => {
  it('is recognized: the tab is marked and the page reports the parsed article', async () => {
    await expect.poll(() => badgeOf(browser.worker, URL), { timeout: 10_000 }).toBe('批');
    await expect(askTab(browser.worker, URL)).resolves.toEqual({
      ok: true,
      article: {
        id: 'cn.reuters.com/article/weekly-wrapup-global-fx-brexit-1108-idCNKBS1XJ077',
        url: URL,
        title: '汇市一周综述：贸易战暂休人民币重回“6”时代 英首相约翰逊押宝“双12”',
        source: 'reuters',
        publishedAt: '2019-11-09T10:26:02.000Z',
        archivedAt: null,
        blockCount: 26,
        origin: 'page',
      },
    });
  });

  it('is left as it is: nothing of Pizhu in its DOM', async () => {
    await expect(page.locator('[data-testid^="reader"], [class*="pizhu"], [id*="pizhu"]').count()).resolves.toBe(0);
    await expect(page.locator('h1.ArticleHeader_headline').textContent()).resolves.toContain('汇市一周综述');
  });

  it('a Reuters page that is not an article gets no badge', async () => {
    const other = 'https://www.reuters.com/markets/';
    await browser.context.route(other, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<html><body><h1>Markets</h1><p>x</p></body></html>' }));
    const p2 = await browser.context.newPage();
    await p2.goto(other);
    await p2.waitForTimeout(1500);
    await expect(badgeOf(browser.worker, other)).resolves.toBe('');
    await p2.close();
  });
});
