// Files that are not archive files are left alone; hostile archive files run and load nothing;
// damaged ones show what can be read. All samples are written here, by the test.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';

const HEADER = '<!--1616481063000-->\n[样本标题](https://cn.reuters.com/article/sample-idCNSAMPLE1)\n------\n\n';
const dir = mkdtempSync(join(tmpdir(), 'pizhu-samples-'));
const sample = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return pathToFileURL(path).href;
};

let browser: ExtensionBrowser;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
  browser.context.on('request', (r) => requests.push(r.url()));
  await browser.context.route(/^https?:/, (route) => route.abort());
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});
afterAll(async () => browser?.close());

/** Waits long enough for the detector and an injected reader to have done their work. */
const settle = () => page.waitForTimeout(1500);

/** Requests that left the page for the network: anything but the file itself and the extension's own. */
const networkRequests = () => requests.filter((u) => !/^(file|chrome-extension|data|blob|about):/.test(u));

/**
 * "Nothing happened" proves something only if the extension was at work in this browser: a control
 * archive file, opened just before, gets the reader.
 */
async function proveExtensionActive(): Promise<void> {
  await page.goto(sample('control.md', `${HEADER}<p>对照样本。</p>`));
  await page.getByTestId('reader').waitFor({ timeout: 10_000 });
}

describe('files that are not archive files', () => {
  it.each([
    ['notes.md', '# My notes\n\n[link](https://example.com)\n------\n'],
    ['heading-link.md', '[My notes](notes.md)\n---\n\nSome text.\n'],
    ['comment.txt', '<!-- not a timestamp -->\n[标题](https://cn.reuters.com/a)\n------\n\n<p>x</p>'],
    ['data.json', '{"a": 1}'],
    ['empty.txt', ''],
  ])('%s is left untouched', async (name, text) => {
    await proveExtensionActive();
    pageErrors.length = 0;
    await page.goto(sample(name, text));
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await settle();
    await expect(page.getByTestId('reader').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.documentElement.outerHTML)).resolves.toBe(before);
    expect(pageErrors).toEqual([]);
  });

  it('an HTML file is left untouched', async () => {
    await proveExtensionActive();
    await page.goto(sample('page.html', `<html><body><pre>${HEADER.replace(/</g, '&lt;')}</pre></body></html>`));
    await settle();
    await expect(page.getByTestId('reader').count()).resolves.toBe(0);
  });
});

describe('a hostile archive file', () => {
  const hostile =
    '<!--1616481063000-->\n[恶意<img src=x onerror="window.__pwned=1">标题](https://cn.reuters.com/article/sample-idCNSAMPLE2)\n------\n\n' +
    '<div><i>2021-03-23T06:08:42Z</i></div><p>第一段<script>window.__pwned=3</script></p>' +
    '<img src="javascript:window.__pwned=4" onerror="window.__pwned=4"><p onclick="window.__pwned=5" onmouseover="window.__pwned=6">点我</p>' +
    '<p><a href="javascript:window.__pwned=7">脚本链接</a></p><iframe src="https://evil.example/frame"></iframe>' +
    '<svg onload="window.__pwned=8"><script>window.__pwned=9</script><text>图</text></svg>' +
    '<style>body{background:url(https://evil.example/bg.png)}</style><link rel="stylesheet" href="https://evil.example/x.css">' +
    '<img src="http://insecure.example/a.jpg"><div><small>不安全的图片</small></div>' +
    '<object data="https://evil.example/o"></object><embed src="https://evil.example/e"><form action="https://evil.example/f"><input value="x"></form>' +
    '<p>最后一段（完）</p>';

  beforeAll(async () => {
    requests.length = 0;
    await page.goto(sample('hostile.md', hostile));
    await page.getByTestId('reader').waitFor({ timeout: 10_000 });
    const para = page.getByTestId('reader-block').filter({ hasText: '点我' });
    await para.hover();
    await para.click();
    await settle();
  });

  it('runs nothing', async () => {
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
  });

  it('loads nothing: no request at all leaves the page', async () => {
    expect(networkRequests()).toEqual([]);
  });

  it('renders text as text and links nothing unsafe', async () => {
    const reader = page.getByTestId('reader');
    await expect(page.getByTestId('reader-title').textContent()).resolves.toBe('恶意<img src=x onerror="window.__pwned=1">标题');
    await expect(reader.locator('script, iframe, svg, object, embed, form, style, link').count()).resolves.toBe(0);
    const hrefs = await reader.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h && /^https:/.test(h))).toBe(true);
    const srcs = await reader.locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')));
    expect(srcs.every((s) => s?.startsWith('https://'))).toBe(true);
    await expect(reader.locator('[onclick], [onerror], [onload], [onmouseover]').count()).resolves.toBe(0);
    await expect(reader.getByText('不安全的图片').count()).resolves.toBe(1);
  });
});

describe('a hostile archive file with no valid URL', () => {
  beforeAll(async () => {
    requests.length = 0;
    const noUrl =
      '<!--1616481063000-->\n[没有网址](javascript:window.__pwned=2)\n------\n\n' +
      '<p>正文。</p><img src="x.jpg" onerror="window.__pwned=10"><img src="/images/y.png"><div><small>相对地址的图片</small></div>';
    await page.goto(sample('no-url.md', noUrl));
    await page.getByTestId('reader').waitFor({ timeout: 10_000 });
    await settle();
  });

  it('links nothing and guesses no host for its relative images: no request at all', async () => {
    await expect(page.getByTestId('reader').locator('a').count()).resolves.toBe(0);
    await expect(page.getByTestId('reader').locator('img').count()).resolves.toBe(0);
    await expect(page.getByTestId('reader-block').count()).resolves.toBe(2);
    expect(networkRequests()).toEqual([]);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
  });
});

describe('damaged archive files show what they can', () => {
  it('a file cut off mid-article', async () => {
    await page.goto(sample('cut.md', `${HEADER}<div><i>2021-03-23T06:08:42Z</i></div><p>第一段。</p><p>第二段写到一半`));
    await page.getByTestId('reader').waitFor();
    await expect(page.getByTestId('reader-block').count()).resolves.toBe(2);
    await expect(page.getByTestId('reader').getByRole('status').count()).resolves.toBe(1);
  });

  it('a file with an empty body: title, a notice, and the raw text a click away', async () => {
    await page.goto(sample('empty-body.md', HEADER));
    await page.getByTestId('reader').waitFor();
    await expect(page.getByTestId('reader-title').textContent()).resolves.toBe('样本标题');
    await expect(page.getByTestId('reader').getByRole('status').count()).resolves.toBe(1);
    await page.getByTestId('reader-raw').click();
    await expect(page.locator('body > pre').isVisible()).resolves.toBe(true);
  });

  it('a file with no date and no title line', async () => {
    await page.goto(sample('no-date.md', '<!--1616481063000-->\n\n<p>只有正文。</p>'));
    await page.getByTestId('reader').waitFor();
    await expect(page.getByTestId('reader-block').count()).resolves.toBe(1);
    await expect(page.getByTestId('reader').locator('time').count()).resolves.toBe(1);
  });

  it('a file with CRLF line ends and a BOM', async () => {
    await page.goto(sample('crlf.md', `\ufeff${HEADER.replace(/\n/g, '\r\n')}<p>正文。</p>\r\n`));
    await page.getByTestId('reader').waitFor();
    await expect(page.getByTestId('reader-title').textContent()).resolves.toBe('样本标题');
  });
});
