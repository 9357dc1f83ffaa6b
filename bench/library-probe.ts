// The library page at 100,000 highlights, quicker than `npm run bench -- popup` and not part of it: the
// profiles (10 and 100,000 highlights) are seeded once and kept, and builds are compared in turns.
//   npx tsx bench/library-probe.ts compare ROUNDS LOADS name=dir [name=dir …]   first list (at 10 and 100,000) and scrolling, each build in turn
//   npx tsx bench/library-probe.ts profile dir                                  a CPU profile of one scroll: self time by function
//   npx tsx bench/library-probe.ts trace dir [load]                             a trace of one scroll (or of one load), for DevTools
// A dir is a copy of dist/chrome (an unminified build names the functions). Each build is copied into one extension
// folder before it runs, so that all use the same profiles and extension id. PIZHU_PROBE_DIR: where (/tmp/pizhu-library-probe).
// PIZHU_PROBE_SLOWDOWN=4: the page's CPU slowed 4× (DevTools' throttling), a loaded machine's frames when the machine is quiet.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM, type ExtensionBrowser } from '../test/e2e/browser';
import { makeLibrary } from '../test/e2e/seed-library';
import { seedStore } from './lib/browser';
import { median } from './lib/stats';
import { HUGE, libraryTab, loadLibrary, SMALL, scrollThrough } from './popup';

const ROOT = process.env.PIZHU_PROBE_DIR ?? '/tmp/pizhu-library-probe';
const EXT = join(ROOT, 'ext');
const FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
const PAGE_VIEWPORT = { width: 1200, height: 900 };
const SLOWDOWN = Number(process.env.PIZHU_PROBE_SLOWDOWN ?? 1);

/** Opens the kept profile of this size with `build` as the extension (seeding it the first time), and the library page in it. */
async function withLibraryPage<T>(build: string, size: { highlights: number; articles: number }, run: (page: Page, url: string, context: BrowserContext) => Promise<T>): Promise<T> {
  rmSync(EXT, { recursive: true, force: true });
  cpSync(build, EXT, { recursive: true });
  const profile = join(ROOT, `profile-${size.highlights}`);
  const fresh = !existsSync(join(profile, 'seeded'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, ...FLAGS] });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const id = new URL(worker.url()).host;
    await context.route(/^https?:/, (route) => route.abort());
    const ext = { context, extensionPage: async (path = 'popup/index.html') => openPage(context, `chrome-extension://${id}/${path}`) } as ExtensionBrowser;
    if (fresh) {
      await seedStore(ext, makeLibrary(size.highlights, size.articles));
      writeFileSync(join(profile, 'seeded'), '');
    }
    const page = await libraryTab(ext, PAGE_VIEWPORT);
    if (SLOWDOWN > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
    return await run(page, `chrome-extension://${id}/popup/library.html`, context);
  } finally {
    await context.close();
  }
}

async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** The bench's scroll (bench/popup.ts `scrollThrough`), in words: the longest gap between frames, its 95th percentile, the long tasks. */
async function scroll(page: Page) {
  const measured = await scrollThrough(page);
  return `${measured.longestFrame.toFixed(0)} ms (p95 ${measured.p95.toFixed(0)}, ${measured.longTasks.length} long tasks)`;
}

async function compare(rounds: number, loads: number, builds: [string, string][]) {
  const out = new Map(builds.map(([name]) => [name, { small: [] as number[], huge: [] as number[], ready: [] as number[], scroll: [] as string[] }]));
  for (let round = 0; round < rounds; round++) {
    // Builds in turns, the order reversed every other round: a stretch of load weighs on each alike.
    for (const [name, dir] of round % 2 ? [...builds].reverse() : builds) {
      const o = out.get(name)!;
      for (const size of [SMALL, HUGE]) {
        await withLibraryPage(dir, size, async (page, url) => {
          await loadLibrary(page, url);
          const firsts = size === SMALL ? o.small : o.huge;
          for (let i = 0; i < loads; i++) {
            const loaded = await loadLibrary(page, url);
            firsts.push(loaded.firstList);
            if (size === HUGE) o.ready.push(loaded.ready);
          }
          if (size === HUGE) o.scroll.push(await scroll(page));
        });
      }
      const recent = (xs: number[]) => xs.slice(-loads).map((x) => x.toFixed(0));
      console.log(`round ${round} ${name}: first list at 10 ${recent(o.small)}, at 100,000 ${recent(o.huge)} ms, everything read ${recent(o.ready)} ms; scrolled: longest frame ${o.scroll.at(-1)}`);
    }
  }
  for (const [name, o] of out) {
    const [small, huge] = [median(o.small), median(o.huge)];
    console.log(
      `${name}: first list at 10 ${small.toFixed(0)} ms, at 100,000 ${huge.toFixed(0)} ms (medians), ratio ${(small / huge).toFixed(2)}; everything read at 100,000 ${median(o.ready).toFixed(0)} ms; scrolled: ${o.scroll.join('; ')}`,
    );
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** One scroll under DevTools' CPU profiler (100 µs samples): self time by function, the 30 largest. */
async function profile(build: string) {
  await withLibraryPage(build, HUGE, async (page, url, context) => {
    await loadLibrary(page, url);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    console.log(`scrolled: longest frame ${await scroll(page)}`);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    writeFileSync(join(ROOT, 'scroll.cpuprofile'), JSON.stringify(profile));
    const self = new Map<number, number>();
    for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    const byFunction = new Map<string, number>();
    for (const { id, callFrame: f } of profile.nodes) {
      const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + (self.get(id) ?? 0));
    }
    for (const [name, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
    console.log(`written: ${join(ROOT, 'scroll.cpuprofile')}`);
  });
}

/** A DevTools trace of one scroll, or of one load from about:blank until everything is read; the events' total time by name. */
async function trace(build: string, what: 'scroll' | 'load') {
  await withLibraryPage(build, HUGE, async (page, url, context) => {
    await loadLibrary(page, url);
    if (what === 'load') await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    const events: { name: string; ph: string; dur?: number }[] = [];
    cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as typeof events)));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8', transferMode: 'ReportEvents' });
    if (what === 'scroll') console.log(`scrolled: longest frame ${await scroll(page)}`);
    else {
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(() => document.querySelector('.library[aria-busy="false"]'), undefined, { timeout: 60_000 });
    }
    await cdp.send('Tracing.end');
    await complete;
    const file = join(ROOT, `${what}.trace.json`);
    writeFileSync(file, JSON.stringify({ traceEvents: events }));
    const byName = new Map<string, number>();
    for (const e of events) if (e.ph === 'X' && e.dur) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
    for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
    console.log(`written: ${file} (DevTools, Performance: load profile)`);
  });
}

mkdirSync(ROOT, { recursive: true });
const [mode, ...args] = process.argv.slice(2);
if (mode === 'compare')
  await compare(
    Number(args[0]),
    Number(args[1]),
    args.slice(2).map((a) => a.split('=') as [string, string]),
  );
else if (mode === 'profile') await profile(args[0]);
else if (mode === 'trace') await trace(args[0], args[1] === 'load' ? 'load' : 'scroll');
else throw new Error('usage: compare ROUNDS LOADS name=dir … | profile dir | trace dir [load]');
