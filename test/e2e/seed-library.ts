// A large library, written straight into the extension's IndexedDB from one of its pages: the
// library page's and the benchmarks' 10,000 highlights over 1,000 articles.
import type { Page } from 'playwright-core';
import { parseArchive } from '../../src/parse/parse-archive';
import { articleText } from '../../src/text/article-text';
import { describeRange } from '../../src/anchor/selectors';
import type { LibraryData } from '../../src/export/library-data';
import { COLORS, type AnnotationRecord, type ArticleRecord } from '../../src/store/records';
import { corpusFiles, readCorpus } from '../shared-data';

/** A deterministic library: real Chinese article texts and titles, quotes taken from them. */
export function makeLibrary(highlights: number, articles: number): LibraryData {
  const texts = corpusFiles()
    .slice(0, 20)
    .map((file) => {
      const article = parseArchive(readCorpus(file));
      return { title: article.title, text: articleText(article).text };
    });
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString();
  const records: ArticleRecord[] = [];
  const annotations: AnnotationRecord[] = [];
  for (let a = 0; a < articles; a++) {
    const source = texts[a % texts.length]!;
    const id = `seed.example/article-${a}`;
    const perArticle = Math.floor(highlights / articles) + (a < highlights % articles ? 1 : 0);
    for (let h = 0; h < perArticle; h++) {
      const start = Math.floor(random() * (source.text.length - 80));
      const end = start + 8 + Math.floor(random() * 60);
      const n = annotations.length;
      annotations.push({
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        articleId: id,
        color: COLORS[n % COLORS.length]!,
        ...describeRange(source.text, start, end),
        parserVersion: 1,
        note: n % 4 === 0 ? `第${n}条批注：值得再读` : '',
        tags: n % 7 === 0 ? ['外交'] : n % 11 === 0 ? ['经济', '待查'] : [],
        created: day(n),
        modified: day(n),
      });
    }
    records.push({ id, url: `https://${id}`, title: `${source.title}（${a}）`, source: 'reuters', publishedAt: day(a), seenAt: [`https://${id}`], annotatedAt: day(annotations.length) });
  }
  return { articles: records, annotations, tombstones: [] };
}

/** Writes a library into the `pizhu` database of the extension page `page` (which has opened it already). */
export async function seedLibrary(page: Page, data: LibraryData): Promise<void> {
  await page.evaluate(
    (library) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('pizhu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['articles', 'annotations'], 'readwrite');
          for (const article of library.articles) tx.objectStore('articles').put(article);
          for (const annotation of library.annotations) tx.objectStore('annotations').put(annotation);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    data,
  );
}
