import type { LibraryData } from '../annotation/library-data';
import { type AnnotationRecord, type ArticleRecord, LIMITS, type Tombstone } from '../annotation/records';
import { isLocalAddress } from '../annotation/archive-path';
import { compareCodeUnits } from '../annotation/order';
import { compareTimes, latestTime } from '../annotation/time';

/** Why an annotation brought into the library (an import, later a sync) was not written. */
export type SkipReason =
  /** The same annotation, as recently modified, is in the library. */
  | 'already-here'
  /** The library's copy was modified later. */
  | 'newer-here'
  /** Deleted in this library (detail: when); a tombstone keeps it deleted. */
  | 'deleted-here'
  /** The file deletes it, but it was changed here after that deletion (detail: when). */
  | 'changed-after-delete'
  /** The library has a highlight with this id in another article: an id never moves a highlight, nor deletes another article's. */
  | 'other-article'
  /** The file lists the same id twice; the newer one is taken. */
  | 'duplicate-in-file'
  /** Hypothesis: a reply to another annotation, not a highlight. */
  | 'reply'
  /** No quote: a note on a whole page, not a highlight. */
  | 'page-note'
  /** Its target is not an http(s) page (a local file, an e-book, a urn:). */
  | 'not-web-page'
  /** It selects no words to quote (an empty quote, a position, CSS or XPath selector alone). */
  | 'no-quote'
  /** A region of an image (an SVG shape, a `#xywh=` fragment). */
  | 'image-region'
  /** A part of something other than text: video, audio, data. */
  | 'not-text'
  /** Its target names no page (`source` missing). */
  | 'no-address'
  /** It targets several resources at once (Composite, List, Independents). */
  | 'multiple-targets'
  /** Its time is more than a day ahead of the import (detail: the time): it would win every merge. */
  | 'future-time'
  /** Its quote, note or address is longer than the library keeps (LIMITS in src/annotation/records.ts). */
  | 'too-long'
  /** Not an annotation at all (another tool's own objects). */
  | 'not-annotation';

/** Every reason, in the order reports list them. */
export const SKIP_REASONS: readonly SkipReason[] = [
  'already-here',
  'newer-here',
  'deleted-here',
  'changed-after-delete',
  'other-article',
  'duplicate-in-file',
  'reply',
  'page-note',
  'not-web-page',
  'no-quote',
  'image-region',
  'not-text',
  'no-address',
  'multiple-targets',
  'future-time',
  'too-long',
  'not-annotation',
];

export interface Skipped {
  id: string;
  reason: SkipReason;
  /** A time or an address that explains the reason. */
  detail?: string;
  /** A few words of the file's annotation (its quote, note or page) by which the reader finds it. */
  what?: string;
}

/** What a merge did, and why it left out what it left out. */
export interface MergeReport {
  added: number;
  updated: number;
  deleted: number;
  skipped: Skipped[];
}

/** One state of a highlight: as made or changed, or deleted. */
export type Version = { kind: 'annotation'; record: AnnotationRecord } | { kind: 'tombstone'; tombstone: Tombstone };

export function versionTime(version: Version): string {
  return version.kind === 'annotation' ? version.record.modified : version.tombstone.deleted;
}

/** JSON with keys in order, whatever order the record was built in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => compareCodeUnits(x, y))) : v));
}

/**
 * The one merge rule, the same from either side, so that an import and every replica of a sync pick
 * the same version whatever order versions reach them in:
 * - the later time wins (an annotation's `modified`, a tombstone's `deleted`), so a tombstone beats
 *   an older edit, and an edit made after a deletion brings the highlight back;
 * - at the same time a tombstone beats an edit;
 * - two versions of the same kind at the same time: the one whose canonical JSON sorts last.
 * Above 0: `a` wins; 0: the same version.
 */
export function compareVersions(a: Version, b: Version): number {
  const byTime = compareTimes(versionTime(a), versionTime(b));
  if (byTime !== 0) return byTime;
  if (a.kind !== b.kind) return a.kind === 'tombstone' ? 1 : -1;
  return compareCodeUnits(canonical(a), canonical(b));
}

/** What a merge writes, decided before anything is: the store applies it in one transaction. */
export interface MergePlan {
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
  tombstones: Tombstone[];
  /** Ids of annotations the file's tombstones delete. */
  deletions: string[];
  /** Ids whose tombstones here go: the file brings a change made after the deletion. */
  revived: string[];
  report: MergeReport;
}

/**
 * Merges a file into the library, by annotation id, by compareVersions: the later version wins, a
 * tombstone beats an older edit (and an edit at the same time), the same version is "already here".
 * An id never moves a highlight to another article. Articles: every address either side saw, the
 * facts of the more recently annotated side, and `annotatedAt` moved to the latest change the merge
 * makes. Pure: the same inputs give the same plan.
 */
export function planMerge(incoming: LibraryData, existing: LibraryData, skipped: Skipped[] = []): MergePlan {
  const localAnnotations = new Map(existing.annotations.map((a) => [a.id, a]));
  const localTombstones = new Map(existing.tombstones.map((t) => [t.id, t]));
  const report: MergeReport = { added: 0, updated: 0, deleted: 0, skipped: [...skipped] };
  /** Article id → the latest change this import makes to its highlights. */
  const changed = new Map<string, string>();
  const change = (articleId: string, when: string) => changed.set(articleId, latestTime(changed.get(articleId) ?? null, when)!);

  const tombstones = new Map<string, Tombstone>();
  const deletions: string[] = [];
  for (const tombstone of incoming.tombstones) {
    if (localTombstones.has(tombstone.id) || tombstones.has(tombstone.id)) continue;
    const local = localAnnotations.get(tombstone.id);
    if (local && local.articleId !== tombstone.articleId) {
      report.skipped.push({ id: tombstone.id, reason: 'other-article', detail: local.articleId });
      continue;
    }
    if (local && compareVersions({ kind: 'tombstone', tombstone }, { kind: 'annotation', record: local }) < 0) {
      // Changed here after it was deleted there: the change stands, and no tombstone contradicts it.
      report.skipped.push({ id: tombstone.id, reason: 'changed-after-delete', detail: local.modified });
      continue;
    }
    tombstones.set(tombstone.id, tombstone);
    if (local) {
      deletions.push(local.id);
      report.deleted++;
      change(local.articleId, tombstone.deleted);
    }
  }

  const annotations: AnnotationRecord[] = [];
  const revived: string[] = [];
  const gained = new Set<string>();
  for (const annotation of incoming.annotations) {
    const mine: Version = { kind: 'annotation', record: annotation };
    const tombstone = localTombstones.get(annotation.id) ?? tombstones.get(annotation.id);
    const local = localAnnotations.get(annotation.id);
    const theirs: Version | null = tombstone ? { kind: 'tombstone', tombstone } : local ? { kind: 'annotation', record: local } : null;
    const owner = tombstone?.articleId ?? local?.articleId;
    if (owner !== undefined && owner !== annotation.articleId) {
      report.skipped.push({ id: annotation.id, reason: 'other-article', detail: owner });
      continue;
    }
    const order = theirs ? compareVersions(mine, theirs) : 1;
    if (order <= 0) {
      const sameMoment = !tombstone && compareTimes(annotation.modified, local!.modified) === 0;
      report.skipped.push(tombstone ? { id: annotation.id, reason: 'deleted-here', detail: tombstone.deleted } : { id: annotation.id, reason: sameMoment ? 'already-here' : 'newer-here' });
      continue;
    }
    if (tombstone) {
      // Changed after it was deleted: the change brings it back, here as on every replica.
      if (tombstones.delete(annotation.id)) {
        // The file deletes and changes it: the change is the later, and the local copy is not deleted after all.
        const at = deletions.indexOf(annotation.id);
        if (at >= 0) {
          deletions.splice(at, 1);
          report.deleted--;
        }
      } else revived.push(annotation.id);
    }
    annotations.push(annotation);
    if (local && !tombstone) report.updated++;
    else report.added++;
    gained.add(annotation.articleId);
    change(annotation.articleId, annotation.modified);
  }

  return { articles: planArticles(incoming, existing, changed, gained), annotations, tombstones: [...tombstones.values()], deletions, revived, report };
}

function planArticles(incoming: LibraryData, existing: LibraryData, changed: Map<string, string>, gained: Set<string>): ArticleRecord[] {
  const local = new Map(existing.articles.map((a) => [a.id, a]));
  const brought = new Map(incoming.articles.map((a) => [a.id, a]));
  const withHighlights = new Set(incoming.annotations.map((a) => a.articleId));
  const ids = [...new Set([...brought.keys(), ...changed.keys()])].sort();
  const out: ArticleRecord[] = [];
  for (const id of ids) {
    const here = local.get(id);
    const there = brought.get(id);
    // An article whose every highlight in the file was skipped is not worth a record of its own.
    if (!here && there && withHighlights.has(id) && !gained.has(id)) continue;
    let merged = here && there ? mergeArticle(here, there) : (here ?? (there && { ...there, seenAt: mergeAddresses(there.seenAt, []) }));
    if (!merged) continue;
    const when = changed.get(id);
    if (when && merged.annotatedAt !== latestTime(merged.annotatedAt, when)) merged = { ...merged, annotatedAt: when };
    if (!here || !sameArticle(here, merged)) out.push(merged);
  }
  return out;
}

/** Every address of both; the facts of the side annotated more recently (the library's on a tie). */
function mergeArticle(here: ArticleRecord, there: ArticleRecord): ArticleRecord {
  const theirs = there.annotatedAt !== null && (here.annotatedAt === null || compareTimes(there.annotatedAt, here.annotatedAt) > 0);
  const facts = theirs ? there : here;
  // An archive path only where the library has no file address of the copy: its own full path is what opens it.
  const archivePath = here.archivePath ?? (here.seenAt.some(isLocalAddress) ? undefined : there.archivePath);
  return {
    id: here.id,
    // An empty address is no fact: an export leaves out the reader's own file addresses.
    url: facts.url || here.url || there.url,
    title: facts.title,
    source: facts.source,
    publishedAt: facts.publishedAt,
    ...archiveTime(here, there),
    // The library's own addresses stay last: the last is where this reader last read it, and the popup opens that.
    seenAt: mergeAddresses(there.seenAt, here.seenAt),
    ...(archivePath !== undefined && { archivePath }),
    annotatedAt: latestTime(here.annotatedAt, there.annotatedAt),
  };
}

/** Every address of both, each once, `last`'s order kept at the end; the oldest dropped past the limit. */
function mergeAddresses(first: readonly string[], last: readonly string[]): string[] {
  const kept = new Set(last);
  const merged = [...new Set(first)].filter((address) => !kept.has(address)).concat([...kept]);
  return merged.slice(-LIMITS.addressesPerArticle);
}

/** The archive time either side knows (the library's first); left out where neither record has the field, so old records stay as they were. */
function archiveTime(here: ArticleRecord, there: ArticleRecord): Pick<ArticleRecord, 'archivedAt'> {
  const known = here.archivedAt ?? there.archivedAt;
  if (known) return { archivedAt: known };
  return here.archivedAt === undefined && there.archivedAt === undefined ? {} : { archivedAt: null };
}

function sameArticle(a: ArticleRecord, b: ArticleRecord): boolean {
  return (
    a.url === b.url &&
    a.title === b.title &&
    a.source === b.source &&
    a.publishedAt === b.publishedAt &&
    a.archivedAt === b.archivedAt &&
    a.archivePath === b.archivePath &&
    a.annotatedAt === b.annotatedAt &&
    a.seenAt.length === b.seenAt.length &&
    a.seenAt.every((s, i) => s === b.seenAt[i])
  );
}
