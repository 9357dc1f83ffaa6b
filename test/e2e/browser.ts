// Launches Debian's Chromium with the built extension (dist/chrome) through playwright-core.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = join(REPO, 'dist/chrome');
const CHROMIUM = process.env.PIZHU_CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** With `offline`, every http(s) request fails: corpus images point at the web, and tests must not reach it. */
/** `uiLanguage` sets the browser's UI language ("zh-CN"), which the extension's own text and dates follow. */
export async function launchWithExtension({ offline = false, uiLanguage }: { offline?: boolean; uiLanguage?: string } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No build at ${EXTENSION_DIR}: run npm run build first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does).`);
  const profile = mkdtempSync(join(tmpdir(), 'pizhu-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      ...(uiLanguage ? [`--lang=${uiLanguage}`] : []),
    ],
    // Playwright sets the renderer's locale itself: it must agree with the browser's.
    ...(uiLanguage ? { locale: uiLanguage, env: { ...process.env, LANGUAGE: uiLanguage.replace('-', '_') } } : {}),
  });
  if (offline) await context.route(/^https?:/, (route) => route.abort());
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
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
