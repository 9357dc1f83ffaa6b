/*
 * Runs on every file:// page, so it costs next to nothing: no framework, no parser, no polyfill.
 * It looks for a plain-text view whose text starts with the archive header, and only then asks the
 * background to load the reader into this frame. On any other page it does nothing, and it never
 * throws into the page.
 */
import { looksLikeArchive } from '../src/parse/archive-header';
import { askThemeAhead } from './lib/theme-ahead';

interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> | undefined };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

(() => {
  try {
    if (!/^text\/(?!html)/.test(document.contentType)) return;
    const first = document.body?.querySelector(':scope > pre')?.firstChild;
    // Read only the start of the first text node: a large file is never copied just to be rejected.
    const head = first?.nodeType === Node.TEXT_NODE ? (first as Text).substringData(0, 4096) : '';
    if (!looksLikeArchive(head)) return;
    const api = ((globalThis as { browser?: RuntimeLike }).browser ?? (globalThis as { chrome?: RuntimeLike }).chrome) as RuntimeLike;
    // What the reader will wait for starts now: its theme here, the article's highlights in the background.
    askThemeAhead((key) => api.storage.local.get(key));
    const sent = api.runtime.sendMessage({ type: 'archive-detected', head });
    if (sent && typeof sent.catch === 'function') sent.catch(() => undefined);
  } catch {
    // A page that is not ours must not see our errors.
  }
})();
