import * as v from 'valibot';
import { SOURCES } from '../model/article';
import { COLORS } from '../store/records';

/** Everything that crosses between the extension's parts is checked against these; the types are inferred from them. */

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** ISO 8601 with a zone, as toISOString writes it: Date.parse alone would take "1" for a year. */
const isoTime = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/, 'not a time'), v.check((s) => !Number.isNaN(Date.parse(s)), 'not a time'));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));

export const ArticleSummarySchema = v.object({
  id: v.pipe(text(2048), v.minLength(1)),
  url: text(4096),
  title: text(4096),
  source: v.picklist([...SOURCES, 'other']),
  publishedAt: v.nullable(isoTime),
  archivedAt: v.optional(v.nullable(isoTime)),
  blockCount: offset,
  origin: v.picklist(['archive', 'page']),
});
export type ArticleSummary = v.InferOutput<typeof ArticleSummarySchema>;

export const AnnotationSchema = v.object({
  id: v.pipe(text(64), v.regex(/^[0-9a-f-]{8,64}$/i, 'not an id')),
  articleId: v.pipe(text(2048), v.minLength(1)),
  color: v.picklist(COLORS),
  position: v.pipe(
    v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
    v.check((p) => p.start < p.end, 'empty range'),
  ),
  quote: v.object({ type: v.literal('TextQuoteSelector'), exact: v.pipe(text(100_000), v.minLength(1)), prefix: text(64), suffix: text(64) }),
  parserVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  note: text(100_000),
  tags: v.pipe(v.array(v.pipe(text(100), v.minLength(1))), v.maxLength(100)),
  created: isoTime,
  modified: isoTime,
});

/** What opens the note editor: 128 random bits, in hex. */
export const NoteTokenSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, 'not a token'));

export const MessageSchema = v.variant('type', [
  // Detector on file:// pages → background: load the reader into this frame.
  v.strictObject({ type: v.literal('archive-detected') }),
  // Popup → page: which article do you show?
  v.strictObject({ type: v.literal('get-article') }),
  // Page → background: this page shows that article; the answer holds its highlights.
  // `again`: the same page loading its highlights anew (after a change elsewhere), not a new visit.
  v.strictObject({ type: v.literal('article-seen'), article: ArticleSummarySchema, again: v.optional(v.literal(true)) }),
  // Page → background: save (create or change) or delete a highlight of the page's article.
  v.strictObject({ type: v.literal('save-annotation'), annotation: AnnotationSchema }),
  v.strictObject({ type: v.literal('delete-annotation'), id: AnnotationSchema.entries.id, articleId: AnnotationSchema.entries.articleId }),
  // Background → page: the keyboard command or the context menu asks to highlight the selection.
  v.strictObject({ type: v.literal('highlight-selection') }),
  // Page → background: a one-time token that opens the note editor on this highlight of the page's article, in this tab.
  v.strictObject({ type: v.literal('note-token'), articleId: AnnotationSchema.entries.articleId, id: AnnotationSchema.entries.id }),
  // Note editor frame → background: the token it was opened with, once; the frame then edits that highlight only.
  v.strictObject({ type: v.literal('note-open'), token: NoteTokenSchema }),
  // Note editor frame → background: the highlight it edits.
  v.strictObject({ type: v.literal('get-annotation'), id: AnnotationSchema.entries.id }),
  // Note editor frame → background → its page: the note was saved, deleted or closed (never its text).
  v.strictObject({ type: v.literal('note-frame'), action: v.picklist(['saved', 'deleted', 'closed']), articleId: AnnotationSchema.entries.articleId }),
  // Page → background: which of its article's highlights could not be placed on this copy (the popup marks them).
  v.strictObject({ type: v.literal('placement'), articleId: AnnotationSchema.entries.articleId, orphans: v.pipe(v.array(AnnotationSchema.entries.id), v.maxLength(100_000)) }),
  // Popup or library page → background: open this highlight's article where it was last read, at the passage.
  v.strictObject({ type: v.literal('open-annotation'), id: AnnotationSchema.entries.id }),
  // Popup or library page → background: these articles' highlights changed (deleted, restored, imported).
  v.strictObject({ type: v.literal('library-changed'), articleIds: v.pipe(v.array(AnnotationSchema.entries.articleId), v.maxLength(100_000)) }),
  // Background → page: load this article's highlights again; or scroll to one and flash it.
  v.strictObject({ type: v.literal('annotations-changed'), articleId: AnnotationSchema.entries.articleId }),
  v.strictObject({ type: v.literal('reveal-annotation'), id: AnnotationSchema.entries.id }),
]);
export type Message = v.InferOutput<typeof MessageSchema>;
export type Annotation = v.InferOutput<typeof AnnotationSchema>;

export const ReplySchema = v.union([
  v.strictObject({
    ok: v.literal(true),
    article: v.optional(v.nullable(ArticleSummarySchema)),
    annotations: v.optional(v.array(AnnotationSchema)),
    /** With a page's highlights: the one to scroll to, when the reader opened the page from the popup. */
    reveal: v.optional(AnnotationSchema.entries.id),
  }),
  v.strictObject({ ok: v.literal(false), error: text(4096) }),
]);
export type Reply = v.InferOutput<typeof ReplySchema>;
