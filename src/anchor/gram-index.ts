/**
 * Where each run of GRAM units of one text starts, hashed: finds every occurrence of a string of GRAM
 * units or more by walking one short chain instead of scanning the whole text. Built once per text
 * (one pass, two typed arrays); a matcher asks it for each quote of the text's highlights.
 */
export const GRAM = 4;

export class GramIndex {
  private readonly heads: Int32Array;
  /** For each start, the next start (higher) in the same bucket, or -1. */
  private readonly next: Int32Array;
  private readonly mask: number;

  constructor(private readonly text: string) {
    let size = 1024;
    while (size < text.length) size *= 2;
    this.mask = size - 1;
    this.heads = new Int32Array(size).fill(-1);
    this.next = new Int32Array(Math.max(0, text.length - GRAM + 1));
    // From the end: each bucket's chain comes out in text order.
    for (let at = text.length - GRAM; at >= 0; at--) {
      const h = this.hash(text, at);
      this.next[at] = this.heads[h]!;
      this.heads[h] = at;
    }
  }

  private hash(s: string, at: number): number {
    let h = 0;
    for (let i = 0; i < GRAM; i++) h = Math.imul(h ^ s.charCodeAt(at + i), 0x9e3779b1);
    return (h >>> 16) & this.mask;
  }

  /** The first `most` places where `needle` (GRAM units or more) stands, in text order. */
  find(needle: string, most: number): number[] {
    const found: number[] = [];
    if (needle.length < GRAM) throw new RangeError(`a needle of ${GRAM} units or more`);
    for (let at = this.heads[this.hash(needle, 0)]!; at >= 0 && found.length < most; at = this.next[at]!) {
      if (this.text.startsWith(needle, at)) found.push(at);
    }
    return found;
  }
}
