import search from 'approx-string-match';
import { matchKey, type MatchKey } from './match-key';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

export interface Anchored {
  start: number;
  end: number;
  /** How it was found: its old place, an exact occurrence of the quote, or a near one. */
  method: 'position' | 'quote' | 'fuzzy';
}

/** A quote this long or longer is its own evidence; a shorter one also needs its context to agree. */
const SELF_EVIDENT_LENGTH = 16;
/** The least share of the quote that a near match must keep (errors at most a fifth of its length). */
const MIN_QUOTE_SIMILARITY = 0.8;
/** The least agreement of the context a short quote needs: below it, the words are somewhere else's. */
const MIN_CONTEXT_SIMILARITY = 0.5;

/**
 * Finds a highlight's words in (possibly changed) article text, in this order: its old position,
 * if the text there is still the quote; the exact occurrences of the quote, scored by context and
 * nearness to the old position; a near match (approx-string-match) within a fifth of the quote's
 * length in errors. Every candidate must clear a minimum: a quote that is no longer in the text
 * gives null (an orphan) rather than other words.
 */
export function anchorQuote(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): Anchored | null {
  if (!quote.exact) return null;
  if (position && text.slice(position.start, position.end) === quote.exact) return { start: position.start, end: position.end, method: 'position' };

  const haystack = textKey(text);
  const needle = matchKey(quote.exact).key;
  if (!needle) return null;
  const hint = position?.start ?? null;

  const exact = bestCandidate(
    occurrences(haystack.key, needle).map((at) => ({ start: at, end: at + needle.length, errors: 0 })),
    haystack, needle.length, quote, hint, text.length,
  );
  if (exact) return { ...toText(haystack, exact), method: 'quote' };

  const maxErrors = Math.floor(needle.length * (1 - MIN_QUOTE_SIMILARITY));
  if (maxErrors < 1) return null;
  const near = bestCandidate(search(haystack.key, needle, maxErrors), haystack, needle.length, quote, hint, text.length);
  return near ? { ...toText(haystack, near), method: 'fuzzy' } : null;
}

/** The last text's key: placing many highlights on one article computes it once. */
let lastKey: { text: string; key: MatchKey } | null = null;
function textKey(text: string): MatchKey {
  if (lastKey?.text !== text) lastKey = { text, key: matchKey(text) };
  return lastKey.key;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

function occurrences(key: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = key.indexOf(needle); at >= 0; at = key.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** The best candidate that clears the minimum, or null. */
function bestCandidate(candidates: Candidate[], haystack: MatchKey, quoteLength: number, quote: TextQuoteSelector, hint: number | null, textLength: number): Candidate | null {
  let best: { candidate: Candidate; score: number } | null = null;
  for (const candidate of candidates) {
    const quoteSimilarity = 1 - candidate.errors / quoteLength;
    const context = contextSimilarity(haystack, candidate, quote);
    if (quoteSimilarity < MIN_QUOTE_SIMILARITY) continue;
    if (quoteLength < SELF_EVIDENT_LENGTH && context < MIN_CONTEXT_SIMILARITY) continue;
    const textStart = haystack.from[candidate.start] ?? 0;
    const nearness = hint === null ? 0 : 1 - Math.min(1, Math.abs(textStart - hint) / Math.max(1, textLength));
    const score = quoteSimilarity * 50 + context * 40 + nearness * 2;
    if (!best || score > best.score) best = { candidate, score };
  }
  return best?.candidate ?? null;
}

/** How well the text around a candidate agrees with the stored prefix and suffix, 0 to 1. */
function contextSimilarity(haystack: MatchKey, candidate: Candidate, quote: TextQuoteSelector): number {
  const prefix = matchKey(quote.prefix).key;
  const suffix = matchKey(quote.suffix).key;
  const before = haystack.key.slice(Math.max(0, candidate.start - prefix.length), candidate.start);
  const after = haystack.key.slice(candidate.end, candidate.end + suffix.length);
  // An empty stored context agrees with the start (or end) of the text, and half as well elsewhere.
  const prefixScore = prefix ? commonSuffix(prefix, before) / prefix.length : candidate.start === 0 ? 1 : 0.5;
  const suffixScore = suffix ? commonPrefix(suffix, after) / suffix.length : candidate.end === haystack.key.length ? 1 : 0.5;
  return (prefixScore + suffixScore) / 2;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function toText(haystack: MatchKey, candidate: Candidate): { start: number; end: number } {
  return { start: haystack.from[candidate.start], end: haystack.to[candidate.end - 1] };
}
