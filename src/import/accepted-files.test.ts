// Any file the import accepts, imported into an empty library, exported and imported again, changes
// nothing; every record it makes passes the library's own schemas.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { webAnnotationJson } from '../export/web-annotation';
import { type MergePlan, planMerge } from '../store/merge';
import { parseImport } from './parse-import';
import type { LibraryData } from '../annotation/library-data';
import { AnnotationRecordSchema, ArticleRecordSchema, TombstoneSchema } from '../annotation/records';

const NOW = new Date('2026-04-01T00:00:00.000Z');
const EMPTY: LibraryData = { articles: [], annotations: [], tombstones: [] };

function apply(library: LibraryData, plan: MergePlan): LibraryData {
  const annotations = new Map(library.annotations.map((a) => [a.id, a]));
  for (const id of plan.deletions) annotations.delete(id);
  for (const a of plan.annotations) annotations.set(a.id, a);
  const articles = new Map(library.articles.map((a) => [a.id, a]));
  for (const a of plan.articles) articles.set(a.id, a);
  const tombstones = new Map(library.tombstones.map((t) => [t.id, t]));
  for (const t of plan.tombstones) tombstones.set(t.id, t);
  return { articles: [...articles.values()], annotations: [...annotations.values()], tombstones: [...tombstones.values()] };
}

const words = fc.string({ unit: fc.constantFrom('中', '词', ' ', '\n', '\r', 'a', '"', '<', '='), maxLength: 12 });
const address = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom('file:///home/r/articles/reuters/1.md', 'urn:x-pdf:1', '', 'https://example.org/x', 'https://example.org/x?y=1'),
);
const time = fc.oneof(
  fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2017-04-18T22:48:46.756821+00:00', '9999-12-31T00:00:00Z'),
);
const id = fc.oneof(
  fc.uuid().map((u) => `urn:uuid:${u}`),
  fc.uuid().map((u) => `URN:UUID:${u.toUpperCase()}`),
  fc.constantFrom('a1', 'a2', 'https://h.example/a/3'),
);
const selector = fc.oneof(
  fc.record({ type: fc.constant('TextQuoteSelector'), exact: words, prefix: words, suffix: words }),
  fc.record({ type: fc.constant('TextPositionSelector'), start: fc.nat(100), end: fc.nat(200) }),
  fc.record({
    type: fc.constant('FragmentSelector'),
    value: fc.constantFrom('xywh=1,2,3,4', 'para5', 't=10'),
    refinedBy: fc.option(fc.record({ type: fc.constant('TextQuoteSelector'), exact: words }), { nil: undefined }),
  }),
  fc.constant('https://example.org/selector1'),
);
const target = fc.oneof(
  address,
  fc.record({ source: fc.option(address, { nil: undefined }), selector: fc.array(selector, { maxLength: 3 }) }, { requiredKeys: ['selector'] }),
  fc.record({ type: fc.constantFrom('Composite', 'Image'), items: fc.array(address, { maxLength: 2 }) }),
);
const w3c = fc.record(
  {
    id,
    type: fc.constant('Annotation'),
    motivation: fc.constantFrom('highlighting', 'commenting', 'replying'),
    created: time,
    modified: time,
    target,
    body: fc.array(fc.oneof(fc.record({ type: fc.constant('TextualBody'), value: words, purpose: fc.constantFrom('commenting', 'tagging') }), address), { maxLength: 3 }),
  },
  { requiredKeys: ['type', 'target'] },
);
const hypothesis = fc.record(
  {
    id: fc.constantFrom('h1', 'h2', 'h3', 'H3'),
    uri: address,
    user: fc.constant('acct:a@hypothes.is'),
    text: words,
    tags: fc.array(words, { maxLength: 3 }),
    created: time,
    updated: time,
    references: fc.option(fc.constant(['h0']), { nil: undefined }),
    target: fc.array(fc.record({ source: address, selector: fc.array(selector, { maxLength: 3 }) }, { requiredKeys: ['source'] }), { maxLength: 2 }),
    document: fc.record({ title: fc.array(fc.string({ maxLength: 30 }), { maxLength: 1 }) }),
  },
  { requiredKeys: ['id', 'target', 'user'] },
);
// Never empty: a file with no annotation is refused (parse-import.test.ts).
const file = fc.oneof(
  fc.array(w3c, { minLength: 1, maxLength: 6 }),
  fc.array(hypothesis, { minLength: 1, maxLength: 6 }),
  fc.array(hypothesis, { minLength: 1, maxLength: 6 }).map((rows) => ({ total: rows.length, rows })),
  fc.array(w3c, { minLength: 1, maxLength: 6 }).map((items) => ({ type: 'AnnotationPage', items })),
);

describe('any file the import accepts', () => {
  it('makes records the library schemas take; exported and imported again, it changes nothing', () => {
    let accepted = 0;
    fc.assert(
      fc.property(file, (value) => {
        const parsed = parseImport(JSON.stringify(value), { now: NOW });
        if (!parsed.ok) return;
        accepted++;
        for (const a of parsed.data.annotations) expect(v.safeParse(AnnotationRecordSchema, a).success).toBe(true);
        for (const a of parsed.data.articles) expect(v.safeParse(ArticleRecordSchema, a).success).toBe(true);
        for (const t of parsed.data.tombstones) expect(v.safeParse(TombstoneSchema, t).success).toBe(true);
        const library = apply(EMPTY, planMerge(parsed.data, EMPTY, parsed.skipped));
        // Every highlight written has its article.
        for (const a of library.annotations) expect(library.articles.some((article) => article.id === a.articleId)).toBe(true);

        const again = parseImport(webAnnotationJson(library, { exported: NOW }), { now: NOW });
        if (!again.ok) throw new Error(again.error);
        const plan = planMerge(again.data, library, again.skipped);
        expect(plan.report).toMatchObject({ added: 0, updated: 0, deleted: 0 });
        expect(plan.articles).toEqual([]);
        expect(plan.annotations).toEqual([]);
        // Importing the first file again changes nothing either.
        expect(planMerge(parsed.data, library, parsed.skipped)).toMatchObject({ annotations: [], articles: [], deletions: [] });
      }),
      { numRuns: 600 },
    );
    expect(accepted).toBeGreaterThan(30);
  });
});
