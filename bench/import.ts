// import: 100,000 highlights over 10,000 articles (test/e2e/seed-library.ts's generator, seeded), exported as
// our JSON (src/export/web-annotation.ts) and imported into an empty library as the transfer worker does it
// (popup/transfer-worker.ts: parseImport reads and checks the file, then AnnotationStore.importLibrary
// reads the library, plans the merge and writes it in one transaction), against putting the same records
// into the same stores in one transaction and nothing else. Both in Node, on fake-indexeddb (the store
// tests' IndexedDB), a fresh database each run, in turns. Then the whole library's JSON export, streamed
// as the worker makes it, against the same file made in one piece (time).
import 'fake-indexeddb/auto';
import { webAnnotationStream } from '../src/export/streaming';
import { webAnnotationJson } from '../src/export/web-annotation';
import { parseImport } from '../src/import/parse-import';
import { openDatabase } from '../src/store/database';
import { AnnotationStore } from '../src/store/store';
import { makeLibrary } from '../test/e2e/seed-library';
import type { LibraryData } from '../src/annotation/library-data';
import { lessIsBetter, type BenchModule, type Result } from './lib/result';
import { median } from './lib/stats';

const IMPORT_HIGHLIGHTS = 100_000;
const IMPORT_ARTICLES = 10_000;
const RUNS = 3;
/** The moment of the import: after the newest seeded highlight (later ones would be skipped as future times). */
const NOW = new Date('2030-01-01T00:00:00.000Z');

let databases = 0;

/** A fresh database for one run; `use` gets it, and it is deleted after. */
async function withDatabase<T>(use: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const name = `bench-import-${databases++}`;
  const db = await openDatabase(name);
  try {
    return await use(db);
  } finally {
    db.close();
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = () => resolve();
    });
  }
}

/** The worker's import: check the file whole, then read, merge and write in one transaction. */
async function ours(file: string): Promise<number> {
  return withDatabase(async (db) => {
    const start = performance.now();
    const parsed = parseImport(file, { now: NOW });
    if (!parsed.ok) throw new Error(`import: ${parsed.error}`);
    const report = await new AnnotationStore(db).importLibrary(parsed.data, parsed.skipped);
    const ms = performance.now() - start;
    if (report.added !== IMPORT_HIGHLIGHTS) throw new Error(`import: ${report.added} added of ${IMPORT_HIGHLIGHTS} (${report.skipped.length} skipped)`);
    return ms;
  });
}

/** The floor: the same records put into the same stores in one transaction. */
async function bare(library: LibraryData): Promise<number> {
  return withDatabase(async (db) => {
    const start = performance.now();
    await fill(db, library);
    return performance.now() - start;
  });
}

/** The library, put in a database as it is. */
async function fill(db: Awaited<ReturnType<typeof openDatabase>>, library: LibraryData): Promise<void> {
  const tx = db.transaction(['articles', 'annotations'], 'readwrite');
  for (const article of library.articles) void tx.objectStore('articles').put(article);
  for (const annotation of library.annotations) void tx.objectStore('annotations').put(annotation);
  await tx.done;
}

/**
 * The whole library's JSON export as the worker makes it, streamed (src/export/streaming.ts), and as
 * it was made before, in one piece (readAll, then webAnnotationJson): the time, the file's text made.
 */
async function exports(library: LibraryData): Promise<{ streamed: number; whole: number }> {
  return withDatabase(async (db) => {
    await fill(db, library);
    const store = new AnnotationStore(db);
    const runs = { streamed: [] as number[], whole: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      const data = await store.readAll();
      const text = webAnnotationJson(data, { exported: NOW });
      runs.whole.push(performance.now() - start);
      start = performance.now();
      const writer = webAnnotationStream({ exported: NOW }, 'application/ld+json');
      const file = writer.finish(await store.walkLibrary({ group: (g) => writer.group(g), article: (a) => writer.article!(a) }));
      runs.streamed.push(performance.now() - start);
      if (file.size < text.length) throw new Error('export: the file is shorter than its text');
    }
    return { streamed: median(runs.streamed), whole: median(runs.whole) };
  });
}

export const importBench: BenchModule = {
  id: 'import',
  async run(): Promise<Result[]> {
    const library = makeLibrary(IMPORT_HIGHLIGHTS, IMPORT_ARTICLES);
    const file = webAnnotationJson(library, { exported: NOW });
    const samples = { ours: [] as number[], bare: [] as number[] };
    // A warm-up of each, then RUNS of each in turns, the order swapped every run.
    await ours(file);
    await bare(library);
    for (let run = 0; run < RUNS; run++) {
      const first = run % 2 ? 'bare' : 'ours';
      for (const which of first === 'ours' ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const)) {
        samples[which].push(which === 'ours' ? await ours(file) : await bare(library));
      }
    }
    const megabytes = Buffer.byteLength(file) / 2 ** 20;
    console.log(`  import: a file of ${megabytes.toFixed(0)} MB; ours ${samples.ours.map((x) => x.toFixed(0)).join(', ')} ms; bare put ${samples.bare.map((x) => x.toFixed(0)).join(', ')} ms`);
    const count = (n: number) => n.toLocaleString('en');
    const exported = await exports(library);
    const exportUnit = `${count(IMPORT_HIGHLIGHTS)} highlights, ${count(IMPORT_ARTICLES)} articles; Node, fake-indexeddb`;
    const whole = 'the same file made in one piece (readAll, then webAnnotationJson)';
    return [
      lessIsBetter(
        `import ${count(IMPORT_HIGHLIGHTS)} highlights`,
        `ms (${count(IMPORT_ARTICLES)} articles, our JSON export of ${megabytes.toFixed(0)} MB, into an empty library; Node, fake-indexeddb)`,
        median(samples.ours),
        median(samples.bare),
        'the same records put in one IndexedDB transaction (fake-indexeddb)',
      ),
      lessIsBetter('export JSON, streamed', `ms (${exportUnit})`, exported.streamed, exported.whole, whole),
    ];
  },
};
