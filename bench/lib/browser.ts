/*
 * Chromium for the page benchmarks: with the built extension (dist/chrome, as the browser tests load it),
 * or plain, for the peer; and the extension's store filled with many highlights without clicking each one.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as v from 'valibot';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { createAnnotation } from '../../src/anchor/annotations';
import type { Article } from '../../src/model/article';
import { parseArchive } from '../../src/parse/parse-archive';
import { AnnotationSchema } from '../../src/messages/schemas';
import { DATABASE_NAME } from '../../src/store/database';
import { COLORS, type AnnotationRecord, type ArticleRecord } from '../../src/store/records';
import { articleText } from '../../src/text/article-text';
import { CORPUS_DIR, corpusFiles, readCorpus, REPO_DIR } from './corpus';
import { between, rng } from './rng';

export const EXTENSION_DIR = join(REPO_DIR, 'dist/chrome');
const CHROMIUM = process.env.PIZHU_CHROMIUM ?? '/usr/bin/chromium';

/** The flags the browser tests use: headless, no sandbox (root), nothing reaching out to the network on its own. */
const FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];

export const fileUrl = (corpusPath: string) => pathToFileURL(join(CORPUS_DIR, corpusPath)).href;

/** Why the browser benchmarks cannot run here, or null when they can. */
export function browserMissing(): string | null {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) return `no build at ${EXTENSION_DIR} (npm run build)`;
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set PIZHU_CHROMIUM)`;
  return null;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** An extension page (the popup's), where IndexedDB is the extension's own. */
  extensionPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Every http(s) request fails: corpus images point at the web, which this machine does not reach. */
async function offline(context: BrowserContext): Promise<void> {
  await context.route(/^https?:/, (route) => route.abort());
}

/** Chromium with the built extension, in a fresh profile. */
export async function launchWithExtension(): Promise<ExtensionBrowser> {
  const missing = browserMissing();
  if (missing) throw new Error(missing);
  const profile = mkdtempSync(join(tmpdir(), 'pizhu-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...FLAGS],
  });
  await offline(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async extensionPage() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup/index.html`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Chromium without any extension: the peer for page costs. */
export async function launchPlain(): Promise<{ browser: Browser; context: BrowserContext; close(): Promise<void> }> {
  const missing = browserMissing();
  if (missing) throw new Error(missing);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const context = await browser.newContext();
  await offline(context);
  return { browser, context, close: () => browser.close() };
}

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
export const paintedRanges = (page: Page) =>
  page.evaluate(() => [...CSS.highlights.entries()].filter(([name]) => name.startsWith('pizhu')).reduce((n, [, h]) => n + h.size, 0));

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

/**
 * Puts articles and highlights straight into the extension's IndexedDB, from an extension page, in one
 * transaction, as the store keeps them (src/store/records.ts). The database must exist (ensureDatabase):
 * this never creates or upgrades it, so the schema is always the background's own.
 */
export async function putRecords(extensionPage: Page, articles: ArticleRecord[], annotations: AnnotationRecord[]): Promise<void> {
  // What the background would refuse to hand a page must not be seeded: check each against the message schema first.
  for (const annotation of annotations) {
    const checked = v.safeParse(AnnotationSchema, annotation);
    if (!checked.success) throw new Error(`seeded highlight ${annotation.id} is not one the extension takes: ${checked.issues[0].message}`);
  }
  // One JSON string crosses to the page several times faster than the same records as an object argument.
  await extensionPage.evaluate(
    async ({ name, json }) => {
      const { articles, annotations } = JSON.parse(json) as { articles: unknown[]; annotations: unknown[] };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onupgradeneeded = () => {
          request.transaction?.abort();
          reject(new Error(`the ${name} database does not exist yet: the background creates it`));
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['articles', 'annotations'], 'readwrite');
          const articleStore = tx.objectStore('articles');
          const annotationStore = tx.objectStore('annotations');
          for (const article of articles) articleStore.put(article);
          for (const annotation of annotations) annotationStore.put(annotation);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error ?? new Error('aborted'));
        });
      } finally {
        db.close();
      }
    },
    { name: DATABASE_NAME, json: JSON.stringify({ articles, annotations }) },
  );
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
 * `count` highlights of an article's text, seeded: ranges of 5 to 60 characters inside one paragraph
 * each (so each is one painted range), never starting or ending on white space, made as the pages make
 * them (createAnnotation: describeRange over the article text).
 */
export function highlightsOf(article: Article, count: number, { seed = 1, group = 0, articleId = article.id, time = 0 } = {}): AnnotationRecord[] {
  const { text, blockStarts } = articleText(article);
  const paragraphs = article.blocks
    .map((block, i) => ({ block, start: blockStarts[i] }))
    .filter(({ block }) => block.type === 'paragraph' && block.text.length >= 8)
    .map(({ block, start }) => ({ start, end: start + (block as { text: string }).text.length }));
  if (!paragraphs.length) throw new Error(`${article.id}: no paragraph to highlight`);
  const random = rng(seed);
  const out: AnnotationRecord[] = [];
  while (out.length < count) {
    const p = paragraphs[between(random, 0, paragraphs.length - 1)];
    const length = Math.min(between(random, 5, 60), p.end - p.start);
    const start = between(random, p.start, p.end - length);
    const end = start + length;
    if (/^\s|\s$/.test(text.slice(start, end))) continue;
    const n = out.length;
    const when = new Date(Date.UTC(2026, 0, 1) + (time + n) * 60_000).toISOString();
    const record = createAnnotation({ id: benchId(group, n), articleId, text, start, end, color: COLORS[n % COLORS.length], now: when });
    // A third carry a note, and some a tag, so that search has notes and tags to look through.
    if (n % 3 === 0) record.note = `笔记 ${n}：${text.slice(start, Math.min(end, start + 12))}`;
    if (n % 5 === 0) record.tags = [['外交', '经济', '人权', '科技', '选举'][n % 25 / 5]];
    out.push(record);
  }
  return out;
}

/** An id as the pages make them (a UUID: the store and the messages take hex and dashes only), unique per group and number. */
export const benchId = (group: number, n: number) => `be0c${group.toString(16).padStart(4, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export function articleRecord(article: Pick<Article, 'id' | 'url' | 'title' | 'source' | 'publishedAt'>, annotations: AnnotationRecord[], seenAt = article.url): ArticleRecord {
  const annotatedAt = annotations.reduce<string | null>((latest, a) => (latest === null || a.modified > latest ? a.modified : latest), null);
  return { id: article.id, url: article.url, title: article.title, source: article.source, publishedAt: article.publishedAt, seenAt: [seenAt], annotatedAt };
}

/**
 * `highlights` highlights spread evenly over `articles` articles, for the popup and memory benchmarks.
 * The corpus has some fifty articles: article k is corpus article k mod 50 under an id, address and
 * title of its own, so every highlight's quote and context are real article text.
 */
export function library(articles: number, highlights: number, seed = 7): { articles: ArticleRecord[]; annotations: AnnotationRecord[] } {
  const parsed = corpusFiles()
    .map((file) => parseArchive(readCorpus(file)))
    .filter((a) => a.blocks.some((b) => b.type === 'paragraph' && b.text.length >= 8));
  const outArticles: ArticleRecord[] = [];
  const outAnnotations: AnnotationRecord[] = [];
  for (let k = 0; k < articles; k++) {
    const base = parsed[k % parsed.length];
    const copy = Math.floor(k / parsed.length);
    const id = copy === 0 ? base.id : `${base.id}~bench${copy}`;
    const url = copy === 0 ? base.url : `${base.url}${base.url.includes('?') ? '&' : '?'}bench=${copy}`;
    const title = copy === 0 ? base.title : `${base.title}（${copy}）`;
    const share = Math.floor(highlights / articles) + (k < highlights % articles ? 1 : 0);
    const annotations = highlightsOf(base, share, { seed: seed * 100_003 + k, group: k + 1, articleId: id, time: k * 97 });
    outAnnotations.push(...annotations);
    outArticles.push(articleRecord({ ...base, id, url, title }, annotations));
  }
  return { articles: outArticles, annotations: outAnnotations };
}
