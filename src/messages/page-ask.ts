import { askThrough } from './ask-through';
import { pageReply, refusal, type PageRequestType } from './page-guards';
import type { BackgroundType, ReplyTo } from './replies';

/**
 * askWith (replies.ts) for the scripts Pizhu puts into pages: the same answers and the same errors,
 * for the requests a page makes, checked by page-guards.ts instead of the schemas.
 */
export function pageAskWith(send: (message: unknown) => Promise<unknown>) {
  return askThrough<PageRequestType>(send, {
    refusal: (raw) => refusal(raw)?.error ?? null,
    reply: <T extends BackgroundType>(type: T, raw: unknown) => pageReply(type as PageRequestType, raw) as ReplyTo<T> | null,
  });
}
