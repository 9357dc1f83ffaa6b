// A news site's own scripts can reach Pizhu's controls in the page's open shadow root and can set
// the selection, but they cannot act as the reader: a script's click or key event (untrusted) saves,
// opens and copies nothing, while the reader's own mouse does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseArchive } from '../../src/parse/parse-archive';
import { readCorpus } from '../shared-data';
import { badgeOf, launchWithExtension, noteFrames, type ExtensionBrowser } from './browser';

const article = parseArchive(readCorpus('reuters/1040207.md'));
const paragraphs = article.blocks.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text);
const PAGE = `<!doctype html><html><head><title>${article.title} - 路透中文网</title><link rel="canonical" href="${article.url}"></head>
<body><h1 class="ArticleHeader_headline">${article.title}</h1>
<div class="StandardArticleBody_body">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div></body></html>`;

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.route(/^https?:/, (route) => (route.request().url() === article.url ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE }) : route.abort()));
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 1600 });
  await page.goto(article.url);
  await page.locator('[data-pizhu="ui"]').waitFor({ state: 'attached', timeout: 10_000 });
});
afterAll(async () => browser?.close());

const paragraph = (n: number) => page.locator('.StandardArticleBody_body p').nth(n);

/** The text of every painted range, by highlight name. */
const painted = () =>
  page.evaluate(() => Object.fromEntries([...CSS.highlights.entries()].filter(([name]) => name.startsWith('pizhu')).map(([name, h]) => [name, [...h].map((r) => (r as Range).toString())])));
const paintedCount = async () => Object.values(await painted()).flat().length;

/** Drags across a paragraph's first line with the mouse, as the reader does. */
async function select(n: number, from: number, to: number): Promise<string> {
  const box = (await paragraph(n).boundingBox())!;
  await page.mouse.move(box.x + box.width * from, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to, box.y + 12, { steps: 6 });
  await page.mouse.up();
  return page.evaluate(() => getSelection()!.toString());
}

/** What the page's script does: selects a paragraph's first words itself, then clicks Pizhu's controls. */
const scriptClicks = (testIds: string[]) =>
  page.evaluate((ids) => {
    const text = document.querySelectorAll('.StandardArticleBody_body p')[4]!.firstChild!;
    getSelection()!.setBaseAndExtent(text, 0, text, 8);
    const root = document.querySelector('[data-pizhu="ui"]')!.shadowRoot!;
    return ids.map((id) => {
      const control = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      control?.click();
      return !!control;
    });
  }, testIds);

/** A moment for anything a script's event set off to reach the background and come back. */
const settle = () => page.waitForTimeout(600);

describe("a page's script cannot act as the reader", () => {
  it('a selection set by script and finished with synthetic mouse and key events gets no toolbar', async () => {
    await page.evaluate(() => {
      const p = document.querySelectorAll('.StandardArticleBody_body p')[4]!;
      getSelection()!.setBaseAndExtent(p.firstChild!, 0, p.firstChild!, 8);
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
      document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', shiftKey: true, bubbles: true }));
    });
    await settle();
    await expect(page.getByTestId('toolbar').count()).resolves.toBe(0);
  });

  it("a script's click on a colour, on Add note or on the citation saves, opens and copies nothing", async () => {
    await select(2, 0.1, 0.5);
    await page.getByTestId('toolbar').waitFor();
    // Every control was there to click: the clicks reached them.
    expect(await scriptClicks(['color-yellow', 'color-pink', 'add-note', 'copy-citation'])).toEqual([true, true, true, true]);
    await settle();
    expect(await paintedCount()).toBe(0);
    await expect(badgeOf(browser.worker, article.url)).resolves.toBe('批');
    await expect(page.locator('iframe[data-pizhu-note]').count()).resolves.toBe(0);
    await expect(page.getByTestId('save-error').count()).resolves.toBe(0);
    await expect(page.getByRole('status').count()).resolves.toBe(0);
    // The reader's toolbar is still there, for the reader.
    await expect(page.getByTestId('toolbar').count()).resolves.toBe(1);
  });

  it("the reader's own mouse click on a colour saves the reader's selection", async () => {
    const selected = await select(2, 0.1, 0.5);
    await page.getByTestId('toolbar').waitFor();
    await page.getByTestId('color-green').click();
    await expect.poll(async () => (await painted())['pizhu-green']).toEqual([selected]);
    await expect.poll(() => badgeOf(browser.worker, article.url)).toBe('1');
    expect(await paintedCount()).toBe(1);
  });

  it("a script's click on a painted highlight opens no note; the reader's click does", async () => {
    const point = await page.evaluate(() => {
      const rect = ([...CSS.highlights.get('pizhu-green')!][0] as Range).getClientRects()[0]!;
      return { x: rect.left + 4, y: rect.top + rect.height / 2 };
    });
    await page.evaluate(({ x, y }) => {
      getSelection()!.removeAllRanges();
      document.elementFromPoint(x, y)!.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }));
    }, point);
    await settle();
    // The note editor's frame sits in a closed shadow root: it is found among the page's frames.
    expect(noteFrames(page)).toHaveLength(0);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => noteFrames(page).length).toBe(1);
  });
});
