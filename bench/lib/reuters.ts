/*
 * The saved Reuters article page of the browser tests (test/e2e/reuters-page.test.ts), served at its
 * real address in a browser whose other requests all fail (the page's own scripts, ads and images
 * too: the machine has no network), with or without the extension; and its 10 seeded highlights.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import type { AnnotationRecord } from '../../src/annotation/records';
import type { Article } from '../../src/model/article';
import { parseInput } from '../../src/parse/parse-input';
import type { ExtensionBrowser } from '../../test/e2e/browser';
import { REUTERS_PAGE } from '../../test/shared-data';
import { articleRecord, highlightsOf, seedLibrary } from '../../test/e2e/seed-library';
import { ensureDatabase } from './browser';

export const REUTERS_URL = 'https://cn.reuters.com/article/weekly-wrapup-global-fx-brexit-1108-idCNKBS1XJ077';
export const REUTERS_HIGHLIGHTS = 10;

/** Serves the saved page at its address (a route registered after the offline one is asked first). */
export async function serveReutersPage(context: BrowserContext): Promise<void> {
  const html = readFileSync(REUTERS_PAGE);
  await context.route(REUTERS_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

/** The page's article as Node parses it (the content script's parser, on cheerio), and its seeded highlights. */
export function reutersCase(): { article: Article; highlights: AnnotationRecord[] } {
  const article = parseInput(readFileSync(REUTERS_PAGE, 'utf8'), REUTERS_URL);
  return { article, highlights: highlightsOf(article, REUTERS_HIGHLIGHTS, { seed: 10, group: 1 }) };
}

/** Puts the page's article and its highlights in the extension's store (the database made first). */
export async function seedReutersPage(ext: ExtensionBrowser): Promise<void> {
  const { article, highlights } = reutersCase();
  const admin = await ext.extensionPage();
  await ensureDatabase(ext, admin);
  await seedLibrary(admin, { articles: [articleRecord(article, highlights, REUTERS_URL)], annotations: highlights, tombstones: [] });
  await admin.close();
}
