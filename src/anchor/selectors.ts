/**
 * W3C Web Annotation selectors over the article text (text/article-text.ts). Offsets are UTF-16
 * code units, as JavaScript strings count them.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** How much context a quote keeps on either side: enough to tell two occurrences apart. */
export const CONTEXT_LENGTH = 32;

/** Both selectors for article text [start, end). */
export function describeRange(text: string, start: number, end: number): { position: TextPositionSelector; quote: TextQuoteSelector } {
  return {
    position: { type: 'TextPositionSelector', start, end },
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
  };
}
