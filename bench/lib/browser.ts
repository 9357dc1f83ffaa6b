/*
 * Helpers of the page benchmarks around the browser tests' own: Chromium with the built extension or
 * plain comes from test/e2e/browser.ts (`launchWithExtension({ offline: true })`, `launchPlain`), the
 * seeded library and its seeding from test/e2e/seed-library.ts (`makeLibrary`, `highlightsOf`,
 * `seedLibrary`). Here: corpus files in the reader, what is painted, and the store's existence, counts
 * and emptying.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { DATABASE_NAME } from '../../src/store/database';
import type { ExtensionBrowser } from '../../test/e2e/browser';
import { seedLibrary } from '../../test/e2e/seed-library';
import { CORPUS_DIR } from './corpus';
import type { LibraryData } from '../../src/annotation/library-data';

export const fileUrl = (corpusPath: string) => pathToFileURL(join(CORPUS_DIR, corpusPath)).href;

/**
 * Opens an archive file in the reader and waits until highlighting has started, that is until the
 * background has recorded the article and answered its highlights: the store exists from then on.
 */
export async function openInReader(page: Page, corpusPath: string): Promise<void> {
  await page.goto(fileUrl(corpusPath));
  await page.getByTestId('reader').waitFor({ timeout: 15_000 });
  await page.locator('[data-pizhu="ui"]').waitFor({ state: 'attached', timeout: 15_000 });
}

/** How many ranges the extension has painted on the page (every `pizhu*` highlight). */
export const paintedRanges = (page: Page) => page.evaluate(() => [...CSS.highlights.entries()].filter(([name]) => name.startsWith('pizhu')).reduce((n, [, h]) => n + h.size, 0));

/** Waits until the page's `pizhu*` highlights hold at least `count` ranges. */
export async function waitForPainted(page: Page, count: number, timeout = 15_000): Promise<void> {
  await page.waitForFunction((want) => [...CSS.highlights.entries()].filter(([name]) => name.startsWith('pizhu')).reduce((n, [, h]) => n + h.size, 0) >= want, count, { timeout });
}

/**
 * Makes sure the extension's database exists (the background creates it, with its schema, on the first
 * article it records): opens a corpus file in the reader once if it does not.
 */
export async function ensureDatabase(ext: ExtensionBrowser, extensionPage: Page): Promise<void> {
  const exists = await extensionPage.evaluate(async (name) => (await indexedDB.databases()).some((d) => d.name === name), DATABASE_NAME);
  if (exists) return;
  const page = await ext.context.newPage();
  await openInReader(page, 'reuters/1040207.md');
  await page.close();
}

/** Empties the given stores (the database must exist). */
export async function clearStores(extensionPage: Page, stores: string[] = ['articles', 'annotations', 'tombstones']): Promise<void> {
  await extensionPage.evaluate(
    async ({ name, stores }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(stores, 'readwrite');
        for (const store of stores) tx.objectStore(store).clear();
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { name: DATABASE_NAME, stores },
  );
}

/** How many records each store holds. */
export async function storeCounts(extensionPage: Page): Promise<Record<string, number>> {
  return extensionPage.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const out: Record<string, number> = {};
    for (const store of Array.from(db.objectStoreNames)) {
      out[store] = await new Promise<number>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return out;
  }, DATABASE_NAME);
}

/**
 * Fills a fresh profile's store with exactly `library`: the database made if need be (a corpus file
 * opened in the reader once), emptied, then seeded from an extension page, which is closed after.
 */
export async function seedStore(ext: ExtensionBrowser, library: LibraryData): Promise<void> {
  const admin = await ext.extensionPage();
  try {
    await ensureDatabase(ext, admin);
    await clearStores(admin);
    // In slices of whole articles: one page.evaluate per slice keeps each message to the page to a few MB.
    for (const slice of slices(library, SEED_SLICE)) await seedLibrary(admin, slice);
  } finally {
    await admin.close();
  }
}

/** At most this many highlights a slice when seeding. */
const SEED_SLICE = 10_000;

/** The library in slices of whole articles, each with at most about `size` highlights (and the tombstones in the first). */
function slices(library: LibraryData, size: number): LibraryData[] {
  if (library.annotations.length <= size) return [library];
  const byArticle = new Map<string, LibraryData['annotations']>();
  for (const a of library.annotations) {
    const list = byArticle.get(a.articleId);
    if (list) list.push(a);
    else byArticle.set(a.articleId, [a]);
  }
  const out: LibraryData[] = [];
  let current: LibraryData = { articles: [], annotations: [], tombstones: library.tombstones };
  for (const article of library.articles) {
    const own = byArticle.get(article.id) ?? [];
    if (current.annotations.length && current.annotations.length + own.length > size) {
      out.push(current);
      current = { articles: [], annotations: [], tombstones: [] };
    }
    current.articles.push(article);
    current.annotations.push(...own);
  }
  out.push(current);
  return out;
}
