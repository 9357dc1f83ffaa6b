import * as v from 'valibot';
import { sourceFromUrl } from '../model/article-id';
import type { ArticleHint, Outcome } from './draft';
import { findAnnotations } from './envelope';
import { fromHypothesis } from './hypothesis';
import { readJson } from './read-json';
import type { Skipped } from '../store/merge';
import { describeIssues } from './schemas';
import { fromW3c } from './w3c';
import type { LibraryData } from '../annotation/library-data';
import { annotationOrder } from '../annotation/order';
import { type AnnotationRecord, type ArticleRecord, ArticleRecordSchema, TombstoneSchema } from '../annotation/records';

export type ParsedImport = { ok: true; data: LibraryData; skipped: Skipped[] } | { ok: false; error: string };

/**
 * Reads an import file whole before anything is written: one malformed annotation, article or
 * tombstone refuses the file, with a message that says which and what. Annotations that are fine
 * but not highlights of web pages (Hypothesis replies and page notes, PDFs) are skipped with a
 * reason; a file of nothing else is refused.
 */
export function parseImport(text: string): ParsedImport {
  const json = readJson(text);
  if (!json.ok) return json;
  const found = findAnnotations(json.value);
  if (!found.ok) return found;

  const articles = checkAll(found.articles, ArticleRecordSchema, 'article');
  if (!articles.ok) return articles;
  const tombstones = checkAll(found.tombstones, TombstoneSchema, 'tombstone');
  if (!tombstones.ok) return tombstones;

  const read = found.format === 'hypothesis' ? fromHypothesis : fromW3c;
  const records = new Map<string, AnnotationRecord>();
  const hints: ArticleHint[] = [];
  const skipped: Skipped[] = [];
  for (let i = 0; i < found.items.length; i++) {
    const outcome: Outcome = read(found.items[i], i + 1);
    if (outcome.kind === 'error') return { ok: false, error: outcome.error };
    if (outcome.kind === 'skip') {
      skipped.push(outcome.skip);
      continue;
    }
    const { record, article } = outcome;
    const twin = records.get(record.id);
    // The same id twice: the later modification is the annotation, the other is reported.
    if (twin && Date.parse(twin.modified) >= Date.parse(record.modified)) skipped.push({ id: record.id, reason: 'duplicate-in-file' });
    else {
      if (twin) skipped.push({ id: twin.id, reason: 'duplicate-in-file' });
      records.set(record.id, record);
      if (article) hints.push(article);
    }
  }
  if (found.items.length && !records.size) return { ok: false, error: `none of the file's ${found.items.length} annotations is a highlight of a web page (${tally(skipped)})` };

  return {
    ok: true,
    data: {
      articles: withForeignArticles(articles.values, hints).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      annotations: [...records.values()].sort(annotationOrder),
      tombstones: tombstones.values,
    },
    skipped,
  };
}

function checkAll<T>(items: unknown[], schema: v.GenericSchema<unknown, T>, what: string): { ok: true; values: T[] } | { ok: false; error: string } {
  const values: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const result = v.safeParse(schema, items[i]);
    if (!result.success) return { ok: false, error: `${what} ${i + 1}: ${describeIssues(result.issues)}` };
    values.push(result.output);
  }
  return { ok: true, values };
}

/**
 * Another tool's annotations bring no article records: one is made from what they tell (the
 * address, a title if any, else the address) for each article the file lists no record of. Its
 * `annotatedAt` is left null: the import sets it from the highlights it adds, and facts from the
 * library's own record of the article win over these guesses.
 */
function withForeignArticles(articles: ArticleRecord[], hints: ArticleHint[]): ArticleRecord[] {
  const made = new Map<string, ArticleRecord>();
  const listed = new Set(articles.map((a) => a.id));
  for (const hint of hints) {
    if (listed.has(hint.id)) continue;
    const old = made.get(hint.id);
    if (old) {
      if (!old.seenAt.includes(hint.url)) old.seenAt.push(hint.url);
      if (old.title === old.url && hint.title) old.title = hint.title;
      continue;
    }
    made.set(hint.id, { id: hint.id, url: hint.url, title: hint.title ?? hint.url, source: sourceFromUrl(new URL(hint.url)) ?? 'other', publishedAt: null, seenAt: [hint.url], annotatedAt: null });
  }
  return [...articles, ...made.values()];
}

function tally(skipped: Skipped[]): string {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason.replace(/-/g, ' ')}`).join(', ');
}
