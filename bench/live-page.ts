// live page: a Reuters article page whose own script changes its DOM 100 times a second for 10 seconds
// (a ticker and a live feed beside the article, as news pages have), with the article's 10 highlights
// painted; the share of the page's main thread busy over those 10 seconds, with the extension and without.
import type { Page } from 'playwright-core';
import { launchPlain, launchWithExtension } from '../test/e2e/browser';
import { waitForPainted } from './lib/browser';
import { REUTERS_HIGHLIGHTS, REUTERS_URL, seedReutersPage, serveReutersPage } from './lib/reuters';
import { lessIsBetter, type BenchModule, type Result } from './lib/result';
import { medianOfRuns } from './lib/stats';

const SECONDS = 10;
const PER_SECOND = 100;
const RUNS = 3;

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

async function measure(page: Page, painted: boolean): Promise<{ median: number; samples: number[] }> {
  return medianOfRuns(async () => {
    await page.goto('about:blank');
    await page.goto(REUTERS_URL, { waitUntil: 'load' });
    if (painted) await waitForPainted(page, REUTERS_HIGHLIGHTS);
    // The page settles (the content script's first reading, the highlighting's first paint) before the window.
    await page.waitForTimeout(500);
    return busyShare(page);
  }, { runs: RUNS, warmup: 1 });
}

export const livePage: BenchModule = {
  id: 'live-page',
  browser: true,
  async run(): Promise<Result[]> {
    let ours: { median: number; samples: number[] };
    const ext = await launchWithExtension({ offline: true });
    try {
      await serveReutersPage(ext.context);
      await seedReutersPage(ext);
      ours = await measure(await ext.context.newPage(), true);
    } finally {
      await ext.close();
    }
    let plain: { median: number; samples: number[] };
    const bare = await launchPlain({ offline: true });
    try {
      await serveReutersPage(bare.context);
      plain = await measure(await bare.context.newPage(), false);
    } finally {
      await bare.close();
    }
    const fmt = (s: number[]) => s.map((x) => x.toFixed(1)).join(', ');
    console.log(
      `  live-page samples (% busy): with the extension ${fmt(ours.samples)}; without ${fmt(plain.samples)}; ` +
        `the extension's part ${(ours.median - plain.median).toFixed(1)} points (goal: under 5)`,
    );
    return [
      lessIsBetter(
        'live page updates',
        `% of the main thread busy (Reuters article with ${REUTERS_HIGHLIGHTS} highlights; its DOM changed ${PER_SECOND}×/s for ${SECONDS} s)`,
        ours.median,
        plain.median,
        'the same page without the extension',
      ),
    ];
  },
};
