// page cost: the bytes (gzip) of the scripts the extension puts into pages; the time from navigation
// to the painted reader view with 100 highlights, against the same file:// page's load in Chromium without
// it (and, with no goal, against that page's first frame);
// and the time from navigation to a Reuters article page with 10 highlights painted, against that page's
// own load without the extension.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { parseArchive } from '../src/parse/parse-archive';
import { EXTENSION_DIR, launchPlain, launchWithExtension } from '../test/e2e/browser';
import { articleRecord, highlightsOf, seedLibrary } from '../test/e2e/seed-library';
import { ensureDatabase, fileUrl, openInReader, paintedRanges } from './lib/browser';
import { REUTERS_HIGHLIGHTS, REUTERS_URL, seedReutersPage, serveReutersPage } from './lib/reuters';
import { CORPUS_DIR, readCorpus } from './lib/corpus';
import { lessIsBetter, type BenchModule, type Result } from './lib/result';
import { median, medianOfRuns } from './lib/stats';

/** The goals (bench/README.md), in bytes of gzip (1 KB = 1,000 bytes, the stricter reading). */
const SCRIPTS = [
  { name: 'detector script (every file:// page), gzip', file: 'content-scripts/detector.js', goal: 2_000, goalName: 'goal (2 KB)' },
  { name: 'reader bundle, gzip', file: 'content-scripts/reader.js', goal: 25_000, goalName: 'goal (25 KB)' },
  { name: 'Reuters content script, gzip', file: 'content-scripts/reuters.js', goal: 25_000, goalName: 'goal (25 KB)' },
];
/** The highlighting's own bundle, run in a page once its script shows an article: no goal, its bytes for the record. */
const HIGHLIGHTING = { name: 'highlighting bundle (run once an article is shown), gzip', file: 'content-scripts/highlights.js' };

export const PAGE_FILE = 'reuters/1040207.md';
export const PAGE_HIGHLIGHTS = 100;
const RUNS = 7;

/**
 * Milestones of one load, read in the page (ms from navigation start): the load event, the reader's root
 * in the DOM (built hidden), the highlighting UI's host attached (the background has answered the article's highlights).
 */
const MILESTONES = `(() => {
  const marks = (window.__pizhuBench = {});
  addEventListener('load', () => { marks.load = performance.now(); });
  new MutationObserver(() => {
    if (!marks.reader && document.querySelector('[data-testid="reader"]')) marks.reader = performance.now();
    if (!marks.ui && document.querySelector('[data-pizhu="ui"]')) marks.ui = performance.now();
  }).observe(document, { childList: true, subtree: true, attributeFilter: ['data-pizhu'] });
})();`;

/**
 * The painted ranges counted at every animation frame from the document's start (an init script, so
 * the count starts with the page), told on the console each time the count grows: `pizhu-painted
 * <ranges> <performance.now()>`. The console, not a poll: a poll by Playwright (`waitForFunction`)
 * first evaluates Playwright's own script of ≈ 330 KB in the page, ≈ 9–11 ms of the page's main thread
 * in the middle of the load (a Chromium trace, bench/README.md, page cost), which the raw page's
 * load, read after its load event, never pays.
 */
const PAINT_FRAMES = `(() => {
  let told = 0;
  const frame = () => {
    let n = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('pizhu')) n += highlight.size;
    if (n > told) {
      told = n;
      console.debug('pizhu-painted ' + n + ' ' + performance.now());
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** Milliseconds from navigation start to the first frame at which the page's `pizhu*` highlights hold `count` ranges (the page needs PAINT_FRAMES). */
export async function timeToPainted(page: Page, url: string, count: number): Promise<number> {
  await page.goto('about:blank');
  const told = (text: string) => text.split(' ');
  const painted = page.waitForEvent('console', {
    predicate: (message) => told(message.text())[0] === 'pizhu-painted' && Number(told(message.text())[1]) >= count,
    timeout: 30_000,
  });
  const [message] = await Promise.all([painted, page.goto(url, { waitUntil: 'commit' })]);
  return Number(told(message.text())[2]);
}

/**
 * The raw page's first animation frame once its text is parsed (DOMContentLoaded): the frame that first
 * shows the text, read at its start as the reader's painted figure is read at the start of its frame.
 */
const FIRST_FRAME = `document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => { window.__pizhuFirstFrame = performance.now(); }));`;

/** Milliseconds from navigation start to the end of the load event. */
export async function timeToLoad(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
}

/** The load (`timeToLoad`) and the first frame (FIRST_FRAME, which the page needs) of one raw load, in ms from navigation start. */
async function timeToLoadAndFrame(page: Page, url: string): Promise<{ load: number; frame: number }> {
  const load = await timeToLoad(page, url);
  // A string, not a function: the bench runner's transform would name its inner functions with a helper the page lacks.
  const frame = await page.evaluate<number>(
    'new Promise((done) => { const check = () => (window.__pizhuFirstFrame === undefined ? requestAnimationFrame(check) : done(window.__pizhuFirstFrame)); check(); })',
  );
  return { load, frame };
}

const gzipBytes = (file: string) => gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 9 }).length;

function sizes(): Result[] {
  return [
    ...SCRIPTS.map(({ name, file, goal, goalName }) => lessIsBetter(name, 'bytes', gzipBytes(file), goal, goalName)),
    lessIsBetter(HIGHLIGHTING.name, 'bytes', gzipBytes(HIGHLIGHTING.file), null, null),
  ];
}

/**
 * The same file where an archive folder holds it (`…/articles/reuters/1040207.md`, a copy in a temporary
 * folder): there the manifest runs the reader itself, without the detector's round trip (manifest.json).
 */
function archiveFolderCopy(): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'pizhu-bench-')), 'articles', PAGE_FILE);
  mkdirSync(dirname(copy), { recursive: true });
  copyFileSync(join(CORPUS_DIR, PAGE_FILE), copy);
  return pathToFileURL(copy).href;
}

/** The new folders made for the loads of a first file, removed after the runs. */
const newFolders: string[] = [];

/**
 * A copy of the file in a folder of its own, new each time (`<temporary folder>/archive/`, deep enough to
 * be kept; not an archive folder's layout): the first archive file of a folder goes the detector's way,
 * and its folder is then kept for the reader (src/background/reader-folders.ts), as the corpus folder is
 * from the first open before the runs on.
 */
function firstFileOfAFolder(): string {
  const top = mkdtempSync(join(tmpdir(), 'pizhu-bench-new-'));
  newFolders.push(top);
  const copy = join(top, 'archive', '1040207.md');
  mkdirSync(dirname(copy));
  copyFileSync(join(CORPUS_DIR, PAGE_FILE), copy);
  return pathToFileURL(copy).href;
}

/** Painted time of one load, with its milestones; the warm-up (run < 0) checks the case itself: every highlight painted, one range each, no orphans listed. */
async function readerRun(page: Page, url: string, run: number, milestones: Record<string, number[]>): Promise<number> {
  const ms = await timeToPainted(page, url, PAGE_HIGHLIGHTS);
  if (run < 0) {
    const painted = await paintedRanges(page);
    const orphans = await page.getByTestId('orphans').count();
    if (painted !== PAGE_HIGHLIGHTS || orphans) throw new Error(`page cost: ${painted} ranges painted, orphans shown: ${orphans} (${url})`);
    return ms;
  }
  const marks = await page.evaluate(() => (window as unknown as { __pizhuBench: Record<string, number> }).__pizhuBench);
  for (const key of ['load', 'reader', 'ui'] as const) {
    milestones[key] ??= [];
    milestones[key].push(marks[key] ?? Number.NaN);
  }
  return ms;
}

const fmt = (s: number[]) => s.map((x) => x.toFixed(0)).join(', ');
const milestoneLine = (m: Record<string, number[]>, painted: number) =>
  `load event ${median(m.load).toFixed(0)} ms, reader root in the DOM ${median(m.reader).toFixed(0)} ms, ` +
  `highlighting UI attached (its bundle run, the highlights answered) ${median(m.ui).toFixed(0)} ms, ${PAGE_HIGHLIGHTS} highlights painted ${painted.toFixed(0)} ms`;

/**
 * A load in a tab of its own, closed after: the file opened from a file manager or a link lands in a
 * new renderer process, where nothing of an earlier load is compiled or cached (each script is
 * compiled afresh, Intl builds its tables, the extension's messages are fetched from the browser).
 */
async function inNewTab<T>(context: BrowserContext, scripts: string[], load: (page: Page) => Promise<T>): Promise<T> {
  const tab = await context.newPage();
  try {
    for (const script of scripts) await tab.addInitScript(script);
    return await load(tab);
  } finally {
    await tab.close();
  }
}

/**
 * The corpus file (its folder kept for the reader since the first open before the runs, which the
 * detector found), its copy in an archive folder (the manifest's way), a copy that is the first file of a new
 * folder (the detector's way) and the corpus file in a new tab, loaded in turns in one browser, the order
 * turned every run; the raw pages likewise in a browser without the extension, open beside it, each run
 * loading on both sides.
 */
async function paintedReader(): Promise<{ results: Result[]; detail: string }> {
  const urls = [fileUrl(PAGE_FILE), archiveFolderCopy()] as const;
  const article = parseArchive(readCorpus(PAGE_FILE));
  const highlights = highlightsOf(article, PAGE_HIGHLIGHTS, { seed: 100 });

  const milestones: Record<string, number[]>[] = [{}, {}, {}, {}];
  const folder: number[] = [];
  const firstOfFolder: number[] = [];
  const newTab: number[] = [];
  const rawFolder: number[] = [];
  const rawNewTab: number[] = [];
  const rawCorpus: number[] = [];
  // The raw pages' first frames: no goal, beside the loads for comparison (bench/README.md, page cost).
  const rawCorpusFrame: number[] = [];
  const rawNewTabFrame: number[] = [];
  const ext = await launchWithExtension({ offline: true });
  let plain: Awaited<ReturnType<typeof launchPlain>> | undefined;
  let ours: { median: number; samples: number[] };
  try {
    plain = await launchPlain({ offline: true });
    const page = await ext.context.newPage();
    await page.addInitScript(MILESTONES);
    await page.addInitScript(PAINT_FRAMES);
    const rawPage = await plain.context.newPage();
    await rawPage.addInitScript(FIRST_FRAME);
    // The article is known to the store once it has been opened; then its highlights are put beside it.
    await openInReader(page, PAGE_FILE);
    const admin = await ext.extensionPage();
    await ensureDatabase(ext, admin);
    await seedLibrary(admin, { articles: [articleRecord(article, highlights, urls[0])], annotations: highlights, tombstones: [] });
    await admin.close();
    const withExtension = async (run: number) => {
      const order = [0, 1, 2, 3].map((k) => (k + run + 4) % 4);
      const times = [0, 0, 0, 0];
      for (const k of order) {
        if (k === 3) times[k] = await inNewTab(ext.context, [MILESTONES, PAINT_FRAMES], (tab) => readerRun(tab, urls[0], run, milestones[k]!));
        else times[k] = await readerRun(page, k === 2 ? firstFileOfAFolder() : urls[k as 0 | 1], run, milestones[k]!);
        // The new folder is kept right after (the browser sends the changed script to its renderers): not in the next load's time.
        if (k === 2) await page.waitForTimeout(500);
      }
      if (run >= 0) {
        folder.push(times[1]!);
        firstOfFolder.push(times[2]!);
        newTab.push(times[3]!);
      }
      return times[0]!;
    };
    const withoutExtension = async (run: number) => {
      const corpus = await timeToLoadAndFrame(rawPage, urls[0]);
      const copy = await timeToLoad(rawPage, urls[1]);
      const fresh = await inNewTab(rawPage.context(), [FIRST_FRAME], (tab) => timeToLoadAndFrame(tab, urls[0]));
      if (run >= 0) {
        rawCorpus.push(corpus.load);
        rawCorpusFrame.push(corpus.frame);
        rawFolder.push(copy);
        rawNewTab.push(fresh.load);
        rawNewTabFrame.push(fresh.frame);
      }
    };
    // Each run loads with and without the extension, which side first turned every run: both are measured
    // in the same stretch of time, so a machine slower or faster for a while weighs on both (bench/lib/stats.ts).
    ours = await medianOfRuns(
      async (run) => {
        if (run % 2) await withoutExtension(run);
        const ms = await withExtension(run);
        if (!(run % 2)) await withoutExtension(run);
        return ms;
      },
      { runs: RUNS, warmup: 2 },
    );
  } finally {
    await ext.close();
    await plain?.close();
    for (const dir of newFolders.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
  const raw = { median: median(rawCorpus), samples: rawCorpus };
  const name = `reader painted with ${PAGE_HIGHLIGHTS} highlights`;
  return {
    results: [
      lessIsBetter(name, `ms from navigation (${PAGE_FILE})`, ours.median, raw.median, 'raw text page (no extension)'),
      lessIsBetter(`${name}, in an archive folder`, `ms from navigation (articles/${PAGE_FILE}: the reader run by the manifest)`, median(folder), median(rawFolder), 'raw text page (no extension)'),
      lessIsBetter(
        `${name}, first file of a folder`,
        `ms from navigation (a copy in a new folder: the detector's way, once per folder)`,
        median(firstOfFolder),
        raw.median,
        'raw text page (no extension)',
      ),
      lessIsBetter(
        `${name}, in a new tab`,
        `ms from navigation (${PAGE_FILE} in a tab of its own: a new renderer process)`,
        median(newTab),
        median(rawNewTab),
        'raw text page in a new tab (no extension)',
      ),
      lessIsBetter(
        `${name}, against the raw text's first frame`,
        `ms from navigation (${PAGE_FILE}; no goal: the goal's baseline is the raw page's load)`,
        ours.median,
        median(rawCorpusFrame),
        "raw text page's first frame (no extension)",
      ),
      lessIsBetter(
        `${name}, in a new tab, against the raw text's first frame`,
        `ms from navigation (${PAGE_FILE} in a tab of its own; no goal, as above)`,
        median(newTab),
        median(rawNewTabFrame),
        "raw text page's first frame in a new tab (no extension)",
      ),
    ],
    detail:
      `painted: ${fmt(ours.samples)} ms; raw load: ${fmt(raw.samples)} ms; raw first frame: ${fmt(rawCorpusFrame)} ms\n` +
      `  with the extension, medians from navigation: ${milestoneLine(milestones[0]!, ours.median)}\n` +
      `  in an archive folder: painted ${fmt(folder)} ms; raw load ${fmt(rawFolder)} ms; ${milestoneLine(milestones[1]!, median(folder))}\n` +
      `  first file of a folder: painted ${fmt(firstOfFolder)} ms; ${milestoneLine(milestones[2]!, median(firstOfFolder))}\n` +
      `  in a new tab: painted ${fmt(newTab)} ms; raw load ${fmt(rawNewTab)} ms; raw first frame ${fmt(rawNewTabFrame)} ms; ${milestoneLine(milestones[3]!, median(newTab))}`,
  };
}

/** The Reuters article page with its 10 stored highlights painted, against the same page's load without the extension. */
async function paintedReutersPage(): Promise<{ result: Result; detail: string }> {
  const ui: number[] = [];
  const ext = await launchWithExtension({ offline: true });
  let ours: { median: number; samples: number[] };
  try {
    await serveReutersPage(ext.context);
    await seedReutersPage(ext);
    const page = await ext.context.newPage();
    await page.addInitScript(MILESTONES);
    await page.addInitScript(PAINT_FRAMES);
    ours = await medianOfRuns(
      async (run) => {
        const ms = await timeToPainted(page, REUTERS_URL, REUTERS_HIGHLIGHTS);
        if (run < 0) {
          const painted = await paintedRanges(page);
          const orphans = await page.getByTestId('orphans').count();
          if (painted !== REUTERS_HIGHLIGHTS || orphans) throw new Error(`page cost (Reuters): ${painted} ranges painted, orphans shown: ${orphans}`);
        } else {
          const marks = await page.evaluate(() => (window as unknown as { __pizhuBench: Record<string, number> }).__pizhuBench);
          ui.push(marks.ui ?? Number.NaN);
        }
        return ms;
      },
      { runs: RUNS, warmup: 2 },
    );
  } finally {
    await ext.close();
  }

  const plain = await launchPlain({ offline: true });
  let raw: { median: number; samples: number[] };
  try {
    await serveReutersPage(plain.context);
    const page = await plain.context.newPage();
    raw = await medianOfRuns(() => timeToLoad(page, REUTERS_URL), { runs: RUNS, warmup: 2 });
  } finally {
    await plain.close();
  }
  return {
    result: lessIsBetter(
      `Reuters page painted with ${REUTERS_HIGHLIGHTS} highlights`,
      'ms from navigation (the saved cn.reuters.com article, its other requests failing)',
      ours.median,
      raw.median,
      'the same page without the extension (load event end)',
    ),
    detail: `painted: ${fmt(ours.samples)} ms; highlighting UI attached (median) ${median(ui).toFixed(0)} ms; the page alone, load: ${fmt(raw.samples)} ms`,
  };
}

export const pageCost: BenchModule = {
  id: 'page-cost',
  browser: true,
  async run(): Promise<Result[]> {
    const results = sizes();
    const { results: reader, detail } = await paintedReader();
    console.log(`  page-cost samples: ${detail}`);
    const reuters = await paintedReutersPage();
    console.log(`  page-cost Reuters samples: ${reuters.detail}`);
    return [...results, ...reader, reuters.result];
  },
};
