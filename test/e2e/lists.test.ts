// The popup and the library page as a reader with a real collection meets them, in a Chinese UI:
// a long note expands in place; a 600 px popup shows a screenful of highlights with import in view;
// the localized import button opens the file chooser; the library page sorts and filters, with counts;
// every control is 24 px or more and every text holds 4.5:1 in light and dark; one word for one thing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { CORPUS_DIR } from '../shared-data';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { libraryArticles, makeLibrary, seedLibrary } from './seed-library';

const LONG_NOTE = `开头。${'会谈地点选在桂林，值得注意：这是首次正式会晤，措辞与以往不同。'.repeat(40)}\n\n最后一段：对照前文。`;

/** Six articles, sixty highlights; the newest article's first highlight carries a 1,000-character note and three tags. */
function collection() {
  const data = makeLibrary(60, 6);
  const newest = data.articles.at(-1)!;
  const first = data.annotations.find((a) => a.articleId === newest.id)!;
  first.note = LONG_NOTE;
  first.tags = ['外交', '待查', '中俄关系'];
  return { data, newest, first };
}
const { data, newest, first } = collection();

let browser: ExtensionBrowser;
let popup: Page;
const url = (page: string) => `chrome-extension://${browser.extensionId}/popup/${page}.html`;

beforeAll(async () => {
  browser = await launchWithExtension({ offline: true, uiLanguage: 'zh-CN' });
  popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(url('index'));
  await popup.getByTestId('empty').waitFor({ timeout: 10_000 });
  await seedLibrary(popup, data);
  await popup.reload();
  await popup.getByTestId('annotation-item').first().waitFor({ timeout: 10_000 });
}, 60_000);
afterAll(async () => browser?.close());

const item = (page: Page, id: string) => page.locator(`[data-testid="annotation-item"][data-id="${id}"]`);

describe('a long note', () => {
  it('is cut to a few lines in the popup, and expands in place to be read whole, then folds back', async () => {
    await popup.getByTestId('search').fill('桂林');
    const note = item(popup, first.id).getByTestId('annotation-note');
    await note.waitFor({ timeout: 5000 });
    const height = () => note.evaluate((e) => e.getBoundingClientRect().height);
    const cut = await height();
    expect(cut).toBeLessThan(60);
    await item(popup, first.id).getByTestId('note-expand').click();
    await expect(item(popup, first.id).getByTestId('note-expand').getAttribute('aria-expanded')).resolves.toBe('true');
    // Whole: nothing hidden, every line laid out (the last words on screen once scrolled to).
    await expect.poll(() => note.evaluate((e) => e.scrollHeight <= e.clientHeight + 1 && e.clientHeight > 300)).toBe(true);
    await popup.getByText('最后一段：对照前文。').scrollIntoViewIfNeeded();
    await expect(popup.getByText('最后一段：对照前文。').isVisible()).resolves.toBe(true);
    await item(popup, first.id).getByTestId('note-expand').click();
    await expect.poll(height).toBe(cut);
    await popup.getByTestId('search').fill('');
  });

  it('expands on the library page too', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(url('library'));
    await page.getByTestId('search').fill('桂林');
    const note = item(page, first.id).getByTestId('annotation-note');
    await note.waitFor({ timeout: 10_000 });
    await item(page, first.id).getByTestId('note-expand').click();
    await expect.poll(() => note.evaluate((e) => e.scrollHeight <= e.clientHeight + 1 && e.clientHeight > 150)).toBe(true);
    await page.close();
  });
});

/** Highlights whose whole row shows inside the list's box and the window. */
const fullyVisible = (page: Page) =>
  page.evaluate(() => {
    const list = document.querySelector('.list')!.getBoundingClientRect();
    return [...document.querySelectorAll('[data-testid="annotation-item"]')].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.top >= list.top - 1 && r.bottom <= list.bottom + 1 && r.bottom <= innerHeight;
    }).length;
  });

describe('the popup at 600 px', () => {
  it('gives the list the height: four or more highlights show, with export and import in view and no notice on top', async () => {
    await popup.reload();
    await popup.getByTestId('annotation-item').first().waitFor();
    await expect(popup.evaluate(() => document.documentElement.scrollHeight)).resolves.toBeLessThanOrEqual(600);
    // Rows stand at estimated places until the browser reports their sizes: count once they have settled.
    await expect.poll(() => fullyVisible(popup), { timeout: 5000 }).toBeGreaterThanOrEqual(4);
    const listBox = (await popup.locator('.list').boundingBox())!;
    expect(listBox.height).toBeGreaterThan(280);
    for (const id of ['export-markdown', 'import-button']) {
      const box = (await popup.getByTestId(id).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(600);
    }
    // The popup page itself is the active tab here: no article. The notice is one line, below the list.
    const notice = (await popup.getByTestId('no-article').boundingBox())!;
    expect(notice.height).toBeLessThanOrEqual(30);
    expect(notice.y).toBeGreaterThan(listBox.y + listBox.height);
  });

  it('keeps the list in place while the count says the rest is still being read', async () => {
    await popup.reload();
    await popup.getByTestId('annotation-item').first().waitFor();
    const listTop = () => popup.locator('.list').evaluate((e) => e.getBoundingClientRect().top);
    const settled = await listTop();
    // The count as it reads while the first screen is shown and the rest still comes (readingRest).
    await popup.locator('p.count').evaluate((e) => {
      e.textContent = `${e.textContent} · 正在读取其余部分…`;
    });
    expect(await listTop()).toBe(settled);
  });

  it('over an annotated article, marks the article in the list instead of repeating its heading in a card', async () => {
    const corpusFile = libraryArticles()[5]!.file;
    expect(newest.id).toBe(libraryArticles()[5]!.article.id);
    const article = await browser.context.newPage();
    await article.goto(pathToFileURL(join(CORPUS_DIR, corpusFile)).href);
    await article.getByTestId('reader').waitFor({ timeout: 10_000 });
    await article.bringToFront();
    await popup.reload();
    await expect.poll(() => popup.locator('.article.current-article').getAttribute('data-id'), { timeout: 10_000 }).toBe(newest.id);
    await expect(popup.getByTestId('article-item').first().getAttribute('data-id')).resolves.toBe(newest.id);
    await expect(popup.getByTestId('current-article').count()).resolves.toBe(0);
    await expect(popup.getByTestId('no-article').count()).resolves.toBe(0);
    await article.close();
  });
});

describe('import', () => {
  it('is a localized button that opens the file chooser; the bare file input stays hidden', async () => {
    await popup.bringToFront();
    await popup.reload();
    const button = popup.getByTestId('import-button');
    await expect(button.textContent()).resolves.toMatch(/^导入/);
    const input = (await popup.getByTestId('import-input').boundingBox()) ?? { width: 0, height: 0 };
    expect(input.width * input.height).toBeLessThanOrEqual(1);
    const exported = await download(popup, 'export-json');
    const [chooser] = await Promise.all([popup.waitForEvent('filechooser', { timeout: 5000 }), button.click()]);
    await chooser.setFiles({ name: 'pizhu.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect.poll(() => popup.getByTestId('transfer-status').textContent(), { timeout: 10_000 }).toMatch(/新增 0 条/);
  });
});

async function download(page: Page, testId: string): Promise<string> {
  const [file] = (await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.getByTestId(testId).click()])) as [Download, undefined];
  return readFileSync((await file.path())!, 'utf8');
}

describe('the library page at 1200 px', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(url('library'));
    await page.getByTestId('annotation-item').first().waitFor({ timeout: 10_000 });
  });
  const titles = () => page.getByTestId('article-item').evaluateAll((items) => items.map((e) => e.getAttribute('data-id')));

  it('is a workspace: the filters beside the list, the list most of the width', async () => {
    const side = (await page.locator('.sidebar').boundingBox())!;
    const main = (await page.locator('.library-main').boundingBox())!;
    expect(main.x).toBeGreaterThan(side.x + side.width);
    expect(main.width).toBeGreaterThan(750);
    expect(side.height).toBeGreaterThan(600);
  });

  it('its tabs are reached by the keyboard: Tab to the chosen one, the arrows to the other', async () => {
    const selected = () => page.locator('[role="tab"][aria-selected="true"]').getAttribute('id');
    const focused = () => page.evaluate(() => document.activeElement?.id);
    await page.getByTestId('tab-highlights').focus();
    await page.keyboard.press('ArrowRight');
    await expect(selected()).resolves.toBe('tab-archive');
    await expect(focused()).resolves.toBe('tab-archive');
    await expect(page.locator('#panel-archive').isVisible()).resolves.toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect(selected()).resolves.toBe('tab-highlights');
    await page.keyboard.press('End');
    await expect(focused()).resolves.toBe('tab-archive');
    await page.keyboard.press('Home');
    await expect(selected()).resolves.toBe('tab-highlights');
    await expect(focused()).resolves.toBe('tab-highlights');
    await expect(page.locator('#panel-highlights').isVisible()).resolves.toBe(true);
  });

  it('sorts by publication, newest first', async () => {
    await page.getByTestId('list-sort').selectOption('published');
    const expected = [...data.articles].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '')).map((a) => a.id);
    // The list is virtualized: the articles on screen are the first of that order.
    const prefix = async (order: string[]) => {
      const shown = await titles();
      return shown.length > 0 && shown.every((id, i) => id === order[i]);
    };
    await expect.poll(() => prefix(expected)).toBe(true);
    expect(expected).not.toEqual([...data.articles].reverse().map((a) => a.id));
    await page.getByTestId('list-sort').selectOption('annotated');
    await expect.poll(() => prefix([...data.articles].reverse().map((a) => a.id))).toBe(true);
  });

  it('counts each colour, tag and source, and narrows to one', async () => {
    const yellow = data.annotations.filter((a) => a.color === 'yellow').length;
    await expect(page.getByTestId('count-yellow').textContent()).resolves.toBe(String(yellow));
    const diplomacy = data.annotations.filter((a) => a.tags.includes('外交')).length;
    const tag = page.locator('[data-testid="tag-filter"][data-value="外交"]');
    await expect(tag.locator('.count').textContent()).resolves.toBe(String(diplomacy));
    await tag.click();
    await expect.poll(() => page.getByTestId('annotation-item').count()).toBe(diplomacy);
    await page.getByTestId('clear-filters').click();
    const source = data.articles[0]!.source;
    const ofSource = data.annotations.filter((a) => data.articles.find((r) => r.id === a.articleId)!.source === source).length;
    const choice = page.locator(`[data-testid="source-filter"][data-value="${source}"]`);
    await expect(choice.locator('.count').textContent()).resolves.toBe(String(ofSource));
    await choice.click();
    await expect.poll(async () => (await page.locator('.library-main .count').textContent())?.match(/(\d+) 条标注/)?.[1]).toBe(String(ofSource));
    await page.getByTestId('clear-filters').click();
  });

  it('narrows by date: the day the articles were published', async () => {
    const dated = data.articles.filter((a) => a.publishedAt).sort((a, b) => a.publishedAt!.localeCompare(b.publishedAt!));
    const middle = dated[Math.floor(dated.length / 2)]!;
    const day = new Date(middle.publishedAt!).toLocaleDateString('sv');
    await page.getByTestId('list-date-field').selectOption('published');
    await page.getByTestId('list-from').fill(day);
    const expected = dated.filter((a) => new Date(a.publishedAt!).toLocaleDateString('sv') >= day).map((a) => a.id);
    const listed = async () => (await page.locator('.library-main .count').textContent())?.match(/^(\d+) 篇文章/)?.[1];
    await expect.poll(listed).toBe(String(expected.length));
    expect(expected.length).toBeLessThan(data.articles.length);
    await expect.poll(async () => expected.includes((await titles())[0]!)).toBe(true);
    await page.getByTestId('clear-filters').click();
    await expect.poll(listed).toBe(String(data.articles.length));
  });

  it('links each article: its original on the web, and where it was last read', async () => {
    const row = page.locator(`[data-testid="article-item"][data-id="${newest.id}"]`);
    await expect(row.getByTestId('article-original').getAttribute('href')).resolves.toBe(newest.url);
    // Its title as the article's page last gave it.
    await expect(row.getByTestId('article-open').textContent()).resolves.toBe(libraryArticles()[5]!.article.title);
    // The row cuts a long title to one line; its tooltip gives it whole.
    await expect(row.getByTestId('article-open').getAttribute('title')).resolves.toContain(libraryArticles()[5]!.article.title);
  });

  it('gives every highlight row of a kind one height; a one-line quote has its date right under it, the room left below', async () => {
    await page.setViewportSize({ width: 700, height: 900 });
    try {
      const rows = async () =>
        page.getByTestId('annotation-item').evaluateAll((items) =>
          items.map((e) => {
            const quote = e.querySelector('.quote')!.getBoundingClientRect();
            const meta = e.querySelector('.meta')!.getBoundingClientRect();
            const lines = Math.round(quote.height / Number.parseFloat(getComputedStyle(e.querySelector('.quote')!).lineHeight));
            return { noted: !!e.querySelector('.note'), lines, height: e.getBoundingClientRect().height, gap: meta.top - quote.bottom };
          }),
        );
      await expect.poll(async () => new Set((await rows()).filter((r) => !r.noted).map((r) => r.lines)).size).toBe(2);
      const plain = (await rows()).filter((r) => !r.noted);
      expect(new Set(plain.map((r) => Math.round(r.height))).size).toBe(1);
      for (const row of plain) expect(row.gap).toBeLessThan(6);
    } finally {
      await page.setViewportSize({ width: 1200, height: 900 });
    }
  });
});

/** Every visible control on the page smaller than 24 px in either direction, as "test id or text: w×h". */
const smallTargets = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, select, input:not([type="file"]), summary, label.button, .popup-header a, a.button')]
      .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 24 || r.height < 24)
      .map(({ e, r }) => `${e.dataset.testid ?? e.textContent?.trim().slice(0, 12)}: ${Math.round(r.width)}×${Math.round(r.height)}`),
  );

/** Every visible text whose colour holds less than 4.5:1 against the background it is drawn on. */
const faintTexts = (page: Page) =>
  page.evaluate(() => {
    const rgba = (c: string) => {
      const n = c.match(/[\d.]+/g)!.map(Number);
      return { r: n[0]!, g: n[1]!, b: n[2]!, a: n.length > 3 ? n[3]! : 1 };
    };
    const over = (top: ReturnType<typeof rgba>, under: ReturnType<typeof rgba>) => ({
      r: top.r * top.a + under.r * (1 - top.a),
      g: top.g * top.a + under.g * (1 - top.a),
      b: top.b * top.a + under.b * (1 - top.a),
      a: 1,
    });
    const luminance = ({ r, g, b }: ReturnType<typeof rgba>) => {
      const l = (v: number) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * l(r) + 0.7152 * l(g) + 0.0722 * l(b);
    };
    const background = (e: Element | null): ReturnType<typeof rgba> => {
      const layers: ReturnType<typeof rgba>[] = [];
      for (let at = e; at; at = at.parentElement) layers.push(rgba(getComputedStyle(at).backgroundColor));
      return layers.reverse().reduce((under, top) => over(top, under), { r: 255, g: 255, b: 255, a: 1 });
    };
    const out: string[] = [];
    let checked = 0;
    for (const e of document.querySelectorAll<HTMLElement>('body *')) {
      const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!own || !e.getClientRects().length || e.closest('[hidden], .visually-hidden, option')) continue;
      checked += 1;
      const back = background(e);
      const text = over(rgba(getComputedStyle(e).color), back);
      const [hi, lo] = [luminance(text), luminance(back)].sort((x, y) => y - x);
      const ratio = (hi! + 0.05) / (lo! + 0.05);
      if (ratio < 4.5) out.push(`${e.className || e.tagName} "${e.textContent!.trim().slice(0, 10)}": ${ratio.toFixed(2)}`);
    }
    return { checked, faint: out };
  });

describe('targets and contrast', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`in the ${scheme} scheme: every control is 24 px or more, every text 4.5:1 or more (popup and library page)`, async () => {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, width, height] of [
        ['index', 400, 600],
        ['library', 1200, 900],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto(url(name));
        await page.getByTestId('annotation-item').first().waitFor({ timeout: 10_000 });
        await expect(smallTargets(page)).resolves.toEqual([]);
        const { checked, faint } = await faintTexts(page);
        expect(faint).toEqual([]);
        expect(checked).toBeGreaterThan(30);
      }
      await page.close();
    });
  }
});

describe('one word for one thing, in the labels’ language', () => {
  it('calls highlights 标注 and notes 笔记; dates and the Markdown export follow the Chinese labels', async () => {
    await popup.reload();
    // The list is read after the page opens: the labels are read once it is there.
    await popup.getByTestId('annotation-item').first().waitFor({ timeout: 10_000 });
    await expect(popup.getByTestId('search').getAttribute('placeholder')).resolves.toMatch(/笔记/);
    // The labels: attributes, and the text of controls that hold no quote or note.
    const labels = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('body *')]
        .map((e) =>
          [e.getAttribute('placeholder'), e.getAttribute('aria-label'), e.getAttribute('title'), e.matches('button:not(.open), summary, label, select, header') ? e.textContent : ''].join(' '),
        )
        .join('\n'),
    );
    expect(labels).toMatch(/标注/);
    expect(labels).not.toMatch(/划线/);
    // 批注 is the product's name only.
    expect(labels.replace(/批注 Pizhu|Pizhu 批注|批注文库|批注导出/g, '')).not.toMatch(/批注/);
    await expect(popup.locator('[data-testid="annotation-item"] time').first().textContent()).resolves.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    const markdown = await download(popup, 'export-markdown');
    expect(markdown).toMatch(/^> \[!quote\] (黄色|绿色|蓝色|粉色|紫色)$/m);
    expect(markdown).toMatch(/ · \[原文\]\(https:/);
    expect(markdown).not.toMatch(/\[!quote\] (Yellow|Green|Blue|Pink|Purple)|\[original\]/);
    expect(markdown).toMatch(/^- 来源：/m);
  });
});
