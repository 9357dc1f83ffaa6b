// memory: the JS heap of the extension's service worker after it answered a page's `article-seen`, and of
// the popup once its list is fully read, with 10,000 highlights over 1,000 articles stored against 10.
import type { CDPSession } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../test/e2e/browser';
import { libraryArticles, makeLibrary } from '../test/e2e/seed-library';
import { openInReader, paintedRanges, seedStore, waitForPainted } from './lib/browser';
import { lessIsBetter, type BenchModule, type Result } from './lib/result';
import { medianOfRuns } from './lib/stats';
import { LARGE, libraryTab, loadLibrary, POPUP_VIEWPORT, SMALL } from './popup';
import type { LibraryData } from '../src/annotation/library-data';

const RUNS = 5;
const WARMUP = 1;
const MB = 2 ** 20;

interface HeapUsage {
  usedSize: number;
  totalSize: number;
}

/**
 * A DevTools session on the extension's service worker. Playwright opens CDP sessions on pages only, so
 * this attaches from the browser's own session (`Target.attachToTarget`, not flattened) and talks to the
 * worker through `Target.sendMessageToTarget`.
 */
async function serviceWorkerSession(ext: ExtensionBrowser): Promise<{ send<T>(method: string, params?: object): Promise<T>; detach(): Promise<void> }> {
  const browser = ext.context.browser();
  if (!browser) throw new Error('memory: no browser-level CDP session');
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`));
  if (!target) throw new Error('memory: the service worker is not running');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let next = 0;
  let detached = false;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  session.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id!);
    if (message.error) waiting.reject(new Error(message.error.message));
    else waiting.resolve(message.result);
  });
  session.on('Target.detachedFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    detached = true;
    for (const waiting of pending.values()) waiting.reject(new Error('memory: the service worker went away (stopped or restarted)'));
    pending.clear();
  });
  return {
    send<T>(method: string, params: object = {}) {
      if (detached) return Promise.reject(new Error('memory: the service worker went away (stopped or restarted)'));
      const id = ++next;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    },
    async detach() {
      await session.detach();
    },
  };
}

/** Used JS heap after a full garbage collection (two, to be sure), in bytes, through a DevTools session on the page or worker. */
async function heapAfterGc(send: (method: 'HeapProfiler.collectGarbage' | 'Runtime.getHeapUsage') => Promise<unknown>): Promise<number> {
  await send('HeapProfiler.collectGarbage');
  await send('HeapProfiler.collectGarbage');
  return ((await send('Runtime.getHeapUsage')) as HeapUsage).usedSize;
}

async function measure(library: LibraryData, file: string, expected: number): Promise<{ worker: { median: number; samples: number[] }; popup: { median: number; samples: number[] } }> {
  const ext = await launchWithExtension({ offline: true });
  try {
    await seedStore(ext, library);
    const sw = await serviceWorkerSession(ext);
    try {
      // The service worker, each time right after it answered the reader's `article-seen` (the highlights are painted).
      const reader = await ext.context.newPage();
      const worker = await medianOfRuns(async (run) => {
        await reader.goto('about:blank');
        await openInReader(reader, file);
        await waitForPainted(reader, expected);
        if (run < 0) {
          const painted = await paintedRanges(reader);
          if (painted !== expected) throw new Error(`memory: ${file} paints ${painted} ranges, not its ${expected} highlights`);
        }
        return heapAfterGc((method) => sw.send(method));
      }, { runs: RUNS, warmup: WARMUP });
      await reader.close();

      // The popup, each time loaded afresh and everything read.
      const page = await libraryTab(ext, POPUP_VIEWPORT);
      const cdp: CDPSession = await ext.context.newCDPSession(page);
      const popupUrl = `chrome-extension://${ext.extensionId}/popup/index.html`;
      const popup = await medianOfRuns(async () => {
        await loadLibrary(page, popupUrl);
        return heapAfterGc((method) => cdp.send(method));
      }, { runs: RUNS, warmup: WARMUP });
      await cdp.detach();
      await page.close();
      return { worker, popup };
    } finally {
      await sw.detach();
    }
  } finally {
    await ext.close();
  }
}

const mb = (samples: number[]) => samples.map((x) => (x / MB).toFixed(2)).join(', ');

export const memory: BenchModule = {
  id: 'memory',
  browser: true,
  async run(): Promise<Result[]> {
    // The article opened is the libraries' first, a corpus file: its 10 highlights are the same in both.
    const { file } = libraryArticles()[0];
    const small = makeLibrary(SMALL.highlights, SMALL.articles);
    const large = makeLibrary(LARGE.highlights, LARGE.articles);
    const articleId = small.articles[0].id;
    const expected = small.annotations.length;
    if (large.annotations.filter((a) => a.articleId === articleId).length !== expected) throw new Error(`memory: ${file} has not the same highlights in both libraries`);
    const at10 = await measure(small, file, expected);
    const atLarge = await measure(large, file, expected);
    console.log(`  memory (MB): service worker ${mb(at10.worker.samples)} at ${SMALL.highlights}, ${mb(atLarge.worker.samples)} at ${LARGE.highlights.toLocaleString('en')}; popup ${mb(at10.popup.samples)} at ${SMALL.highlights}, ${mb(atLarge.popup.samples)} at ${LARGE.highlights.toLocaleString('en')}`);
    const of = `${LARGE.highlights.toLocaleString('en')} highlights over ${LARGE.articles.toLocaleString('en')} articles stored`;
    return [
      lessIsBetter('service worker heap', `MB used JS heap after GC (${of}; after answering ${file}'s article-seen)`, atLarge.worker.median / MB, at10.worker.median / MB, `the same with ${SMALL.highlights} highlights stored`),
      lessIsBetter('popup heap', `MB used JS heap after GC (${of}; popup with everything read)`, atLarge.popup.median / MB, at10.popup.median / MB, `the same with ${SMALL.highlights} highlights stored`),
    ];
  },
};
