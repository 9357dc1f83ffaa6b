/**
 * The reader's theme is asked for by the detector as soon as it has seen an archive header, so that
 * the answer travels while the background injects the reader, which cannot show the article before
 * it has it (bench/README.md, page cost). Scripts of one extension share their world in a frame: the
 * promise waits on a property of that world's global object, which the page cannot see.
 */
export const THEME_KEY = 'readerTheme';

type Stored = Record<string, unknown>;
const AHEAD = 'pizhuThemeAhead';
type Shared = { [AHEAD]?: Promise<Stored> };

/** Called by the detector: starts reading the theme. */
export function askThemeAhead(get: (key: string) => Promise<Stored>): void {
  (globalThis as Shared)[AHEAD] = get(THEME_KEY).catch(() => ({}));
}

/** The read the detector started, once; undefined where none was (Pizhu's reader page, a second article). */
export function takeThemeAhead(): Promise<Stored> | undefined {
  const shared = globalThis as Shared;
  const ahead = shared[AHEAD];
  delete shared[AHEAD];
  return ahead;
}
