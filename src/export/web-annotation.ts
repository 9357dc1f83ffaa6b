import { stableUuid } from '../import/stable-uuid';
import { inTextOrder, type AnnotationRecord, type ArticleRecord, type Tombstone } from '../store/records';
import type { LibraryData } from './library-data';

/**
 * The library as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/).
 *
 * Form: one AnnotationCollection whose `first` is an embedded AnnotationPage holding every
 * annotation in `items`. The model puts annotations in pages only (a collection has no `items`),
 * and one embedded page is the simplest valid collection a single file can be.
 *
 * What the model has no word for (colour, parser version, the article's identity and metadata,
 * tombstones) is in `pizhu:` fields, so that importing an export gives back the library exactly.
 * `pizhu:articles` and `pizhu:tombstones` are JSON literals (`@json`): linked-data readers keep them
 * whole instead of guessing what their keys mean.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The pizhu: vocabulary. We own no domain: `.invalid` is reserved never to resolve, so the IRI only names. */
export const PIZHU_NAMESPACE = 'https://pizhu.invalid/ns#';
/** Bumped when the meaning of a pizhu: field changes. */
export const PIZHU_FORMAT_VERSION = 1;

export const PIZHU_KEYS = {
  formatVersion: 'pizhu:formatVersion',
  articles: 'pizhu:articles',
  tombstones: 'pizhu:tombstones',
  articleId: 'pizhu:articleId',
  color: 'pizhu:color',
  parserVersion: 'pizhu:parserVersion',
} as const;

export const PIZHU_CONTEXT = {
  '@version': 1.1,
  pizhu: PIZHU_NAMESPACE,
  [PIZHU_KEYS.articles]: { '@type': '@json' },
  [PIZHU_KEYS.tombstones]: { '@type': '@json' },
};

export interface WebAnnotationOptions {
  exported: Date;
  label?: string;
}

export function toWebAnnotationCollection(data: LibraryData, options: WebAnnotationOptions): object {
  const articles = [...data.articles].sort(byId);
  const byArticle = new Map(articles.map((a) => [a.id, a]));
  const items = [...data.annotations].sort(annotationOrder).map((a) => toAnnotation(a, byArticle.get(a.articleId)));
  const created = options.exported.toISOString();
  // Deterministic ids: the same library exported at the same moment is the same file.
  const seed = `${created}\n${items.map((a) => a.id).join('\n')}`;
  return {
    '@context': [ANNO_CONTEXT, PIZHU_CONTEXT],
    id: `urn:uuid:${stableUuid(`collection\n${seed}`)}`,
    type: 'AnnotationCollection',
    label: options.label ?? 'Pizhu annotations',
    total: items.length,
    created,
    [PIZHU_KEYS.formatVersion]: PIZHU_FORMAT_VERSION,
    first: { id: `urn:uuid:${stableUuid(`page\n${seed}`)}`, type: 'AnnotationPage', startIndex: 0, items },
    [PIZHU_KEYS.articles]: articles.map(articleJson),
    [PIZHU_KEYS.tombstones]: [...data.tombstones].sort(byId).map(tombstoneJson),
  };
}

/** The export file's text: 2-space indented JSON, ending in a newline. */
export function webAnnotationJson(data: LibraryData, options: WebAnnotationOptions): string {
  return `${JSON.stringify(toWebAnnotationCollection(data, options), null, 2)}\n`;
}

function toAnnotation(a: AnnotationRecord, article: ArticleRecord | undefined) {
  const body = [
    ...(a.note ? [{ type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' }] : []),
    ...a.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
  ];
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.note ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.modified,
    ...(body.length ? { body } : {}),
    target: {
      source: targetSource(article, a.articleId),
      selector: [
        { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
        { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
      ],
    },
    [PIZHU_KEYS.articleId]: a.articleId,
    [PIZHU_KEYS.color]: a.color,
    [PIZHU_KEYS.parserVersion]: a.parserVersion,
  };
}

/** The article's URL; an archive file without one has only where it was read, or at least its id. */
function targetSource(article: ArticleRecord | undefined, articleId: string): string {
  return article?.url || article?.seenAt[0] || `${PIZHU_NAMESPACE}article/${encodeURIComponent(articleId)}`;
}

/** Fixed key order, whatever order the stored record has: the golden file depends on it. */
function articleJson(a: ArticleRecord) {
  return { id: a.id, url: a.url, title: a.title, source: a.source, publishedAt: a.publishedAt, ...(a.archivedAt !== undefined && { archivedAt: a.archivedAt }), seenAt: [...a.seenAt], annotatedAt: a.annotatedAt };
}

function tombstoneJson(t: Tombstone) {
  return { id: t.id, articleId: t.articleId, deleted: t.deleted };
}

/** Code-unit order, never the locale's: the file must not depend on the machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byId(a: { id: string }, b: { id: string }): number {
  return compare(a.id, b.id);
}

/** By article, then where the highlight stands in its text, then id. */
export function annotationOrder(a: AnnotationRecord, b: AnnotationRecord): number {
  return compare(a.articleId, b.articleId) || inTextOrder(a, b) || compare(a.id, b.id);
}
