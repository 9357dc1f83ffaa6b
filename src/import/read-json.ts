/**
 * The largest file an import reads: our own export of 100,000 highlights (bench/import.ts) is about
 * 130 MB of UTF-8, and one of twice that is still read.
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * The file's text as JSON, or a sentence a reader understands. The size is checked first (the
 * popup should check File.size before reading, too); a cut-off file, the commonest damage, is
 * named as such whatever the browser's own wording.
 */
export function readJson(text: string): JsonResult {
  // A string's length is at most its UTF-8 size, so this refuses nothing the byte limit would take.
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: `the file is too large (${megabytes(text.length)} MB; at most ${megabytes(MAX_IMPORT_BYTES)} MB)` };
  const body = text.replace(/^\uFEFF/, '');
  // (A test, not trim(): trimming copies the whole text, a hundred megabytes at 100,000 highlights.)
  if (!/\S/.test(body)) return { ok: false, error: 'the file is empty' };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    if (endsTooEarly(body)) return { ok: false, error: 'the file is not JSON (it ends too early: was it cut off?)' };
    const where = errorPlace(body, error instanceof Error ? error.message : String(error));
    return { ok: false, error: `the file is not JSON (${where ?? 'it is malformed'})` };
  }
}

function megabytes(n: number): string {
  return (n / 1024 / 1024).toFixed(n < 1024 * 1024 * 10 ? 1 : 0);
}

/** True when the text stops inside a string or with brackets still open. */
function endsTooEarly(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return inString || depth > 0;
}

/** "line 3, column 5" from V8's "at position N" or Firefox's "at line L column C". */
function errorPlace(text: string, message: string): string | null {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message);
  if (!position) return null;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}
