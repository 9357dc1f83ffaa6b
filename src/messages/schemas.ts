import * as v from 'valibot';
import { AnnotationIdSchema } from '../annotation/ids';
import { AnnotationRecordSchema, ArticleIdSchema, ArticleRecordSchema, LIMITS } from '../annotation/records';

/** Everything that crosses between the extension's parts is checked against these; the types are inferred from them. */

/** What a page reports of the article it shows: the record's facts, and how the page read it. */
export const ArticleSummarySchema = v.object({
  id: ArticleIdSchema,
  url: v.pipe(v.string(), v.maxLength(LIMITS.address)),
  title: ArticleRecordSchema.entries.title,
  source: ArticleRecordSchema.entries.source,
  publishedAt: ArticleRecordSchema.entries.publishedAt,
  archivedAt: ArticleRecordSchema.entries.archivedAt,
  blockCount: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.offset)),
  origin: v.picklist(['archive', 'page']),
});
export type ArticleSummary = v.InferOutput<typeof ArticleSummarySchema>;

/** What opens the note editor: 128 random bits, in hex. */
export const NoteTokenSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, 'not a token'));

export const MessageSchema = v.variant('type', [
  // Detector on file:// pages → background: load the reader into this frame. `head`: the file's start, as
  // the detector read it, from which the background reads the article's highlights ahead of the reader.
  v.strictObject({ type: v.literal('archive-detected'), head: v.optional(v.pipe(v.string(), v.maxLength(4096))) }),
  // Page script → background: run the highlighting bundle (content-scripts/highlights.js) in this frame; it comes after the article is shown.
  v.strictObject({ type: v.literal('load-highlighting') }),
  // Popup → page: which article do you show?
  v.strictObject({ type: v.literal('get-article') }),
  // Page → background: this page shows that article; the answer holds its highlights.
  // `again`: the same page loading its highlights anew (after a change elsewhere), not a new visit.
  v.strictObject({ type: v.literal('article-seen'), article: ArticleSummarySchema, again: v.optional(v.literal(true)) }),
  // Page → background: save (create or change) or delete a highlight of the page's article.
  v.strictObject({ type: v.literal('save-annotation'), annotation: AnnotationRecordSchema }),
  v.strictObject({ type: v.literal('delete-annotation'), id: AnnotationIdSchema, articleId: ArticleIdSchema }),
  // Page → background: bring back the highlight the page deleted moments ago (its undo).
  v.strictObject({ type: v.literal('undo-delete'), id: AnnotationIdSchema, articleId: ArticleIdSchema }),
  // Background → page: the keyboard command or the context menu asks to highlight the selection.
  v.strictObject({ type: v.literal('highlight-selection') }),
  // Page → background: a one-time token that opens the note editor on this highlight of the page's article, in this tab.
  v.strictObject({ type: v.literal('note-token'), articleId: ArticleIdSchema, id: AnnotationIdSchema }),
  // Note editor frame → background: the token it was opened with, once; the frame then edits that highlight only.
  v.strictObject({ type: v.literal('note-open'), token: NoteTokenSchema }),
  // Note editor frame → background: the highlight it edits.
  v.strictObject({ type: v.literal('get-annotation'), id: AnnotationIdSchema }),
  // Note editor frame → background → its page: the note was saved, deleted or closed (never its text);
  // or the editor asks for another height (`resize`, in a few steps of lines, so its size says little of the note).
  v.strictObject({
    type: v.literal('note-frame'),
    // kept: asked to close, the editor stays (what was typed could not be saved; it says why).
    action: v.picklist(['saved', 'deleted', 'closed', 'kept', 'resize']),
    articleId: ArticleIdSchema,
    height: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2000))),
  }),
  // Page → background: which of its article's highlights could not be placed on this copy (the popup marks them).
  v.strictObject({ type: v.literal('placement'), articleId: ArticleIdSchema, orphans: v.pipe(v.array(AnnotationIdSchema), v.maxLength(100_000)) }),
  // Popup or library page → background: open this highlight's article where it was last read, at the passage.
  v.strictObject({ type: v.literal('open-annotation'), id: AnnotationIdSchema }),
  // Popup or library page → background: these articles' highlights changed (deleted, restored, imported).
  v.strictObject({ type: v.literal('library-changed'), articleIds: v.pipe(v.array(ArticleIdSchema), v.maxLength(100_000)) }),
  // Background → page: load this article's highlights again; or scroll to one and flash it.
  v.strictObject({ type: v.literal('annotations-changed'), articleId: ArticleIdSchema }),
  v.strictObject({ type: v.literal('reveal-annotation'), id: AnnotationIdSchema }),
]);
export type Message = v.InferOutput<typeof MessageSchema>;

export const ReplySchema = v.union([
  v.strictObject({
    ok: v.literal(true),
    article: v.optional(v.nullable(ArticleSummarySchema)),
    annotations: v.optional(v.array(AnnotationRecordSchema)),
    /** With a page's highlights: the one to scroll to, when the reader opened the page from the popup. */
    reveal: v.optional(AnnotationIdSchema),
  }),
  v.strictObject({ ok: v.literal(false), error: v.pipe(v.string(), v.maxLength(4096)) }),
]);
export type Reply = v.InferOutput<typeof ReplySchema>;
