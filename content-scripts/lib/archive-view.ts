import { looksLikeArchive } from '../../src/parse/archive-header';

/** The mark the reader puts on the page's root as it mounts (`data-pizhu-reader`): it mounts once, and the detector stays quiet where it runs. */
export const READER_MARK = 'pizhuReader';

/**
 * The browser's plain-text view of an archive file: its `<pre>` and the start of its text (the
 * header), or null on any other page. Only the start of the first text node is read: a large file is
 * never copied just to be rejected. The detector (every file:// page) and the reader (run on its own
 * where the address is an archive folder's, manifest.json, or in a folder kept for it) both ask it
 * first, and leave any other page alone.
 */
export function archiveView(): { pre: HTMLElement; head: string } | null {
  if (!/^text\/(?!html)/.test(document.contentType)) return null;
  const pre = document.body?.querySelector<HTMLElement>(':scope > pre');
  const first = pre?.firstChild;
  if (!pre || first?.nodeType !== Node.TEXT_NODE) return null;
  const head = (first as Text).substringData(0, 4096);
  return looksLikeArchive(head) ? { pre, head } : null;
}
