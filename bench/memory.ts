// memory: the JS heap of the extension's service worker after it answered a page's `article-seen`, and of
// the popup once its list is fully read, with 10,000 highlights over 1,000 articles stored against 10.
import type { CDPSession } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../test/e2e/browser';
import { libraryArticles, makeLibrary } from '../test/e2e/seed-library';
import { openInReader, paintedRanges, seedStore, waitForPainted } from './lib/browser';
import { lessIsBetter, type BenchModule, type Result } from './lib/result';
import { medianOfRuns } from './lib/stats';
import { HUGE, LARGE, libraryTab, loadLibrary, POPUP_VIEWPORT, SMALL } from './popup';
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

type Samples = { median: number; samples: number[] };

/** The service worker's heap after the reader's article-seen (unless `popupOnly`), and the popup's with everything read. */
async function measure(library: LibraryData, file: string, expected: number, { popupOnly = false } = {}): Promise<{ worker: Samples | null; popup: Samples }> {
  const ext = await launchWithExtension({ offline: true });
  try {
    await seedStore(ext, library);
    if (popupOnly) return { worker: null, popup: await popupHeap(ext) };
    const sw = await serviceWorkerSession(ext);
    try {
      // The service worker, each time right after it answered the reader's `article-seen` (the highlights are painted).
      const reader = await ext.context.newPage();
      const worker = await medianOfRuns(
        async (run) => {
          await reader.goto('about:blank');
          await openInReader(reader, file);
          await waitForPainted(reader, expected);
          if (run < 0) {
            const painted = await paintedRanges(reader);
            if (painted !== expected) throw new Error(`memory: ${file} paints ${painted} ranges, not its ${expected} highlights`);
          }
          return heapAfterGc((method) => sw.send(method));
        },
        { runs: RUNS, warmup: WARMUP },
      );
      await reader.close();
      return { worker, popup: await popupHeap(ext) };
    } finally {
      await sw.detach();
    }
  } finally {
    await ext.close();
  }
}

/** The popup, each time loaded afresh and everything read. */
async function popupHeap(ext: ExtensionBrowser): Promise<Samples> {
  const page = await libraryTab(ext, POPUP_VIEWPORT);
  const cdp: CDPSession = await ext.context.newCDPSession(page);
  const popupUrl = `chrome-extension://${ext.extensionId}/popup/index.html`;
  const popup = await medianOfRuns(
    async () => {
      await loadLibrary(page, popupUrl);
      return heapAfterGc((method) => cdp.send(method));
    },
    { runs: RUNS, warmup: WARMUP },
  );
  await cdp.detach();
  await page.close();
  return popup;
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
    const atHuge = await measure(makeLibrary(HUGE.highlights, HUGE.articles), file, expected, { popupOnly: true });
    const [w10, wLarge] = [at10.worker!, atLarge.worker!];
    const n = (x: number) => x.toLocaleString('en');
    console.log(
      `  memory (MB): service worker ${mb(w10.samples)} at ${SMALL.highlights}, ${mb(wLarge.samples)} at ${n(LARGE.highlights)}; ` +
        `popup ${mb(at10.popup.samples)} at ${SMALL.highlights}, ${mb(atLarge.popup.samples)} at ${n(LARGE.highlights)}, ${mb(atHuge.popup.samples)} at ${n(HUGE.highlights)}`,
    );
    const of = `${n(LARGE.highlights)} highlights over ${n(LARGE.articles)} articles stored`;
    const ofHuge = `${n(HUGE.highlights)} highlights over ${n(HUGE.articles)} articles stored`;
    return [
      lessIsBetter(
        'service worker heap',
        `MB used JS heap after GC (${of}; after answering ${file}'s article-seen)`,
        wLarge.median / MB,
        w10.median / MB,
        `the same with ${SMALL.highlights} highlights stored`,
      ),
      lessIsBetter(
        'popup heap',
        `MB used JS heap after GC (${of}; popup with everything read)`,
        atLarge.popup.median / MB,
        at10.popup.median / MB,
        `the same with ${SMALL.highlights} highlights stored`,
      ),
      lessIsBetter(
        `popup heap at ${n(HUGE.highlights)}`,
        `MB used JS heap after GC (${ofHuge}; popup with everything read)`,
        atHuge.popup.median / MB,
        at10.popup.median / MB,
        `the same with ${SMALL.highlights} highlights stored`,
      ),
    ];
  },
};
