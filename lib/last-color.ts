import { api as browser } from './browser-api';
import { applePlatform } from './platform';
import { type Color, COLORS } from '../src/annotation/records';

/**
 * The colour the reader picked last (on the toolbar or in the note editor), kept in storage.local
 * so it outlives the page: the keyboard command, the context menu and *Add note* use it.
 */
const KEY = 'lastColor';

export async function lastColor(): Promise<Color> {
  const stored = await browser.storage.local.get(KEY).catch(() => ({}) as Record<string, unknown>);
  return COLORS.find((color) => color === stored[KEY]) ?? 'yellow';
}

export function rememberColor(color: Color): void {
  browser.storage.local.set({ [KEY]: color }).catch((error: unknown) => console.warn('Pizhu: colour not remembered', error));
}

/** The default shortcut of the keyboard command, as the reader's platform writes it. */
export function shortcutLabel(): string {
  return applePlatform() ? '⌥⇧H' : 'Alt+Shift+H';
}
