import { BackgroundRefused, BackgroundUnreachable } from './errors';
import { pageReply, refusal, type PageRequestType } from './page-guards';
import type { BackgroundRequest, ReplyTo } from './replies';

/**
 * askWith (replies.ts) for the scripts Pizhu puts into pages: the same answers and the same errors,
 * for the requests a page makes, checked by page-guards.ts instead of the schemas.
 */
export function pageAskWith(send: (message: unknown) => Promise<unknown>) {
  return async function ask<M extends BackgroundRequest<PageRequestType>>(message: M): Promise<ReplyTo<M['type']>> {
    const type: M['type'] = message.type;
    let raw: unknown;
    try {
      raw = await send(message);
    } catch (error) {
      throw new BackgroundUnreachable(type, error instanceof Error ? error.message : String(error));
    }
    const refused = refusal(raw);
    if (refused) throw new BackgroundRefused(type, refused.error);
    const reply = pageReply(type, raw);
    if (!reply) throw new BackgroundUnreachable(type, raw === undefined ? 'no answer' : 'not a reply to this message');
    return reply;
  };
}
