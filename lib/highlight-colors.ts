import { type Color, COLORS } from '../src/annotation/records';

/**
 * The five highlight colours, for light and dark pages. Fills are opaque, so two highlights over one
 * another never blend into a third colour (yellow over blue stays yellow, not green); where they
 * overlap, the passage is lined above and below instead (`pz-overlap`, painted by the Painter).
 *
 * On a light page a fill is a pale tint under the page's own text (text stays at least 4.5:1 on
 * it), and a 2 px underline in a deeper shade of the same hue marks the highlight at 3:1 or more
 * against the page. On a dark page the fill itself stands out (3:1 or more against the page) and
 * the text on it turns dark (4.5:1 or more). test/core/highlight-colors.test.ts checks every pair
 * from these values, and that no two colours come close.
 */
export const HIGHLIGHT_PALETTE: Record<Color, { fill: string; line: string; dark: string }> = {
  yellow: { fill: '#fde68a', line: '#a16207', dark: '#d4a72c' },
  green: { fill: '#bbf0c8', line: '#15803d', dark: '#4cae6c' },
  blue: { fill: '#b8dcfc', line: '#1d4ed8', dark: '#5f9cec' },
  pink: { fill: '#ffc6d3', line: '#be185d', dark: '#e27aa2' },
  purple: { fill: '#dfc8fb', line: '#7e22ce', dark: '#a589e6' },
};

/** The text on a highlight on a dark page (the reader view's dark background). */
export const DARK_MARK_TEXT = '#1b1a18';

/** A swatch of each colour, for buttons and lists: its light fill. */
export const HIGHLIGHT_COLORS: Record<Color, string> = Object.fromEntries(COLORS.map((color) => [color, HIGHLIGHT_PALETTE[color].fill])) as Record<Color, string>;

/** A colour button's style: the fill of the page's scheme (`--fill`, `--dark` for the style sheet's light-dark()), edged with the colour's line. */
export function swatchStyle(color: Color): Record<string, string> {
  const { fill, line, dark } = HIGHLIGHT_PALETTE[color];
  return { '--fill': fill, '--dark': dark, borderColor: line };
}

/** The _locales key that names each colour, for buttons' labels. */
export const COLOR_LABEL: Record<Color, string> = { yellow: 'colorYellow', green: 'colorGreen', blue: 'colorBlue', pink: 'colorPink', purple: 'colorPurple' };

/**
 * Where a page is dark: the reader view set to dark, or left automatic on a dark system. A
 * Reuters page is always light, whatever the system's scheme.
 */
const DARK = ".pizhu-reader[data-theme='dark']";
const DARK_IF_SYSTEM = ".pizhu-reader[data-theme='auto']";

/** The style sheet of the painted highlights (`pizhu-<colour>`), their overlaps (`pz-overlap`) and the reveal flash (`pz-reveal`). */
export function highlightCss(): string {
  const light = COLORS.map((color) => {
    const { fill, line } = HIGHLIGHT_PALETTE[color];
    return `::highlight(pizhu-${color}) { background-color: ${fill}; color: inherit; text-decoration: underline 2px ${line}; }`;
  });
  const dark = (scope: string) =>
    [
      ...COLORS.map((color) => `${scope} ::highlight(pizhu-${color}) { background-color: ${HIGHLIGHT_PALETTE[color].dark}; color: ${DARK_MARK_TEXT}; text-decoration: none; }`),
      `${scope} ::highlight(pz-overlap) { text-decoration-color: ${DARK_MARK_TEXT}; }`,
    ].join('\n');
  return [
    ...light,
    // Two highlights on the same words: lined above and below, so the reader sees there are two.
    '::highlight(pz-overlap) { text-decoration: underline overline 2px #1f1d1a; }',
    dark(DARK),
    `@media (prefers-color-scheme: dark) {\n${dark(DARK_IF_SYSTEM)}\n}`,
    '::highlight(pz-reveal) { background-color: #ff9f1a; color: #000; }',
  ].join('\n');
}
