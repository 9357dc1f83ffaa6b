import { shareableArticle } from '../annotation/archive-path';
import { type ArticleRecord, LIMITS } from '../annotation/records';
import { compareTimes } from '../annotation/time';
import type { Version } from './doc';

/**
 * The merge rule of src/store/merge.ts (planMerge), made the same from both sides so that every
 * replica picks the same version whatever order versions reach it in:
 *
 * - the later time wins (an annotation's `modified`, a tombstone's `deleted`);
 * - at the same time a tombstone beats an edit (planMerge: a deletion at or after an edit deletes it);
 * - two versions of the same kind at the same time: the one whose canonical JSON sorts last
 *   (import keeps the library's copy on a tie; sync has no "library's copy" every replica agrees on).
 *
 * Unlike an import, a sync brings back a highlight that was edited somewhere after it was deleted
 * elsewhere ("a tombstone beats an older edit", and only an older one). An id never moves to another
 * article: that is checked where a version is written to the store, not here.
 */
export function compareVersions(a: Version, b: Version): number {
  const byTime = compareTimes(versionTime(a), versionTime(b));
  if (byTime !== 0) return byTime;
  if (a.kind !== b.kind) return a.kind === 'tombstone' ? 1 : -1;
  const [ca, cb] = [canonical(a), canonical(b)];
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

export function versionTime(version: Version): string {
  return version.kind === 'annotation' ? version.record.modified : version.tombstone.deleted;
}

/** The winner of several versions (at least one). */
export function winnerOf<V extends Version>(versions: readonly V[]): V {
  return versions.reduce((best, next) => (compareVersions(next, best) > 0 ? next : best));
}

export function sameVersion(a: Version, b: Version): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with keys in order, whatever order the record was built in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v));
}

/**
 * Two records of one article, joined the same way in any order (commutative, associative,
 * idempotent): every address of both (in sorted order: a set), the latest annotation time, and the
 * facts (title, address, times) of the more recently annotated record, ties broken by their JSON.
 */
export function joinArticles(a: ArticleRecord, b: ArticleRecord): ArticleRecord {
  const facts = (r: ArticleRecord) => canonical([r.url, r.title, r.source, r.publishedAt, r.archivedAt ?? null]);
  const order = a.annotatedAt === b.annotatedAt ? 0 : a.annotatedAt === null ? -1 : b.annotatedAt === null ? 1 : compareTimes(a.annotatedAt, b.annotatedAt);
  const [winner, other] = order > 0 || (order === 0 && facts(a) >= facts(b)) ? [a, b] : [b, a];
  const archivedAt = winner.archivedAt ?? other.archivedAt;
  return {
    id: winner.id,
    url: winner.url,
    title: winner.title,
    source: winner.source,
    publishedAt: winner.publishedAt,
    ...(archivedAt !== undefined ? { archivedAt } : {}),
    seenAt: [...new Set([...a.seenAt, ...b.seenAt])].sort().slice(-LIMITS.addressesPerArticle),
    ...((winner.archivePath ?? other.archivePath) !== undefined && { archivePath: winner.archivePath ?? other.archivePath }),
    annotatedAt: winner.annotatedAt,
  };
}

/** An article as a database document holds it: its addresses as a sorted set. */
export function articleForDoc(article: ArticleRecord): ArticleRecord {
  const shared = shareableArticle(article);
  return joinArticles(shared, shared);
}

/**
 * The store's record after learning what the database knows: the joined facts, the store's own
 * addresses kept in their order at the end (the last is where this reader last read it).
 */
export function articleIntoStore(here: ArticleRecord | undefined, there: ArticleRecord): ArticleRecord {
  if (!here) return there;
  const joined = joinArticles(here, there);
  const kept = new Set(here.seenAt);
  const seenAt = joined.seenAt.filter((address) => !kept.has(address)).concat(here.seenAt).slice(-LIMITS.addressesPerArticle);
  return { ...joined, seenAt };
}

/** Whether the database's record already holds everything the store's does. */
export function articleCovers(there: ArticleRecord, here: ArticleRecord): boolean {
  return canonical(joinArticles(there, shareableArticle(here))) === canonical(articleForDoc(there));
}
