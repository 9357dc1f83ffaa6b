// Launches Debian's Chromium through playwright-core: with the built extension (dist/chrome), as the
// browser tests and the page benchmarks (bench/) use it, or plain, for the benchmarks' peer.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = join(REPO, 'dist/chrome');
export const CHROMIUM = process.env.PIZHU_CHROMIUM ?? '/usr/bin/chromium';

/** Headless, no sandbox (root), nothing reaching out to the network on its own. */
const FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];

/** Why Chromium with the extension cannot run here (no build, no Chromium), or null when it can. */
export function browserMissing(): string | null {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) return `No build at ${EXTENSION_DIR}: run npm run build first.`;
  if (!existsSync(CHROMIUM)) return `No Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does), or set PIZHU_CHROMIUM.`;
  return null;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** A new tab on one of the extension's pages (the popup's by default), where IndexedDB is the extension's own. */
  extensionPage(path?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Every http(s) request fails: corpus images point at the web, and tests must not reach it. */
async function goOffline(context: BrowserContext): Promise<void> {
  await context.route(/^https?:/, (route) => route.abort());
}

/** With `offline`, every http(s) request fails: corpus images point at the web, and tests must not reach it. */
/** `uiLanguage` sets the browser's UI language ("zh-CN"), which the extension's own text and dates follow. */
/** `fileAccess: false` switches off *Allow access to file URLs*, which Chromium grants an extension loaded with `--load-extension`. */
export async function launchWithExtension({ offline = false, uiLanguage, fileAccess = true }: { offline?: boolean; uiLanguage?: string; fileAccess?: boolean } = {}): Promise<ExtensionBrowser> {
  const missing = browserMissing();
  if (missing) throw new Error(missing);
  const profile = mkdtempSync(join(tmpdir(), 'pizhu-e2e-'));
  let { context, worker } = await openProfile(profile, uiLanguage);
  const extensionId = new URL(worker.url()).host;
  if (!fileAccess) {
    await switchFileAccessOff(context, extensionId);
    // Chromium applies the switch only after a restart (the card in chrome://extensions says so).
    await context.close();
    ({ context, worker } = await openProfile(profile, uiLanguage));
  }
  if (offline) await goOffline(context);
  return {
    context,
    worker,
    extensionId,
    async extensionPage(path = 'popup/index.html') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Chromium on a profile, with the extension loaded, once its service worker runs. */
async function openProfile(profile: string, uiLanguage?: string): Promise<{ context: BrowserContext; worker: Worker }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...FLAGS, ...(uiLanguage ? [`--lang=${uiLanguage}`] : [])],
    // Playwright sets the renderer's locale itself: it must agree with the browser's.
    ...(uiLanguage ? { locale: uiLanguage, env: { ...process.env, LANGUAGE: uiLanguage.replace('-', '_') } } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { context, worker };
}

/** Switches off *Allow access to file URLs* on the extension's card in chrome://extensions, as a reader does. */
async function switchFileAccessOff(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome://extensions/?id=${extensionId}`);
  const toggle = page.locator('#allow-on-file-urls');
  const checked = () => toggle.evaluate((el) => (el as HTMLInputElement).checked);
  if (!(await checked())) throw new Error('Chromium did not grant file access to the extension loaded unpacked');
  // The card says when a change applies: the README's Load it repeats it.
  if (!(await page.locator('#allow-on-file-urls').textContent())?.includes('applied once Chromium restarts')) throw new Error('Chromium no longer waits for a restart to apply file access');
  await toggle.click();
  for (let tries = 0; await checked(); tries++) {
    if (tries > 50) throw new Error('Allow access to file URLs stayed on');
    await page.waitForTimeout(100);
  }
  await page.close();
}

/** Chromium without any extension, in a fresh incognito-like context: the benchmarks' peer for page costs. */
export async function launchPlain({ offline = false }: { offline?: boolean } = {}): Promise<{ browser: Browser; context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does), or set PIZHU_CHROMIUM.`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const context = await browser.newContext();
  if (offline) await goOffline(context);
  return { browser, context, close: () => browser.close() };
}

/** The toolbar badge the background sets on a tab that shows an article (read in the service worker). */
export async function badgeOf(worker: Worker, url: string): Promise<string> {
  return worker.evaluate(async (target) => {
    interface ChromeLike {
      tabs: { query(q: object): Promise<{ id?: number; url?: string; pendingUrl?: string }[]> };
      action: { getBadgeText(d: { tabId: number }): Promise<string> };
    }
    const c = (globalThis as unknown as { chrome: ChromeLike }).chrome;
    const tabs = await c.tabs.query({});
    const tab = tabs.find((t) => t.url === target || t.pendingUrl === target);
    return tab?.id === undefined ? '(no tab)' : c.action.getBadgeText({ tabId: tab.id });
  }, url);
}

/** Sends the popup's `get-article` to the content script of the tab at `url`, from the service worker. */
export async function askTab(worker: Worker, url: string): Promise<unknown> {
  return worker.evaluate(async (target) => {
    interface ChromeLike {
      tabs: {
        query(q: object): Promise<{ id?: number; url?: string }[]>;
        sendMessage(tabId: number, message: unknown): Promise<unknown>;
      };
    }
    const c = (globalThis as unknown as { chrome: ChromeLike }).chrome;
    const tab = (await c.tabs.query({})).find((t) => t.url === target);
    return tab?.id === undefined ? '(no tab)' : c.tabs.sendMessage(tab.id, { type: 'get-article' });
  }, url);
}

/**
 * The note editor's frames in a page. Its host sits in a closed shadow root, where no selector
 * reaches (a page's scripts must not); the browser's list of frames still holds it.
 */
export const noteFrames = (page: Page): Frame[] => page.frames().filter((frame) => frame.url().includes('/note/index.html'));

/** The newest note editor frame of a page, once one is there. */
export async function noteFrame(page: Page, timeout = 5000): Promise<Frame> {
  const until = Date.now() + timeout;
  for (;;) {
    const frame = noteFrames(page).at(-1);
    if (frame) return frame;
    if (Date.now() > until) throw new Error('no note editor frame');
    await page.waitForTimeout(50);
  }
}
