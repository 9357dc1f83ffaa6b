import * as v from 'valibot';
import { AnnotationIdSchema } from '../annotation/ids';
import { AnnotationRecordSchema } from '../annotation/records';
import { NoteTokenSchema, type Message } from './schemas';
import { askThrough } from './ask-through';

export { BackgroundRefused, BackgroundUnreachable } from './errors';

/**
 * What the background answers each message it hears, checked on arrival by `ask` (lib/ask.ts): a
 * reply that is not exactly what its message expects is no answer at all. A refusal is one shape
 * for every message.
 */

const Done = v.strictObject({ ok: v.literal(true) });
const OneAnnotation = v.strictObject({ ok: v.literal(true), annotation: AnnotationRecordSchema });

export const REPLY_SCHEMAS = {
  'archive-detected': Done,
  'load-highlighting': Done,
  // The article's highlights; with them, the one to scroll to when the reader opened the page from the popup.
  'article-seen': v.strictObject({ ok: v.literal(true), annotations: v.array(AnnotationRecordSchema), reveal: v.optional(AnnotationIdSchema) }),
  placement: Done,
  'save-annotation': Done,
  'delete-annotation': Done,
  'undo-delete': Done,
  'note-token': v.strictObject({ ok: v.literal(true), token: NoteTokenSchema }),
  'note-open': OneAnnotation,
  'get-annotation': OneAnnotation,
  'note-frame': Done,
  'open-annotation': Done,
  'library-changed': Done,
} satisfies Record<string, v.GenericSchema>;

export const RefusalSchema = v.strictObject({ ok: v.literal(false), error: v.pipe(v.string(), v.maxLength(4096)) });
export type Refusal = v.InferOutput<typeof RefusalSchema>;

/** The messages the background answers. */
export type BackgroundType = keyof typeof REPLY_SCHEMAS;
type MessageByType = { [M in Message as M['type']]: M };
export type BackgroundRequest<T extends BackgroundType = BackgroundType> = MessageByType[T];
/** The background's answer to a message of type T, when it does what was asked. */
export type ReplyTo<T extends BackgroundType> = v.InferOutput<(typeof REPLY_SCHEMAS)[T]>;

export const isBackgroundRequest = (message: Message): message is BackgroundRequest => Object.hasOwn(REPLY_SCHEMAS, message.type);

/** askThrough (ask-through.ts) with every reply checked against its schema: the background, extension pages. */
export function askWith(send: (message: unknown) => Promise<unknown>) {
  const ask = askThrough(send, {
    refusal: (raw) => {
      const refused = v.safeParse(RefusalSchema, raw);
      return refused.success ? refused.output.error : null;
    },
    reply: (type, raw) => {
      const reply = v.safeParse(REPLY_SCHEMAS[type as BackgroundType] as v.GenericSchema, raw);
      return reply.success ? reply.output : null;
    },
  });
  return <M extends BackgroundRequest>(message: M) => ask(message) as Promise<ReplyTo<M['type']>>;
}
