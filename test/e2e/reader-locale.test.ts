// The reader's own words and dates follow the extension's UI language, not the page's.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../shared-data';
import { launchWithExtension, type ExtensionBrowser } from './browser';

let browser: ExtensionBrowser | undefined;
afterEach(async () => browser?.close());

/** The meta line's language, and the publication time once it is in words (the first frame shows it in digits: content-scripts/reader/dates.ts). */
async function publishedText(uiLanguage: string) {
  browser = await launchWithExtension({ offline: true, uiLanguage });
  const page = await browser.context.newPage();
  await page.goto(pathToFileURL(join(CORPUS_DIR, 'reuters/1040207.md')).href);
  await page.getByTestId('reader').waitFor({ timeout: 10_000 });
  const language = await page.getByTestId('reader').locator('.pizhu-meta').getAttribute('lang');
  const time = page.getByTestId('reader').locator('time').first();
  await expect.poll(() => time.textContent(), { timeout: 5_000 }).not.toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  return { language, time: await time.textContent() };
}

describe('dates in the reader', () => {
  it('read as Chinese in a Chinese UI', async () => {
    const { language, time } = await publishedText('zh-CN');
    expect(language).toMatch(/^zh/);
    expect(time).toMatch(/2021年3月23日/);
  });

  it('read as English in an English UI', async () => {
    const { language, time } = await publishedText('en-US');
    expect(language).toMatch(/^en/);
    expect(time).toMatch(/March 23, 2021/);
  });
});
