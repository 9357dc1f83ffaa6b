// The highlight colours against the pages they are painted on, by WCAG 2 contrast, computed from the
// CSS values themselves: the palette (lib/highlight-colors.ts) and the reader view's own colours
// (content-scripts/reader/reader.css).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DARK_MARK_TEXT, HIGHLIGHT_PALETTE, highlightCss } from '../../lib/highlight-colors';
import { COLORS } from '../../src/annotation/records';

const readerCss = readFileSync(join(import.meta.dirname, '../../content-scripts/reader/reader.css'), 'utf8');

/** A reader.css variable's light and dark values: `--name: light-dark(#light, #dark)`. */
function readerColor(name: string): { light: string; dark: string } {
  const match = new RegExp(`${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(readerCss);
  if (!match) throw new Error(`${name} not found in reader.css`);
  return { light: match[1]!, dark: match[2]! };
}

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** WCAG 2 relative luminance of an opaque #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** CIE 1976 colour difference (D65), to tell colours apart by more than their lightness. */
function deltaE(a: string, b: string): number {
  const lab = (hex: string) => {
    const [r, g, b2] = channels(hex).map(linear) as [number, number, number];
    const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b2) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b2, (0.0193 * r + 0.1192 * g + 0.9505 * b2) / 1.08883];
    const [fx, fy, fz] = xyz.map((t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116)) as [number, number, number];
    return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(...p.map((v, i) => v - q[i]!));
}

const bg = readerColor('--pizhu-bg');
const fg = readerColor('--pizhu-fg');
/** Light pages Pizhu paints on: the reader view, and a Reuters page (white, with grey body text). */
const LIGHT_PAGES = [
  { page: bg.light, text: fg.light },
  { page: '#ffffff', text: '#404040' },
];

describe('highlight colours (WCAG AA)', () => {
  it.each(COLORS)('%s on a light page: text on it 4.5:1 or more, its underline 3:1 or more against the page', (color) => {
    const { fill, line } = HIGHLIGHT_PALETTE[color];
    for (const { page, text } of LIGHT_PAGES) {
      expect(contrast(fill, text)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(line, page)).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(COLORS)('%s on a dark page: the mark 3:1 or more against the page, text on it 4.5:1 or more', (color) => {
    const { dark } = HIGHLIGHT_PALETTE[color];
    expect(contrast(dark, bg.dark)).toBeGreaterThanOrEqual(3);
    expect(contrast(dark, DARK_MARK_TEXT)).toBeGreaterThanOrEqual(4.5);
  });

  it('no two colours come close, pink and purple included, in either theme', () => {
    for (const [i, a] of COLORS.entries())
      for (const b of COLORS.slice(i + 1)) {
        expect(deltaE(HIGHLIGHT_PALETTE[a].fill, HIGHLIGHT_PALETTE[b].fill), `${a}/${b} light`).toBeGreaterThan(20);
        expect(deltaE(HIGHLIGHT_PALETTE[a].dark, HIGHLIGHT_PALETTE[b].dark), `${a}/${b} dark`).toBeGreaterThan(20);
      }
  });

  it('paints these values, opaque (two highlights never blend into a third colour), and marks overlaps', () => {
    const css = highlightCss();
    for (const color of COLORS) for (const value of Object.values(HIGHLIGHT_PALETTE[color])) expect(css).toContain(value);
    expect(css).not.toMatch(/rgb\(|\/ 0\.|rgba/);
    expect(css).toMatch(/::highlight\(pz-overlap\) \{ text-decoration: underline overline/);
  });
});
