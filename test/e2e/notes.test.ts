// The note editor as a reader meets it, in Chromium with the built extension: a note typed is never
// lost (Escape, a click back into the article), a colour picked applies at once, Ctrl+Enter saves,
// the editor opens inside the window and grows with a long note, and a delete can be undone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, noteFrame, noteFrames, type ExtensionBrowser } from './browser';
import { openReader, painted, pointIn, select, uiBox } from './page-helpers';

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension({ offline: true });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
});
afterAll(async () => browser?.close());

/** Selects words of a block, highlights them with *Add note*, and answers the editor's frame once its note box has the focus. */
async function addNote(n: number, from = 0.1, to = 0.4) {
  const selected = await select(page, n, from, to);
  await page.getByTestId('add-note').click();
  const frame = await noteFrame(page);
  await expect.poll(() => frame.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: 5000 }).toBe('note-input');
  return { frame, selected };
}

/** Every painted passage, whatever its colour (a colour picked in the editor becomes the last colour). */
const everyPainted = async () =>
  Object.entries(await painted(page))
    .filter(([name]) => name !== 'pz-overlap')
    .flatMap(([, texts]) => texts);
const colorOf = async (text: string) =>
  Object.entries(await painted(page))
    .find(([name, texts]) => name !== 'pz-overlap' && texts.includes(text))?.[0]
    .replace('pizhu-', '') ?? '';

const closed = () => expect.poll(() => noteFrames(page).length).toBe(0);

describe('a note typed is never lost', () => {
  it('Escape closes the editor, and the note is there when it opens again', async () => {
    await openReader(page);
    const { selected } = await addNote(1);
    await page.keyboard.type('先记下来，不点保存');
    await page.keyboard.press('Escape');
    await closed();
    // The note was saved as it closed: the focus goes to its new ✎ mark, once the mark is drawn.
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-testid')), { timeout: 5000 }).toBe('note-mark');
    const yellow = await pointIn(page, 'yellow', selected.slice(0, 4));
    await page.mouse.click(yellow.x, yellow.y);
    await expect((await noteFrame(page)).getByTestId('note-input').inputValue({ timeout: 5000 })).resolves.toBe('先记下来，不点保存');
    await page.keyboard.press('Escape');
    await closed();
  });

  it('a click back into the article closes the editor; the note typed is kept, after a reload too', async () => {
    await openReader(page);
    const { selected } = await addNote(2);
    await page.keyboard.type('点回正文也不会丢');
    const elsewhere = (await page.getByTestId('reader-block').nth(2).boundingBox())!;
    await page.mouse.click(elsewhere.x + elsewhere.width - 20, elsewhere.y + elsewhere.height - 10);
    await closed();
    await page.reload();
    await page.locator('[data-pizhu="ui"]').waitFor({ state: 'attached' });
    await expect.poll(async () => (await painted(page))['pizhu-yellow']?.includes(selected)).toBe(true);
    const at = await pointIn(page, 'yellow', selected.slice(0, 4));
    await page.mouse.click(at.x, at.y);
    await expect((await noteFrame(page)).getByTestId('note-input').inputValue({ timeout: 5000 })).resolves.toBe('点回正文也不会丢');
    await page.keyboard.press('Escape');
    await closed();
  });

  it('a save the store would refuse keeps the editor open with the reason, through a click elsewhere; once put right, everything typed is kept', async () => {
    await openReader(page);
    const { frame, selected } = await addNote(4);
    await page.keyboard.type('标签太长也不丢');
    await frame.getByTestId('note-tags').click();
    // A pasted address as one tag: longer than a tag may be (records.ts, 100 characters).
    await page.keyboard.type(`https://example.com/${'a'.repeat(100)}`);
    const elsewhere = (await page.getByTestId('reader-block').nth(6).boundingBox())!;
    await page.mouse.click(elsewhere.x + elsewhere.width - 20, elsewhere.y + 10);
    await expect.poll(() => frame.getByTestId('note-error').textContent(), { timeout: 5000 }).toContain('100');
    expect(noteFrames(page)).toHaveLength(1);
    // Put right in the tags box: the next close saves and closes.
    await frame.getByTestId('note-tags').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('外交');
    await page.keyboard.press('Escape');
    await closed();
    // Closed by the reader in the editor, not by the click refused before: the focus goes back to the passage's note mark.
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-testid')), { timeout: 5000 }).toBe('note-mark');
    const at = await pointIn(page, 'yellow', selected.slice(0, 4));
    await page.mouse.click(at.x, at.y);
    const reopened = await noteFrame(page);
    await expect(reopened.getByTestId('note-input').inputValue({ timeout: 5000 })).resolves.toBe('标签太长也不丢');
    await expect(reopened.getByTestId('note-tags').inputValue()).resolves.toBe('外交');
    await page.keyboard.press('Escape');
    await closed();
  });

  it('a note that cannot be saved stays through two quick clicks elsewhere, and through Escape on the page after a selection', async () => {
    await openReader(page);
    const { frame } = await addNote(10);
    await page.keyboard.type('两次点击也不丢');
    await frame.getByTestId('note-tags').click();
    await page.keyboard.type('c'.repeat(101));
    const elsewhere = (await page.getByTestId('reader-block').nth(6).boundingBox())!;
    await page.mouse.click(elsewhere.x + elsewhere.width - 20, elsewhere.y + 10);
    await page.mouse.click(elsewhere.x + elsewhere.width - 30, elsewhere.y + 10);
    await expect.poll(() => frame.getByTestId('note-error').textContent(), { timeout: 5000 }).toContain('100');
    await page.waitForTimeout(500);
    expect(noteFrames(page)).toHaveLength(1);
    // The page's Escape (after a selection there) asks the editor too; it stays.
    await select(page, 3, 0.2, 0.5);
    await page.getByTestId('toolbar').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('toolbar').count()).toBe(0);
    await page.waitForTimeout(500);
    expect(noteFrames(page)).toHaveLength(1);
    // Discarded only in the editor itself, and only by its second close: the page's asks above do not count.
    await frame.getByTestId('note-input').click();
    const reason = (await frame.getByTestId('note-error').textContent())!;
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await frame.getByTestId('note-error').textContent())!.length).toBeGreaterThan(reason.length);
    expect(noteFrames(page)).toHaveLength(1);
    await page.keyboard.press('Escape');
    await closed();
  });

  it('a close refused for a failed save is asked once: the second discards what could not be saved', async () => {
    await openReader(page);
    const { frame } = await addNote(5);
    await frame.getByTestId('note-tags').click();
    await page.keyboard.type('b'.repeat(101));
    const error = () => frame.getByTestId('note-error').textContent();
    await expect.poll(error, { timeout: 5000 }).toContain('100');
    const reason = (await error())!;
    // The first close is refused, and the reason now says how to discard.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await error())!.length).toBeGreaterThan(reason.length);
    expect(noteFrames(page)).toHaveLength(1);
    await page.keyboard.press('Escape');
    await closed();
  });

  it('a colour picked in the editor repaints the highlight at once, without Save', async () => {
    await openReader(page);
    const { frame, selected } = await addNote(3);
    await frame.getByTestId('note-color-blue').click();
    await expect.poll(async () => (await painted(page))['pizhu-blue']?.includes(selected)).toBe(true);
    expect((await painted(page))['pizhu-yellow'] ?? []).not.toContain(selected);
    await page.keyboard.press('Escape');
    await closed();
  });
});

describe('the keyboard', () => {
  it("Escape right after typing: the focus goes to the new note's ✎ mark even when the close is heard before the highlights are read again", async () => {
    await openReader(page);
    // The background holds the highlights' store for a moment as it tells the page the note was saved:
    // the page's read of them waits behind that transaction (made before the news goes), and the
    // editor's close comes first.
    await browser.worker.evaluate(async () => {
      type News = { type?: string; action?: string };
      const g = globalThis as unknown as {
        race: { held: boolean; closedWhileHeld: boolean };
        undoRace(): void;
        chrome: { tabs: { sendMessage(tab: number, message: News, ...rest: unknown[]): Promise<unknown> } };
      };
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const opening = indexedDB.open('pizhu');
        opening.onsuccess = () => done(opening.result);
        opening.onerror = () => fail(opening.error);
      });
      const tabs = g.chrome.tabs;
      const send = tabs.sendMessage;
      let holding = false;
      g.race = { held: false, closedWhileHeld: false };
      tabs.sendMessage = (tab, message, ...rest) => {
        if (message?.type === 'note-frame' && message.action === 'saved' && !g.race.held) {
          g.race.held = holding = true;
          const store = db.transaction('annotations', 'readwrite').objectStore('annotations');
          const until = Date.now() + 800;
          const spin = () => {
            if (Date.now() < until) store.count().onsuccess = spin;
            else holding = false;
          };
          spin();
        }
        if (message?.type === 'note-frame' && message.action === 'closed' && holding) g.race.closedWhileHeld = true;
        return send.call(tabs, tab, message, ...rest);
      };
      g.undoRace = () => {
        tabs.sendMessage = send;
        db.close();
      };
    });
    try {
      await addNote(6);
      await page.keyboard.type('马上关掉');
      await page.keyboard.press('Escape');
      await closed();
      await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-testid')), { timeout: 5000 }).toBe('note-mark');
      // The race took place: the close went to the page while the highlights' store was held.
      expect(await browser.worker.evaluate(() => (globalThis as unknown as { race: unknown }).race)).toEqual({ held: true, closedWhileHeld: true });
    } finally {
      await browser.worker.evaluate(() => (globalThis as unknown as { undoRace(): void }).undoRace());
    }
  });

  it('Ctrl+Enter saves and closes; the focus goes back to the passage and its note mark', async () => {
    await openReader(page);
    const { frame, selected } = await addNote(4);
    await expect(frame.getByTestId('note-save').getAttribute('title')).resolves.toMatch(/Ctrl\+Enter|⌘\+Enter/);
    await page.keyboard.type('用快捷键保存');
    await page.keyboard.press('Control+Enter');
    await closed();
    // The caret stands at the end of the passage, and the focus on its ✎ mark.
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-testid'))).toBe('note-mark');
    const caret = await page.evaluate(() => ({ collapsed: getSelection()!.isCollapsed, block: getSelection()!.anchorNode?.parentElement?.closest('[data-testid="reader-block"]')?.textContent ?? '' }));
    expect(caret.collapsed).toBe(true);
    expect(caret.block).toContain(selected);
    // Enter on the focused mark opens the note again.
    await page.keyboard.press('Enter');
    await expect((await noteFrame(page)).getByTestId('note-input').inputValue({ timeout: 5000 })).resolves.toBe('用快捷键保存');
    await page.keyboard.press('Escape');
    await closed();
  });
});

describe('where the editor stands', () => {
  it('opened on the last line of the window, it stays inside the window, with the focus in its note box', async () => {
    await openReader(page);
    // A paragraph whose line sits at the window's bottom edge.
    const y = await page.evaluate(() => {
      const block = [...document.querySelectorAll('[data-testid="reader-block"]')].find((el) => el.getBoundingClientRect().top > innerHeight * 0.6 && el.localName === 'p')!;
      scrollBy(0, block.getBoundingClientRect().top - (innerHeight - 30));
      return block.getBoundingClientRect().top + 14;
    });
    const n = await page.evaluate(() => [...document.querySelectorAll('[data-testid="reader-block"]')].findIndex((el) => el.getBoundingClientRect().top > innerHeight - 60));
    await select(page, n, 0.2, 0.5, y);
    await page.getByTestId('add-note').click();
    const frame = await noteFrame(page);
    await expect.poll(() => frame.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: 5000 }).toBe('note-input');
    const box = (await uiBox(page, '.editor'))!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(700);
    expect(box.x + box.width).toBeLessThanOrEqual(1000);
    await page.keyboard.press('Escape');
    await closed();
  });

  it('a 2,000-character note: the box grows to a maximum, stays inside the window, and scrolls inside', async () => {
    await openReader(page);
    const { frame } = await addNote(5);
    const before = (await uiBox(page, '.editor'))!.height;
    const long = '这是一条很长的笔记，'.repeat(200);
    await frame.getByTestId('note-input').fill(long);
    await expect.poll(async () => (await uiBox(page, '.editor'))!.height).toBeGreaterThan(before + 100);
    const box = (await uiBox(page, '.editor'))!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(700);
    const input = await frame.getByTestId('note-input').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, length: (el as HTMLTextAreaElement).value.length }));
    expect(input.length).toBe(2000);
    expect(input.scroll).toBeGreaterThan(input.client);
    await page.keyboard.press('Escape');
    await closed();
  });

  it('moves with its passage when the page scrolls', async () => {
    await openReader(page);
    await addNote(6);
    const passage = async () => await page.evaluate(() => window.scrollY);
    const first = (await uiBox(page, '.editor'))!;
    const scrolled = await passage();
    await page.mouse.wheel(0, 120);
    await expect.poll(passage).toBeGreaterThan(scrolled);
    const moved = (await passage()) - scrolled;
    await expect.poll(async () => Math.round((await uiBox(page, '.editor'))!.y)).toBe(Math.round(first.y - moved));
    await page.keyboard.press('Escape');
    await closed();
  });
});

describe('deleting a highlight on the page', () => {
  it('can be undone for a few seconds; the delete button stands apart from Save and Close', async () => {
    await openReader(page);
    const { frame, selected } = await addNote(7);
    await page.keyboard.type('删了还能找回');
    const order = await frame.locator('.actions button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid') ?? b.textContent));
    expect(order.indexOf('highlight-delete')).toBe(0);
    expect(order.at(-1)).toBe('note-save');
    await frame.getByTestId('highlight-delete').click();
    await closed();
    await expect.poll(async () => (await everyPainted()).includes(selected)).toBe(false);
    // The undo sits in the page's open shadow root.
    await page.getByTestId('undo').click({ timeout: 5000 });
    await expect.poll(async () => (await everyPainted()).includes(selected)).toBe(true);
    await expect(page.getByTestId('undo').count()).resolves.toBe(0);
    const at = await pointIn(page, await colorOf(selected), selected.slice(0, 4));
    await page.mouse.click(at.x, at.y);
    await expect((await noteFrame(page)).getByTestId('note-input').inputValue({ timeout: 5000 })).resolves.toBe('删了还能找回');
    await page.keyboard.press('Escape');
    await closed();
  });

  it('deleted by the keyboard: the caret stands where the passage was, and Ctrl+Z brings the highlight and its note back, the focus on its passage', async () => {
    await openReader(page);
    const { frame, selected } = await addNote(9);
    await page.keyboard.type('键盘删除');
    await frame.getByTestId('highlight-delete').focus();
    await page.keyboard.press('Enter');
    await closed();
    await expect.poll(async () => (await everyPainted()).includes(selected)).toBe(false);
    // Not at the page's start: the caret is in the passage's paragraph.
    const caretIn = () => page.evaluate(() => getSelection()?.anchorNode?.parentElement?.closest('[data-testid="reader-block"]')?.textContent ?? '');
    await expect.poll(caretIn).toContain(selected);
    const focusedInUi = () => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? document.activeElement?.localName);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await everyPainted()).includes(selected)).toBe(true);
    // Back on the passage: its note mark takes the focus.
    await expect.poll(focusedInUi, { timeout: 5000 }).toBe('note-mark');
    const at = await pointIn(page, await colorOf(selected), selected.slice(0, 4));
    await page.mouse.click(at.x, at.y);
    await expect((await noteFrame(page)).getByTestId('note-input').inputValue({ timeout: 5000 })).resolves.toBe('键盘删除');
    await page.keyboard.press('Escape');
    await closed();
  });

  it('the undo is gone after a few seconds, and the highlight stays deleted', async () => {
    await openReader(page);
    const { frame, selected } = await addNote(8);
    await frame.getByTestId('highlight-delete').click();
    await page.getByTestId('undo').waitFor({ timeout: 5000 });
    await expect.poll(() => page.getByTestId('undo').count(), { timeout: 15_000 }).toBe(0);
    await page.reload();
    await page.locator('[data-pizhu="ui"]').waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    expect(await everyPainted()).not.toContain(selected);
  });
});
