/*
 * Runs on every file:// page (but those an archive folder's address names, where the reader runs
 * itself: manifest.json), so it costs next to nothing: no framework, no parser, no polyfill.
 * It looks for a plain-text view whose text starts with the archive header, and only then asks the
 * background to load the reader into this frame. On any other page it does nothing, and it never
 * throws into the page. In a folder the background keeps for the reader (src/background/reader-folders.ts)
 * the browser runs the reader itself; Chrome runs it after this script, in the same task, so this
 * script looks a task later and finds the reader's mark. Where a browser runs it later still, the
 * reader is asked for again and, marked, does not mount twice.
 */
import { archiveView, READER_MARK } from './lib/archive-view';

interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> | undefined };
}

setTimeout(() => {
  try {
    if (document.documentElement.dataset?.[READER_MARK]) return;
    const view = archiveView();
    if (!view) return;
    const api = ((globalThis as { browser?: RuntimeLike }).browser ?? (globalThis as { chrome?: RuntimeLike }).chrome) as RuntimeLike;
    // The file's start goes with it: the background reads the article's highlights while it injects the reader.
    const sent = api.runtime.sendMessage({ type: 'archive-detected', head: view.head });
    if (sent && typeof sent.catch === 'function') sent.catch(() => undefined);
  } catch {
    // A page that is not ours must not see our errors.
  }
});
