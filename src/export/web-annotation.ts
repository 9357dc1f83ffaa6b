import { articleArchivePath, isLocalAddress, webAddress } from '../annotation/archive-path';
import { stableUuid } from '../annotation/ids';
import type { LibraryData } from '../annotation/library-data';
import { annotationOrder, byId } from '../annotation/order';
import type { AnnotationRecord, ArticleRecord, Tombstone } from '../annotation/records';
import { ANNO_CONTEXT, PIZHU_CONTEXT, PIZHU_FORMAT_VERSION, PIZHU_KEYS, PIZHU_NAMESPACE } from '../annotation/web-annotation-terms';

/**
 * The library as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/).
 *
 * Form: one AnnotationCollection whose `first` is an embedded AnnotationPage holding every
 * annotation in `items`. The model puts annotations in pages only (a collection has no `items`),
 * and one embedded page is the simplest valid collection a single file can be.
 *
 * What the model has no word for (colour, parser version, the article's identity and metadata,
 * tombstones) is in `pizhu:` fields, so that importing an export gives back the library exactly.
 * Addresses on the reader's disk stay there: an article's `seenAt` lists its web addresses only,
 * and its archive copy is named by its place in the archive (`archivePath`:
 * `articles/reuters/1040207.md`); importing the file keeps the library's own full paths.
 * `pizhu:articles` and `pizhu:tombstones` are JSON literals (`@json`): linked-data readers keep them
 * whole instead of guessing what their keys mean.
 */

export interface WebAnnotationOptions {
  exported: Date;
  label?: string;
}

export function toWebAnnotationCollection(data: LibraryData, options: WebAnnotationOptions): object {
  const articles = [...data.articles].sort(byId);
  const byArticle = new Map(articles.map((a) => [a.id, a]));
  const items = [...data.annotations].sort(annotationOrder).map((a) => toW3cAnnotation(a, byArticle.get(a.articleId)));
  return collection(
    items,
    articles.map(articleJson),
    [...data.tombstones].sort(byId),
    items.map((a) => a.id),
    options,
  );
}

/**
 * The collection around its items and articles (whatever they are: the streaming export passes
 * placeholders), with ids made from the items' ids in order.
 */
export function collection(items: unknown[], articles: unknown[], tombstones: Tombstone[], itemIds: string[], options: WebAnnotationOptions): object {
  const created = options.exported.toISOString();
  // Deterministic ids: the same library exported at the same moment is the same file.
  const seed = `${created}\n${itemIds.join('\n')}`;
  return {
    '@context': [ANNO_CONTEXT, PIZHU_CONTEXT],
    id: `urn:uuid:${stableUuid(`collection\n${seed}`)}`,
    type: 'AnnotationCollection',
    label: options.label ?? 'Pizhu annotations',
    total: itemIds.length,
    created,
    [PIZHU_KEYS.formatVersion]: PIZHU_FORMAT_VERSION,
    first: { id: `urn:uuid:${stableUuid(`page\n${seed}`)}`, type: 'AnnotationPage', startIndex: 0, items },
    [PIZHU_KEYS.articles]: articles,
    [PIZHU_KEYS.tombstones]: tombstones.map(tombstoneJson),
  };
}

/** The export file's text: 2-space indented JSON, ending in a newline. */
export function webAnnotationJson(data: LibraryData, options: WebAnnotationOptions): string {
  return `${JSON.stringify(toWebAnnotationCollection(data, options), null, 2)}\n`;
}

export function toW3cAnnotation(a: AnnotationRecord, article: ArticleRecord | undefined) {
  const body = [
    ...(a.note ? [{ type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' }] : []),
    ...a.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
  ];
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.note ? 'commenting' : 'highlighting',
    // Who made it, where the library knows (a shared database's highlights): as the sync documents name them (src/sync/doc.ts).
    ...(a.creator ? { creator: { type: 'Person', name: a.creator } } : {}),
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

/** The article's URL, or a web address it was read at; an archive file without one has at least its id. */
function targetSource(article: ArticleRecord | undefined, articleId: string): string {
  const web = article && (webAddress(article) || article.seenAt.find((address) => !isLocalAddress(address)));
  return web || `${PIZHU_NAMESPACE}article/${encodeURIComponent(articleId)}`;
}

/** Fixed key order, whatever order the stored record has: the golden file depends on it. */
export function articleJson(a: ArticleRecord) {
  const archivePath = articleArchivePath(a);
  return {
    id: a.id,
    url: isLocalAddress(a.url) ? '' : a.url,
    title: a.title,
    source: a.source,
    publishedAt: a.publishedAt,
    ...(a.archivedAt !== undefined && { archivedAt: a.archivedAt }),
    seenAt: a.seenAt.filter((address) => !isLocalAddress(address)),
    ...(archivePath !== undefined && { archivePath }),
    annotatedAt: a.annotatedAt,
  };
}

function tombstoneJson(t: Tombstone) {
  return { id: t.id, articleId: t.articleId, deleted: t.deleted };
}
