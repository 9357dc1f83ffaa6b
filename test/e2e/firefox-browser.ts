// Debian's firefox-esr through puppeteer-core (WebDriver BiDi) with dist/firefox installed, for tests
// that reach the extension's own pages and about:addons. BiDi refuses to navigate to those unless
// Firefox runs with --remote-allow-system-access, and it reports no navigation events for pages in
// the extension's process: such a page is opened, then waited for by reading its own address.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { REPO } from './browser';

const FIREFOX = process.env.PIZHU_FIREFOX ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'pizhu@pizhu.app';
/** The extension's address is random per profile unless a preference names it, as here. */
const UUID = '0d7c8a52-5e1f-4d5e-9a43-7c1f2b6e9d01';
export const EXTENSION_BASE = `moz-extension://${UUID}/`;

/** Firefox with the Firefox build installed (temporarily, as about:debugging does). */
export async function launchFirefox(): Promise<Browser> {
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install -y firefox-esr (.ci/run does).`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }) },
  });
  await browser.installExtension(join(REPO, 'dist/firefox'));
  return browser;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the page's own address satisfies `test` and its document has loaded. */
export async function waitForAddress(page: Page, test: (href: string) => boolean, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => ['', '']);
    if (test(state[0]!) && state[1] === 'complete') return;
    if (Date.now() > until) throw new Error(`page never reached the address (last: ${state[0]})`);
    await pause(100);
  }
}

/** Opens an address BiDi reports nothing about (an extension page, about:addons) in a new tab. */
export async function openPrivileged(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  // The navigation starts; its end is never reported, so the wait for it is cut short.
  await page.goto(url, { timeout: 500 }).catch(() => undefined);
  await waitForAddress(page, (href) => href === url);
  return page;
}

/** An open tab whose address satisfies `test` (a tab the extension opened itself). */
export async function findTab(browser: Browser, test: (href: string) => boolean, timeout = 15_000): Promise<Page> {
  const until = Date.now() + timeout;
  for (;;) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (test(href)) return page;
    }
    if (Date.now() > until) throw new Error('no such tab');
    await pause(200);
  }
}

/**
 * Switches on the file access switch in about:addons → Pizhu → Permissions, as a reader does, and
 * returns its label. The switch sits in the add-on's permissions view; it is pressed through its own button.
 */
export async function grantFileAccess(browser: Browser): Promise<string> {
  const addons = await openPrivileged(browser, 'about:addons');
  // Pages with the system principal refuse puppeteer's helper functions: plain expressions only.
  await addons.evaluate(`gViewController.loadView('addons://detail/${encodeURIComponent(ADDON_ID)}/permissions')`);
  const toggle = `document.querySelector('addon-permissions-list moz-toggle[permission-type="file_scheme_access"]')`;
  for (let tries = 0; !(await addons.evaluate(`!!${toggle}`)); tries++) {
    if (tries > 100) throw new Error('no file access switch in about:addons');
    await pause(100);
  }
  const label = String(await addons.evaluate(`${toggle}.label`));
  await addons.evaluate(`${toggle}.buttonEl.click()`);
  for (let tries = 0; !(await addons.evaluate(`${toggle}.pressed`)); tries++) {
    if (tries > 50) throw new Error('the file access switch stayed off');
    await pause(100);
  }
  await addons.close();
  return label;
}
