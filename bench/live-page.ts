// live page: a Reuters article page whose own script changes its DOM 100 times a second for 10 seconds
// (a ticker and a live feed beside the article, as news pages have), with the article's 10 highlights
// painted; the share of the page's main thread busy over those 10 seconds, with the extension and without.
import type { Page } from 'playwright-core';
import { launchPlain, launchWithExtension } from '../test/e2e/browser';
import { waitForPainted } from './lib/browser';
import { REUTERS_HIGHLIGHTS, REUTERS_URL, seedReutersPage, serveReutersPage } from './lib/reuters';
import { lessIsBetter, type BenchModule, type Result } from './lib/result';
import { median } from './lib/stats';

const SECONDS = 10;
const PER_SECOND = 100;
const RUNS = 5;

/**
 * The page's own script (run in the page's world): every 10 ms the ticker's text changes and the live
 * feed gets a new item, its oldest dropped (20 kept, so the page's height stays), outside the article.
 * Resolves when it has made SECONDS × PER_SECOND changes.
 */
const LIVE = `new Promise((resolve) => {
  const box = document.createElement('aside');
  const ticker = document.createElement('p');
  const feed = document.createElement('ul');
  box.append(ticker, feed);
  document.body.prepend(box);
  for (let i = 0; i < 20; i++) feed.append(Object.assign(document.createElement('li'), { textContent: 'item ' + i }));
  let n = 0;
  const timer = setInterval(() => {
    n++;
    ticker.textContent = '恒指 ' + (20000 + Math.round(Math.random() * 500)) + ' · ' + n;
    feed.firstElementChild.remove();
    feed.append(Object.assign(document.createElement('li'), { textContent: '快讯 ' + n }));
    if (n >= ${SECONDS * PER_SECOND}) { clearInterval(timer); resolve(n); }
  }, ${1000 / PER_SECOND});
})`;

/** Percent of the wall-clock time the page's main thread spent in tasks while the live script ran (DevTools' TaskDuration). */
async function busyShare(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
  const before = await taskSeconds();
  const start = Date.now();
  await page.evaluate(LIVE);
  const wall = (Date.now() - start) / 1000;
  const busy = (await taskSeconds()) - before;
  await cdp.detach();
  return (100 * busy) / wall;
}

/** Loads the page afresh (with the extension: until its highlights are painted), lets it settle, then runs the live script. */
async function oneRun(page: Page, painted: boolean): Promise<number> {
  await page.goto('about:blank');
  await page.goto(REUTERS_URL, { waitUntil: 'load' });
  if (painted) await waitForPainted(page, REUTERS_HIGHLIGHTS);
  // The page settles (the content script's first reading, the highlighting's first paint) before the window.
  await page.waitForTimeout(500);
  return busyShare(page);
}

export const livePage: BenchModule = {
  id: 'live-page',
  browser: true,
  async run(): Promise<Result[]> {
    const ext = await launchWithExtension({ offline: true });
    const bare = await launchPlain({ offline: true });
    const with_: number[] = [];
    const without: number[] = [];
    const parts: number[] = [];
    try {
      await serveReutersPage(ext.context);
      await seedReutersPage(ext);
      await serveReutersPage(bare.context);
      const ours = await ext.context.newPage();
      const plain = await bare.context.newPage();
      // Both browsers stay open and take turns, the order alternating, so that a process loading the
      // machine for a while weighs on both; the extension's part is taken run by run.
      for (let run = -1; run < RUNS; run++) {
        let withShare: number;
        let withoutShare: number;
        if (run % 2) {
          withShare = await oneRun(ours, true);
          withoutShare = await oneRun(plain, false);
        } else {
          withoutShare = await oneRun(plain, false);
          withShare = await oneRun(ours, true);
        }
        if (run < 0) continue;
        with_.push(withShare);
        without.push(withoutShare);
        parts.push(withShare - withoutShare);
      }
    } finally {
      await ext.close();
      await bare.close();
    }
    const fmt = (s: number[]) => s.map((x) => x.toFixed(1)).join(', ');
    console.log(
      `  live-page samples (% busy): with the extension ${fmt(with_)}; without ${fmt(without)}; ` +
        `the extension's part, run by run ${fmt(parts)}, median ${median(parts).toFixed(1)} points (goal: under 5)`,
    );
    return [
      lessIsBetter(
        'live page updates',
        `% of the main thread busy (Reuters article with ${REUTERS_HIGHLIGHTS} highlights; its DOM changed ${PER_SECOND}×/s for ${SECONDS} s)`,
        median(with_),
        median(without),
        'the same page without the extension',
      ),
    ];
  },
};
