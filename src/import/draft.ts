import * as v from 'valibot';
import { CONTEXT_LENGTH } from '../anchor/selectors';
import { articleIdFromUrl, parseHttpUrl } from '../model/article-id';
import type { Skipped, SkipReason } from '../store/merge';
import { describeIssues } from './schemas';
import { type AnnotationRecord, AnnotationRecordSchema, type Color, LIMITS, PARSER_VERSION } from '../annotation/records';
import { idFromUrn, stableUuid } from '../annotation/ids';

/**
 * One annotation of the file, read but not yet checked: what the W3C and the Hypothesis readers
 * both produce, so that one place decides ids, times, selectors and the article.
 */
export interface Draft {
  /** The id as the file gives it (absent in some W3C files). */
  fileId?: string;
  /** The page it is on, as the file names it; null when it names none. */
  source: string | null;
  /** Our own export's fields; null for another tool's annotation. */
  own: { articleId: string; color: Color; parserVersion: number } | null;
  quote: { exact: string; prefix?: string; suffix?: string };
  position: { start: number; end: number } | null;
  note: string;
  tags: string[];
  created?: string;
  modified?: string;
  title?: string;
  /** Who made it, where our own export names them. */
  creator?: string;
}

/** Where an annotation stands in the file, and the moment the import reads it. */
export interface ReadContext {
  /** 1-based place in the file, for messages. */
  index: number;
  /** Milliseconds since the epoch: times more than a day past this are refused. */
  now: number;
}

/** What an annotation tells of its article: enough to make a record when the file lists none. */
export interface ArticleHint {
  id: string;
  /** An http(s) address, or empty (our own annotation of an archive file without one). */
  url: string;
  title: string | null;
}

export type Outcome = { kind: 'record'; record: AnnotationRecord; article: ArticleHint } | { kind: 'skip'; skip: Skipped } | { kind: 'error'; error: string };

/**
 * An annotation without a time counts as the oldest: a copy in the library always wins over it,
 * and importing the file twice gives the same record.
 */
export const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';

/** How far ahead of the import a time may be (clocks disagree by hours, not by more than a day). */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export function errorAt(index: number, message: string): Outcome {
  return { kind: 'error', error: `annotation ${index}: ${message}` };
}

export function skip(id: string, reason: SkipReason, detail?: string): Outcome {
  return { kind: 'skip', skip: detail === undefined ? { id, reason } : { id, reason, detail } };
}

export function finishDraft(draft: Draft, { index, now }: ReadContext): Outcome {
  const shownId = draft.fileId ?? `#${index}`;
  const article = draft.own ? ownArticle(draft) : foreignArticle(draft);
  if ('skip' in article) return skip(shownId, article.skip, article.detail);

  const id = draft.own ? idFromUrn(draft.fileId) : foreignId(draft);
  if (!id) return errorAt(index, `id is not a urn:uuid: (${draft.fileId ?? 'none'})`);
  const created = draft.created === undefined ? UNKNOWN_TIME : importTime(draft.created);
  if (!created) return errorAt(index, `created is not a time (${draft.created})`);
  const modified = draft.modified === undefined ? created : importTime(draft.modified);
  if (!modified) return errorAt(index, `modified is not a time (${draft.modified})`);
  const latest = Date.parse(created) > Date.parse(modified) ? created : modified;
  if (Date.parse(latest) > now + FUTURE_TOLERANCE_MS) return skip(shownId, 'future-time', latest);

  const { exact } = draft.quote;
  if (exact.length > LIMITS.quote || draft.note.length > LIMITS.note) return skip(shownId, 'too-long');
  const record = buildRecord(draft, id, article.hint.id, created, modified);
  const checked = v.safeParse(AnnotationRecordSchema, record);
  if (!checked.success) return errorAt(index, describeIssues(checked.issues));
  return { kind: 'record', record: checked.output, article: article.hint };
}

function buildRecord(draft: Draft, id: string, articleId: string, created: string, modified: string): AnnotationRecord {
  const { exact } = draft.quote;
  // Our own context is kept as written; another tool's may be longer than we keep.
  const prefix = draft.own ? (draft.quote.prefix ?? '') : (draft.quote.prefix ?? '').slice(-CONTEXT_LENGTH);
  const suffix = draft.own ? (draft.quote.suffix ?? '') : (draft.quote.suffix ?? '').slice(0, CONTEXT_LENGTH);
  // Without a usable position the quote alone places the highlight: anchoring tries a position only
  // where the text there equals the quote, then searches the quote, so this placeholder misleads nothing.
  const usable = draft.position && draft.position.start < draft.position.end && draft.position.end <= LIMITS.offset;
  const position = usable ? draft.position! : { start: 0, end: exact.length };
  return {
    id,
    articleId,
    color: draft.own?.color ?? 'yellow',
    position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    parserVersion: draft.own?.parserVersion ?? PARSER_VERSION,
    note: draft.note,
    tags: draft.own ? draft.tags : foreignTags(draft.tags),
    created,
    modified,
    ...(draft.creator ? { creator: draft.creator } : {}),
  };
}

type ArticleOutcome = { hint: ArticleHint } | { skip: SkipReason; detail?: string };

/** Our own annotation names its article; its target's address stands in for the article's record if the file lists none. */
function ownArticle(draft: Draft): ArticleOutcome {
  const url = draft.source ? parseHttpUrl(draft.source) : null;
  const href = url && url.href.length <= LIMITS.address ? url.href : '';
  return { hint: { id: draft.own!.articleId, url: href, title: null } };
}

/** Another tool's annotation: its article is its page, which must be on the web. */
function foreignArticle(draft: Draft): ArticleOutcome {
  if (draft.source === null || !draft.source.trim()) return { skip: 'no-address' };
  const url = parseHttpUrl(draft.source);
  if (!url) return { skip: 'not-web-page', detail: draft.source.slice(0, 200) };
  const id = articleIdFromUrl(url);
  if (url.href.length > LIMITS.address || id.length > LIMITS.articleId) return { skip: 'too-long', detail: url.href.slice(0, 200) };
  const title = draft.title?.replace(/\s+/g, ' ').trim().slice(0, LIMITS.title) || null;
  return { hint: { id, url: url.href, title } };
}

/** Tags as another tool wrote them, trimmed, each once, cut to what the library keeps. */
function foreignTags(tags: string[]): string[] {
  const kept = new Set(tags.map((t) => t.trim().slice(0, LIMITS.tag).trim()).filter(Boolean));
  return [...kept].slice(0, LIMITS.tagsPerAnnotation);
}

/** A foreign urn:uuid: is kept; any other id, or none, gives a UUID computed from it. */
function foreignId(draft: Draft): string {
  return idFromUrn(draft.fileId) ?? stableUuid(draft.fileId ?? JSON.stringify([draft.source, draft.quote.exact, draft.quote.prefix, draft.quote.suffix, draft.note, draft.tags, draft.created]));
}

const LENIENT_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A time as the store keeps it: UTC, as toISOString writes it (the store compares times as strings,
 * so "+08:00" or a missing ".000" would sort wrong). Our own exports are in that form already and
 * import back exactly; Hypothesis's microseconds and "+00:00" become UTC.
 */
export function importTime(raw: string): string | null {
  if (v.safeParse(AnnotationRecordSchema.entries.created, raw).success) return new Date(Date.parse(raw)).toISOString();
  const m = LENIENT_TIME.exec(raw.trim());
  if (!m) return null;
  const zone = m[4]!.toUpperCase() === 'Z' ? 'Z' : m[4]!.includes(':') ? m[4] : `${m[4]!.slice(0, 3)}:${m[4]!.slice(3)}`;
  const fraction = m[3] ? `.${m[3].slice(0, 3).padEnd(3, '0')}` : '';
  const ms = Date.parse(`${m[1]}T${m[2]}${fraction}${zone}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
