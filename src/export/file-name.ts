import { localDay } from '../time/local-time';

/**
 * The name an export is saved under: `pizhu-YYYY-MM-DD.<ext>`, or `pizhu-<title>-YYYY-MM-DD.<ext>`
 * for one article. The date is the local calendar date of `date`: the day the reader sees on their
 * clock when exporting. The title loses what Windows, macOS or Linux forbid in a file name, and what
 * could disguise one (control and bidirectional marks), and is cut to 80 characters and 200 UTF-8
 * bytes, so the whole name stays under the 255 bytes file systems allow.
 */
export function exportFileName(ext: 'md' | 'json' | 'csv', options: { date: Date; articleTitle?: string }): string {
  const day = localDay(options.date);
  const title = options.articleTitle ? cleanTitle(options.articleTitle) : '';
  return title ? `pizhu-${title}-${day}.${ext}` : `pizhu-${day}.${ext}`;
}

const MAX_CHARS = 80;
const MAX_BYTES = 200;

/** Forbidden on Windows (<>:"/\|?*), control characters, and invisible marks that reorder or hide text. */
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Half a surrogate pair: no file system can encode it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanTitle(title: string): string {
  const plain = title.replace(LONE_SURROGATE, ' ').normalize('NFC').replace(ILLEGAL, ' ').replace(/\s+/g, ' ').trim();
  const encoder = new TextEncoder();
  let kept = '';
  let bytes = 0;
  let chars = 0;
  for (const ch of plain) {
    const size = encoder.encode(ch).length;
    if (chars + 1 > MAX_CHARS || bytes + size > MAX_BYTES) break;
    kept += ch;
    bytes += size;
    chars++;
  }
  // Windows drops trailing dots and spaces; a hyphen before the date would double up.
  return kept.replace(/[\s.-]+$/, '').replace(/^[\s.-]+/, '');
}
