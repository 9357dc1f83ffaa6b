// The reader view on real archive files opened over file://, in Chromium with the built extension.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseArchive } from '../../src/parse/parse-archive';
import { blockText, type Article } from '../../src/model/article';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { TRICKY_BODIES } from '../fixtures/tricky-archives';
import { CORPUS_DIR, corpusFiles, readCorpus } from '../shared-data';
import { askTab, badgeOf, launchWithExtension, type ExtensionBrowser } from './browser';

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension({ offline: true });
  page = await browser.context.newPage();
});
afterAll(async () => browser?.close());

const open = async (path: string) => {
  await page.goto(pathToFileURL(join(CORPUS_DIR, path)).href);
  await page.getByTestId('reader').waitFor({ timeout: 10_000 });
};

describe('the project article, reuters/1040207.md', () => {
  beforeAll(() => open('reuters/1040207.md'));

  it('renders title and every block of the model, in order', async () => {
    const model = parseArchive(readCorpus('reuters/1040207.md'));
    await expect(page.getByTestId('reader-title').textContent()).resolves.toBe(model.title);
    const blocks = page.getByTestId('reader-block');
    await expect(blocks.count()).resolves.toBe(model.blocks.length);
    const rendered = await blocks.evaluateAll((els) => els.map((el) => ({ tag: el.localName, index: el.getAttribute('data-block-index'), text: el.textContent })));
    rendered.forEach((r, i) => {
      expect(r.index).toBe(String(i));
      const block = model.blocks[i];
      expect(r.tag).toBe({ paragraph: 'p', heading: 'h2', image: 'figure' }[block.type]);
      expect(r.text).toContain(blockText(block));
    });
  });

  it('shows source, a link to the original, both times, and loads only https images', async () => {
    const reader = page.getByTestId('reader');
    await expect(reader.locator('a[href="https://cn.reuters.com/article/wrapup-china-russia-diplomacy-meeting-03-idCNKBS2BF0GS"]').count()).resolves.toBe(1);
    await expect(reader.locator('time').count()).resolves.toBe(2);
    await expect(reader.locator('time').first().getAttribute('datetime')).resolves.toBe('2021-03-23T06:08:42.000Z');
    const srcs = await reader.locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')));
    expect(srcs).toEqual(['https://static.reuters.com/resources/r/?m=02&d=20210323&t=2&i=1555849067&r=LYNXMPEH2M09M']);
  });

  it('is part of the page document (not a shadow root), so find-in-page and selection work', async () => {
    const inDocument = await page.evaluate(() => document.querySelector('[data-testid="reader"]')?.getRootNode() === document);
    expect(inDocument).toBe(true);
  });

  it('shows the raw text a click away, and goes back, its dates still in words', async () => {
    const times = page.getByTestId('reader').locator('time');
    // Worded once the view's first frame is drawn (content-scripts/reader/dates.ts): the view drawn again keeps the words.
    await expect.poll(() => times.first().textContent()).not.toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const worded = await times.allTextContents();
    const raw = page.getByTestId('reader-raw');
    await raw.click();
    await expect(page.locator('body > pre').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('reader-block').count()).resolves.toBe(0);
    await expect(page.locator('body > pre').textContent()).resolves.toContain('<!--1616481063000-->');
    await raw.click();
    await expect(page.locator('body > pre').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('reader-block').count()).resolves.toBeGreaterThan(0);
    await expect(times.allTextContents()).resolves.toEqual(worded);
  });

  it('is keyboard reachable: the raw toggle takes focus and Enter works', async () => {
    await page.getByTestId('reader-raw').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('reader-raw').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('reader-raw').getAttribute('aria-pressed')).resolves.toBe('false');
  });

  it('cycles the theme and remembers it across reloads', async () => {
    const reader = page.getByTestId('reader');
    await expect(reader.getAttribute('data-theme')).resolves.toBe('auto');
    const themeButton = reader.getByRole('toolbar').getByRole('button').first();
    await themeButton.click();
    await themeButton.click();
    await expect(reader.getAttribute('data-theme')).resolves.toBe('dark');
    await expect(reader.evaluate((el) => getComputedStyle(el).colorScheme)).resolves.toBe('dark');
    await page.reload();
    await page.getByTestId('reader').waitFor();
    await expect(page.getByTestId('reader').getAttribute('data-theme')).resolves.toBe('dark');
    await themeButton.click();
    await expect(page.getByTestId('reader').getAttribute('data-theme')).resolves.toBe('auto');
  });

  it('marks the tab and tells the popup which article it shows', async () => {
    await expect(badgeOf(browser.worker, page.url())).resolves.toBe('批');
    await expect(askTab(browser.worker, page.url())).resolves.toMatchObject({
      ok: true,
      article: { id: 'cn.reuters.com/article/wrapup-china-russia-diplomacy-meeting-03-idCNKBS2BF0GS', origin: 'archive' },
    });
  });
});

/** The reader's blocks in brief, and Node's, to compare two parsers block for block. */
async function renderedBlocks() {
  return page.getByTestId('reader-block').evaluateAll((els) =>
    els.map((el) => ({
      tag: el.localName,
      text: el.localName === 'figure' ? null : el.textContent,
      className: el.getAttribute('class') ?? '',
      caption: el.querySelector('figcaption')?.firstChild?.nodeType === 3 ? el.querySelector('figcaption')!.firstChild!.textContent : null,
      credit: el.querySelector('figcaption .pizhu-credit')?.textContent ?? null,
      src: el.querySelector('img')?.getAttribute('src') ?? null,
    })),
  );
}

function expectedBlocks(model: Article) {
  return model.blocks.map((block) =>
    block.type === 'image'
      ? { tag: 'figure', text: null, className: 'pizhu-figure', caption: block.caption, credit: block.credit ?? null, src: block.src.startsWith('https:') ? block.src : null }
      : { tag: block.type === 'heading' ? 'h2' : 'p', text: block.text, className: block.type === 'paragraph' && block.style ? `pizhu-${block.style}` : '', caption: null, credit: null, src: null },
  );
}

describe('markup the two parsers build differently', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-tricky-'));
  it.each(Object.entries(TRICKY_BODIES))('%s reads the same in the reader as in Node', async (name, body) => {
    const text = `<!--1616481063000-->\n[样本](https://www.nytimes.com/zh/sample-${name})\n------\n\n${body}`;
    const path = join(dir, `${name}.md`);
    writeFileSync(path, text);
    await page.goto(pathToFileURL(path).href);
    await page.getByTestId('reader').waitFor({ timeout: 10_000 });
    const model = parseArchive(text);
    expect(model.blocks.length).toBeGreaterThan(1);
    expect(await renderedBlocks()).toEqual(expectedBlocks(model));
  });
});

describe('an archive file nested 100,000 levels deep', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-deep-'));
  const header = readCorpus('reuters/1040207.md').split('\n').slice(0, 4).join('\n');
  const DEPTH = 100_000;
  it.each([
    ['divs', `<div>${'<div>'.repeat(DEPTH)}<p>最深处的段落。</p>${'</div>'.repeat(DEPTH)}<p>之后的段落。（完）</p></div>`, ['最深处的段落。', '之后的段落。（完）']],
    ['bold', `<p>开头，${'<b>'.repeat(DEPTH)}加粗的文字${'</b>'.repeat(DEPTH)}，段落的结尾。</p><p>（完）</p>`, ['开头，加粗的文字，段落的结尾。', '（完）']],
  ])(
    '%s: the reader shows its text',
    async (name, body, blocks) => {
      const path = join(dir, `${name}.md`);
      writeFileSync(path, `${header}\n${body}`);
      await page.goto(pathToFileURL(path).href);
      await page.getByTestId('reader').waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('reader-block').allTextContents()).resolves.toEqual(blocks);
    },
    60_000,
  );
});

describe('every corpus file', () => {
  // Two parsers, one walker: the reader parses with the browser's DOMParser, this test with cheerio.
  // Every block must come out the same, to the character, with the same style, caption, credit and image.
  it.each(corpusFiles())('%s renders exactly the model Node parses', async (path) => {
    await open(path);
    const model = parseArchive(readCorpus(path));
    await expect(page.getByTestId('reader-title').textContent()).resolves.toBe(model.title);
    const rendered = await renderedBlocks();
    const expected = expectedBlocks(model);
    expect(rendered).toEqual(expected);
    // What the source's rules read before the walk: byline and publication time.
    const meta = page.getByTestId('reader').locator('.pizhu-meta');
    await expect(meta.locator('.pizhu-byline').count()).resolves.toBe(model.byline ? 1 : 0);
    if (model.byline) await expect(meta.locator('.pizhu-byline').textContent()).resolves.toBe(model.byline);
    const times = await meta.locator('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')));
    expect(times).toEqual([model.publishedAt, model.archivedAt].filter(Boolean));
  });
});
