// import: 100,000 highlights over 10,000 articles (test/e2e/seed-library.ts's generator, seeded), exported as
// our JSON (src/export/web-annotation.ts) and imported into an empty library as the transfer worker does it
// (popup/transfer-worker.ts: parseImport reads and checks the file, then AnnotationStore.importLibrary
// reads the library, plans the merge and writes it in one transaction), against putting the same records
// into the same stores in one transaction and nothing else. Both in Node, on fake-indexeddb (the store
// tests' IndexedDB), a fresh database each run, in turns.
import 'fake-indexeddb/auto';
import { webAnnotationJson } from '../src/export/web-annotation';
import { parseImport } from '../src/import/parse-import';
import { openDatabase } from '../src/store/database';
import { AnnotationStore } from '../src/store/store';
import { makeLibrary } from '../test/e2e/seed-library';
import type { LibraryData } from '../src/annotation/library-data';
import { lessIsBetter, type BenchModule, type Result } from './lib/result';
import { median } from './lib/stats';

export const IMPORT_HIGHLIGHTS = 100_000;
export const IMPORT_ARTICLES = 10_000;
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
    const tx = db.transaction(['articles', 'annotations'], 'readwrite');
    for (const article of library.articles) void tx.objectStore('articles').put(article);
    for (const annotation of library.annotations) void tx.objectStore('annotations').put(annotation);
    await tx.done;
    return performance.now() - start;
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
    return [
      lessIsBetter(
        `import ${count(IMPORT_HIGHLIGHTS)} highlights`,
        `ms (${count(IMPORT_ARTICLES)} articles, our JSON export of ${megabytes.toFixed(0)} MB, into an empty library; Node, fake-indexeddb)`,
        median(samples.ours),
        median(samples.bare),
        'the same records put in one IndexedDB transaction (fake-indexeddb)',
      ),
    ];
  },
};
