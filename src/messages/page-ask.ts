import { askThrough } from './ask-through';
import { pageReply, refusal, type PageRequestType } from './page-guards';
import type { BackgroundRequest, ReplyTo } from './replies';

/**
 * askWith (replies.ts) for the scripts Pizhu puts into pages: the same answers and the same errors,
 * for the requests a page makes, checked by page-guards.ts instead of the schemas.
 */
export function pageAskWith(send: (message: unknown) => Promise<unknown>) {
  const ask = askThrough(send, {
    refusal: (raw) => refusal(raw)?.error ?? null,
    reply: (type, raw) => pageReply(type as PageRequestType, raw),
  });
  return <M extends BackgroundRequest<PageRequestType>>(message: M) => ask(message) as Promise<ReplyTo<M['type']>>;
}
