import * as v from 'valibot';
import { sourceFromUrl } from '../model/article-id';
import { type ArticleHint, FUTURE_TOLERANCE_MS, type Outcome, type ReadContext } from './draft';
import { type Envelope, findAnnotations } from './envelope';
import { glimpseOf } from './glimpse';
import { fromHypothesis } from './hypothesis';
import { readJson } from './read-json';
import { describeNothingToImport } from './report';
import type { Skipped } from '../store/merge';
import { describeIssues } from './schemas';
import { isObject } from './targets';
import { fromW3c } from './w3c';
import type { LibraryData } from '../annotation/library-data';
import { annotationOrder, byId } from '../annotation/order';
import { PIZHU_KEYS } from '../annotation/web-annotation-terms';
import { type AnnotationRecord, type ArticleRecord, ArticleRecordSchema, LIMITS, type Tombstone, TombstoneSchema } from '../annotation/records';

/** Why a file with annotations in it brought none: what the reader is told, in their language. */
export interface NothingToImport {
  total: number;
  skipped: Skipped[];
}

export type ParsedImport = { ok: true; data: LibraryData; skipped: Skipped[] } | { ok: false; error: string; nothing?: NothingToImport };

export interface ImportOptions {
  /** The moment of the import: times more than a day after it are refused. */
  now?: Date;
}

/**
 * Reads an import file whole before anything is written. Our own export is checked strictly: one
 * malformed annotation, article or tombstone refuses the file, with a message that says which and
 * what. Another tool's annotations that are not highlights of words on a web page (replies, page
 * notes, image regions, targets without an address…) are skipped, each with its reason; a file
 * of nothing else is refused, saying what it holds. Every record made passes the library's own
 * schemas (src/annotation/records.ts).
 */
export function parseImport(text: string, options: ImportOptions = {}): ParsedImport {
  const now = (options.now ?? new Date()).getTime();
  const json = readJson(text);
  if (!json.ok) return json;
  const found = findAnnotations(json.value);
  if (!found.ok) return found.notAnnotations ? { ok: false, error: found.error, nothing: { total: 1, skipped: [{ id: '#1', reason: 'not-annotation' }] } } : found;

  const articles = checkAll(found.articles, ArticleRecordSchema, 'article');
  if (!articles.ok) return articles;
  const checkedTombstones = checkAll(found.tombstones, TombstoneSchema, 'tombstone');
  if (!checkedTombstones.ok) return checkedTombstones;
  const skipped: Skipped[] = [];
  const tombstones = withoutFuture(checkedTombstones.values, now, skipped);

  const read = readItems(found, now, skipped);
  if ('error' in read) return { ok: false, error: read.error };
  // Our own export of an empty library is a library, taken as one; another tool's file with no annotation is refused.
  const ownExport = isObject(json.value) && PIZHU_KEYS.formatVersion in json.value;
  if (!read.records.size && !tombstones.length && (found.items.length || !ownExport)) {
    const nothing = { total: found.items.length, skipped };
    return { ok: false, error: describeNothingToImport(nothing.total, skipped, 'en'), nothing };
  }
  const listed = articles.values.map((article) => clampArticleTimes(article, now));
  return {
    ok: true,
    data: {
      articles: [...listed, ...articlesFromHints(listed, read.hints)].sort(byId),
      annotations: [...read.records.values()].sort(annotationOrder),
      tombstones,
    },
    skipped,
  };
}

type FoundAnnotations = Extract<Envelope, { ok: true }>;

/** Each annotation read; the same id twice keeps the later modification and reports the other. */
function readItems(found: FoundAnnotations, now: number, skipped: Skipped[]): { records: Map<string, AnnotationRecord>; hints: ArticleHint[] } | { error: string } {
  const records = new Map<string, AnnotationRecord>();
  const hints: ArticleHint[] = [];
  for (let i = 0; i < found.items.length; i++) {
    const context: ReadContext = { index: i + 1, now };
    const outcome: Outcome = found.formats[i] === 'hypothesis' ? fromHypothesis(found.items[i], context) : fromW3c(found.items[i], context);
    if (outcome.kind === 'error') return { error: outcome.error };
    if (outcome.kind === 'skip') {
      const what = glimpseOf(found.items[i]);
      skipped.push(what ? { ...outcome.skip, what } : outcome.skip);
      continue;
    }
    const { record, article } = outcome;
    const twin = records.get(record.id);
    if (twin && Date.parse(twin.modified) >= Date.parse(record.modified)) skipped.push({ id: record.id, reason: 'duplicate-in-file' });
    else {
      if (twin) skipped.push({ id: twin.id, reason: 'duplicate-in-file' });
      records.set(record.id, record);
      hints.push(article);
    }
  }
  return { records, hints };
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

const isFuture = (time: string, now: number) => Date.parse(time) > now + FUTURE_TOLERANCE_MS;

/** A deletion dated ahead of now would outlast every later change: skipped, with why. */
function withoutFuture(tombstones: Tombstone[], now: number, skipped: Skipped[]): Tombstone[] {
  return tombstones.filter((t) => {
    if (!isFuture(t.deleted, now)) return true;
    skipped.push({ id: t.id, reason: 'future-time', detail: t.deleted });
    return false;
  });
}

/** An article's times ahead of now are forgotten (annotatedAt would pin it on top of every list); the merge sets annotatedAt again from its highlights. */
function clampArticleTimes(article: ArticleRecord, now: number): ArticleRecord {
  const clamp = (time: string | null | undefined) => (time && isFuture(time, now) ? null : time);
  if (![article.publishedAt, article.archivedAt, article.annotatedAt].some((t) => t && isFuture(t, now))) return article;
  const archivedAt = clamp(article.archivedAt);
  return { ...article, publishedAt: clamp(article.publishedAt) ?? null, ...(archivedAt !== undefined && { archivedAt }), annotatedAt: clamp(article.annotatedAt) ?? null };
}

/**
 * Highlights whose article the file lists no record of (every other tool's; ours when the record
 * was left out) get one made from what they tell: the address, a title if any (else the address).
 * Addresses are kept once each and capped; the record passes the library's article schema. Its
 * `annotatedAt` is left null: the import sets it from the highlights it adds, and facts from the
 * library's own record of the article win over these guesses.
 */
function articlesFromHints(listed: ArticleRecord[], hints: ArticleHint[]): ArticleRecord[] {
  const known = new Set(listed.map((a) => a.id));
  const made = new Map<string, { title: string | null; urls: Set<string> }>();
  for (const hint of hints) {
    if (known.has(hint.id)) continue;
    const entry = made.get(hint.id) ?? { title: null, urls: new Set<string>() };
    made.set(hint.id, entry);
    if (hint.url) entry.urls.add(hint.url);
    entry.title ??= hint.title;
  }
  return [...made].map(([id, { title, urls }]) => {
    const seenAt = [...urls].slice(-LIMITS.addressesPerArticle);
    const url = seenAt[0] ?? '';
    const source = url ? (sourceFromUrl(new URL(url)) ?? 'other') : 'other';
    const record: ArticleRecord = { id, url, title: (title ?? url).slice(0, LIMITS.title), source, publishedAt: null, seenAt, annotatedAt: null };
    return v.parse(ArticleRecordSchema, record);
  });
}
