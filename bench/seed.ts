// seed: the helper the popup and memory benchmarks stand on (the library test's too), tested and timed:
// 10,000 highlights over 1,000 articles (test/e2e/seed-library.ts) put into the extension's IndexedDB from
// an extension page; then a seeded article opened in the reader must show exactly its seeded highlights, painted.
import { parseArchive } from '../src/parse/parse-archive';
import { launchWithExtension } from '../test/e2e/browser';
import { makeLibrary, seedLibrary } from '../test/e2e/seed-library';
import { clearStores, ensureDatabase, openInReader, paintedRanges, storeCounts, waitForPainted } from './lib/browser';
import { readCorpus } from './lib/corpus';
import type { BenchModule, Result } from './lib/result';
import { medianOfRuns } from './lib/stats';

export const SEED_ARTICLES = 1_000;
export const SEED_HIGHLIGHTS = 10_000;
const CHECK_FILE = 'reuters/1040207.md';

export const seed: BenchModule = {
  id: 'seed',
  browser: true,
  async run(): Promise<Result[]> {
    const made = performance.now();
    const library = makeLibrary(SEED_HIGHLIGHTS, SEED_ARTICLES);
    const makeMs = performance.now() - made;
    const ext = await launchWithExtension({ offline: true });
    try {
      const admin = await ext.extensionPage();
      await ensureDatabase(ext, admin);
      const timed = await medianOfRuns(
        async () => {
          await clearStores(admin);
          const start = performance.now();
          await seedLibrary(admin, library);
          return performance.now() - start;
        },
        { runs: 3, warmup: 1 },
      );
      const counts = await storeCounts(admin);
      if (counts.annotations !== SEED_HIGHLIGHTS || counts.articles !== SEED_ARTICLES) throw new Error(`seed: the store holds ${JSON.stringify(counts)}`);
      // The seeded copy of a corpus article is that article: the reader paints its share of the highlights.
      const article = parseArchive(readCorpus(CHECK_FILE));
      const expected = library.annotations.filter((a) => a.articleId === article.id).length;
      const page = await ext.context.newPage();
      await openInReader(page, CHECK_FILE);
      await waitForPainted(page, expected, 10_000);
      const painted = await paintedRanges(page);
      const orphans = await page.getByTestId('orphans').count();
      if (painted !== expected || orphans) throw new Error(`seed: ${CHECK_FILE} shows ${painted} of its ${expected} seeded highlights (orphans listed: ${orphans})`);
      console.log(`  seed: records made in Node in ${makeMs.toFixed(0)} ms; put ${timed.samples.map((x) => x.toFixed(0)).join(', ')} ms; ${CHECK_FILE} paints its ${expected} seeded highlights`);
      return [
        {
          name: `seed ${SEED_HIGHLIGHTS.toLocaleString('en')} highlights over ${SEED_ARTICLES.toLocaleString('en')} articles`,
          unit: 'ms (one IndexedDB transaction from an extension page)',
          ours: timed.median,
          baseline: null,
          baselineName: null,
          ratio: null,
        },
      ];
    } finally {
      await ext.close();
    }
  },
};
