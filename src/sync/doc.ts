import { shareableArticle } from '../annotation/archive-path';
import * as v from 'valibot';
import { idFromUrn } from '../annotation/ids';
import { type ArticleRecord, ArticleRecordSchema, TombstoneSchema } from '../annotation/records';
import { ANNO_CONTEXT, PIZHU_KEYS, PIZHU_NAMESPACE } from '../annotation/web-annotation-terms';
import { toW3cAnnotation } from '../export/web-annotation';
import { describeIssues } from '../import/schemas';
import { fromW3c } from '../import/w3c';
import type { Version } from '../store/merge';

/**
 * The documents a sync database holds, one per annotation and one per article:
 *
 * - an annotation: its W3C Web Annotation, as the JSON export writes it (`"type": "Annotation"`,
 *   `id` `urn:uuid:…`, TextQuote and TextPosition selectors, the note and tags as bodies, `pizhu:`
 *   colour, article id and parser version), `_id` its uuid, `creator` the name of whoever made it;
 * - a deleted annotation: `"type": "pizhu:Tombstone"`, the same `_id` and `id`, `pizhu:articleId`
 *   and `pizhu:deleted` (when): a document, not a CouchDB deletion, so "deleted stays deleted" replicates;
 * - an article: `"type": "pizhu:Article"`, `_id` `article:<article id>`, `pizhu:article` its record
 *   (title, addresses, times), so a browser joining the database can list what the highlights are in.
 *
 * Whatever comes back from a server is read as an import reads a file: with the library's own
 * schemas; anything else is refused with the reason and never written.
 */

export const TOMBSTONE_TYPE = 'pizhu:Tombstone';
export const ARTICLE_TYPE = 'pizhu:Article';
const DELETED_KEY = 'pizhu:deleted';
const ARTICLE_KEY = 'pizhu:article';
const ARTICLE_PREFIX = 'article:';
/** A document larger than this is no highlight of ours. */
export const MAX_DOC_CHARS = 1_000_000;

const DOC_CONTEXT = [ANNO_CONTEXT, { pizhu: PIZHU_NAMESPACE }];

/** One highlight's state: made (or changed), or deleted. */

/** A document read back: a highlight's version, an article, one to leave alone (a design document), or refused. */
export type ReadDoc =
  | { kind: 'version'; id: string; version: Version }
  | { kind: 'article'; id: string; article: ArticleRecord }
  | { kind: 'ignore'; id: string }
  | { kind: 'refused'; id: string; reason: string };

export type SyncDoc = { _id: string; [key: string]: unknown };

export function articleDocId(articleId: string): string {
  return `${ARTICLE_PREFIX}${articleId}`;
}

/** True for the id of an article's document (articleDocId). */
export const isArticleDocId = (docId: string): boolean => docId.startsWith(ARTICLE_PREFIX);

export function versionId(version: Version): string {
  return version.kind === 'annotation' ? version.record.id : version.tombstone.id;
}

export function versionArticle(version: Version): string {
  return version.kind === 'annotation' ? version.record.articleId : version.tombstone.articleId;
}

/** The document of a highlight's version; its article gives the W3C target's address. */
export function versionToDoc(version: Version, article: ArticleRecord | undefined): SyncDoc {
  if (version.kind === 'tombstone') {
    const t = version.tombstone;
    return { _id: t.id, '@context': DOC_CONTEXT, id: `urn:uuid:${t.id}`, type: TOMBSTONE_TYPE, [PIZHU_KEYS.articleId]: t.articleId, [DELETED_KEY]: t.deleted };
  }
  const a = version.record;
  return {
    _id: a.id,
    '@context': DOC_CONTEXT,
    // Its creator too (src/export/web-annotation.ts).
    ...toW3cAnnotation(a, article),
  };
}

export function articleToDoc(article: ArticleRecord): SyncDoc {
  // Never an address on this reader's disk: the archive copy goes by its place in the archive.
  const { id, url, title, source, publishedAt, archivedAt, seenAt, archivePath, annotatedAt } = shareableArticle(article);
  return {
    _id: articleDocId(id),
    type: ARTICLE_TYPE,
    [ARTICLE_KEY]: { id, url, title, source, publishedAt, ...(archivedAt !== undefined && { archivedAt }), seenAt: [...seenAt], ...(archivePath !== undefined && { archivePath }), annotatedAt },
  };
}

/** A document from the database, checked as an import checks a file. */
export function readDoc(raw: unknown): ReadDoc {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'refused', id: '?', reason: 'not an object' };
  const doc = raw as Record<string, unknown>;
  const id = typeof doc._id === 'string' ? doc._id : '?';
  if (id.startsWith('_design/') || id.startsWith('_local/')) return { kind: 'ignore', id };
  if (doc._deleted === true) return { kind: 'ignore', id };
  let size: number;
  try {
    size = JSON.stringify(doc).length;
  } catch {
    return { kind: 'refused', id, reason: 'not JSON' };
  }
  if (size > MAX_DOC_CHARS) return { kind: 'refused', id, reason: `too large (${size} characters)` };
  const refused = (reason: string): ReadDoc => ({ kind: 'refused', id, reason });

  if (doc.type === ARTICLE_TYPE) {
    const parsed = v.safeParse(ArticleRecordSchema, doc[ARTICLE_KEY]);
    if (!parsed.success) return refused(`article: ${describeIssues(parsed.issues)}`);
    if (articleDocId(parsed.output.id) !== id) return refused('the article id does not match the document id');
    return { kind: 'article', id, article: parsed.output };
  }
  if (doc.type === TOMBSTONE_TYPE) {
    const parsed = v.safeParse(TombstoneSchema, { id: idFromUrn(typeof doc.id === 'string' ? doc.id : undefined) ?? '', articleId: doc[PIZHU_KEYS.articleId], deleted: doc[DELETED_KEY] });
    if (!parsed.success) return refused(`tombstone: ${describeIssues(parsed.issues)}`);
    if (parsed.output.id !== id) return refused('the tombstone id does not match the document id');
    return { kind: 'version', id, version: { kind: 'tombstone', tombstone: parsed.output } };
  }
  if (doc.type === 'Annotation') {
    if (!(PIZHU_KEYS.articleId in doc)) return refused('an annotation without pizhu:articleId');
    const outcome = fromW3c(doc, { index: 1, now: Date.now() });
    if (outcome.kind === 'error') return refused(outcome.error.replace(/^annotation 1: /, ''));
    if (outcome.kind === 'skip') return refused(`skipped: ${outcome.skip.reason}`);
    if (outcome.record.id !== id) return refused('the annotation id does not match the document id');
    // Its creator is read and checked there, as in our own export (src/import/w3c.ts).
    return { kind: 'version', id, version: { kind: 'annotation', record: outcome.record } };
  }
  return refused(`unknown type ${JSON.stringify(doc.type)?.slice(0, 40)}`);
}
