// The toolbar popup tells what Pizhu sees in the active tab.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CORPUS_DIR } from '../shared-data';
import { launchWithExtension, type ExtensionBrowser } from './browser';

let browser: ExtensionBrowser;
let popup: Page;

beforeAll(async () => {
  browser = await launchWithExtension({ offline: true });
  popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/index.html`);
});
afterAll(async () => browser?.close());

/** Makes `page` the active tab, then reopens the popup so it asks about that tab. */
async function popupFor(page: Page) {
  await page.bringToFront();
  await popup.reload();
}

describe('the popup', () => {
  it('names the article of an archive file in the active tab', async () => {
    const article = await browser.context.newPage();
    await article.goto(pathToFileURL(join(CORPUS_DIR, 'reuters/1040207.md')).href);
    await article.getByTestId('reader').waitFor();
    await popupFor(article);
    const current = popup.getByTestId('current-article');
    await current.waitFor();
    await expect(current.locator('h1').textContent()).resolves.toBe('综述：“守望相助” 中俄誓言在核心利益问题上做彼此坚强后盾');
    await expect(current.locator('a').getAttribute('href')).resolves.toBe('https://cn.reuters.com/article/wrapup-china-russia-diplomacy-meeting-03-idCNKBS2BF0GS');
    await article.close();
  });

  it('says so when the active tab shows no article', async () => {
    const other = await browser.context.newPage();
    await other.goto('data:text/html,<p>hello</p>');
    await popupFor(other);
    // The popup first says it is looking, then what it found.
    await expect.poll(() => popup.locator('main').textContent(), { timeout: 5_000 }).toMatch(/no article|没有/);
    await expect(popup.getByTestId('current-article').count()).resolves.toBe(0);
    await other.close();
  });
});
