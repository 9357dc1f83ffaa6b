import * as v from 'valibot';
import { SOURCES } from '../model/article';
import { AnnotationIdSchema } from './ids';
import { isOpenableAddress } from './openable';
import { UtcTimeSchema } from './time';

/**
 * The library's records: articles, highlights and the tombstones of deleted highlights. Each is
 * one valibot schema with its type inferred from it, the one description the store, the messages,
 * import and export share: whatever enters the library from a page or a file passes it.
 */

export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type Color = (typeof COLORS)[number];

/** The parser version selectors are taken with: a later parser that changes the article text bumps it. */
export const PARSER_VERSION = 1;

/** Limits that keep one record from filling the store: every record from a page or a file is checked against them. */
export const LIMITS = {
  articleId: 2048,
  address: 4096,
  title: 4096,
  addressesPerArticle: 10_000,
  quote: 100_000,
  context: 64,
  note: 100_000,
  tag: 100,
  tagsPerAnnotation: 100,
  offset: 10_000_000,
  creator: 200,
} as const;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.offset));
/** An address the library may open later, or none (an archive file without its article's URL). */
const address = v.pipe(
  text(LIMITS.address),
  v.check((url) => url === '' || isOpenableAddress(url), 'not a web or file address'),
);

export const ArticleIdSchema = v.pipe(text(LIMITS.articleId), v.minLength(1));
export const ArticleSourceSchema = v.picklist([...SOURCES, 'other']);

export const TextPositionSelectorSchema = v.pipe(
  v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.check((p) => p.start < p.end, 'empty range'),
);
export const TextQuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(text(LIMITS.quote), v.minLength(1)),
  prefix: text(LIMITS.context),
  suffix: text(LIMITS.context),
});

/** A highlight, with its note and tags; selectors over the article text. */
export const AnnotationRecordSchema = v.object({
  id: AnnotationIdSchema,
  articleId: ArticleIdSchema,
  color: v.picklist(COLORS),
  position: TextPositionSelectorSchema,
  quote: TextQuoteSelectorSchema,
  /** The parser version the selectors were taken with. */
  parserVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  note: text(LIMITS.note),
  tags: v.pipe(v.array(v.pipe(text(LIMITS.tag), v.minLength(1))), v.maxLength(LIMITS.tagsPerAnnotation)),
  created: UtcTimeSchema,
  modified: UtcTimeSchema,
  /** Who made it, as their sync settings name them (a shared database); absent for this reader's own. */
  creator: v.optional(v.pipe(text(LIMITS.creator), v.minLength(1))),
});
export type AnnotationRecord = v.InferOutput<typeof AnnotationRecordSchema>;

/** An article as the store keeps it: the model's metadata and every address it was read at. */
export const ArticleRecordSchema = v.object({
  id: ArticleIdSchema,
  url: address,
  title: text(LIMITS.title),
  source: ArticleSourceSchema,
  publishedAt: v.nullable(UtcTimeSchema),
  /** When the archive copy was made (its first line), if one was read; absent in records from before it was kept. */
  archivedAt: v.optional(v.nullable(UtcTimeSchema)),
  /** Every address the article was seen at (archive files on disk, the live page, its later template), the latest last. */
  seenAt: v.pipe(v.array(address), v.maxLength(LIMITS.addressesPerArticle)),
  /**
   * The archive copy's place in the archive (`articles/reuters/1040207.md`), as an export names it
   * instead of the reader's full path; kept from an import, where the library has no file address of it.
   */
  archivePath: v.optional(v.pipe(text(LIMITS.address), v.minLength(1))),
  /** When a highlight of it was last made, changed or deleted; null before the first. */
  annotatedAt: v.nullable(UtcTimeSchema),
});
export type ArticleRecord = v.InferOutput<typeof ArticleRecordSchema>;

/** What is left of a deleted highlight: enough that no import or sync brings it back. */
export const TombstoneSchema = v.object({
  id: AnnotationIdSchema,
  articleId: ArticleIdSchema,
  deleted: UtcTimeSchema,
});
export type Tombstone = v.InferOutput<typeof TombstoneSchema>;
