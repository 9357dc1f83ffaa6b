// A large library, written straight into the extension's IndexedDB from one of its pages: the library
// page test's and the benchmarks' (bench/) 10,000 highlights over 1,000 articles, and the page-cost
// benchmark's 100 highlights of one article. Seeded: every run makes the same records.
import type { Page } from 'playwright-core';
import * as v from 'valibot';
import { createAnnotation } from '../../src/anchor/annotations';
import type { Article } from '../../src/model/article';
import { parseArchive } from '../../src/parse/parse-archive';
import { DATABASE_NAME } from '../../src/store/database';
import { articleText } from '../../src/text/article-text';
import { corpusFiles, readCorpus } from '../shared-data';
import type { LibraryData } from '../../src/annotation/library-data';
import { type AnnotationRecord, AnnotationRecordSchema, type ArticleRecord, COLORS } from '../../src/annotation/records';

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same cases on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
export function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** The words of seeded notes: every third highlight has one, `第N条批注：` and one of these. */
export const NOTE_PHRASES = ['值得再读', '措辞值得注意', '待核实', '与前文对照'] as const;
/** Every fifth highlight has one of these tags. */
export const TAGS = ['外交', '经济', '人权', '科技', '选举'] as const;

/** An id as the pages make them (a UUID: the store and the messages take hex and dashes only), unique per group and number. */
export const seedId = (group: number, n: number) => `be0c${group.toString(16).padStart(4, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * `count` highlights of an article's text, seeded: ranges of 5 to 60 characters inside one paragraph
 * each (so each is one painted range), never starting or ending on white space, made as the pages make
 * them (createAnnotation: describeRange over the article text). `first` numbers them within a library:
 * highlight `first + i` carries note number `first + i` (every third), so a note is unique to one.
 */
export function highlightsOf(article: Article, count: number, { seed = 1, group = 0, articleId = article.id, time = 0, first = 0 } = {}): AnnotationRecord[] {
  const { text, blockStarts } = articleText(article);
  const paragraphs = article.blocks
    .map((block, i) => ({ block, start: blockStarts[i]! }))
    .filter(({ block }) => block.type === 'paragraph' && block.text.length >= 8)
    .map(({ block, start }) => ({ start, end: start + (block as { text: string }).text.length }));
  if (!paragraphs.length) throw new Error(`${article.id}: no paragraph to highlight`);
  const random = rng(seed);
  const out: AnnotationRecord[] = [];
  while (out.length < count) {
    const p = paragraphs[between(random, 0, paragraphs.length - 1)]!;
    const length = Math.min(between(random, 5, 60), p.end - p.start);
    const start = between(random, p.start, p.end - length);
    const end = start + length;
    if (/^\s|\s$/.test(text.slice(start, end))) continue;
    const n = out.length;
    const when = new Date(Date.UTC(2026, 0, 1) + (time + n) * 60_000).toISOString();
    const record = createAnnotation({ id: seedId(group, n), articleId, text, start, end, color: COLORS[n % COLORS.length]!, now: when });
    // A third carry a note and a fifth a tag, so that search has notes and tags to look through.
    const number = first + n;
    if (number % 3 === 0) record.note = `第${number}条批注：${NOTE_PHRASES[(number / 3) % NOTE_PHRASES.length]}`;
    if (number % 5 === 0) record.tags = [TAGS[(number / 5) % TAGS.length]!];
    out.push(record);
  }
  return out;
}

/** An article's record as the store keeps it, annotated when its newest highlight was made. */
export function articleRecord(article: Pick<Article, 'id' | 'url' | 'title' | 'source' | 'publishedAt'>, annotations: AnnotationRecord[], seenAt = article.url): ArticleRecord {
  const annotatedAt = annotations.reduce<string | null>((latest, a) => (latest === null || a.modified > latest ? a.modified : latest), null);
  return { id: article.id, url: article.url, title: article.title, source: article.source, publishedAt: article.publishedAt, seenAt: [seenAt], annotatedAt };
}

let corpusArticles: { file: string; article: Article }[] | null = null;

/** The corpus articles a library is made of, in corpus order: those with a paragraph to highlight. */
export function libraryArticles(): { file: string; article: Article }[] {
  corpusArticles ??= corpusFiles()
    .map((file) => ({ file, article: parseArchive(readCorpus(file)) }))
    .filter(({ article }) => article.blocks.some((b) => b.type === 'paragraph' && b.text.length >= 8));
  return corpusArticles;
}

/**
 * `highlights` highlights spread evenly over `articles` articles. The corpus has some fifty articles:
 * article k is corpus article k mod 50; the first fifty keep the corpus article's id and address (so
 * their highlights paint when that corpus file is opened), later ones are copies under an id and address
 * of their own. Every title ends with `（k）`; article k was annotated after article k − 1, so the
 * list (most recently annotated first) ends with `（0）`. Quotes and context are real article text;
 * highlight number N (in article order) has the note `第N条批注：…` when N is a multiple of 3, unique
 * to it, and a tag (外交, 经济, …) when a multiple of 5. `makeLibrary(10, 1)` is the first article
 * of `makeLibrary(10_000, 1_000)`, exactly.
 */
export function makeLibrary(highlights: number, articles: number, seed = 7): LibraryData {
  const corpus = libraryArticles();
  const records: ArticleRecord[] = [];
  const annotations: AnnotationRecord[] = [];
  for (let k = 0; k < articles; k++) {
    const base = corpus[k % corpus.length]!.article;
    const copy = Math.floor(k / corpus.length);
    const id = copy === 0 ? base.id : `${base.id}~copy${copy}`;
    const url = copy === 0 ? base.url : `${base.url}${base.url.includes('?') ? '&' : '?'}copy=${copy}`;
    const share = Math.floor(highlights / articles) + (k < highlights % articles ? 1 : 0);
    const made = highlightsOf(base, share, { seed: seed * 100_003 + k, group: k + 1, articleId: id, time: k * 97, first: annotations.length });
    annotations.push(...made);
    records.push(articleRecord({ ...base, id, url, title: `${base.title}（${k}）` }, made));
  }
  return { articles: records, annotations, tombstones: [] };
}

/**
 * Puts a library straight into the extension's IndexedDB from an extension page, in one transaction,
 * as the store keeps it (src/store/records.ts). Each highlight is checked against the message schema
 * first: what the background would refuse to hand a page is never seeded. The database must exist (the
 * background creates it, with its schema, on the first article it records): this never creates or
 * upgrades it, so the schema is always the background's own.
 */
export async function seedLibrary(page: Page, data: LibraryData): Promise<void> {
  for (const annotation of data.annotations) {
    const checked = v.safeParse(AnnotationRecordSchema, annotation);
    if (!checked.success) throw new Error(`seeded highlight ${annotation.id} is not one the extension takes: ${checked.issues[0].message}`);
  }
  // One JSON string crosses to the page several times faster than the same records as an object argument.
  await page.evaluate(
    async ({ name, json }) => {
      const { articles, annotations, tombstones } = JSON.parse(json) as { articles: unknown[]; annotations: unknown[]; tombstones: unknown[] };
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
          const tx = db.transaction(['articles', 'annotations', 'tombstones'], 'readwrite');
          for (const article of articles) tx.objectStore('articles').put(article);
          for (const annotation of annotations) tx.objectStore('annotations').put(annotation);
          for (const tombstone of tombstones) tx.objectStore('tombstones').put(tombstone);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error ?? new Error('aborted'));
        });
      } finally {
        db.close();
      }
    },
    { name: DATABASE_NAME, json: JSON.stringify(data) },
  );
}
