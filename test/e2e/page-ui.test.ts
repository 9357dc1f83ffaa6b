// The page side of reading and annotating, in Chromium with the built extension and a Chinese UI:
// the original text and back, the toolbar near the window's edge and on scroll, the reader's theme,
// overlapping colours, the note mark's size, the last colour across page loads, and the words used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, noteFrame, noteFrames, type ExtensionBrowser } from './browser';
import { FILE_URL, openReader, painted, select } from './page-helpers';

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension({ offline: true, uiLanguage: 'zh-CN' });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
});
afterAll(async () => browser?.close());

const closed = () => expect.poll(() => noteFrames(page).length).toBe(0);

/** Sends the keyboard command's message to the page, as the background does for Alt+Shift+H. */
async function pressShortcut() {
  await browser.worker.evaluate(async (url) => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: unknown, o: object): Promise<unknown> } } }).chrome;
    const tab = (await c.tabs.query({})).find((t) => t.url === url);
    await c.tabs.sendMessage(tab!.id!, { type: 'highlight-selection' }, { frameId: 0 });
  }, FILE_URL);
}

describe('the original text', () => {
  it('shows at the top of the window, not a screen further down; going back returns to where the reader was', async () => {
    await openReader(page);
    await page.evaluate(() => scrollTo(0, 1200));
    const before = await page.evaluate(() => scrollY);
    await page.getByTestId('reader-raw').click();
    await expect.poll(() => page.locator('body > pre').isVisible()).toBe(true);
    const pre = (await page.locator('body > pre').boundingBox())!;
    expect(pre.y).toBeLessThan(100);
    await expect(page.locator('body > pre').evaluate((el) => el.textContent!.slice(0, 200))).resolves.toMatch(/\S/);
    await page.getByTestId('reader-raw').click();
    await page.getByTestId('reader-block').first().waitFor();
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(before);
  });
});

describe('the toolbar', () => {
  it('near the right edge it stays in one row inside the window, its buttons 24 px or more, and names the shortcut', async () => {
    await openReader(page);
    // The last characters of a paragraph's first line, at the column's right edge.
    await select(page, 4, 0.9, 0.995);
    await page.getByTestId('toolbar').waitFor();
    const bar = (await page.getByTestId('toolbar').boundingBox())!;
    expect(bar.x + bar.width).toBeLessThanOrEqual(1000);
    expect(bar.x).toBeGreaterThanOrEqual(0);
    const buttons = await page.locator('[data-testid="toolbar"] button').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    expect(new Set(buttons.map((b) => Math.round(b.top + b.height / 2))).size).toBe(1);
    for (const b of buttons) expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(24);
    expect(bar.height).toBeLessThan(2 * 28);
    await expect(page.getByTestId('toolbar').getAttribute('aria-label')).resolves.toMatch(/Alt\+Shift\+H|⌥⇧H/);
  });

  it('moves with the text when the page scrolls', async () => {
    const bar = (await page.getByTestId('toolbar').boundingBox())!;
    const top = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, -150);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeLessThan(top);
    const moved = top - (await page.evaluate(() => scrollY));
    await expect.poll(async () => Math.round((await page.getByTestId('toolbar').boundingBox())!.y)).toBe(Math.round(bar.y + moved));
    await page.keyboard.press('Escape');
  });
});

describe('the last colour', () => {
  it('is kept across page loads: the shortcut highlights in the colour picked last, which the toolbar marks', async () => {
    await openReader(page);
    await select(page, 2, 0.1, 0.3);
    await page.getByTestId('color-green').click();
    await page.reload();
    await page.locator('[data-pizhu="ui"]').waitFor({ state: 'attached' });
    const selected = await select(page, 3, 0.1, 0.3);
    await expect(page.getByTestId('color-green').getAttribute('title')).resolves.toMatch(/上次.*(Alt\+Shift\+H|⌥⇧H)/);
    await pressShortcut();
    await expect.poll(async () => (await painted(page))['pizhu-green']?.includes(selected)).toBe(true);
  });
});

describe('colours', () => {
  it('where two highlights overlap (yellow over blue), the overlap is marked, not blended', async () => {
    await openReader(page);
    const blue = await select(page, 5, 0.1, 0.5);
    await page.getByTestId('color-blue').click();
    const yellow = await select(page, 5, 0.3, 0.7);
    await page.getByTestId('color-yellow').click();
    await expect.poll(async () => (await painted(page))['pizhu-yellow']?.includes(yellow)).toBe(true);
    const overlaps = (await painted(page))['pz-overlap'] ?? [];
    expect(overlaps.some((text) => blue.includes(text) && yellow.includes(text) && text.length > 0)).toBe(true);
  });
});

describe('the note mark', () => {
  it('is a 24 px target after the passage that covers no character of the text', async () => {
    await openReader(page);
    const selected = await select(page, 6, 0.1, 0.3);
    await page.getByTestId('add-note').click();
    await (await noteFrame(page)).getByTestId('note-input').waitFor();
    await page.keyboard.type('有笔记');
    await page.keyboard.press('Escape');
    await closed();
    await expect.poll(() => page.getByTestId('note-mark').count()).toBeGreaterThan(0);
    const mark = (await page.getByTestId('note-mark').last().boundingBox())!;
    expect(mark.width).toBeGreaterThanOrEqual(24);
    expect(mark.height).toBeGreaterThanOrEqual(24);
    // Not one character's box of the paragraph (the next character included) lies under the mark.
    const covered = await page
      .getByTestId('reader-block')
      .nth(6)
      .evaluate((block, m) => {
        const text = block.firstChild!;
        const range = document.createRange();
        for (let i = 0; i < text.textContent!.length; i++) {
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          for (const r of range.getClientRects()) if (r.right > m.x && r.left < m.x + m.width && r.bottom > m.y && r.top < m.y + m.height) return i;
        }
        return -1;
      }, mark);
    expect(covered).toBe(-1);
    expect(selected.length).toBeGreaterThan(0);
  });
});

describe('the theme', () => {
  const background = (selector: string) =>
    page
      .locator(`[data-pizhu="ui"] ${selector}`)
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
  /** An opaque background (a transparent one would only show the page through) that is dark. */
  const dark = (rgb: string) => {
    expect(rgb).toMatch(/^rgb\(/);
    const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
    return r + g + b < 3 * 100;
  };

  it("the toolbar and the note editor follow the reader view's theme button, not the system's scheme", async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openReader(page);
    const themeButton = page.locator('.pizhu-bar button').first();
    // automatic → light → dark
    await themeButton.click();
    await themeButton.click();
    await expect.poll(() => page.getByTestId('reader').getAttribute('data-theme')).toBe('dark');
    await select(page, 7, 0.1, 0.3);
    await page.getByTestId('toolbar').waitFor();
    expect(dark(await background('.toolbar'))).toBe(true);
    await page.getByTestId('add-note').click();
    const frame = await noteFrame(page);
    await frame.getByTestId('note-editor').waitFor();
    expect(dark(await frame.getByTestId('note-editor').evaluate((el) => getComputedStyle(el).backgroundColor))).toBe(true);
    await page.keyboard.press('Escape');
    await closed();
    // Back to light on a dark system: light it is.
    await page.emulateMedia({ colorScheme: 'dark' });
    await themeButton.click();
    await themeButton.click();
    await expect.poll(() => page.getByTestId('reader').getAttribute('data-theme')).toBe('light');
    await select(page, 8, 0.1, 0.3);
    await page.getByTestId('toolbar').waitFor();
    expect(dark(await background('.toolbar'))).toBe(false);
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'light' });
    // Leave the theme automatic for what follows.
    await themeButton.click();
  });
});

describe('one word for one thing', () => {
  it('a highlight is 标注 and a note 笔记 on the toolbar and in the editor; 批注 and 划线 appear nowhere there', async () => {
    await openReader(page);
    await select(page, 9, 0.1, 0.3);
    await expect(page.getByTestId('add-note').textContent()).resolves.toBe('添加笔记');
    await expect(page.getByTestId('toolbar').getAttribute('aria-label')).resolves.toContain('标注');
    await page.getByTestId('add-note').click();
    const frame = await noteFrame(page);
    await expect(frame.getByTestId('highlight-delete').textContent()).resolves.toBe('删除标注');
    const words = [
      await frame.locator('body').evaluate(
        (body) =>
          // biome-ignore lint/performance/useDomNodeTextContent: the words a reader sees, not hidden ones
          (body as HTMLElement).innerText +
          [...body.querySelectorAll('[aria-label],[placeholder],[title]')].map((el) => `${el.getAttribute('aria-label')} ${el.getAttribute('placeholder')} ${el.getAttribute('title')}`).join(' '),
      ),
      await page.locator('[data-pizhu="ui"]').evaluate((host) => {
        const root = host.shadowRoot!;
        return root.textContent + [...root.querySelectorAll('[aria-label],[title]')].map((el) => `${el.getAttribute('aria-label')} ${el.getAttribute('title')}`).join(' ');
      }),
    ].join(' ');
    expect(words).not.toMatch(/批注|划线/);
    await page.keyboard.press('Escape');
    await closed();
  });
});
