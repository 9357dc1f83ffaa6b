import type { TextQuoteSelector } from '../anchor/selectors';
import { parseHttpUrl } from '../model/article-id';

/**
 * A link that opens the article at the highlighted passage: its http(s) URL with a text fragment
 * (`#:~:text=[prefix-,]start[,end][,-suffix]`, WICG Text Fragments), or null for an address a
 * browser cannot open from a note (file://, malformed).
 *
 * Browsers match a term's outer edges on word boundaries; Chinese has no spaces and a browser's
 * idea of a Chinese word is its own, so a prefix starts and a suffix ends only where punctuation,
 * white space or a block boundary makes the boundary certain, and is left out otherwise. A start
 * or end cut inside a long quote needs no boundary (the spec leaves those edges unbounded).
 */
export function passageLink(url: string, quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string | null {
  const parsed = parseHttpUrl(url);
  if (!parsed) return null;
  const base = parsed.href.split('#')[0];
  const directive = textDirective(quote);
  return directive ? `${base}#:~:${directive}` : base;
}

/** A quote this long or shorter (code points, on one line) is matched whole. */
const WHOLE = 24;
/** How much of a long quote the start and end terms keep: about ten Chinese characters. */
const EDGE = 10;
/** The most context a prefix or suffix keeps. */
const CONTEXT = 8;
/** selectors.ts keeps this much context; a shorter prefix or suffix reached the text's edge. */
const QUOTE_CONTEXT = 32;

/** `text=…` for the quote, or '' when it has no visible text. */
export function textDirective(quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): string {
  // Block boundaries are newlines in the article text; no term may cross one.
  const lines = quote.exact
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return '';
  const first = [...lines[0]];
  const last = [...lines[lines.length - 1]];
  let start: string;
  let end = '';
  if (lines.length === 1 && first.length <= WHOLE) {
    start = lines[0];
  } else {
    start = cutStart(first, EDGE).trimEnd();
    end = cutEnd(last, EDGE).trimStart();
  }
  const prefix = contextBefore(quote.prefix);
  const suffix = contextAfter(quote.suffix);
  const terms = [prefix && `${encodeTerm(prefix)}-`, encodeTerm(start), end && encodeTerm(end), suffix && `-${encodeTerm(suffix)}`];
  return `text=${terms.filter(Boolean).join(',')}`;
}

/** Percent-encoding for a term: `-`, `,` and `&` are the syntax's own; parentheses would end a Markdown link. */
export function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/[-!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const LATIN_WORD = /^[\p{Script=Latin}\p{Nd}]$/u;
const isLatinWord = (c: string | undefined) => c !== undefined && LATIN_WORD.test(c);

/** The first n code points, running on to the end of a Latin word rather than cutting it. */
function cutStart(cps: string[], n: number): string {
  let k = Math.min(n, cps.length);
  while (k < cps.length && isLatinWord(cps[k - 1]) && isLatinWord(cps[k])) k++;
  return cps.slice(0, k).join('');
}

/** The last n code points, reaching back to the start of a Latin word. */
function cutEnd(cps: string[], n: number): string {
  let k = Math.max(0, cps.length - n);
  while (k > 0 && isLatinWord(cps[k - 1]) && isLatinWord(cps[k])) k--;
  return cps.slice(k).join('');
}

/**
 * Where a word boundary is certain whatever the segmenter: white space, and punctuation other than
 * the ASCII marks that may sit inside a word or number ("3.5", "don't", "a_b").
 */
function isBreak(c: string | undefined): boolean {
  if (c === undefined) return false;
  if (/\s/u.test(c)) return true;
  if (c.charCodeAt(0) < 0x80) return /[!"#$%&()*+\-/;<=>?@[\\\]^`{|}~]/.test(c);
  return /[\p{P}\p{S}]/u.test(c);
}

/** A prefix of at most CONTEXT code points that starts on a certain word boundary, or ''. */
function contextBefore(prefix: string): string {
  const cut = prefix.lastIndexOf('\n');
  const atLineStart = cut >= 0 || prefix.length < QUOTE_CONTEXT;
  const cps = [...prefix.slice(cut + 1).trimEnd()];
  const from = Math.max(0, cps.length - CONTEXT);
  for (let i = from; i < cps.length; i++) {
    const safe = (i === 0 && atLineStart) || (i > 0 && (isBreak(cps[i - 1]) || isBreak(cps[i])));
    if (safe) {
      const text = cps.slice(i).join('').trim();
      if (text) return text;
    }
  }
  return '';
}

/** A suffix of at most CONTEXT code points that ends on a certain word boundary, or ''. */
function contextAfter(suffix: string): string {
  const cut = suffix.indexOf('\n');
  const atLineEnd = cut >= 0 || suffix.length < QUOTE_CONTEXT;
  const cps = [...(cut >= 0 ? suffix.slice(0, cut) : suffix).trimStart()];
  const to = Math.min(cps.length, CONTEXT);
  for (let j = to; j > 0; j--) {
    const safe = (j === cps.length && atLineEnd) || (j < cps.length && (isBreak(cps[j]) || isBreak(cps[j - 1])));
    if (safe) {
      const text = cps.slice(0, j).join('').trim();
      if (text) return text;
    }
  }
  return '';
}
