// seed: the helper the popup and memory benchmarks stand on, tested and timed: 10,000 highlights over
// 1,000 articles put into the extension's IndexedDB from an extension page; then a seeded article opened
// in the reader must show exactly its seeded highlights, painted.
import { parseArchive } from '../src/parse/parse-archive';
import { browserMissing, clearStores, ensureDatabase, launchWithExtension, library, openInReader, paintedRanges, putRecords, storeCounts } from './lib/browser';
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
    const missing = browserMissing();
    if (missing) throw new Error(missing);
    const made = performance.now();
    const { articles, annotations } = library(SEED_ARTICLES, SEED_HIGHLIGHTS);
    const makeMs = performance.now() - made;
    const ext = await launchWithExtension();
    try {
      const admin = await ext.extensionPage();
      await ensureDatabase(ext, admin);
      const timed = await medianOfRuns(async () => {
        await clearStores(admin);
        const start = performance.now();
        await putRecords(admin, articles, annotations);
        return performance.now() - start;
      }, { runs: 3, warmup: 1 });
      const counts = await storeCounts(admin);
      if (counts.annotations !== SEED_HIGHLIGHTS || counts.articles !== SEED_ARTICLES) throw new Error(`seed: the store holds ${JSON.stringify(counts)}`);
      // The seeded copy of a corpus article is that article: the reader paints its share of the highlights.
      const article = parseArchive(readCorpus(CHECK_FILE));
      const expected = annotations.filter((a) => a.articleId === article.id).length;
      const page = await ext.context.newPage();
      await openInReader(page, CHECK_FILE);
      await page.waitForFunction(
        (want) => [...CSS.highlights.entries()].filter(([name]) => name.startsWith('pizhu')).reduce((n, [, h]) => n + h.size, 0) >= want,
        expected,
        { timeout: 10_000 },
      );
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
