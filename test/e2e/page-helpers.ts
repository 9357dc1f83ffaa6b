// What the reader does on an archive file's reader view, for the page UI's browser tests.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { CORPUS_DIR } from '../shared-data';

export const FILE_URL = pathToFileURL(join(CORPUS_DIR, 'reuters/1040207.md')).href;

export async function openReader(page: Page, url = FILE_URL): Promise<void> {
  await page.goto(url);
  await page.getByTestId('reader').waitFor({ timeout: 10_000 });
  // Highlighting starts once the background has answered the article's highlights.
  await page.locator('[data-pizhu="ui"]').waitFor({ state: 'attached', timeout: 10_000 });
}

/** The text of every painted range, by highlight name (with `pz-overlap`, the overlaps). */
export const painted = (page: Page): Promise<Record<string, string[]>> =>
  page.evaluate(() =>
    Object.fromEntries([...CSS.highlights.entries()].filter(([name]) => name.startsWith('pizhu') || name === 'pz-overlap').map(([name, h]) => [name, [...h].map((r) => (r as Range).toString())])),
  );

/** Drags across the n-th reader block's first line (or the line at `y` in the viewport), from one fraction of its width to another. */
export async function select(page: Page, n: number, from: number, to: number, y?: number): Promise<string> {
  const block = page.getByTestId('reader-block').nth(n);
  if (y === undefined) await block.scrollIntoViewIfNeeded();
  const box = (await block.boundingBox())!;
  const at = y ?? box.y + 14;
  await page.mouse.move(box.x + box.width * from, at);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to, at, { steps: 6 });
  await page.mouse.up();
  return page.evaluate(() => getSelection()!.toString());
}

/** A point inside a painted highlight's first line (the first range of `pizhu-<color>` holding `text`, or the first). */
export function pointIn(page: Page, color: string, text?: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([name, words]) => {
      const ranges = [...CSS.highlights.get(name!)!] as Range[];
      const range = ranges.find((r) => !words || r.toString().includes(words)) ?? ranges[0]!;
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 6, y: rect.top + rect.height / 2 };
    },
    [`pizhu-${color}`, text ?? ''],
  );
}

/** The bounding box of an element in the page's open shadow root (Pizhu's UI). */
export const uiBox = (page: Page, selector: string) => page.locator(`[data-pizhu="ui"] ${selector}`).first().boundingBox();

/** An article's live Reuters page (the StandardArticle template), written from its archive copy's model: headline and paragraphs. */
export function livePageOf(article: { title: string; url: string; blocks: readonly { type: string }[] }): string {
  const paragraphs = article.blocks.filter((b) => b.type === 'paragraph').map((b) => (b as unknown as { text: string }).text);
  return `<!doctype html><html><head><title>${article.title} - 路透中文网</title><link rel="canonical" href="${article.url}"></head>
<body><h1 class="ArticleHeader_headline">${article.title}</h1><div class="StandardArticleBody_body">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
}
