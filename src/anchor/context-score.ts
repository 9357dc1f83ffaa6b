/**
 * How well the text beside a candidate agrees with a stored prefix or suffix, 0 to 1: one minus the
 * edit distance over the context's length. Approximate, as the Hypothesis client scores context, so
 * one edited character beside a quote costs one character of agreement, not the whole side.
 */

/** The share of `prefix` that `window` ends with, character for character: strict, for the floor. */
export function prefixRun(prefix: string, window: string): number {
  let n = 0;
  while (n < prefix.length && n < window.length && prefix[prefix.length - 1 - n] === window[window.length - 1 - n]) n++;
  return prefix.length ? n / prefix.length : 1;
}

/** The share of `suffix` that `window` starts with, character for character. */
export function suffixRun(suffix: string, window: string): number {
  let n = 0;
  while (n < suffix.length && n < window.length && suffix[n] === window[n]) n++;
  return suffix.length ? n / suffix.length : 1;
}

/**
 * Scores context agreement with two rows of the edit-distance table that it owns and reuses: contexts
 * are a few dozen units, and a matcher scores every candidate of every quote. One per matcher; not shared.
 */
export class ContextScorer {
  private previous = new Int32Array(64);
  private current = new Int32Array(64);

  /** Agreement of `prefix` with the text that ends where `window` ends (insertions and deletions allowed). */
  prefixAgreement(prefix: string, window: string): number {
    return this.agreement(prefix, window, true);
  }

  /** Agreement of `suffix` with the text that starts where `window` starts. */
  suffixAgreement(suffix: string, window: string): number {
    return this.agreement(suffix, window, false);
  }

  /**
   * 1 - min over k of distance(pattern, the text's first k units) / pattern.length: the pattern aligns
   * from the text's start (from its end, `backwards`), its other end is free.
   */
  private agreement(pattern: string, text: string, backwards: boolean): number {
    const m = pattern.length;
    if (!m) return 1;
    if (this.previous.length <= m) {
      this.previous = new Int32Array(m + 1);
      this.current = new Int32Array(m + 1);
    }
    let previous = this.previous;
    let current = this.current;
    const p = (i: number) => (backwards ? pattern.charCodeAt(m - i) : pattern.charCodeAt(i - 1));
    for (let i = 0; i <= m; i++) previous[i] = i;
    let best = m;
    for (let j = 1; j <= text.length; j++) {
      const t = backwards ? text.charCodeAt(text.length - j) : text.charCodeAt(j - 1);
      current[0] = j;
      for (let i = 1; i <= m; i++) {
        const diagonal = previous[i - 1]! + (p(i) === t ? 0 : 1);
        current[i] = Math.min(diagonal, previous[i]! + 1, current[i - 1]! + 1);
      }
      if (current[m]! < best) best = current[m]!;
      [previous, current] = [current, previous];
    }
    return 1 - best / m;
  }
}

/** Agreement of `prefix` with the text that ends where `window` ends: one call, its own rows. */
export function prefixAgreement(prefix: string, window: string): number {
  return new ContextScorer().prefixAgreement(prefix, window);
}

/** Agreement of `suffix` with the text that starts where `window` starts: one call, its own rows. */
export function suffixAgreement(suffix: string, window: string): number {
  return new ContextScorer().suffixAgreement(suffix, window);
}
