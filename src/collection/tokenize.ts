import { foldForSearch } from '../search/fold';

/** Han characters, kana and hangul: runs of these are cut into overlapping pairs, as they have no spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
/** Latin words and numbers (after folding: lower case, half-width). */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The terms of a text for the full-text index: the text folded as the library search folds it
 * (Traditional to Simplified, full-width to half-width, lower case), each run of Chinese characters
 * as its overlapping character pairs and its last character, every other word whole. A phrase's
 * pairs are all in any text that holds the phrase, so AND over them finds it; one character is
 * found as the start of a pair (the index keeps each term's starts) or as the last of a run.
 */
export function searchTerms(text: string): string[] {
  const folded = foldForSearch(text);
  const terms: string[] = [];
  for (const [run] of folded.matchAll(CJK)) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
    // The last character alone: with the pairs it starts, a search for one character finds it anywhere.
    terms.push(chars.at(-1)!);
  }
  for (const [word] of folded.replace(CJK, ' ').matchAll(WORD)) terms.push(word);
  return terms;
}
