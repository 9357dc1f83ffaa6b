/*
 * Runs on every file:// page, so it costs next to nothing: no framework, no parser, no polyfill.
 * It looks for a plain-text view whose text starts with the archive header, and only then asks the
 * background to load the reader into this frame. On any other page it does nothing, and it never
 * throws into the page.
 */
import { looksLikeArchive } from '../src/parse/archive-header';

interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> | undefined };
}

(() => {
  try {
    if (!/^text\/(?!html)/.test(document.contentType)) return;
    const first = document.body?.querySelector(':scope > pre')?.firstChild;
    // Read only the start of the first text node: a large file is never copied just to be rejected.
    if (first?.nodeType !== Node.TEXT_NODE || !looksLikeArchive((first as Text).substringData(0, 4096))) return;
    const api = ((globalThis as { browser?: RuntimeLike }).browser ?? (globalThis as { chrome?: RuntimeLike }).chrome) as RuntimeLike;
    const sent = api.runtime.sendMessage({ type: 'archive-detected' });
    if (sent && typeof sent.catch === 'function') sent.catch(() => undefined);
  } catch {
    // A page that is not ours must not see our errors.
  }
})();
