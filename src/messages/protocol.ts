import * as v from 'valibot';
import { MessageSchema, ReplySchema, type Message, type Reply } from './schemas';

export type { ArticleSummary, Message, Reply } from './schemas';
export { summarize } from './summary';

/**
 * Checks what arrives: messages cross from web pages' content scripts, so nothing is trusted
 * by its type annotation. Returns null for anything that is not exactly one of our messages.
 */
export function parseMessage(value: unknown): Message | null {
  const result = v.safeParse(MessageSchema, value);
  return result.success ? result.output : null;
}

/** Replies are checked too: a popup must not render whatever a page's script answered. */
export function parseReply(value: unknown): Reply | null {
  const result = v.safeParse(ReplySchema, value);
  return result.success ? result.output : null;
}
