/**
 * Characters that stay as they are in NFC whatever stands beside them, and that cleaning leaves
 * alone: printable ASCII and Latin-1, dashes, quotes and ellipses, CJK punctuation, kana, CJK
 * ideographs, fullwidth forms (clean-text.test.ts holds each to the engine's Unicode data).
 */
export const PLAIN_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa1, 0xff],
  [0x2010, 0x2027],
  [0x3001, 0x3029],
  [0x3030, 0x303f],
  [0x3041, 0x3096],
  [0x309b, 0x30ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xff01, 0xff64],
];
const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
/** What composing or cleaning may change: a character outside the plain ones, a space at an end or beside another. */
const NOT_PLAIN = new RegExp(`[^${PLAIN_RANGES.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]| {2}|^ | $`);

/** What the passes of cleanText change: a zero-width space or BOM, white space other than a single space between words. */
const NEEDS_CLEANING = /[\u200b\ufeff]|[^\S ]| {2}|^ | $/;

/**
 * Text as a reader sees it: composed to NFC (a decomposed accent, a + U+0300, equals its composed
 * form), zero-width spaces and BOMs gone, white space collapsed to one space and trimmed. A run made
 * only of ideographic spaces (U+3000) stays one ideographic space: in Chinese typesetting it is a
 * deliberate wide gap.
 *
 * Two implementations of one definition: `cleanText` with regular expressions (fast: the parse
 * command runs it on every block), `cleanTracked` character by character with a map back to the raw
 * text. Property tests hold their texts equal on any input, so the model's text and the text the
 * offset maps produce cannot disagree.
 */
export function cleanText(raw: string): string {
  // Nearly every text node and paragraph: one test, without composing.
  if (!NOT_PLAIN.test(raw)) return raw;
  const composed = compose(raw, false).text;
  // Most text nodes and paragraphs are clean once composed: one test instead of three passes.
  if (!NEEDS_CLEANING.test(composed)) return composed;
  // The same result as clean(raw, false) (a property test holds them equal), without a loop per character.
  // A white-space run with any other space in it becomes one space; a run of ideographic spaces only,
  // one of those. Runs of one plain space, the commonest, are not touched (nor backtracked over).
  return composed
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/\s{2,}|[^\S \u3000]/g, (run) => (/[^\S\u3000]/.test(run) ? ' ' : '\u3000'))
    .trim();
}

/** Cleaned text, and for each of its UTF-16 units the raw units [from[i], to[i]) it came from. */
export interface TrackedText {
  text: string;
  from: Int32Array;
  to: Int32Array;
}

/** True when cleaning leaves `raw` as it is, each unit its own (the reader view's own text, nearly every paragraph). */
export function isPlain(raw: string): boolean {
  return !NOT_PLAIN.test(raw);
}

export function cleanTracked(raw: string): TrackedText {
  // Text that cleaning leaves as it is: each unit its own.
  if (isPlain(raw)) {
    const units = new Int32Array(raw.length + 1);
    for (let i = 1; i <= raw.length; i++) units[i] = i;
    return { text: raw, from: units.subarray(0, raw.length), to: units.subarray(1) };
  }
  return clean(raw) as TrackedText;
}

const IDEOGRAPHIC_SPACE = '\u3000';

/** What `\s` matches in JavaScript, by code unit (a regular expression per character is slow). */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x1680) return code === 0xa0;
  return code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The cleaning, character by character, recording where each character came from. */
function clean(raw: string): TrackedText {
  const composed = compose(raw, true);
  const source = composed.text;
  let text = '';
  const from = new Int32Array(source.length);
  const to = new Int32Array(source.length);
  const push = (char: string, i: number) => {
    from[text.length] = composed.from ? composed.from[i] : i;
    to[text.length] = composed.to ? composed.to[i] : i + 1;
    text += char;
  };
  // A white-space run is written once when text follows it: an ideographic space where the run is
  // only those, else a space standing for the run's first other white space (so the DOM reads the same).
  let runStart = -1;
  let runPlain = -1;
  let runIdeographic = true;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x200b || code === 0xfeff) continue;
    if (isSpace(code)) {
      if (runStart < 0) {
        runStart = i;
        runPlain = -1;
        runIdeographic = true;
      }
      if (code !== 0x3000) {
        runIdeographic = false;
        if (runPlain < 0) runPlain = i;
      }
      continue;
    }
    const char = source[i];
    if (runStart >= 0) {
      if (text.length) push(runIdeographic ? IDEOGRAPHIC_SPACE : ' ', runIdeographic ? runStart : runPlain);
      runStart = -1;
    }
    push(char, i);
  }
  return { text, from: from.subarray(0, text.length), to: to.subarray(0, text.length) };
}

/**
 * What NFC may compose into fewer units: a run of conjoining Hangul jamo (leading, vowel, trailing),
 * or a base character with the combining marks after it.
 */
const CLUSTER = /[\u1100-\u115f\ua960-\ua97c]+[\u1160-\u11a7\ud7b0-\ud7c6]*[\u11a8-\u11ff\ud7cb-\ud7fb]*\p{M}*|\P{M}\p{M}*|\p{M}+/gsu;

/**
 * NFC, cluster by cluster, so each composed unit knows which raw units it replaced. Text that is
 * already NFC (nearly all of it) takes the fast path with no map at all.
 */
function compose(raw: string, track: boolean): { text: string; from?: Int32Array; to?: Int32Array } {
  if (raw.normalize('NFC') === raw) return { text: raw };
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (const match of raw.matchAll(CLUSTER)) {
    const cluster = match[0];
    const start = match.index;
    const nfc = cluster.normalize('NFC');
    if (track) {
      for (let k = 0; k < nfc.length; k++) {
        const same = nfc === cluster;
        from.push(same ? start + k : start);
        to.push(same ? start + k + 1 : start + cluster.length);
      }
    }
    text += nfc;
  }
  return track ? { text, from: Int32Array.from(from), to: Int32Array.from(to) } : { text };
}
