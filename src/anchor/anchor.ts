import { ContextScorer, prefixRun, suffixRun } from './context-score';
import { GRAM, GramIndex } from './gram-index';
import { matchKey, type MatchKey } from './match-key';
import { CONTEXT_LENGTH, type TextPositionSelector, type TextQuoteSelector } from './selectors';
import { windowedSearch } from './windowed-search';

export interface Anchored {
  start: number;
  end: number;
  /** How it was found: its old place, an exact occurrence of the quote, or a near one. */
  method: 'position' | 'quote' | 'fuzzy';
}

/** A quote this long or longer (see isOwnEvidence) may be placed without its context agreeing. */
const SELF_EVIDENT_LENGTH = 16;
/**
 * A long near match with at most this share of its characters changed is the passage itself, reworded;
 * one changed more could be a similar sentence (another quarter's figures): its context must agree too.
 */
const SELF_EVIDENT_ERRORS = 0.1;

/**
 * A long quote, found whole or changed by at most a tenth, is its own evidence: its context need not
 * agree. A shorter one, or one changed more, could be other words that happen to read alike, and is
 * placed only where its context agrees (contextOf).
 */
function isOwnEvidence(length: number, errors: number): boolean {
  return length >= SELF_EVIDENT_LENGTH && errors <= length * SELF_EVIDENT_ERRORS;
}

/** The most a near match may differ from the quote: a fifth of its length in errors (key units). */
const MAX_QUOTE_ERRORS = 0.2;
/**
 * A short quote (under SELF_EVIDENT_LENGTH) may differ by up to a third of its length when the text on
 * both sides of the candidate agrees closely with its stored context (each side to MIN_CLOSE_CONTEXT_SIDE,
 * allowing edits): one word inserted into a few words of a sentence that otherwise stands. Words that
 * are gone leave other text between their old neighbours, which differs from the quote by more.
 */
const MAX_SHORT_QUOTE_ERRORS_IN_CLOSE_CONTEXT = 1 / 3;
const MIN_CLOSE_CONTEXT_SIDE = 0.9;

/** The most errors a candidate may carry: within `closeContext` (see above), or without it. */
function maxErrors(length: number, closeContext: boolean): number {
  const plain = Math.floor(length * MAX_QUOTE_ERRORS);
  return closeContext && length < SELF_EVIDENT_LENGTH ? Math.max(plain, Math.floor(length * MAX_SHORT_QUOTE_ERRORS_IN_CLOSE_CONTEXT)) : plain;
}

/**
 * The floor for context, on either of two readings: the characters right beside the quote, exactly as
 * stored, make up half the context; or each side agrees to three quarters allowing edits. Similar
 * sentences elsewhere (the same figure in another quarter) reach neither; an edited sentence around
 * the highlight's own words reaches the second.
 */
const MIN_EXACT_CONTEXT = 0.5;
const MIN_EDITED_CONTEXT_SIDE = 0.75;

/**
 * How candidates that clear the floor are ranked: a weighted sum of the share of the quote kept (0 to 1),
 * the context's agreement (0 to 1) and nearness to the old place (0 to 1, over the text's length). The
 * quote weighs most; context nearly as much, so it tells apart two occurrences of the same words; nearness
 * only breaks ties between candidates that read alike.
 */
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 40;
const NEARNESS_WEIGHT = 2;

/**
 * The key folds letter case; a candidate whose letters, and those of the text beside it, have the case
 * of the stored quote, prefix and suffix gains up to this much (a third for each): less than one
 * character of context (CONTEXT_WEIGHT over the CONTEXT_LENGTH of a side), so it decides only between
 * candidates that read alike ("To annotate" and "to annotate").
 */
const CASE_WEIGHT = (0.8 * CONTEXT_WEIGHT) / CONTEXT_LENGTH;

/**
 * An empty stored side of context (a quote at the start or end of its text) agrees fully at that edge of
 * the text and half elsewhere, in the ranking; the floor reads it only at the edge (contextOf).
 */
const EMPTY_CONTEXT_AT_EDGE = 1;
const EMPTY_CONTEXT_ELSEWHERE = 0.5;

/**
 * How much text beside a candidate is read against a stored context of n key units: n, plus this share
 * of n and these few units, for words inserted beside the quote.
 */
const CONTEXT_SLACK_SHARE = 0.5;
const CONTEXT_SLACK_UNITS = 2;
const contextReach = (length: number) => length + Math.ceil(length * CONTEXT_SLACK_SHARE) + CONTEXT_SLACK_UNITS;

/**
 * Finds a highlight's words in (possibly changed) article text, in this order: its old position,
 * if the text there is still the quote; the exact occurrences of the quote, scored by context and
 * nearness to the old position; a near match (approx-string-match) within a fifth of the quote's
 * length in errors (a short quote: a third, where both sides of its context agree closely). Every
 * candidate must clear a minimum: a quote that is no longer in the text gives null (an orphan) rather
 * than other words.
 *
 * `matchers` keeps the matcher of the last text: placing many highlights on one article computes
 * that text's match key once. Pass a LastTextMatcher of your own to keep it apart from other callers.
 */
export function anchorQuote(text: string, quote: TextQuoteSelector, position?: TextPositionSelector, matchers: LastTextMatcher = lastText): Anchored | null {
  return matchers.for(text).anchor(quote, position);
}

/** Holds the Matcher of the last text asked for, and makes a new one when the text changes. */
export class LastTextMatcher {
  private last: Matcher | null = null;

  for(text: string): Matcher {
    if (this.last?.text !== text) this.last = new Matcher(text);
    return this.last;
  }

  clear(): void {
    this.last = null;
  }
}

/** anchorQuote's own: the pages place one article's highlights at a time. */
const lastText = new LastTextMatcher();

/** Anchors quotes in one text. It owns that text's match key (made on first need) and a context scorer. */
export class Matcher {
  readonly text: string;
  private textKey: MatchKey | null = null;
  private grams: GramIndex | null = null;
  private readonly scorer = new ContextScorer();

  constructor(text: string) {
    this.text = text;
  }

  private get haystack(): MatchKey {
    this.textKey ??= matchKey(this.text);
    return this.textKey;
  }

  /** See anchorQuote. */
  anchor(quote: TextQuoteSelector, position?: TextPositionSelector): Anchored | null {
    const text = this.text;
    if (!quote.exact) return null;
    if (position && text.slice(position.start, position.end) === quote.exact) return { start: position.start, end: position.end, method: 'position' };
    const asWritten = this.foundAsWritten(quote);
    if (asWritten) return asWritten;

    const haystack = this.haystack;
    const needle = matchKey(quote.exact).key;
    if (!needle) return null;
    const wanted: Wanted = {
      length: needle.length,
      prefix: matchKey(quote.prefix).key,
      suffix: matchKey(quote.suffix).key,
      cased: { exact: casedLetters(quote.exact), prefix: casedLetters(quote.prefix), suffix: casedLetters(quote.suffix), prefixLength: quote.prefix.length, suffixLength: quote.suffix.length },
      hint: position?.start ?? null,
      textLength: text.length,
    };

    const exact = this.bestCandidate(
      occurrences(haystack.key, needle).map((at) => ({ start: at, end: at + needle.length, errors: 0 })),
      wanted,
    );
    if (exact) return { ...toText(haystack, exact), method: 'quote' };
    const near = this.nearMatch(needle, wanted);
    return near ? { ...toText(haystack, near), method: 'fuzzy' } : null;
  }

  /**
   * A quote found as written needs no match key. A long one found once, beside its own prefix or
   * suffix, is its own evidence. Any quote found with its whole stored context as written on both sides
   * (an empty side only at that edge of the text) at one place only is taken there: the key's ranking
   * could give no other candidate more than that (the whole quote, the whole context, the stored case),
   * only as much, where the same words and context stand elsewhere in other white space or punctuation.
   * Two such places, or none: the key decides. (Without the context, the key may find the quote again
   * in another punctuation.)
   */
  private foundAsWritten(quote: TextQuoteSelector): Anchored | null {
    const { text } = this;
    const { exact, prefix, suffix } = quote;
    const whole = prefix + exact + suffix;
    const [at, other] = this.find(whole);
    if (at !== undefined && other === undefined && (prefix || at === 0) && (suffix || at + whole.length === text.length)) {
      return { start: at + prefix.length, end: at + prefix.length + exact.length, method: 'quote' };
    }
    if (!isOwnEvidence(exact.length, 0)) return null;
    const [first, second] = this.find(exact);
    if (first === undefined || second !== undefined) return null;
    const besideItsOwn = (prefix && text.endsWith(prefix, first)) || (suffix && text.startsWith(suffix, first + exact.length));
    return besideItsOwn ? { start: first, end: first + exact.length, method: 'quote' } : null;
  }

  /** The first two places where `needle` stands as written: through the text's gram index, made on first need. */
  private find(needle: string): number[] {
    if (needle.length < GRAM) {
      const first = this.text.indexOf(needle);
      const second = first < 0 ? -1 : this.text.indexOf(needle, first + 1);
      return [first, second].filter((at) => at >= 0);
    }
    this.grams ??= new GramIndex(this.text);
    return this.grams.find(needle, 2);
  }

  /** The best near match (some characters changed) that clears the floor, or null. */
  private nearMatch(needle: string, wanted: Wanted): Candidate | null {
    const haystack = this.haystack;
    const most = maxErrors(needle.length, true);
    if (most < 1) return null;
    // Edited text mostly keeps a passage near where it was: look there first. A match found there with
    // little changed (one character, or a tenth) is the passage; a long one changed more may be a similar
    // sentence that stayed while the passage moved: then everywhere, for a closer match (or, with
    // nothing nearby, for any).
    const local = wanted.hint === null ? null : this.searchIn(localReach(haystack, needle, keyIndexOf(haystack, wanted.hint)), needle, most, wanted);
    // (A short quote's match has cleared the context floor already: its own sentence, not a similar one.)
    const settled = local !== null && (wanted.length < SELF_EVIDENT_LENGTH || isOwnEvidence(wanted.length, local.errors));
    const fewerErrors = local ? local.errors - 1 : most;
    const anywhere = !settled && fewerErrors >= 0 ? this.searchIn({ from: 0, to: haystack.key.length }, needle, fewerErrors, wanted) : null;
    return anywhere ?? local;
  }

  /**
   * The best near match in key units [from, to) that clears the floor. The search reports only the
   * matches with the fewest errors: when the floor turns all of them down (an exact occurrence among
   * other words hides the edited passage beside its own context), those places are blanked out and the
   * search runs again, up to SEARCH_ROUNDS times.
   */
  private searchIn({ from, to }: { from: number; to: number }, needle: string, most: number, wanted: Wanted): Candidate | null {
    let key = this.haystack.key.slice(from, to);
    for (let round = 0; round < SEARCH_ROUNDS; round++) {
      const found = windowedSearch(key, needle, most);
      if (!found.length) return null;
      const candidates = found.map((m) => ({ start: m.start + from, end: m.end + from, errors: m.errors }));
      const best = this.bestCandidate(candidates, wanted) ?? this.bestCandidate(this.otherStarts(candidates, needle, most), wanted);
      // (Found with as many errors as allowed, they were all there are: no other round finds more.)
      if (best || found[0]!.errors >= most) return best;
      key = blankOut(key, found);
    }
    return null;
  }

  /**
   * A near match's start is one of several equally good: "释放长期资金" found in "释放大量长期资金" may start
   * at 释 (two inserted) or at 量 (one changed, one dropped). The search reports one; for a short quote
   * (whose context must then agree closely) each start within `most` of it that keeps the errors within
   * `most` is a candidate too, and the context decides. (Asked only when the reported ones fail.)
   */
  private otherStarts(candidates: Candidate[], needle: string, most: number): Candidate[] {
    if (needle.length >= SELF_EVIDENT_LENGTH || most < 1) return candidates;
    const key = this.haystack.key;
    const out: Candidate[] = [];
    const seen = new Set<number>(candidates.map((c) => c.start * (key.length + 1) + c.end));
    for (const candidate of candidates) {
      for (let start = Math.max(0, candidate.start - most); start <= candidate.start + most && start < candidate.end; start++) {
        const id = start * (key.length + 1) + candidate.end;
        if (seen.has(id)) continue;
        seen.add(id);
        const errors = editDistance(needle, key.slice(start, candidate.end));
        if (errors <= most) out.push({ start, end: candidate.end, errors });
      }
    }
    return out;
  }

  /** The best candidate that clears the minimum, or null. */
  private bestCandidate(candidates: Candidate[], wanted: Wanted): Candidate | null {
    // One whole occurrence of a long quote: nothing to weigh it against, and no floor its context must clear.
    if (candidates.length === 1 && candidates[0]!.errors === 0 && isOwnEvidence(wanted.length, 0)) return candidates[0]!;
    const haystack = this.haystack;
    let best: { candidate: Candidate; score: number } | null = null;
    for (const candidate of candidates) {
      if (candidate.errors > maxErrors(wanted.length, true)) continue;
      const { score: context, agrees, close } = this.contextOf(candidate, wanted);
      if (candidate.errors > maxErrors(wanted.length, close)) continue;
      if (!isOwnEvidence(wanted.length, candidate.errors) && !agrees) continue;
      const quoteSimilarity = 1 - candidate.errors / wanted.length;
      const textStart = haystack.from[candidate.start] ?? 0;
      const nearness = wanted.hint === null ? 0 : 1 - Math.min(1, Math.abs(textStart - wanted.hint) / Math.max(1, wanted.textLength));
      const score = quoteSimilarity * QUOTE_WEIGHT + context * CONTEXT_WEIGHT + nearness * NEARNESS_WEIGHT + this.sameCase(candidate, wanted) * CASE_WEIGHT;
      if (!best || score > best.score) best = { candidate, score };
    }
    return best?.candidate ?? null;
  }

  /** The share (0, 1/3, 2/3 or 1) of the quote, prefix and suffix whose letters have their stored case at a candidate. */
  private sameCase(candidate: Candidate, wanted: Wanted): number {
    const { exact, prefix, suffix, prefixLength, suffixLength } = wanted.cased;
    if (!exact && !prefix && !suffix) return 0;
    const start = this.haystack.from[candidate.start]!;
    const end = this.haystack.to[candidate.end - 1]!;
    const text = this.text;
    let parts = 0;
    if (exact && casedLetters(text.slice(start, end)) === exact) parts++;
    if (prefix && casedLetters(text.slice(Math.max(0, start - contextReach(prefixLength)), start)).endsWith(prefix)) parts++;
    if (suffix && casedLetters(text.slice(end, end + contextReach(suffixLength))).startsWith(suffix)) parts++;
    return parts / 3;
  }

  /**
   * How well the text around a candidate agrees with the stored prefix and suffix: `score` (0 to 1,
   * allowing edits: see context-score) ranks candidates; `agrees` is the floor (MIN_EXACT_CONTEXT or
   * MIN_EDITED_CONTEXT_SIDE); `close`, both sides agree closely (MIN_CLOSE_CONTEXT_SIDE).
   * A side with no stored context is met at the edge of the text (the quote was at its start or end);
   * elsewhere it says nothing, and the floor reads the side that exists. A selector with no context
   * at all (as other tools write them) has only the quote to go by: changed by more than a tenth, it
   * does not agree.
   */
  private contextOf(candidate: Candidate, wanted: Wanted): { score: number; agrees: boolean; close: boolean } {
    const haystack = this.haystack;
    const { prefix, suffix } = wanted;
    const before = haystack.key.slice(Math.max(0, candidate.start - contextReach(prefix.length)), candidate.start);
    const after = haystack.key.slice(candidate.end, candidate.end + contextReach(suffix.length));
    const atStart = candidate.start === 0;
    const atEnd = candidate.end === haystack.key.length;
    const edge = (at: boolean) => (at ? EMPTY_CONTEXT_AT_EDGE : EMPTY_CONTEXT_ELSEWHERE);
    const prefixEdited = prefix ? this.scorer.prefixAgreement(prefix, before) : edge(atStart);
    const suffixEdited = suffix ? this.scorer.suffixAgreement(suffix, after) : edge(atEnd);
    const score = (prefixEdited + suffixEdited) / 2;
    if (!prefix && !suffix) return { score, agrees: candidate.errors <= wanted.length * SELF_EVIDENT_ERRORS, close: false };
    // The sides the floor reads: a stored side, or an empty one at the edge of the text.
    const readPrefix = prefix !== '' || atStart;
    const readSuffix = suffix !== '' || atEnd;
    if (!readPrefix && !readSuffix) return { score, agrees: false, close: false };
    const prefixExact = prefix ? prefixRun(prefix, before) : EMPTY_CONTEXT_AT_EDGE;
    const suffixExact = suffix ? suffixRun(suffix, after) : EMPTY_CONTEXT_AT_EDGE;
    const exact = readPrefix && readSuffix ? (prefixExact + suffixExact) / 2 : readPrefix ? prefixExact : suffixExact;
    const leastEdited = readPrefix && readSuffix ? Math.min(prefixEdited, suffixEdited) : readPrefix ? prefixEdited : suffixEdited;
    return { score, agrees: exact >= MIN_EXACT_CONTEXT || leastEdited >= MIN_EDITED_CONTEXT_SIDE, close: readPrefix && readSuffix && leastEdited >= MIN_CLOSE_CONTEXT_SIDE };
  }
}

/** Levenshtein distance between two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), previous[j]! + 1, current[j - 1]! + 1);
    previous = current;
  }
  return previous[b.length]!;
}

/** The letters of a text that have a case, as written: what the match key's folding of case loses. */
function casedLetters(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Fast paths: ASCII letters; CJK punctuation, kana and ideographs, which have no case.
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) out += text[i];
      continue;
    }
    if (code >= 0x3000 && code <= 0x9fff) continue;
    const char = String.fromCodePoint(text.codePointAt(i)!);
    i += char.length - 1;
    if (char.toLowerCase() !== char.toUpperCase()) out += char;
  }
  return out;
}

/** What a candidate is measured against: the quote's key length, its context's keys, its old place. */
interface Wanted {
  length: number;
  prefix: string;
  suffix: string;
  /** The letters with a case (casedLetters) of the quote and its context, as stored: ties the key cannot break. */
  cased: { exact: string; prefix: string; suffix: string; prefixLength: number; suffixLength: number };
  hint: number | null;
  textLength: number;
}

/** How far around the old place the first, local search looks (key units, each side). */
const LOCAL_REACH = 1000;

/** Key units [from, to) within LOCAL_REACH of `around`. */
function localReach(haystack: MatchKey, needle: string, around: number): { from: number; to: number } {
  return { from: Math.max(0, around - LOCAL_REACH - needle.length), to: Math.min(haystack.key.length, around + LOCAL_REACH + needle.length) };
}

/** How many times a search runs again with the places it found and the floor turned down blanked out. */
const SEARCH_ROUNDS = 3;

/** The key with [start, end) of each match replaced by a unit that no quote's key holds. */
function blankOut(key: string, matches: readonly { start: number; end: number }[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of [...matches].sort((a, b) => a.start - b.start)) {
    if (end <= at) continue;
    const from = Math.max(at, start);
    parts.push(key.slice(at, from), '\0'.repeat(end - from));
    at = end;
  }
  parts.push(key.slice(at));
  return parts.join('');
}

/** The first key unit at or after a text offset. */
function keyIndexOf(haystack: MatchKey, textOffset: number): number {
  let low = 0;
  let high = haystack.from.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (haystack.from[middle]! < textOffset) low = middle + 1;
    else high = middle;
  }
  return low;
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

function toText(haystack: MatchKey, candidate: Candidate): { start: number; end: number } {
  return { start: haystack.from[candidate.start], end: haystack.to[candidate.end - 1] };
}
