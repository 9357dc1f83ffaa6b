/**
 * Text as a reader sees it: white space collapsed and trimmed, composed to NFC so a decomposed
 * accent (a + U+0300) and its composed form compare equal; zero-width spaces and BOMs go. A run made only of ideographic spaces
 * (U+3000) stays one ideographic space: in Chinese typesetting it is a deliberate wide gap.
 */
export function cleanText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/\s+/g, (run) => (/^\u3000+$/.test(run) ? '\u3000' : ' '))
    .trim();
}
