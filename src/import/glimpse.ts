import { flattenSelectors, isObject, list, targetSource } from './targets';

/** How many characters of a quote, note or address name a skipped annotation in the import's list. */
export const GLIMPSE_LENGTH = 60;

/** One line, at most GLIMPSE_LENGTH characters (a surrogate pair is never cut), "…" where cut. */
export function shorten(text: string): string | undefined {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return undefined;
  const chars = [...line];
  return chars.length <= GLIMPSE_LENGTH ? line : `${chars.slice(0, GLIMPSE_LENGTH - 1).join('')}…`;
}

/**
 * A few words by which a reader finds an annotation of the file that the import left out: its
 * quote, else its note (a W3C body's text or a Hypothesis row's `text`), else the page it is on.
 * Read from the file as it is, whatever shape made it skipped; undefined when it names none of these.
 */
export function glimpseOf(raw: unknown): string | undefined {
  if (!isObject(raw)) return undefined;
  const targets = list(raw.target as unknown[]).filter(isObject);
  for (const target of targets) {
    for (const selector of flattenSelectors(target.selector)) {
      if (typeof selector !== 'string' && selector.type === 'TextQuoteSelector' && typeof selector.exact === 'string') {
        const quote = shorten(selector.exact);
        if (quote) return `“${quote}”`;
      }
    }
  }
  const note = [raw.text, raw.bodyValue, ...list(raw.body as unknown[]).map((b) => (isObject(b) ? (b.value ?? b.content) : b))].find((n) => typeof n === 'string' && n.trim());
  if (typeof note === 'string') return shorten(note);
  const source = targets.map(targetSource).find((s) => s) ?? list(raw.target as unknown[]).find((t) => typeof t === 'string') ?? raw.uri;
  return typeof source === 'string' ? shorten(source) : undefined;
}
