// Files that are not archive files are left alone; hostile archive files run and load nothing;
// damaged ones show what can be read. All samples are written here, by the test.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseArchive } from '../../src/parse/parse-archive';
import { readCorpus } from '../shared-data';
import { launchWithExtension, noteFrames as noteFramesOf, type ExtensionBrowser } from './browser';
import { articleRecord, highlightsOf, seedLibrary } from './seed-library';

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

  it('a file with nothing but its date opens on its raw text; a click away, the article view gives that date in words', async () => {
    await page.goto(sample('only-date.md', '<!--1616481063000-->\n\n'));
    await page.getByTestId('reader').waitFor();
    await expect(page.locator('body > pre').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('reader').locator('time').count()).resolves.toBe(0);
    await page.getByTestId('reader-raw').click();
    const time = page.getByTestId('reader').locator('time');
    await expect(time.getAttribute('datetime')).resolves.toBe('2021-03-23T06:31:03.000Z');
    // In digits for the view's first frame only (content-scripts/reader/dates.ts), not for a view first drawn later.
    await expect.poll(() => time.textContent(), { timeout: 5_000 }).toMatch(/2021/);
    await expect.poll(() => time.textContent(), { timeout: 5_000 }).not.toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it('a file with CRLF line ends and a BOM', async () => {
    await page.goto(sample('crlf.md', `\ufeff${HEADER.replace(/\n/g, '\r\n')}<p>正文。</p>\r\n`));
    await page.getByTestId('reader').waitFor();
    await expect(page.getByTestId('reader-title').textContent()).resolves.toBe('样本标题');
  });
});

// A news page's scripts against the highlights of other articles and against the note editor.
// Each page is served at a real Reuters address; what it does is written here, by the test.
const BBC_FILE = 'bbc/1043500.md';
const bbc = parseArchive(readCorpus(BBC_FILE));
const bbcParagraphs = bbc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
const bbcHighlights = highlightsOf(bbc, 3, { group: 0xbbc });

/** A Reuters article page (StandardArticle template) at `url`; `head` runs first, as the site's own script. */
function reutersPage(url: string, title: string, paragraphs: string[], head = ''): string {
  return `<!doctype html><html><head><title>${title}</title><link rel="canonical" href="${url}"><meta property="og:article:published_time" content="2021-03-23T06:08:42Z">${head}</head>
<body><h1 class="ArticleHeader_headline">${title}</h1><div class="StandardArticleBody_body">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div></body></html>`;
}

/** What the extension's database holds of an article: its record and its highlights (read from an extension page). */
async function stored(articleId: string): Promise<{ article: unknown; annotations: unknown[] }> {
  const extension = await browser.extensionPage();
  try {
    return await extension.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('pizhu');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const read = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const tx = db.transaction(['articles', 'annotations']);
      const article = await read(tx.objectStore('articles').get(id));
      const annotations = await read(tx.objectStore('annotations').index('byArticle').getAll(id));
      db.close();
      return { article, annotations: annotations.sort((a, b) => String(a.id).localeCompare(String(b.id))) };
    }, articleId);
  } finally {
    await extension.close();
  }
}

/** Drags across the first line of the page's first article paragraph, to `to` of its width; its box. */
async function selectInFirstParagraph(to: number) {
  const box = (await page.locator('.StandardArticleBody_body p').first().boundingBox())!;
  await page.mouse.move(box.x + 4, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to, box.y + 10, { steps: 5 });
  await page.mouse.up();
  return box;
}

const painted = () => page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('pizhu')).flatMap((name) => [...CSS.highlights.get(name)!]).length);

describe("a page that names another site's article", () => {
  const URL = 'https://cn.reuters.com/article/hostile-canonical-idCNHOSTILE1';
  const consoleLines: string[] = [];

  beforeAll(async () => {
    await proveExtensionActive();
    const seeder = await browser.extensionPage();
    await seedLibrary(seeder, { articles: [articleRecord(bbc, bbcHighlights)], annotations: bbcHighlights, tombstones: [] });
    await seeder.close();
    // The page's script points its canonical link at the BBC article, and carries that article's words.
    const takeOver = `<script>document.querySelector('link[rel=canonical]').href = ${JSON.stringify(bbc.url)};</script>`;
    await browser.context.route(URL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: reutersPage(URL, bbc.title, bbcParagraphs, takeOver) }));
    page.on('console', (m) => consoleLines.push(m.text()));
  });

  it('gets none of its highlights and changes nothing of it', async () => {
    const before = await stored(bbc.id);
    expect(before.annotations).toHaveLength(3);
    await page.goto(URL);
    // The parser does not take a canonical link off reuters.com: the page is read as its own address.
    const own = 'cn.reuters.com/article/hostile-canonical-idCNHOSTILE1';
    await expect.poll(() => consoleLines.some((l) => l.startsWith(`Pizhu: read ${own}`)), { timeout: 10_000 }).toBe(true);
    expect(consoleLines.some((l) => l.startsWith(`Pizhu: read ${bbc.id}`))).toBe(false);
    await page.locator('[data-pizhu="ui"]').waitFor({ state: 'attached', timeout: 10_000 });
    await settle();
    await expect(painted()).resolves.toBe(0);
    // A highlight made on it belongs to the page's own article, never to the BBC one.
    await selectInFirstParagraph(0.6);
    await page.getByTestId('toolbar').waitFor({ timeout: 5000 });
    await page.getByTestId('color-yellow').click();
    await expect.poll(painted, { timeout: 5000 }).toBeGreaterThan(0);
    await expect(stored(bbc.id)).resolves.toEqual(before);
    await expect(stored(own).then((s) => s.annotations.length)).resolves.toBe(1);
  });
});

const NOTE_URL = 'https://cn.reuters.com/article/note-frame-idCNHOSTILE2';
const ARTICLE_ID = 'cn.reuters.com/article/note-frame-idCNHOSTILE2';
/** Every frame address the note editor was opened at, token and all, as the browser navigated to it. */
const noteAddresses: string[] = [];
const noteFrames = () => noteFramesOf(page);

describe("the note editor against the page's own scripts", () => {
  const URL = NOTE_URL;
  const TITLE = '对照文章：记者手记';
  const PARAGRAPHS = ['第一段正文，供划线和批注之用，写得长一些以便选择。', '第二段正文，也写得足够长，以便在上面划线。'];

  beforeAll(async () => {
    await browser.context.route(URL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: reutersPage(URL, TITLE, PARAGRAPHS) }));
    page.on('framenavigated', (frame) => frame.url().includes('/note/index.html') && noteAddresses.push(frame.url()));
    await page.goto(URL);
    await page.locator('[data-pizhu="ui"]').waitFor({ state: 'attached', timeout: 10_000 });
  });

  it("a highlight's note editor opens in a frame, with a token", async () => {
    const box = await selectInFirstParagraph(0.5);
    await page.getByTestId('color-green').click();
    await expect.poll(painted).toBe(1);
    await expect.poll(async () => (await stored(ARTICLE_ID)).annotations.length).toBe(1);
    // Clicking the highlight opens its note editor.
    await page.mouse.click(box.x + 12, box.y + 10);
    await expect.poll(() => noteFrames().length, { timeout: 5000 }).toBe(1);
    await noteFrames()[0]!.getByTestId('note-editor').waitFor({ timeout: 5000 });
    expect(noteAddresses[0]).toMatch(/#token=[0-9a-f]{32}$/);
  });

  it('no page script reaches the frame or reads its address', async () => {
    const reachable = await page.evaluate(() => {
      const found: string[] = [];
      const visit = (root: Document | ShadowRoot) => {
        for (const frame of root.querySelectorAll('iframe')) found.push(frame.src || frame.getAttribute('src') || '(no src)');
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
      };
      visit(document);
      return { found, html: document.documentElement.outerHTML };
    });
    expect(reachable.found).toEqual([]);
    expect(reachable.html).not.toMatch(/extension:|note\/index\.html|token=/);
  });

  it('a note editor the page frames itself, with any id or with a token used already, reads and changes nothing', async () => {
    const [address] = noteAddresses;
    const real = noteFrames()[0]!;
    const before = await stored(ARTICLE_ID);
    const [highlight] = before.annotations as { id: string }[];
    const base = address!.replace(/#.*$/, '');
    const forged = [address!, `${base}#id=${highlight!.id}`, `${base}#token=${'0'.repeat(32)}`];
    await page.evaluate((sources) => {
      for (const src of sources) {
        const frame = document.createElement('iframe');
        frame.src = src;
        document.body.append(frame);
      }
    }, forged);
    await expect.poll(() => page.frames().length, { timeout: 5000 }).toBe(2 + forged.length);
    await settle();
    // Chromium may not even load them (the note page is reachable by Pizhu's own frames only); where it does, it shows no editor.
    for (const frame of page.frames().filter((f) => f !== page.mainFrame() && f !== real)) {
      await expect(frame.getByTestId('note-editor').count()).resolves.toBe(0);
    }
    await expect(stored(ARTICLE_ID)).resolves.toEqual(before);
    // The reader's own note editor still works.
    await real.getByTestId('note-input').fill('真正的批注');
    await real.getByTestId('note-save').click();
    await expect.poll(async () => ((await stored(ARTICLE_ID)).annotations[0] as { note: string }).note).toBe('真正的批注');
  });
});

// Continues on the page the note editor tests above left: one highlight, its note saved, no editor open.
describe('the note page loaded again', () => {
  it('with a used token or a bare id, in the same frame or its own tab, is refused', async () => {
    const [address] = noteAddresses;
    const before = await stored(ARTICLE_ID);
    const [highlight] = before.annotations as { id: string }[];
    const base = address!.replace(/#.*$/, '');
    // Its own frame (the background bound it to the highlight once), navigated to the used token, then to a bare id.
    const box = (await page.locator('.StandardArticleBody_body p').first().boundingBox())!;
    await page.mouse.click(box.x + 12, box.y + 10);
    await expect.poll(() => noteFrames().length, { timeout: 5000 }).toBeGreaterThan(0);
    const frame = noteFrames().at(-1)!;
    await frame.getByTestId('note-editor').waitFor({ timeout: 5000 });
    for (const src of [address!, `${base}#id=${highlight!.id}`]) {
      // A load of its own (a new fragment alone would not load the page again).
      await frame.goto('about:blank');
      await frame.goto(src);
      await frame.getByRole('alert').waitFor({ timeout: 5000 });
      await expect(frame.getByTestId('note-editor').count()).resolves.toBe(0);
    }
    const tab = await browser.extensionPage(`note/index.html#${address!.split('#')[1]}`);
    await tab.getByRole('alert').waitFor({ timeout: 5000 });
    await expect(tab.getByTestId('note-editor').count()).resolves.toBe(0);
    await tab.close();
    await expect(stored(ARTICLE_ID)).resolves.toEqual(before);
  });
});
