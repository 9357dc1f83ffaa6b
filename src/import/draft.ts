import * as v from 'valibot';
import { CONTEXT_LENGTH } from '../anchor/selectors';
import { articleIdFromUrl, parseHttpUrl } from '../model/article-id';
import type { Skipped } from '../store/merge';
import { describeIssues, TextPositionSelectorSchema, TextQuoteSelectorSchema } from './schemas';
import { type AnnotationRecord, AnnotationRecordSchema, type Color, PARSER_VERSION } from '../annotation/records';
import { idFromUrn, stableUuid } from '../annotation/ids';

/**
 * One annotation of the file, read but not yet checked: what the W3C and the Hypothesis readers
 * both produce, so that one place decides ids, times, selectors and the article.
 */
export interface Draft {
  /** 1-based place in the file, for messages. */
  index: number;
  /** The id as the file gives it (absent in some W3C files). */
  fileId?: string;
  source: string;
  /** Our own export's fields; null for another tool's annotation. */
  own: { articleId: string; color: Color; parserVersion: number } | null;
  quote: { exact: string; prefix?: string; suffix?: string };
  position: { start: number; end: number } | null;
  note: string;
  tags: string[];
  created?: string;
  modified?: string;
  title?: string;
}

/** What a foreign annotation tells of its article. */
export interface ArticleHint {
  id: string;
  url: string;
  title: string | null;
}

export type Outcome =
  | { kind: 'record'; record: AnnotationRecord; article: ArticleHint | null }
  | { kind: 'skip'; skip: Skipped }
  | { kind: 'error'; error: string };

/**
 * An annotation without a time counts as the oldest: a copy in the library always wins over it,
 * and importing the file twice gives the same record.
 */
export const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';

export function errorAt(index: number, message: string): Outcome {
  return { kind: 'error', error: `annotation ${index}: ${message}` };
}

/** A target's quote and (optional) position selectors, checked; or why they are refused. */
export function readSelectors(selectors: readonly { type: string }[]): { quote: Draft['quote']; position: Draft['position'] } | { error: string } {
  const quote = v.safeParse(TextQuoteSelectorSchema, selectors.find((s) => s.type === 'TextQuoteSelector'));
  if (!quote.success) return { error: `TextQuoteSelector: ${describeIssues(quote.issues)}` };
  const rawPosition = selectors.find((s) => s.type === 'TextPositionSelector');
  const position = rawPosition ? v.safeParse(TextPositionSelectorSchema, rawPosition) : null;
  if (position && !position.success) return { error: `TextPositionSelector: ${describeIssues(position.issues)}` };
  return { quote: quote.output, position: position?.output ?? null };
}

export function finishDraft(draft: Draft): Outcome {
  const { index } = draft;
  let articleId: string;
  let article: ArticleHint | null = null;
  if (draft.own) articleId = draft.own.articleId;
  else {
    const url = parseHttpUrl(draft.source);
    if (!url) return { kind: 'skip', skip: { id: draft.fileId ?? `#${index}`, reason: 'not-web-page', detail: draft.source } };
    articleId = articleIdFromUrl(url);
    article = { id: articleId, url: url.href, title: draft.title?.trim() || null };
  }

  const id = draft.own ? idFromUrn(draft.fileId) : foreignId(draft);
  if (!id) return errorAt(index, `id is not a urn:uuid: (${draft.fileId ?? 'none'})`);
  const created = draft.created === undefined ? UNKNOWN_TIME : importTime(draft.created);
  if (!created) return errorAt(index, `created is not a time (${draft.created})`);
  const modified = draft.modified === undefined ? created : importTime(draft.modified);
  if (!modified) return errorAt(index, `modified is not a time (${draft.modified})`);

  const { exact } = draft.quote;
  // Our own context is kept as written; another tool's may be longer than we keep.
  const prefix = draft.own ? (draft.quote.prefix ?? '') : (draft.quote.prefix ?? '').slice(-CONTEXT_LENGTH);
  const suffix = draft.own ? (draft.quote.suffix ?? '') : (draft.quote.suffix ?? '').slice(0, CONTEXT_LENGTH);
  // Without a usable position the quote alone places the highlight: anchoring tries a position only
  // where the text there equals the quote, then searches the quote, so this placeholder misleads nothing.
  const position = draft.position && draft.position.start < draft.position.end ? draft.position : { start: 0, end: exact.length };
  const tags = draft.own ? draft.tags : draft.tags.map((t) => t.trim()).filter(Boolean);

  const record: AnnotationRecord = {
    id,
    articleId,
    color: draft.own?.color ?? 'yellow',
    position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    parserVersion: draft.own?.parserVersion ?? PARSER_VERSION,
    note: draft.note,
    tags,
    created,
    modified,
  };
  const checked = v.safeParse(AnnotationRecordSchema, record);
  if (!checked.success) return errorAt(index, describeIssues(checked.issues));
  return { kind: 'record', record, article };
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
