/*
 * The peer: how the Hypothesis client anchors a stored quote, re-implemented here over a plain string
 * so that it runs on exactly the same text and selectors as ours.
 *
 * Read from the Hypothesis client's source (BSD-2-Clause):
 *  - hypothesis/client src/annotator/anchoring/match-quote.ts (commit 751012ad): `search` tries every exact
 *    occurrence first and only without one asks approx-string-match (the same package, the same major
 *    version) with maxErrors = min(256, quote.length / 2); every candidate is scored
 *    50·quote + 20·prefix + 20·suffix + 2·position, where the prefix and suffix scores are themselves
 *    approximate matches of the stored context against the text beside the candidate, and the position
 *    score is 1 − |start − hint| / text length; the best score wins, whatever it is (no floor).
 *  - hypothesis/client src/annotator/anchoring/html.ts (commit d883b0b0): `anchor` tries the selectors
 *    from simple to complex: the TextPositionSelector, kept only if the text there is still the quote,
 *    then the TextQuoteSelector with the position's start as the hint.
 * What the client does in the DOM around this (textContent of the root for each quote, walking text
 * nodes to turn offsets into a Range) is left out: here both sides get the article text as a string.
 */
import approxSearch, { type Match } from 'approx-string-match';

interface Context {
  prefix?: string;
  suffix?: string;
  hint?: number;
}

/** Exact occurrences if there are any, else approximate matches within maxErrors (match-quote.ts `search`). */
function search(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) exact.push({ start: at, end: at + pattern.length, errors: 0 });
  return exact.length ? exact : approxSearch(text, pattern, maxErrors);
}

/** 0..1: how closely `pattern` occurs in `text` (match-quote.ts `textMatchScore`). */
function similarity(text: string, pattern: string): number {
  if (!pattern.length || !text.length) return 0;
  const found = search(text, pattern, pattern.length);
  return 1 - found[0].errors / pattern.length;
}

/** The best-scored match of `quote` in `text`, or null when there is no candidate at all (match-quote.ts `matchQuote`). */
export function matchQuote(text: string, quote: string, context: Context = {}): { start: number; end: number; score: number } | null {
  if (!quote.length) return null;
  const candidates = search(text, quote, Math.min(256, quote.length / 2));
  if (!candidates.length) return null;
  let best: { start: number; end: number; score: number } | null = null;
  for (const m of candidates) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix ? similarity(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const suffixScore = context.suffix ? similarity(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const posScore = typeof context.hint === 'number' ? 1 - Math.abs(m.start - context.hint) / text.length : 1;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    // The client sorts by score, descending, and takes the first: a stable sort keeps the earliest of equals.
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}

/** The client's order of selectors (html.ts `anchor`): the position if the quote still stands there, else the quote near it. */
export function hypothesisAnchor(text: string, quote: { exact: string; prefix?: string; suffix?: string }, position?: { start: number; end: number }): { start: number; end: number } | null {
  if (position && text.slice(position.start, position.end) === quote.exact) return { start: position.start, end: position.end };
  const found = matchQuote(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start });
  return found && { start: found.start, end: found.end };
}
