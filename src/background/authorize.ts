import { pageMaySpeakFor } from '../annotation/site';
import type { Refusal } from '../messages/replies';
import type { AnnotationStore } from '../store/store';
import type { BackgroundPorts, Sender } from './ports';
import { noteFrameKey } from '../annotation/storage-keys';
import type { AnnotationRecord } from '../annotation/records';

/**
 * Who is speaking, as the browser reports the sender: the popup or the library page (this
 * extension's popup/ pages), the note editor (this extension's note/ page in a frame of a tab),
 * Pizhu's reader page (reader/, an archive article the reader opened through Pizhu: no page script
 * runs there, and it may show any article), or a page's content script (a tab's frame showing some other address).
 */
export type SenderKind = 'popup' | 'note' | 'reader' | 'page';

export interface Context {
  sender: Sender;
  kind: SenderKind;
  /** The sender's tab; -1 for the popup, which has none. */
  tabId: number;
  frameId: number;
  ports: BackgroundPorts;
}

export function senderKind(sender: Sender, ports: BackgroundPorts): SenderKind | null {
  const url = sender.url ?? '';
  if (url.startsWith(`${ports.ownOrigin}popup/`)) return 'popup';
  if (sender.tabId === undefined || sender.tabId < 0) return null;
  if (url.startsWith(`${ports.ownOrigin}note/`)) return 'note';
  if (url.startsWith(`${ports.ownOrigin}reader/`)) return 'reader';
  // Any other page of this extension (a tab of its own) speaks for no article.
  return url.startsWith(ports.ownOrigin) ? null : 'page';
}

/** A note editor frame's highlight: bound when the frame presented the one-time token issued for it. */
export interface NoteBinding {
  articleId: string;
  annotationId: string;
  /** The frame of the tab whose page asked for the token (where the article is shown). */
  pageFrameId: number;
}

export async function noteBinding(ctx: Context): Promise<NoteBinding | undefined> {
  return (await ctx.ports.session.get(noteFrameKey(ctx.tabId, ctx.frameId))) as NoteBinding | undefined;
}

export const refuse = (error: string): Refusal => ({ ok: false, error });
export const isRefusal = (value: unknown): value is Refusal => typeof value === 'object' && value !== null && (value as Refusal).ok === false;

export interface Authorized {
  store: AnnotationStore;
  /** The highlight as stored now, if it is. */
  old: AnnotationRecord | undefined;
  /** The article the tab's page shows, and that page's frame, for its badge and its news. */
  shown: { articleId: string; title: string } | undefined;
  pageFrameId: number;
}

/**
 * The one rule for touching a highlight (`annotationId`, or with null any of the article's) of
 * `articleId`. A page: its address is on the article's site (or a file:// page), and its frame
 * said it shows that article. The note editor: its frame was bound to that very highlight by a
 * token, and the highlight exists. Either way a highlight never moves to another article.
 */
export async function authorizeWrite(ctx: Context, articleId: string, annotationId: string | null): Promise<Authorized | Refusal> {
  let pageFrameId = ctx.frameId;
  if (ctx.kind === 'note') {
    const binding = await noteBinding(ctx);
    if (!binding || binding.articleId !== articleId || (annotationId !== null && binding.annotationId !== annotationId)) {
      return refuse('the note editor edits the highlight it was opened on only');
    }
    pageFrameId = binding.pageFrameId;
  } else if (ctx.kind === 'popup' || (ctx.kind === 'page' && !pageMaySpeakFor(ctx.sender.url, [articleId]))) {
    return refuse("a page writes highlights of its own site's articles only");
  }
  const shown = await ctx.ports.tabArticles.get(ctx.tabId, pageFrameId);
  if (ctx.kind !== 'note' && shown?.articleId !== articleId) return refuse('a page writes highlights of its own article only');
  const store = await ctx.ports.store();
  const old = annotationId === null ? undefined : await store.annotation(annotationId);
  if (old && old.articleId !== articleId) return refuse('a highlight stays with its article');
  if (ctx.kind === 'note' && annotationId !== null && !old) return refuse('the note editor edits highlights that exist');
  return { store, old, shown, pageFrameId };
}
