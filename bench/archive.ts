// archive: a folder of 10,000 archive files read into a collection in Chromium (the library page's
// `archive-folder` input: the worker reads, parses, stores and indexes them), against parsing the
// same files with the parse command's parser in Node; and the full-text search of the collection at
// 10,000 articles against the same search at 10, from typing to the narrowed list on the page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseArchive } from '../src/parse/parse-archive';
import { launchWithExtension } from '../test/e2e/browser';
import { corpusFiles, readCorpus } from './lib/corpus';
import { lessIsBetter, type BenchModule, type Result } from './lib/result';
import { median } from './lib/stats';

const LARGE = 10_000;
const SMALL = 10;
/** Words every copy holds somewhere in its body (a Reuters dateline), and words a few hold. */
const QUERIES = ['北京', '美国 经济', '人民币'];
const RUNS = 5;

/**
 * `count` archive files made from the corpus: each a copy of a corpus file whose article address and
 * title carry the copy's number, so each is an article of its own; folders by source, as the archive has them.
 */
function writeFolder(count: number): { dir: string; files: { path: string; text: string }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-archive-'));
  const sources = corpusFiles()
    .filter((p) => !p.startsWith('reuters-old'))
    .map((p) => ({ path: p, text: readCorpus(p) }));
  const files: { path: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    const text = source.text.replace(/^(\s*<!--\d+-->\s*\n)\[(.*)\]\((\S+?)\)/, (_, head, title, url) => `${head}[${title}（${i}）](${url.replace(/([?#]|$)/, `-c${i}$1`)})`);
    const path = join(dir, source.path.split('/')[0]!, `${i}.md`);
    mkdirSync(join(dir, source.path.split('/')[0]!), { recursive: true });
    writeFileSync(path, text);
    files.push({ path, text });
  }
  return { dir, files };
}

/** Chooses the folder on the library page and waits until the collection says it has read it all. */
async function readFolder(page: Page, dir: string, count: number): Promise<number> {
  const started = await page.evaluate(() => performance.now());
  await page.getByTestId('archive-folder').setInputFiles(dir);
  // The collection's own count, once the list has read what the worker stored.
  const done = await page.waitForFunction((n) => !!document.querySelector('.archive [role=status]')?.textContent?.includes(`${n}`) && performance.now(), count, { polling: 100, timeout: 600_000 });
  return ((await done.jsonValue()) as number) - started;
}

/** Types a query and waits for the frame after the list has narrowed to its results. */
async function searchOnce(page: Page, query: string): Promise<number> {
  await page.getByTestId('archive-search').fill('');
  await page.waitForTimeout(100);
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="archive-search"]')!;
    const before = document.querySelector('.archive [role=status]')?.textContent;
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    for (;;) {
      await new Promise(requestAnimationFrame);
      const now = document.querySelector('.archive [role=status]')?.textContent;
      if (now !== before && !document.querySelector('.archive [aria-busy=true]')) return performance.now() - start;
      if (performance.now() - start > 30_000) throw new Error(`search ${q}: no narrowed list`);
    }
  }, query);
}

async function searchFigure(page: Page): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) for (const q of QUERIES) times.push(await searchOnce(page, q));
  return median(times);
}

async function collectionIn(count: number): Promise<{ readMs: number; searchMs: number; bytes: number; files: { text: string }[] }> {
  const folder = writeFolder(count);
  const ext = await launchWithExtension({ offline: true });
  try {
    const page = await ext.extensionPage('popup/library.html');
    await page.setViewportSize({ width: 1200, height: 900 });
    const readMs = await readFolder(page, folder.dir, count);
    await page.getByTestId('archive-item').first().waitFor();
    // The first search also builds nothing: the worker indexed while it read.
    const searchMs = await searchFigure(page);
    const bytes = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    return { readMs, searchMs, bytes, files: folder.files };
  } finally {
    await ext.close();
    rmSync(folder.dir, { recursive: true, force: true });
  }
}

export const archive: BenchModule = {
  id: 'archive',
  browser: true,
  async run(): Promise<Result[]> {
    const large = await collectionIn(LARGE);
    const parseStarted = performance.now();
    for (const file of large.files) parseArchive(file.text);
    const parseMs = performance.now() - parseStarted;
    const small = await collectionIn(SMALL);
    return [
      lessIsBetter(`archive folder ${LARGE.toLocaleString('en')} files`, 'ms', large.readMs, parseMs, 'parse command parser, Node, same files'),
      lessIsBetter(`archive search at ${LARGE.toLocaleString('en')}`, 'ms', large.searchMs, small.searchMs, `same search at ${SMALL} articles`),
      lessIsBetter(`archive store size at ${LARGE.toLocaleString('en')}`, 'MB', large.bytes / 1e6, null, null),
    ];
  },
};
