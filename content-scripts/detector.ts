/*
 * Runs on every file:// page (but those an archive folder's address names, where the reader runs
 * itself: manifest.json), so it costs next to nothing: no framework, no parser, no polyfill.
 * It looks for a plain-text view whose text starts with the archive header, and only then asks the
 * background to load the reader into this frame. On any other page it does nothing, and it never
 * throws into the page.
 */
import { archiveView } from './lib/archive-view';
import { askThemeAhead } from './lib/theme-ahead';

interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> | undefined };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

(() => {
  try {
    const view = archiveView();
    if (!view) return;
    const api = ((globalThis as { browser?: RuntimeLike }).browser ?? (globalThis as { chrome?: RuntimeLike }).chrome) as RuntimeLike;
    // What the reader will wait for starts now: its theme here, the article's highlights in the background.
    askThemeAhead((key) => api.storage.local.get(key));
    const sent = api.runtime.sendMessage({ type: 'archive-detected', head: view.head });
    if (sent && typeof sent.catch === 'function') sent.catch(() => undefined);
  } catch {
    // A page that is not ours must not see our errors.
  }
})();
