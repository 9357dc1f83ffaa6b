import type { ReplyTo, Refusal } from '../messages/replies';
import { authorizeWrite, isRefusal, refuse, type Context, type NoteBinding } from './authorize';
import { noteFrameKey, noteTokenKey } from '../annotation/storage-keys';

/**
 * The note editor is a page of this extension that any web page could frame itself, with any
 * address. So it edits nothing until it presents a token: one the background issued, moments
 * before, to the content script of the same tab, for one highlight of the article that tab shows.
 * The token works once; the frame that presents it is bound to that highlight, and every later
 * message from that frame is checked against the binding (authorizeWrite).
 */

/** How long a token waits for its frame to load. */
const TOKEN_LIFETIME_MS = 60_000;

interface Grant extends NoteBinding {
  issued: number;
}

/** 128 random bits, in hex (NoteTokenSchema). */
function newToken(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A page asks to open the note editor on one of its article's highlights. */
export async function issueNoteToken(message: { articleId: string; id: string }, ctx: Context): Promise<ReplyTo<'note-token'> | Refusal> {
  const authorized = await authorizeWrite(ctx, message.articleId, message.id);
  if (isRefusal(authorized)) return authorized;
  if (!authorized.old) return refuse('no such highlight');
  const token = newToken();
  const grant: Grant = { articleId: message.articleId, annotationId: message.id, pageFrameId: ctx.frameId, issued: Date.parse(ctx.ports.now()) };
  await ctx.ports.session.set(noteTokenKey(ctx.tabId, token), grant);
  return { ok: true, token };
}

/** Keys being taken right now: two frames presenting one token at once get it once. */
const taking = new Set<string>();

async function takeGrant(ctx: Context, token: string): Promise<Grant | undefined> {
  const key = noteTokenKey(ctx.tabId, token);
  if (taking.has(key)) return undefined;
  taking.add(key);
  try {
    const grant = (await ctx.ports.session.get(key)) as Grant | undefined;
    if (grant) await ctx.ports.session.remove(key);
    return grant;
  } finally {
    taking.delete(key);
  }
}

/** The note editor frame presents its token: it is bound to that highlight, and gets it. */
export async function openNote(message: { token: string }, ctx: Context): Promise<ReplyTo<'note-open'> | Refusal> {
  const frameKey = noteFrameKey(ctx.tabId, ctx.frameId);
  // Whatever this frame was bound to before, it is not any more: a frame that presents a bad token edits nothing.
  await ctx.ports.session.remove(frameKey);
  const grant = await takeGrant(ctx, message.token);
  if (!grant || Date.parse(ctx.ports.now()) - grant.issued > TOKEN_LIFETIME_MS) return refuse('this note editor was not opened by Pizhu');
  const binding: NoteBinding = { articleId: grant.articleId, annotationId: grant.annotationId, pageFrameId: grant.pageFrameId };
  // The tab's page still shows the article, and the highlight is still of it.
  const shown = await ctx.ports.tabArticles.get(ctx.tabId, grant.pageFrameId);
  if (shown?.articleId !== grant.articleId) return refuse('the page shows another article now');
  await ctx.ports.session.set(frameKey, binding);
  const authorized = await authorizeWrite(ctx, grant.articleId, grant.annotationId);
  if (isRefusal(authorized) || !authorized.old) {
    await ctx.ports.session.remove(frameKey);
    return isRefusal(authorized) ? authorized : refuse('no such highlight');
  }
  return { ok: true, annotation: authorized.old };
}
