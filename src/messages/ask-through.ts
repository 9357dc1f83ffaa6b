import { BackgroundRefused, BackgroundUnreachable } from './errors';

/** How the answers are checked: by the schemas (replies.ts), or in a page by the hand-written guards (page-guards.ts). */
export interface ReplyCheck {
  /** The background's reason when it said no; null for any other answer. */
  refusal(raw: unknown): string | null;
  /** The reply, checked as what a message of `type` expects; null when it is not that. */
  reply(type: string, raw: unknown): unknown;
}

/**
 * Sends one message through `send` and checks the answer against what that message expects: it
 * resolves with the reply, or throws BackgroundRefused (the background said no) or
 * BackgroundUnreachable (no answer, or not one of ours). Every part of the extension asks this way;
 * the askers (replies.ts, page-ask.ts) give the reply its type.
 */
export function askThrough(send: (message: unknown) => Promise<unknown>, check: ReplyCheck) {
  return async function ask(message: { type: string }): Promise<unknown> {
    const { type } = message;
    let raw: unknown;
    try {
      raw = await send(message);
    } catch (error) {
      throw new BackgroundUnreachable(type, error instanceof Error ? error.message : String(error));
    }
    const refused = check.refusal(raw);
    if (refused !== null) throw new BackgroundRefused(type, refused);
    const reply = check.reply(type, raw);
    if (reply === null) throw new BackgroundUnreachable(type, raw === undefined ? 'no answer' : 'not a reply to this message');
    return reply;
  };
}
