import search, { type Match } from 'approx-string-match';

/**
 * approx-string-match's `search` (the matches with the fewest errors, at most `maxErrors`), with the
 * same answer, looked for only where a match can be: a match with at most k errors holds one of k + 1
 * pieces of the pattern as written (k errors cannot touch all k + 1), so the search runs only on
 * windows around the places where a piece stands. Each window reaches far enough beyond a match's
 * possible start and end that the errors at every end, and the start the search picks for it, are
 * those the whole text gives. Where the windows would cover much of the text, the whole is searched.
 */
export function windowedSearch(text: string, pattern: string, maxErrors: number, maxShare = 0.5): Match[] {
  const k = Math.min(maxErrors, pattern.length);
  const windows = k + 1 <= pattern.length ? pieceWindows(text, pattern, k, maxShare) : null;
  if (!windows) return search(text, pattern, maxErrors);
  let best: Match[] = [];
  for (const [from, to] of windows) {
    const found = search(text.slice(from, to), pattern, maxErrors);
    if (!found.length) continue;
    const errors = found[0]!.errors;
    if (best.length && errors > best[0]!.errors) continue;
    if (best.length && errors < best[0]!.errors) best = [];
    for (const m of found) best.push({ start: m.start + from, end: m.end + from, errors: m.errors });
  }
  return best;
}

/** Merged windows [from, to) around every place a piece stands, in text order; null when they would cover more than `maxShare` of the text. */
function pieceWindows(text: string, pattern: string, k: number, maxShare: number): [number, number][] | null {
  const reach = 2 * k + 2;
  const spans: [number, number][] = [];
  let covered = 0;
  for (let i = 0; i <= k; i++) {
    const offset = Math.floor((i * pattern.length) / (k + 1));
    const piece = pattern.slice(offset, Math.floor(((i + 1) * pattern.length) / (k + 1)));
    for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
      // The match holding this piece starts near at - offset and ends near at - offset + pattern.length.
      spans.push([Math.max(0, at - offset - reach), Math.min(text.length, at - offset + pattern.length + reach)]);
      covered += pattern.length + 2 * reach;
      if (covered > text.length * maxShare) return null;
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}
