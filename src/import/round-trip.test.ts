import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webAnnotationJson } from '../export/web-annotation';
import { SOURCES } from '../model/article';
import { openDatabase } from '../store/database';
import { AnnotationStore } from '../store/store';
import { parseImport } from './parse-import';
import { planMerge } from '../store/merge';
import type { LibraryData } from '../annotation/library-data';
import { annotationOrder } from '../annotation/order';
import { type AnnotationRecord, type ArticleRecord, COLORS } from '../annotation/records';
import { articleArchivePath, isLocalAddress } from '../annotation/archive-path';

let dbCount = 0;
const freshStore = async () => new AnnotationStore(await openDatabase(`pizhu-round-trip-${++dbCount}`));

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sorted = (data: LibraryData): LibraryData => ({ articles: [...data.articles].sort(byId), annotations: [...data.annotations].sort(annotationOrder), tombstones: [...data.tombstones].sort(byId) });

// Text of every kind: Chinese, astral characters, lone surrogates, quotes and newlines.
const text = (maxLength: number, minLength = 0) =>
  fc.oneof(fc.string({ unit: 'binary', minLength, maxLength }), fc.string({ unit: fc.constantFrom('中', '国', '“', '”', '\n', '"', '\\', '𠮷', ' ', 'a'), minLength, maxLength }));
const time = fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('2100-01-01T00:00:00.000Z'), noInvalidDate: true }).map((d) => d.toISOString());
const articleId = fc.constantFrom('cn.reuters.com/article/a', 'cn.nytimes.com/b/c', 'archive/1f2e3d', 'bbc.com/zhongwen/simp/d');

const annotation: fc.Arbitrary<AnnotationRecord> = fc
  .record({
    id: fc.uuid(),
    articleId,
    color: fc.constantFrom(...COLORS),
    start: fc.nat(5000),
    length: fc.integer({ min: 1, max: 200 }),
    exact: text(30, 1),
    prefix: text(40),
    suffix: text(40),
    parserVersion: fc.integer({ min: 1, max: 3 }),
    note: fc.oneof(fc.constant(''), text(60)),
    tags: fc.array(text(12, 1), { maxLength: 4 }),
    created: time,
    modified: time,
  })
  .map(({ start, length, exact, prefix, suffix, ...rest }) => ({
    ...rest,
    position: { type: 'TextPositionSelector' as const, start, end: start + length },
    quote: { type: 'TextQuoteSelector' as const, exact, prefix, suffix },
  }));

/** A library as the store keeps it: an article's annotatedAt is no earlier than its highlights' changes. */
const library: fc.Arbitrary<LibraryData> = fc
  .record({
    annotations: fc.uniqueArray(annotation, { selector: (a) => a.id, maxLength: 8 }),
    tombstones: fc.uniqueArray(fc.record({ id: fc.uuid(), articleId, deleted: time }), { selector: (t) => t.id, maxLength: 3 }),
    articles: fc.uniqueArray(
      fc.record({
        id: articleId,
        url: fc.oneof(fc.constant(''), fc.webUrl()),
        title: text(40),
        source: fc.constantFrom(...SOURCES, 'other' as const),
        publishedAt: fc.option(time, { nil: null }),
        // The store keeps each address once.
        seenAt: fc.uniqueArray(fc.oneof(fc.webUrl(), fc.constant('file:///home/a/1040207.md')), { maxLength: 3 }),
        annotatedAt: fc.option(time, { nil: null }),
      }),
      { selector: (a) => a.id, maxLength: 4 },
    ),
  })
  .filter(({ annotations, tombstones }) => !tombstones.some((t) => annotations.some((a) => a.id === t.id)))
  // A library keeps the article of each of its highlights (one left out of a file is tested in hardening.test.ts).
  .filter(({ annotations, articles }) => annotations.every((a) => articles.some((article) => article.id === a.articleId)))
  .map(({ articles, annotations, tombstones }) => ({
    annotations,
    tombstones,
    articles: articles.map((article): ArticleRecord => {
      const changes = annotations.filter((a) => a.articleId === article.id).map((a) => a.modified);
      if (article.annotatedAt) changes.push(article.annotatedAt);
      return { ...article, annotatedAt: changes.length ? changes.sort().at(-1)! : null };
    }),
  }));

/** Times in these libraries run to 2100: the import is told it happens after. */
const NOW = new Date('2100-01-02T00:00:00.000Z');
const EXPORTED = new Date('2026-04-01T00:00:00.000Z');

/** What the export keeps of a library: the reader's file addresses become the archive copy's place. */
function asExported(data: LibraryData): LibraryData {
  return {
    ...data,
    articles: data.articles.map((a) => {
      const archivePath = articleArchivePath(a);
      const { archivePath: _, ...rest } = a;
      return { ...rest, url: isLocalAddress(a.url) ? '' : a.url, seenAt: a.seenAt.filter((s) => !isLocalAddress(s)), ...(archivePath !== undefined && { archivePath }) };
    }),
  };
}

describe('export → import round trip', () => {
  it('gives back the library (file addresses as archive paths), a second import changes nothing, and its export is the same file', async () => {
    await fc.assert(
      fc.asyncProperty(library, async (data) => {
        const file = webAnnotationJson(data, { exported: EXPORTED });
        const parsed = parseImport(file, { now: NOW });
        if (!parsed.ok) throw new Error(parsed.error);
        expect(parsed.skipped).toEqual([]);

        const store = await freshStore();
        const plan = planMerge(parsed.data, await store.readAll(), parsed.skipped);
        expect(plan.report).toMatchObject({ added: data.annotations.length, updated: 0, deleted: 0, skipped: [] });
        await store.applyImport(plan);
        const restored = await store.readAll();
        expect(sorted(restored)).toEqual(sorted(asExported(data)));
        expect(webAnnotationJson(restored, { exported: EXPORTED })).toBe(file);

        const again = await store.importLibrary(parsed.data, parsed.skipped);
        expect(again).toMatchObject({ added: 0, updated: 0, deleted: 0 });
        expect(again.skipped.every((s) => s.reason === 'already-here')).toBe(true);
        expect(await store.readAll()).toEqual(restored);
      }),
      { numRuns: 50 },
    );
  });

  it("keeps the library's own file addresses when its export comes back", () => {
    fc.assert(
      fc.property(library, (data) => {
        const parsed = parseImport(webAnnotationJson(data, { exported: EXPORTED }), { now: NOW });
        if (!parsed.ok) throw new Error(parsed.error);
        const plan = planMerge(parsed.data, data, parsed.skipped);
        // Nothing to write: every address the library had, full paths included, stays.
        expect(plan.articles).toEqual([]);
        expect(plan.annotations).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
