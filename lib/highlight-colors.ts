import type { Color } from '../src/annotation/records';

/** Readable on light and dark pages: translucent, so text colour stays the page's own. */
export const HIGHLIGHT_COLORS: Record<Color, string> = {
  yellow: 'rgb(255 214 10 / 0.45)',
  green: 'rgb(52 199 89 / 0.35)',
  blue: 'rgb(10 132 255 / 0.30)',
  pink: 'rgb(255 55 135 / 0.30)',
  purple: 'rgb(175 82 222 / 0.32)',
};

/** The _locales key that names each colour, for buttons' labels. */
export const COLOR_LABEL: Record<Color, string> = { yellow: 'colorYellow', green: 'colorGreen', blue: 'colorBlue', pink: 'colorPink', purple: 'colorPurple' };
