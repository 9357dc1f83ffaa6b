// The popup and the library page, as a reader uses them: what was highlighted is listed, search
// narrows it (Simplified and Traditional alike), the three exports download, the JSON export
// restores into a fresh profile, a damaged file changes nothing, and 10,000 highlights scroll.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { shorten } from '../../src/import/glimpse';
import { cleanText } from '../../src/text/clean-text';
import { CORPUS_DIR, SHARED_DIR } from '../shared-data';
import { launchWithExtension, noteFrame, type ExtensionBrowser } from './browser';
import { makeLibrary, seedLibrary } from './seed-library';

const FILE_URL = pathToFileURL(join(CORPUS_DIR, 'reuters/1040207.md')).href;
const TITLE = '综述：“守望相助” 中俄誓言在核心利益问题上做彼此坚强后盾';
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

let browser: ExtensionBrowser;
let reader: Page;
let popup: Page;
const quotes: string[] = [];

const popupUrl = (b: ExtensionBrowser, page = 'index') => `chrome-extension://${b.extensionId}/popup/${page}.html`;
const painted = (page: Page) =>
  page.evaluate(() => Object.fromEntries([...CSS.highlights.entries()].filter(([name]) => name.startsWith('pizhu')).map(([name, h]) => [name, [...h].map((r) => (r as Range).toString()).join('')])));

async function openReader(page: Page) {
  await page.goto(FILE_URL);
  await page.getByTestId('reader').waitFor({ timeout: 10_000 });
  await page.locator('[data-pizhu="ui"]').waitFor({ state: 'attached', timeout: 10_000 });
}

/** Selects part of an element's first line with the mouse and picks a colour; answers the text selected. */
async function highlight(block: Locator, color: string): Promise<string> {
  await block.scrollIntoViewIfNeeded();
  const box = (await block.boundingBox())!;
  await reader.mouse.move(box.x + box.width * 0.1, box.y + 12);
  await reader.mouse.down();
  await reader.mouse.move(box.x + box.width * 0.7, box.y + 12, { steps: 6 });
  await reader.mouse.up();
  const selected = await reader.evaluate(() => getSelection()!.toString());
  await reader.getByTestId(`color-${color}`).click();
  await reader.waitForFunction((name) => CSS.highlights.get(name)?.size, `pizhu-${color}`, { timeout: 5000 });
  return cleanText(selected);
}

async function downloaded(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.getByTestId(testId).click()])) as [Download, undefined];
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

const items = (page: Page) => page.getByTestId('annotation-item');
const itemTexts = async (page: Page) => (await items(page).locator('.quote').allTextContents()).map(cleanText);

beforeAll(async () => {
  browser = await launchWithExtension({ offline: true });
  reader = await browser.context.newPage();
  await reader.setViewportSize({ width: 1200, height: 1400 });
  await openReader(reader);
  quotes.push(await highlight(reader.getByTestId('reader-block').nth(0), 'yellow'));
  quotes.push(await highlight(reader.getByTestId('reader-block').nth(2), 'blue'));
  // A note and a tag on the blue one, typed in its note editor.
  const blue = await reader.evaluate(() => {
    const rect = ([...CSS.highlights.get('pizhu-blue')!][0] as Range).getClientRects()[0];
    return { x: rect.left + 4, y: rect.top + rect.height / 2 };
  });
  await reader.mouse.click(blue.x, blue.y);
  const frame = await noteFrame(reader);
  await frame.getByTestId('note-input').click({ timeout: 5000 });
  await reader.keyboard.type('措辞值得注意');
  await frame.getByTestId('note-tags').click({ timeout: 5000 });
  await reader.keyboard.type('外交');
  await frame.getByTestId('note-save').click({ timeout: 5000 });
  if (!frame.isDetached()) await reader.waitForEvent('framedetached', { predicate: (f) => f === frame, timeout: 5000 });
  popup = await browser.context.newPage();
  await popup.goto(popupUrl(browser));
}, 120_000);
afterAll(async () => browser?.close());

describe('the popup', () => {
  it('lists the article with its highlights: quote, note and tags', async () => {
    await expect(popup.getByTestId('article-item').locator('.title').textContent({ timeout: 10_000 })).resolves.toBe(TITLE);
    await expect.poll(() => itemTexts(popup)).toEqual(quotes);
    await expect(items(popup).nth(1).textContent()).resolves.toMatch(/措辞值得注意.*#外交/);
  });

  it('search narrows the list as one types, and Traditional characters find Simplified ones', async () => {
    const traditional = toTraditional(quotes[1]!.slice(0, 8));
    expect(traditional).not.toBe(quotes[1]!.slice(0, 8));
    await popup.getByTestId('search').fill(traditional);
    await expect.poll(() => itemTexts(popup)).toEqual([quotes[1]]);
    await popup.getByTestId('search').fill('措辞');
    await expect.poll(() => itemTexts(popup)).toEqual([quotes[1]]);
    await popup.getByTestId('search').fill('守望相助');
    await expect.poll(() => itemTexts(popup)).toEqual(quotes);
    await popup.getByTestId('search').fill('完全不在文库里的词');
    await expect(popup.getByTestId('empty').textContent({ timeout: 5000 })).resolves.toContain('完全不在文库里的词');
    await expect(items(popup).count()).resolves.toBe(0);
    await popup.getByTestId('search').fill('');
    await popup.getByTestId('filter-blue').click();
    await expect.poll(() => itemTexts(popup)).toEqual([quotes[1]]);
    await popup.getByTestId('filter-blue').click();
    await expect.poll(() => itemTexts(popup)).toEqual(quotes);
    // A colour with no highlight, and no words typed: the list says so without quoting nothing.
    await popup.getByTestId('filter-pink').click();
    await expect.poll(() => popup.getByTestId('empty').textContent()).toBe('Nothing matches the filters.');
    await popup.getByTestId('filter-pink').click();
    await expect.poll(() => itemTexts(popup)).toEqual(quotes);
  });

  it('exports Markdown for Obsidian, W3C Web Annotation JSON and a Readwise CSV, each as a download', async () => {
    const markdown = await downloaded(popup, 'export-markdown');
    expect(markdown.name).toMatch(/^pizhu-\d{4}-\d{2}-\d{2}\.md$/);
    expect(markdown.text).toMatch(/^---\n/);
    expect(markdown.text).toContain(TITLE);
    for (const quote of quotes) expect(cleanText(markdown.text.replace(/\n> /g, ' '))).toContain(quote);
    expect(markdown.text).toContain('#外交');

    const json = await downloaded(popup, 'export-json');
    expect(json.name).toMatch(/^pizhu-\d{4}-\d{2}-\d{2}\.json$/);
    const collection = JSON.parse(json.text);
    expect(collection.type).toBe('AnnotationCollection');
    const annotations = collection.items ?? collection.first.items;
    expect(annotations.map((a: { target: { selector: { type: string; exact?: string }[] } }) => cleanText(a.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact!)).sort()).toEqual(
      [...quotes].sort(),
    );
    expect(annotations.every((a: { id: string }) => a.id.startsWith('urn:uuid:'))).toBe(true);

    const csv = await downloaded(popup, 'export-csv');
    expect(csv.name).toMatch(/^pizhu-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.startsWith('\uFEFFHighlight,Title,Author,URL,Note,Location,Date')).toBe(true);
    expect(csv.text).toContain('措辞值得注意');
  });

  it('refuses a damaged import with a clear message, and the library is exactly as before', async () => {
    const before = JSON.parse((await downloaded(popup, 'export-json')).text);
    const whole = JSON.stringify(before);
    const refusal = () => popup.locator('[data-testid="transfer-status"][role="alert"]').textContent({ timeout: 10_000 });
    await popup.getByTestId('import-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(whole.slice(0, whole.length / 2)) });
    await expect(refusal()).resolves.toMatch(/ends too early/);
    // A whole file with one bad highlight among good ones, and a new one beside it: refused whole, nothing of it written.
    const oneBad = JSON.parse(whole);
    oneBad.first.items.push({ ...oneBad.first.items[0], id: 'urn:uuid:0b7a8e4c-1111-4222-8333-944455556666', 'pizhu:color': 'orange' });
    oneBad.first.items[1]['pizhu:color'] = 'pink';
    await popup.getByTestId('import-input').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(oneBad)) });
    await expect(refusal()).resolves.toMatch(/annotation 3: pizhu:color/);
    await popup.reload();
    await expect.poll(() => itemTexts(popup)).toEqual(quotes);
    const after = JSON.parse((await downloaded(popup, 'export-json')).text);
    // The library, every part of it (highlights, articles, deletions), is exactly as before; only the export's own id and time differ.
    for (const key of ['first', 'total', 'pizhu:articles', 'pizhu:tombstones']) expect(after[key]?.items ?? after[key]).toEqual(before[key]?.items ?? before[key]);
  });

  it('deletes a highlight with an undo that brings it back', async () => {
    await items(popup).nth(0).getByTestId('annotation-delete').click();
    await expect.poll(() => itemTexts(popup)).toEqual([quotes[1]]);
    await popup.getByTestId('undo').click();
    await expect.poll(() => itemTexts(popup)).toEqual(quotes);
    await popup.reload();
    await expect.poll(() => itemTexts(popup)).toEqual(quotes);
  });

  it('two deletes in quick succession (a double click on ×, the next row having slid under it) are undone together', async () => {
    await items(popup).nth(0).getByTestId('annotation-delete').click();
    await expect.poll(() => itemTexts(popup)).toEqual([quotes[1]]);
    await items(popup).nth(0).getByTestId('annotation-delete').click();
    await expect.poll(() => itemTexts(popup)).toEqual([]);
    await expect(popup.getByTestId('undo-toast').locator('span').textContent()).resolves.toBe('2 highlights deleted.');
    await popup.getByTestId('undo').click();
    await expect.poll(() => itemTexts(popup)).toEqual(quotes);
    await popup.reload();
    await expect.poll(() => itemTexts(popup)).toEqual(quotes);
  });

  it('a delete from the keyboard leaves the focus on the next highlight, not at the top of the page', async () => {
    const second = await items(popup).nth(1).getAttribute('data-id');
    await items(popup).nth(0).getByTestId('annotation-delete').focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => itemTexts(popup)).toEqual([quotes[1]]);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.closest('[data-testid="annotation-item"]')?.getAttribute('data-id'))).toBe(second);
    await expect(popup.evaluate(() => document.activeElement?.className)).resolves.toBe('open');
    await popup.getByTestId('undo').click();
    await expect.poll(() => itemTexts(popup)).toEqual(quotes);
  });

  it('a library page left open lists a highlight made in the article meanwhile, still undoes its own delete after reading the library again, and drops the highlight once it is deleted there', async () => {
    const library = await browser.context.newPage();
    await library.goto(popupUrl(browser, 'library'));
    await expect.poll(() => itemTexts(library), { timeout: 10_000 }).toEqual(quotes);
    await reader.bringToFront();
    const made = await highlight(reader.getByTestId('reader-block').nth(4), 'green');
    await library.bringToFront();
    await expect.poll(async () => (await itemTexts(library)).sort(), { timeout: 10_000 }).toEqual([...quotes, made].sort());
    // A delete here, then a change there that has this page read the library again: the undo still brings the highlight back.
    await items(library)
      .filter({ hasText: quotes[0]!.slice(0, 6) })
      .getByTestId('annotation-delete')
      .click();
    await reader.bringToFront();
    await reader.evaluate(() => getSelection()?.removeAllRanges());
    const another = await highlight(reader.getByTestId('reader-block').nth(6), 'pink');
    await library.bringToFront();
    await expect.poll(async () => (await itemTexts(library)).sort(), { timeout: 10_000 }).toEqual([quotes[1]!, made, another].sort());
    await library.getByTestId('undo').click();
    await expect.poll(async () => (await itemTexts(library)).sort(), { timeout: 10_000 }).toEqual([...quotes, made, another].sort());
    await reader.bringToFront();
    for (const color of ['green', 'pink']) {
      const at = await reader.evaluate((name) => {
        const rect = ([...CSS.highlights.get(name)!][0] as Range).getClientRects()[0]!;
        return { x: rect.left + 4, y: rect.top + rect.height / 2 };
      }, `pizhu-${color}`);
      await reader.mouse.click(at.x, at.y);
      // By the keyboard: once tabs were switched, headless Chromium sent the mouse's clicks to the page
      // under the note editor's frame, never into it (the frame heard no pointer event in a traced run).
      const editor = await noteFrame(reader);
      await editor.getByTestId('highlight-delete').focus();
      await reader.keyboard.press('Enter');
      await expect.poll(() => reader.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, `pizhu-${color}`)).toBe(0);
    }
    await library.bringToFront();
    await expect.poll(() => itemTexts(library), { timeout: 10_000 }).toEqual(quotes);
    await library.close();
  });

  it('a click on a highlight opens its article where it was read, at the passage', async () => {
    await reader.close();
    const [opened] = await Promise.all([browser.context.waitForEvent('page', { timeout: 10_000 }), items(popup).nth(1).locator('.open').click()]);
    reader = opened;
    await reader.getByTestId('reader').waitFor({ timeout: 10_000 });
    expect(reader.url()).toBe(FILE_URL);
    await expect
      .poll(() => reader.evaluate(() => [...(CSS.highlights.get('pz-reveal') ?? [])].map((r) => (r as Range).toString()).join('')))
      .toBe(await reader.evaluate(() => [...CSS.highlights.get('pizhu-blue')!].map((r) => (r as Range).toString()).join('')));
    expect(cleanText(await reader.evaluate(() => [...CSS.highlights.get('pizhu-blue')!].map((r) => (r as Range).toString()).join('')))).toBe(quotes[1]);
    // The popup steps aside for the article.
    await expect.poll(() => popup.isClosed()).toBe(true);
    popup = await browser.context.newPage();
    await popup.goto(popupUrl(browser));
  });
});

describe('a highlight that cannot be placed', () => {
  it('is marked in the popup as not placed where the article was last read, and can be deleted there', async () => {
    const articleId = await popup.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('pizhu');
          open.onsuccess = () =>
            (open.result.transaction('annotations').objectStore('annotations').getAll().onsuccess = (e) => resolve(((e.target as IDBRequest).result as { articleId: string }[])[0]!.articleId));
        }),
    );
    const lost = {
      id: '0b7a8e4c-9999-4222-8333-944455556666',
      articleId,
      color: 'green' as const,
      position: { type: 'TextPositionSelector' as const, start: 0, end: 9 },
      quote: { type: 'TextQuoteSelector' as const, exact: '这句话不在文章里面', prefix: '', suffix: '' },
      parserVersion: 1,
      note: '',
      tags: [],
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
    };
    await seedLibrary(popup, { articles: [], annotations: [lost], tombstones: [] });
    await reader.reload();
    await reader.getByTestId('orphans').waitFor({ timeout: 10_000 });
    await popup.reload();
    const item = popup.locator(`[data-testid="annotation-item"][data-id="${lost.id}"]`);
    await expect.poll(() => item.getByTestId('orphan-badge').count(), { timeout: 10_000 }).toBe(1);
    await expect(popup.getByTestId('orphan-badge').count()).resolves.toBe(1);
    await item.getByTestId('annotation-delete').click();
    await expect.poll(() => itemTexts(popup)).toEqual(quotes);
  });
});

describe('the JSON export in a fresh profile', () => {
  it('imports, reports what it did, and its highlights paint on the article', async () => {
    const json = (await downloaded(popup, 'export-json')).text;
    const fresh = await launchWithExtension({ offline: true });
    try {
      const page = await fresh.context.newPage();
      await page.goto(popupUrl(fresh));
      await page.getByTestId('empty').waitFor({ timeout: 10_000 });
      await page.getByTestId('import-input').setInputFiles({ name: 'pizhu.json', mimeType: 'application/json', buffer: Buffer.from(json) });
      const status = () => page.getByTestId('transfer-status').textContent();
      await expect.poll(status, { timeout: 10_000 }).toMatch(/^2 added, 0 updated$/);
      await expect.poll(() => itemTexts(page)).toEqual(quotes);
      // The same file again changes nothing.
      await page.getByTestId('import-input').setInputFiles({ name: 'pizhu.json', mimeType: 'application/json', buffer: Buffer.from(json) });
      await expect.poll(status, { timeout: 10_000 }).toMatch(/^0 added, 0 updated, 2 skipped: already here$/);
      await expect.poll(() => itemTexts(page)).toEqual(quotes);
      // Which were skipped, each by its words and why: closed until asked.
      const skipped = page.getByTestId('import-skipped');
      await expect(skipped.locator('summary').textContent()).resolves.toBe('Show the 2 skipped');
      await expect(skipped.locator('ol').isVisible()).resolves.toBe(false);
      await skipped.locator('summary').click();
      await expect(skipped.locator('li').allTextContents()).resolves.toEqual(expect.arrayContaining(quotes.map((q) => `“${shorten(q)}” already here`)));
      await expect(skipped.locator('li').count()).resolves.toBe(2);
      const article = await fresh.context.newPage();
      await article.goto(FILE_URL);
      await article.getByTestId('reader').waitFor({ timeout: 10_000 });
      await expect
        .poll(async () =>
          Object.values(await painted(article))
            .map(cleanText)
            .filter(Boolean)
            .sort(),
        )
        .toEqual([...quotes].sort());
      // Two deletes apart are two acts: Undo takes back the last one only (this profile is closed after).
      await page.bringToFront();
      await items(page).nth(0).getByTestId('annotation-delete').click();
      await page.waitForTimeout(1800);
      await items(page).nth(0).getByTestId('annotation-delete').click();
      await expect(page.getByTestId('undo-toast').locator('span').textContent()).resolves.toBe('Highlight deleted.');
      await page.getByTestId('undo').click();
      await expect.poll(() => itemTexts(page)).toEqual([quotes[1]]);
    } finally {
      await fresh.close();
    }
  });
});

describe("another tool's file", () => {
  it('imports the highlights, names each annotation it skipped and why, and names a site no source of ours by its host', async () => {
    const fresh = await launchWithExtension({ offline: true });
    try {
      const page = await fresh.context.newPage();
      await page.goto(popupUrl(fresh, 'library'));
      await page.getByTestId('empty').waitFor({ timeout: 10_000 });
      const file = readFileSync(join(SHARED_DIR, 'import-real/cases/hypothesis-api-rows-netrights.json'));
      await page.getByTestId('import-input').setInputFiles({ name: 'hypothesis.json', mimeType: 'application/json', buffer: file });
      await expect.poll(() => page.getByTestId('transfer-status').textContent(), { timeout: 10_000 }).toBe('86 added, 0 updated, 30 skipped (24 page notes, 5 replies, 1 without a quote)');
      const skipped = page.getByTestId('import-skipped');
      await skipped.locator('summary').click();
      const lines = await skipped.locator('li').allTextContents();
      expect(lines).toHaveLength(30);
      // A page note by its page, a reply by its words.
      expect(lines[0]).toMatch(/^https:\/\/motherboard\.vice\.com\/\S+… a page note$/);
      expect(lines.filter((line) => line.endsWith(' a reply'))).toHaveLength(5);
      const row = page.locator('[data-testid="article-item"]', { hasText: 'Theresa May wants to ban crypto' });
      await expect(row.locator('p.muted').textContent()).resolves.toMatch(/^boingboing\.net · /);
      await expect(page.locator('[data-testid="source-filter"][data-value="other"]').textContent()).resolves.toMatch(/^Other source/);
    } finally {
      await fresh.close();
    }
  });
});

describe('the library page with 10,000 highlights over 1,000 articles', () => {
  it('shows the first screen, scrolls to the last article, and searches', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(popupUrl(browser, 'library'));
    await page.getByTestId('article-item').first().waitFor({ timeout: 10_000 });
    await seedLibrary(page, makeLibrary(10_000, 1_000));
    await page.reload();
    await page.getByTestId('article-item').first().waitFor({ timeout: 10_000 });
    const firstList = await page.evaluate(() => performance.getEntriesByName('pizhu-first-list')[0]!.startTime);
    await expect.poll(() => page.locator('.library').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    // Virtualized: a screenful of rows in the page, not ten thousand.
    expect(await page.getByTestId('annotation-item').count()).toBeLessThan(100);
    await page.locator('.list').evaluate((list) => list.scrollTo(0, list.scrollHeight));
    await expect.poll(() => page.getByTestId('article-item').locator('.title').allTextContents()).toContainEqual(expect.stringMatching(/（0）$/));
    // Search latency: from the keystroke to the narrowed list on screen.
    const latency = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="search"]')!;
      const started = performance.now();
      input.value = '第9996条';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      for (;;) {
        await new Promise(requestAnimationFrame);
        if (document.querySelectorAll('[data-testid="annotation-item"]').length === 1) return performance.now() - started;
      }
    });
    console.info(`library page, 10,000 highlights: first list ${firstList.toFixed(0)} ms after navigation; search ${latency.toFixed(0)} ms`);
    // One article's own export, named after it.
    const title = (await page.getByTestId('article-item').first().locator('.title').textContent())!;
    const single = await downloaded(page, 'article-export-markdown');
    expect(single.name).toMatch(/^pizhu-.+-\d{4}-\d{2}-\d{2}\.md$/);
    expect(single.name).toContain(title.slice(0, 6));
    expect(single.text).toContain(`# ${title}`);
    expect(single.text).toContain('第9996条批注');
    // With the search set, the export holds what it lists; cleared, the whole library: ten thousand and the two made by the mouse.
    expect(JSON.parse((await downloaded(page, 'export-json')).text).first.items.length).toBe(1);
    await page.getByTestId('search').fill('');
    const exported = (await downloaded(page, 'export-json')).text;
    const all = JSON.parse(exported);
    expect(all.total ?? all.first.items.length).toBe(10_002);
    // Importing ten thousand back runs in a worker: the page keeps drawing frames meanwhile, and says what it did.
    const longestFrame = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = performance.now();
          let longest = 0;
          let done = 0;
          // Until a second after the report: the list is read again then.
          const tick = (now: number) => {
            longest = Math.max(longest, now - last);
            last = now;
            if (!done && document.querySelector('[data-testid="transfer-status"]')?.textContent?.includes('skipped')) done = now;
            if (done && now - done > 1000) resolve(longest);
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
    // From a file on disk, as a reader picks it (a buffer would be decoded by script in the page).
    const file = join(mkdtempSync(join(tmpdir(), 'pizhu-import-')), 'pizhu.json');
    writeFileSync(file, exported);
    await page.getByTestId('import-input').setInputFiles(file);
    await expect.poll(() => page.getByTestId('transfer-status').textContent(), { timeout: 30_000 }).toBe('0 added, 0 updated, 10002 skipped: already here');
    console.info(`library page: importing 10,002 highlights and reading the list again, the longest frame was ${(await longestFrame).toFixed(0)} ms`);
  });

  it('keeps the highlight on top of the view when a colour is chosen, however far down the list it was', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(popupUrl(browser, 'library'));
    await expect.poll(() => page.locator('.library').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    const list = page.locator('.list');
    await list.evaluate((el) => el.scrollTo(0, el.scrollHeight * 0.7));
    // The highlight whose row is on top of the view, once drawn; its colour.
    const onTop = () =>
      list.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const rows = [...el.querySelectorAll('[data-testid="annotation-item"]')].filter((row) => row.getBoundingClientRect().bottom > box.top + 2);
        rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
        const row = rows[0];
        return row
          ? { id: row.getAttribute('data-id'), top: Math.round(row.getBoundingClientRect().top - box.top), color: row.querySelector('.swatch')!.getAttribute('aria-label')!.toLowerCase() }
          : null;
      });
    // Drawn and measured: the same row on top twice, a little apart.
    const settledTop = async () => {
      const first = JSON.stringify(await onTop());
      await page.waitForTimeout(300);
      return first !== 'null' && first === JSON.stringify(await onTop());
    };
    await expect.poll(settledTop).toBe(true);
    // Scrolled so that this highlight is the first row seen.
    await list.evaluate((el, top) => el.scrollBy(0, top), (await onTop())!.top);
    await expect.poll(settledTop).toBe(true);
    const before = await onTop();
    await page.getByTestId(`filter-${before!.color}`).click();
    await expect.poll(async () => (await onTop())?.id).toBe(before!.id);
    await page.close();
  });

  it('shows what a sync run changed without being reopened, keeping its search and its scroll', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(popupUrl(browser, 'library'));
    await expect.poll(() => page.locator('.library').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    await page.getByTestId('search').fill('条批注');
    const list = page.locator('.list');
    await list.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await expect.poll(() => items(page).count()).toBeGreaterThan(4);
    // The first row (an article's or a highlight's) at or below a height of the view (a share of it).
    const rowAt = (share: number, kind = '[data-id]') =>
      list.evaluate(
        (el, [at, selector]) => {
          const box = el.getBoundingClientRect();
          const y = box.top + box.height * at;
          const rows = [...el.querySelectorAll(selector)].filter((row) => row.getBoundingClientRect().bottom > y);
          rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
          return rows[0]?.getAttribute('data-id') ?? null;
        },
        [share, kind] as const,
      );
    // The rows at the scrolled-to place drawn and measured, not only those of the top that the count above may have seen.
    const settled = async () => {
      const first = await rowAt(0.02);
      await page.waitForTimeout(200);
      return first !== null && first === (await rowAt(0.02));
    };
    await expect.poll(settled).toBe(true);
    // A highlight's row on top, not an article's: the new highlight then comes just above it, in the rows' index before it.
    await list.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const first = [...el.querySelectorAll('[data-id]')].find((row) => row.getBoundingClientRect().top <= box.top + 2 && row.getBoundingClientRect().bottom > box.top + 2);
      if (first?.getAttribute('data-testid') === 'article-item') el.scrollBy(0, first.getBoundingClientRect().bottom - box.top + 2);
    });
    await expect.poll(settled).toBe(true);
    const top = await rowAt(0.02);
    expect(await rowAt(0.02, '[data-testid="annotation-item"]')).toBe(top);
    // A highlight lower down in view, which the run deletes.
    const gone = (await rowAt(0.7, '[data-testid="annotation-item"]'))!;
    expect(top).toBeTruthy();
    expect(gone).not.toBe(top);
    // What a run's pull does, in short: the store changes, then the background writes the syncLanded key.
    await page.evaluate(
      async ([id, above]) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('pizhu');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        await new Promise((resolve, reject) => {
          const tx = db.transaction(['articles', 'annotations'], 'readwrite');
          const annotations = tx.objectStore('annotations');
          annotations.delete(id);
          // And a highlight just before the top row's, in its article (another device's): the rows move in the list's index.
          annotations.get(above).onsuccess = (got) => {
            const record = (got.target as IDBRequest).result as { position: { start: number; end: number }; quote: { exact: string } };
            const position = { ...record.position, start: Math.max(0, record.position.start - 1) };
            annotations.put({ ...record, id: '0b7a8e4c-7777-4222-8333-944455556666', position, quote: { ...record.quote, exact: `又${record.quote.exact}` } });
          };
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        db.close();
        await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ syncLanded: { at: new Date().toISOString(), articles: 1 } });
      },
      [gone, top!] as const,
    );
    await expect.poll(() => page.locator(`[data-id="${gone}"]`).count(), { timeout: 20_000 }).toBe(0);
    expect(await page.getByTestId('search').inputValue()).toBe('条批注');
    // The new highlight is listed just above, out of view: the row on top stays on top.
    await expect.poll(() => page.locator('[data-id="0b7a8e4c-7777-4222-8333-944455556666"]').count()).toBe(1);
    await expect.poll(settled).toBe(true);
    expect(await rowAt(0.02)).toBe(top);
    await page.close();
  });
});
