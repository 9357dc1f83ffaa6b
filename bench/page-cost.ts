// page cost: the bytes (gzip) of the scripts the extension puts into pages, and the time from navigation
// to the painted reader view with 100 highlights, against the same file:// page in Chromium without it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { parseArchive } from '../src/parse/parse-archive';
import { EXTENSION_DIR, launchPlain, launchWithExtension } from '../test/e2e/browser';
import { articleRecord, highlightsOf, seedLibrary } from '../test/e2e/seed-library';
import { ensureDatabase, fileUrl, openInReader, paintedRanges } from './lib/browser';
import { readCorpus } from './lib/corpus';
import { lessIsBetter, type BenchModule, type Result } from './lib/result';
import { median, medianOfRuns } from './lib/stats';

/** The goals (bench/README.md), in bytes of gzip (1 KB = 1,000 bytes, the stricter reading). */
const SCRIPTS = [
  { name: 'detector script (every file:// page), gzip', file: 'content-scripts/detector.js', goal: 2_000, goalName: 'goal (2 KB)' },
  { name: 'reader bundle, gzip', file: 'content-scripts/reader.js', goal: 25_000, goalName: 'goal (25 KB)' },
  // The issue sets no size for it: the reader's goal, as the other page script that carries the highlighting UI.
  { name: 'Reuters content script, gzip', file: 'content-scripts/reuters.js', goal: 25_000, goalName: 'goal (25 KB, as the reader; none set)' },
];

export const PAGE_FILE = 'reuters/1040207.md';
export const PAGE_HIGHLIGHTS = 100;
const RUNS = 7;

/**
 * Milestones of one load, read in the page (ms from navigation start): the load event, the reader's root
 * in the DOM, the highlighting UI's host attached (the background has answered the article's highlights).
 */
const MILESTONES = `(() => {
  const marks = (window.__pizhuBench = {});
  addEventListener('load', () => { marks.load = performance.now(); });
  new MutationObserver(() => {
    if (!marks.reader && document.querySelector('[data-testid="reader"]')) marks.reader = performance.now();
    if (!marks.ui && document.querySelector('[data-pizhu="ui"]')) marks.ui = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

/** Milliseconds from navigation start until the page's `pizhu*` highlights hold `count` ranges, read in the page at the frame they appear. */
async function timeToPainted(page: Page, url: string, count: number): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (want) => {
      let n = 0;
      for (const [name, highlight] of CSS.highlights) if (name.startsWith('pizhu')) n += highlight.size;
      return n >= want ? performance.now() : 0;
    },
    count,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Milliseconds from navigation start to the end of the load event. */
async function timeToLoad(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
}

function sizes(): Result[] {
  return SCRIPTS.map(({ name, file, goal, goalName }) => {
    const bytes = gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 9 }).length;
    return lessIsBetter(name, 'bytes', bytes, goal, goalName);
  });
}

async function paintedReader(): Promise<{ result: Result; detail: string }> {
  const url = fileUrl(PAGE_FILE);
  const article = parseArchive(readCorpus(PAGE_FILE));
  const highlights = highlightsOf(article, PAGE_HIGHLIGHTS, { seed: 100 });

  const milestones: Record<string, number[]> = {};
  const ext = await launchWithExtension({ offline: true });
  let ours: { median: number; samples: number[] };
  try {
    const page = await ext.context.newPage();
    await page.addInitScript(MILESTONES);
    // The article is known to the store once it has been opened; then its highlights are put beside it.
    await openInReader(page, PAGE_FILE);
    const admin = await ext.extensionPage();
    await ensureDatabase(ext, admin);
    await seedLibrary(admin, { articles: [articleRecord(article, highlights, url)], annotations: highlights, tombstones: [] });
    await admin.close();
    ours = await medianOfRuns(async (run) => {
      const ms = await timeToPainted(page, url, PAGE_HIGHLIGHTS);
      if (run >= 0) {
        const marks = await page.evaluate(() => (window as unknown as { __pizhuBench: Record<string, number> }).__pizhuBench);
        for (const key of ['load', 'reader', 'ui'] as const) (milestones[key] ??= []).push(marks[key] ?? Number.NaN);
      }
      if (run < 0) {
        // The warm-up checks the case itself: every highlight painted, one range each, no orphans listed.
        const painted = await paintedRanges(page);
        const orphans = await page.getByTestId('orphans').count();
        if (painted !== PAGE_HIGHLIGHTS || orphans) throw new Error(`page cost: ${painted} ranges painted, orphans shown: ${orphans}`);
      }
      return ms;
    }, { runs: RUNS, warmup: 2 });
  } finally {
    await ext.close();
  }

  const plain = await launchPlain({ offline: true });
  let raw: { median: number; samples: number[] };
  try {
    const page = await plain.context.newPage();
    raw = await medianOfRuns(() => timeToLoad(page, url), { runs: RUNS, warmup: 2 });
  } finally {
    await plain.close();
  }
  const fmt = (s: number[]) => s.map((x) => x.toFixed(0)).join(', ');
  return {
    result: lessIsBetter(`reader painted with ${PAGE_HIGHLIGHTS} highlights`, `ms from navigation (${PAGE_FILE})`, ours.median, raw.median, 'raw text page (no extension)'),
    detail:
      `painted: ${fmt(ours.samples)} ms; raw load: ${fmt(raw.samples)} ms\n` +
      `  with the extension, medians from navigation: load event ${median(milestones.load).toFixed(0)} ms, reader root in the DOM ${median(milestones.reader).toFixed(0)} ms, ` +
      `highlighting UI attached (highlights answered) ${median(milestones.ui).toFixed(0)} ms, ${PAGE_HIGHLIGHTS} highlights painted ${ours.median.toFixed(0)} ms`,
  };
}

export const pageCost: BenchModule = {
  id: 'page-cost',
  browser: true,
  async run(): Promise<Result[]> {
    const results = sizes();
    const { result, detail } = await paintedReader();
    console.log(`  page-cost samples: ${detail}`);
    return [...results, result];
  },
};
