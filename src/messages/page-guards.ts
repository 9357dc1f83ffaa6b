import type { AnnotationRecord } from '../annotation/records';
import type { Refusal, ReplyTo } from './replies';
import type { Message } from './schemas';

/**
 * The checks a page makes of what it receives (the background's messages and its replies), written
 * out by hand: the scripts Pizhu puts into pages carry no schema library (bench/README.md, page
 * cost). Each accepts and refuses exactly what its valibot schema in schemas.ts, replies.ts and
 * src/annotation does, and returns the same output (unknown fields of a record dropped, ids in lower
 * case, times as toISOString writes them): page-guards.test.ts holds them to that. Anything else
 * than what they check (the background's side, the popup, imports) keeps the schemas.
 */

type Obj = Record<string, unknown>;
/** Null for a refused value; checks return it so that one refusal ends the whole check. */
const NO = null;

const isObject = (value: unknown): value is Obj => !!value && typeof value === 'object';
const text = (value: unknown, max: number, min = 0): value is string => typeof value === 'string' && value.length <= max && value.length >= min;
const integer = (value: unknown, min: number, max = Number.POSITIVE_INFINITY): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** valibot's strictObject: no key but these, own or inherited and enumerable. */
function onlyKeys(value: Obj, keys: readonly string[]): boolean {
  for (const key in value) if (!keys.includes(key)) return false;
  return true;
}

/** The same limits as LIMITS in src/annotation/records.ts. */
const MAX = { articleId: 2048, quote: 100_000, context: 64, note: 100_000, tag: 100, tags: 100, offset: 10_000_000, creator: 200, error: 4096 } as const;

const ID = /^[0-9a-f-]{8,64}$/i;
/** AnnotationIdSchema: the id in lower case, or null. */
export function annotationId(value: unknown): string | null {
  return text(value, 64) && ID.test(value) ? value.toLowerCase() : NO;
}

const articleId = (value: unknown): value is string => text(value, MAX.articleId, 1);

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** UtcTimeSchema: the time as toISOString writes it, or null. */
function utcTime(value: unknown): string | null {
  if (typeof value !== 'string' || !TIME.test(value)) return NO;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? NO : new Date(ms).toISOString();
}

const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'];
const offset = (value: unknown) => integer(value, 0, MAX.offset);

function position(value: unknown): AnnotationRecord['position'] | null {
  if (!isObject(value) || value.type !== 'TextPositionSelector' || !offset(value.start) || !offset(value.end) || value.start >= value.end) return NO;
  return { type: 'TextPositionSelector', start: value.start, end: value.end };
}

function quote(value: unknown): AnnotationRecord['quote'] | null {
  if (!isObject(value) || value.type !== 'TextQuoteSelector') return NO;
  const { exact, prefix, suffix } = value;
  if (!text(exact, MAX.quote, 1) || !text(prefix, MAX.context) || !text(suffix, MAX.context)) return NO;
  return { type: 'TextQuoteSelector', exact, prefix, suffix };
}

const tags = (value: unknown): value is string[] => Array.isArray(value) && value.length <= MAX.tags && value.every((tag) => text(tag, MAX.tag, 1));

/** AnnotationRecordSchema (an object: fields it does not know are dropped), or null. */
export function annotationRecord(value: unknown): AnnotationRecord | null {
  if (!isObject(value)) return NO;
  const id = annotationId(value.id);
  const pos = position(value.position);
  const q = quote(value.quote);
  const created = utcTime(value.created);
  const modified = utcTime(value.modified);
  const { articleId: article, color, parserVersion, note } = value;
  if (id === NO || !articleId(article) || !COLORS.includes(color as string) || !pos || !q || !integer(parserVersion, 1)) return NO;
  if (!text(note, MAX.note) || !tags(value.tags) || created === NO || modified === NO) return NO;
  const record = { id, articleId: article, color: color as AnnotationRecord['color'], position: pos, quote: q, parserVersion, note, tags: [...value.tags], created, modified };
  if (!('creator' in value)) return record;
  const { creator } = value;
  return creator === undefined || text(creator, MAX.creator, 1) ? { ...record, creator } : NO;
}

/** The messages a page hears (the popup's question, the background's news); the others are no page's. */
export type PageMessage = Extract<Message, { type: 'get-article' | 'highlight-selection' | 'reveal-annotation' | 'annotations-changed' | 'note-frame' }>;

const NOTE_ACTIONS = ['saved', 'deleted', 'closed', 'kept', 'resize'];

/** The popup's `get-article`, the one message a page script that shows an article hears: as parsePageMessage reads it, without the rest of its reading. */
export function isGetArticle(value: unknown): boolean {
  return isObject(value) && value.type === 'get-article' && onlyKeys(value, ['type']);
}

/** MessageSchema, for the messages a page hears: the message, or null for anything else (another message too). */
export function parsePageMessage(value: unknown): PageMessage | null {
  if (!isObject(value)) return NO;
  const { type } = value;
  if (type === 'get-article' || type === 'highlight-selection') return onlyKeys(value, ['type']) ? { type } : NO;
  if (type === 'reveal-annotation') {
    const id = annotationId(value.id);
    return id !== NO && onlyKeys(value, ['type', 'id']) ? { type, id } : NO;
  }
  if (type === 'annotations-changed') return articleId(value.articleId) && onlyKeys(value, ['type', 'articleId']) ? { type, articleId: value.articleId } : NO;
  if (type !== 'note-frame' || !onlyKeys(value, ['type', 'action', 'articleId', 'height'])) return NO;
  const { action, height } = value;
  if (!NOTE_ACTIONS.includes(action as string) || !articleId(value.articleId)) return NO;
  const message = { type: 'note-frame' as const, action: action as 'saved', articleId: value.articleId };
  if (!('height' in value)) return message;
  return height === undefined || integer(height, 0, 2000) ? { ...message, height } : NO;
}

/** The requests a page makes of the background. */
export type PageRequestType = 'article-seen' | 'placement' | 'save-annotation' | 'undo-delete' | 'note-token' | 'load-highlighting';

/** RefusalSchema: the background's words, or null. */
export function refusal(value: unknown): Refusal | null {
  return isObject(value) && value.ok === false && text(value.error, MAX.error) && onlyKeys(value, ['ok', 'error']) ? { ok: false, error: value.error } : NO;
}

const TOKEN = /^[0-9a-f]{32}$/;

/** REPLY_SCHEMAS[type] for the page's requests: the reply, or null when it is not one to that request. */
export function pageReply<T extends PageRequestType>(type: T, value: unknown): ReplyTo<T> | null {
  if (!isObject(value) || value.ok !== true) return NO;
  if (type === 'note-token') return typeof value.token === 'string' && TOKEN.test(value.token) && onlyKeys(value, ['ok', 'token']) ? ({ ok: true, token: value.token } as ReplyTo<T>) : NO;
  if (type !== 'article-seen') return onlyKeys(value, ['ok']) ? ({ ok: true } as ReplyTo<T>) : NO;
  if (!onlyKeys(value, ['ok', 'annotations', 'reveal']) || !Array.isArray(value.annotations)) return NO;
  const annotations: AnnotationRecord[] = [];
  for (const item of value.annotations) {
    const record = annotationRecord(item);
    if (!record) return NO;
    annotations.push(record);
  }
  if (!('reveal' in value)) return { ok: true, annotations } as ReplyTo<T>;
  const reveal = value.reveal === undefined ? undefined : annotationId(value.reveal);
  return reveal === NO ? NO : ({ ok: true, annotations, reveal } as ReplyTo<T>);
}
