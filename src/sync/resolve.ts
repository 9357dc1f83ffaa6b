import { shareableArticle } from '../annotation/archive-path';
import { type ArticleRecord, LIMITS } from '../annotation/records';
import { compareTimes } from '../annotation/time';
import { canonical, compareVersions, type Version } from '../store/merge';

/** The winner of several versions (at least one). */
export function winnerOf<V extends Version>(versions: readonly V[]): V {
  return versions.reduce((best, next) => (compareVersions(next, best) > 0 ? next : best));
}

export function sameVersion(a: Version, b: Version): boolean {
  return canonical(a) === canonical(b);
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
  const seenAt = joined.seenAt
    .filter((address) => !kept.has(address))
    .concat(here.seenAt)
    .slice(-LIMITS.addressesPerArticle);
  return { ...joined, seenAt };
}

/** Whether the database's record already holds everything the store's does. */
export function articleCovers(there: ArticleRecord, here: ArticleRecord): boolean {
  return canonical(joinArticles(there, shareableArticle(here))) === canonical(articleForDoc(there));
}
