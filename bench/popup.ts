// popup: the time to the first list in the toolbar popup and the library page, with 10 highlights and
// with 10,000 over 1,000 articles, in Chromium with the built extension; the time until everything is
// read; and the search latency, from the input event to the frame after the narrowed list is in the page.
import * as OpenCC from 'opencc-js';
import type { Page } from 'playwright-core';
import { LibrarySearch } from '../src/search/library-search';
import { launchWithExtension, type ExtensionBrowser } from '../test/e2e/browser';
import { makeLibrary, NOTE_PHRASES } from '../test/e2e/seed-library';
import { seedStore } from './lib/browser';
import { rng } from './lib/rng';
import { lessIsBetter, type BenchModule, type Result } from './lib/result';
import { median, medianOfRuns } from './lib/stats';
import type { LibraryData } from '../src/annotation/library-data';

/** The two libraries: `makeLibrary(10, 1)` is exactly the first article of the large one, with its 10 highlights. */
export const SMALL = { highlights: 10, articles: 1 };
export const LARGE = { highlights: 10_000, articles: 1_000 };
/** The largest library measured: 100,000 highlights over 10,000 articles, the same generator. */
export const HUGE = { highlights: 100_000, articles: 10_000 };
const RUNS = 7;
const WARMUP = 2;
/** Search rounds (each: every query once): more than RUNS, since each search figure is frame-quantized. */
const SEARCH_ROUNDS = 11;
const FRAME_MS = 1000 / 60;

/** The toolbar popup's size (popup.css: 24rem wide; the browser caps a popup at 800×600). */
export const POPUP_VIEWPORT = { width: 400, height: 600 };
const PAGE_VIEWPORT = { width: 1200, height: 900 };

/**
 * Records, in the page, when the library has read everything: the moment `.library` gets
 * `aria-busy="false"` (a MutationObserver on that attribute alone, so it costs the page nothing else).
 */
const READY_OBSERVER = `(() => {
  const marks = (window.__pizhuBench = {});
  new MutationObserver(() => {
    if (marks.ready === undefined && document.querySelector('.library[aria-busy="false"]')) marks.ready = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
})();`;

/** A page of the extension made ready to be timed: its size, and the observer above on every load. */
export async function libraryTab(ext: ExtensionBrowser, viewport: { width: number; height: number }): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize(viewport);
  await page.addInitScript(READY_OBSERVER);
  return page;
}

/**
 * Loads the popup or the library page afresh (from about:blank) and waits until it has read everything.
 * Answers, in ms from navigation start: the first list (the `pizhu-first-list` mark the Library component
 * sets when the first screen, read through the indexes, is on screen) and everything read.
 */
export async function loadLibrary(page: Page, url: string): Promise<{ firstList: number; ready: number }> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => (window as unknown as { __pizhuBench?: { ready?: number } }).__pizhuBench?.ready ?? 0, undefined, { polling: 50, timeout: 60_000 });
  const ready = (await handle.jsonValue()) as number;
  const firstList = await page.evaluate(() => performance.getEntriesByName('pizhu-first-list')[0]?.startTime ?? -1);
  if (firstList < 0) throw new Error(`${url}: no pizhu-first-list mark`);
  const error = await page.getByTestId('library-error').count();
  if (error) throw new Error(`${url}: the library shows an error: ${await page.getByTestId('library-error').textContent()}`);
  return { firstList, ready };
}

/** The numbers in the list's count line ("12 articles · 120 highlights"). */
const countLine = (page: Page) => page.evaluate(() => (document.querySelector('p.count')?.textContent?.match(/\d+/g) ?? []).map(Number));

/** The whole library is listed: the count line says so. */
async function checkListed(page: Page, library: LibraryData): Promise<void> {
  const numbers = await countLine(page);
  if (numbers[0] !== library.articles.length || numbers[1] !== library.annotations.length) {
    throw new Error(`popup: lists ${numbers.join(' / ')}, not ${library.articles.length} articles and ${library.annotations.length} highlights`);
  }
}

interface Query {
  label: string;
  text: string;
}

/**
 * Three searches a reader makes, taken from the small library so that both sizes find something: Chinese
 * characters from a quote, the Traditional form of another quote's words, and a word of the notes.
 */
export function searchQueries(small: LibraryData): Query[] {
  const han = /\p{Script=Han}{4}/u;
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const quotes = small.annotations.map((a) => a.quote.exact);
  const substring = quotes.map((q) => q.match(han)?.[0]).find(Boolean);
  let traditional: string | undefined;
  for (const quote of quotes.slice(1)) {
    for (let i = 0; i + 4 <= quote.length && !traditional; i++) {
      const words = quote.slice(i, i + 4);
      if (han.test(words) && toTraditional(words) !== words && words !== substring) traditional = toTraditional(words);
    }
    if (traditional) break;
  }
  if (!substring || !traditional) throw new Error('popup: no search words in the small library');
  return [
    { label: 'Chinese in a quote', text: substring },
    { label: 'Traditional form', text: traditional },
    { label: 'a note word', text: NOTE_PHRASES[2] },
  ];
}

/**
 * Milliseconds from setting the search input's value and dispatching `input` to the first animation frame
 * at which the list shows the narrowed rows: the count line gives the expected articles and highlights,
 * and the first highlight row is the expected first hit (as the library test times it); and, for the
 * record, to the moment those rows are in the DOM (before the frame). The search starts `phase` ms after
 * a frame, so that where in the frame it starts is drawn afresh each time, never carried over from the
 * last wait. Then the search is cleared again and the whole list awaited, outside the timing.
 */
async function timeSearch(page: Page, library: LibraryData, search: LibrarySearch, query: string, phase: number): Promise<{ frame: number; dom: number }> {
  const hits = search.search({ text: query });
  if (!hits.length) throw new Error(`popup search: ${query} finds nothing`);
  const want = { query, phase, first: hits[0].annotations[0].id, articles: hits.length, highlights: hits.reduce((n, h) => n + h.annotations.length, 0) };
  // No named functions in here: tsx (esbuild, keepNames) would wrap them in a `__name` helper the page lacks.
  const ms = await page.evaluate(async ({ query, phase, first, articles, highlights }) => {
    await new Promise(requestAnimationFrame);
    await new Promise((resolve) => setTimeout(resolve, phase));
    const input = document.querySelector<HTMLInputElement>('[data-testid="search"]')!;
    // When the narrowed rows are in the DOM (the count line and the first row as expected), before the frame.
    let dom = Number.NaN;
    let started = 0;
    const observer = new MutationObserver(() => {
      if (!Number.isNaN(dom)) return;
      const row = document.querySelector<HTMLElement>('[data-testid="annotation-item"]');
      const numbers = (document.querySelector('p.count')?.textContent?.match(/\d+/g) ?? []).map(Number);
      if (row?.dataset.id === first && numbers[0] === articles && numbers[1] === highlights) dom = performance.now() - started;
    });
    observer.observe(document.querySelector('.library')!, { subtree: true, childList: true, characterData: true, attributes: true });
    started = performance.now();
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    try {
      for (;;) {
        await new Promise(requestAnimationFrame);
        if (!Number.isNaN(dom)) return { frame: performance.now() - started, dom };
        if (performance.now() - started > 10_000) {
          const row = document.querySelector<HTMLElement>('[data-testid="annotation-item"]');
          throw new Error(`search ${query}: the list shows ${document.querySelector('p.count')?.textContent}, first ${row?.dataset.id}; want ${articles} / ${highlights}, first ${first}`);
        }
      }
    } finally {
      observer.disconnect();
    }
  }, want);
  await page.getByTestId('search').fill('');
  await page.waitForFunction(
    ({ articles, highlights }) => {
      const numbers = (document.querySelector('p.count')?.textContent?.match(/\d+/g) ?? []).map(Number);
      return numbers[0] === articles && numbers[1] === highlights;
    },
    { articles: library.articles.length, highlights: library.annotations.length },
  );
  return ms;
}

/** Jumps of the library page's scroll through the whole list, one per frame. */
const SCROLL_STEPS = 400;

/**
 * Scrolls the library page's list from the top to the last article, one jump of 1/SCROLL_STEPS of its
 * height per frame, then screen by screen until the end (the list's height grows as rows are measured),
 * and answers the longest gap between two frames meanwhile, its 95th percentile, and the tasks the Long
 * Tasks API reported (each over 50 ms). The list must end with the oldest article, `（0）`.
 * bench/library-probe.ts scrolls the same way.
 */
export async function scrollThrough(page: Page): Promise<{ longestFrame: number; p95: number; longTasks: number[]; frames: number }> {
  const measured = await page.evaluate(async (steps) => {
    const list = document.querySelector<HTMLElement>('.list')!;
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    await new Promise(requestAnimationFrame);
    let last = performance.now();
    const gaps: number[] = [];
    // One loop, no named function: tsx (esbuild, keepNames) would wrap it in a `__name` helper the page lacks.
    // Jumps first, then screen by screen to the end, then one more frame.
    for (let i = 1, tries = 0; i <= steps + 1 || (tries < 200 && list.scrollTop + list.clientHeight < list.scrollHeight - 1); i++) {
      if (i <= steps) list.scrollTop = Math.round((list.scrollHeight * i) / steps);
      else if (i > steps + 1) {
        list.scrollTop += list.clientHeight;
        tries++;
      }
      const now = await new Promise<number>(requestAnimationFrame);
      gaps.push(now - last);
      last = now;
    }
    observer.disconnect();
    const titles = [...document.querySelectorAll('[data-testid="article-item"] .title')].map((e) => e.textContent ?? '');
    gaps.sort((a, b) => a - b);
    return { longestFrame: gaps[gaps.length - 1]!, p95: gaps[Math.floor(gaps.length * 0.95)]!, longTasks, frames: gaps.length, last: titles[titles.length - 1] ?? '' };
  }, SCROLL_STEPS);
  if (!measured.last.endsWith('（0）')) throw new Error(`popup: scrolled to the end of the library page, the last article is ${measured.last}`);
  return measured;
}

interface Measured {
  popupFirst: { median: number; samples: number[] };
  popupReady: number[];
  pageFirst: { median: number; samples: number[] };
  pageReady: number[];
  search: Map<string, number[]>;
  /** The same searches, to the DOM update (before the frame). */
  searchDom: number[];
  /** The library page scrolled through every article (only when asked). */
  scroll?: Awaited<ReturnType<typeof scrollThrough>>;
}

async function measure(library: LibraryData, queries: Query[], { scroll = false } = {}): Promise<Measured> {
  const ext = await launchWithExtension({ offline: true });
  try {
    await seedStore(ext, library);
    const popupUrl = `chrome-extension://${ext.extensionId}/popup/index.html`;
    const pageUrl = `chrome-extension://${ext.extensionId}/popup/library.html`;

    // Loads the list page again and again: the median time to its first list, and each time to everything read.
    const firstLists = async (tab: Awaited<ReturnType<typeof libraryTab>>, url: string) => {
      const ready: number[] = [];
      const first = await medianOfRuns(
        async (run) => {
          const loaded = await loadLibrary(tab, url);
          if (run < 0) await checkListed(tab, library);
          else ready.push(loaded.ready);
          return loaded.firstList;
        },
        { runs: RUNS, warmup: WARMUP },
      );
      return { first, ready };
    };

    const popup = await libraryTab(ext, POPUP_VIEWPORT);
    const { first: popupFirst, ready: popupReady } = await firstLists(popup, popupUrl);

    // Search in the popup as it stands after the last load, everything read.
    const search = new LibrarySearch(library.articles, library.annotations);
    const times = new Map<string, number[]>(queries.map((q) => [q.label, []]));
    const searchDom: number[] = [];
    const phases = rng(8);
    for (let round = -1; round < SEARCH_ROUNDS; round++) {
      for (const query of queries) {
        const { frame, dom } = await timeSearch(popup, library, search, query.text, phases() * FRAME_MS);
        if (round < 0) continue;
        times.get(query.label)!.push(frame);
        searchDom.push(dom);
      }
    }
    await popup.close();

    const page = await libraryTab(ext, PAGE_VIEWPORT);
    const { first: pageFirst, ready: pageReady } = await firstLists(page, pageUrl);
    const scrolled = scroll ? await scrollThrough(page) : undefined;
    await page.close();
    return { popupFirst, popupReady, pageFirst, pageReady, search: times, searchDom, scroll: scrolled };
  } finally {
    await ext.close();
  }
}

const fmt = (samples: number[]) => samples.map((x) => x.toFixed(0)).join(', ');
const size = (n: number) => n.toLocaleString('en');

export const popup: BenchModule = {
  id: 'popup',
  browser: true,
  async run(): Promise<Result[]> {
    const small = makeLibrary(SMALL.highlights, SMALL.articles);
    const large = makeLibrary(LARGE.highlights, LARGE.articles);
    const queries = searchQueries(small);
    const at10 = await measure(small, queries);
    const atLarge = await measure(large, queries);
    const atHuge = await measure(makeLibrary(HUGE.highlights, HUGE.articles), queries, { scroll: true });

    const allSearch = (m: Measured) => [...m.search.values()].flat();
    for (const [label, m] of [
      [size(SMALL.highlights), at10],
      [size(LARGE.highlights), atLarge],
      [size(HUGE.highlights), atHuge],
    ] as const) {
      console.log(
        `  popup, ${label} highlights: first list ${fmt(m.popupFirst.samples)} ms; everything read ${fmt(m.popupReady)} ms; ` +
          `library page first list ${fmt(m.pageFirst.samples)} ms, everything read ${fmt(m.pageReady)} ms`,
      );
      console.log(
        `    search, to the next frame: ${queries.map((q) => `${q.label} "${q.text}" ${median(m.search.get(q.label)!).toFixed(1)} ms`).join('; ')}; ` +
          `narrowed rows in the DOM after ${median(m.searchDom).toFixed(1)} ms (median of all ${m.searchDom.length})`,
      );
    }
    const scrolled = atHuge.scroll!;
    console.log(
      `  library page, ${size(HUGE.highlights)} highlights, scrolled through in ${scrolled.frames} frames: longest frame ${scrolled.longestFrame.toFixed(0)} ms; ` +
        `long tasks (over 50 ms): ${scrolled.longTasks.length ? scrolled.longTasks.map((x) => x.toFixed(0)).join(', ') : 'none'}`,
    );
    const of = `${size(LARGE.highlights)} highlights over ${size(LARGE.articles)} articles`;
    const ofHuge = `${size(HUGE.highlights)} highlights over ${size(HUGE.articles)} articles`;
    const huge = `at ${size(HUGE.highlights)}`;
    return [
      lessIsBetter(
        'popup first list',
        `ms from navigation (${of}; popup/index.html, 400×600)`,
        atLarge.popupFirst.median,
        at10.popupFirst.median,
        `the same popup with ${SMALL.highlights} highlights`,
      ),
      lessIsBetter(
        'library page first list',
        `ms from navigation (${of}; popup/library.html, 1200×900)`,
        atLarge.pageFirst.median,
        at10.pageFirst.median,
        `the same library page with ${SMALL.highlights} highlights`,
      ),
      lessIsBetter('popup everything read', `ms from navigation (${of}; aria-busy="false")`, median(atLarge.popupReady), median(at10.popupReady), `the same popup with ${SMALL.highlights} highlights`),
      lessIsBetter(
        'popup search',
        `ms from input to the next frame with the narrowed list (${of}; ${queries.length} queries)`,
        median(allSearch(atLarge)),
        median(allSearch(at10)),
        `the same popup with ${SMALL.highlights} highlights`,
      ),
      lessIsBetter(
        'popup search (rows in the DOM)',
        `ms from input to the narrowed rows in the DOM, before the frame (${of})`,
        median(atLarge.searchDom),
        median(at10.searchDom),
        `the same popup with ${SMALL.highlights} highlights`,
      ),
      lessIsBetter(
        `popup first list ${huge}`,
        `ms from navigation (${ofHuge}; popup/index.html, 400×600)`,
        atHuge.popupFirst.median,
        at10.popupFirst.median,
        `the same popup with ${SMALL.highlights} highlights`,
      ),
      lessIsBetter(
        `library page first list ${huge}`,
        `ms from navigation (${ofHuge}; popup/library.html, 1200×900)`,
        atHuge.pageFirst.median,
        at10.pageFirst.median,
        `the same library page with ${SMALL.highlights} highlights`,
      ),
      lessIsBetter(
        `popup everything read ${huge}`,
        `ms from navigation (${ofHuge}; aria-busy="false")`,
        median(atHuge.popupReady),
        median(at10.popupReady),
        `the same popup with ${SMALL.highlights} highlights`,
      ),
      lessIsBetter(
        `popup search ${huge}`,
        `ms from input to the next frame with the narrowed list (${ofHuge}; ${queries.length} queries)`,
        median(allSearch(atHuge)),
        median(allSearch(at10)),
        `the same popup with ${SMALL.highlights} highlights`,
      ),
      lessIsBetter(
        `popup search (rows in the DOM) ${huge}`,
        `ms from input to the narrowed rows in the DOM, before the frame (${ofHuge})`,
        median(atHuge.searchDom),
        median(at10.searchDom),
        `the same popup with ${SMALL.highlights} highlights`,
      ),
      lessIsBetter(
        `library page scrolled through ${size(HUGE.articles)} articles`,
        `ms, the longest frame while scrolling the whole list (${ofHuge}; ${SCROLL_STEPS} jumps, one a frame; ${scrolled.longTasks.length} long tasks)`,
        scrolled.longestFrame,
        50,
        'goal: no long task over 50 ms',
      ),
    ];
  },
};
