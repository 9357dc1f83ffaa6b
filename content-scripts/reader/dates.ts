import { uiLanguage } from '../../lib/i18n';
import { localMinute } from '../../src/time/local-time';

/** Each date in the words of the UI's language, once worded: a view drawn again (the raw text and back) shows them at once. */
const worded = new Map<string, string>();

/**
 * A date as the reader view shows it: in words once `wordDates` has run, and until then in digits,
 * local time (2021-03-23 14:08). The view's first frame is drawn with the digits because Intl's first
 * formatter in a page's new process costs 10–14 ms (V8 builds its locale tables then: bench/README.md,
 * page cost, the reader in a new tab).
 */
export function dateText(iso: string): string {
  return worded.get(iso) ?? (localMinute(iso) || iso);
}

/**
 * Puts `dates` (the article's) into words of the UI's language, for every later render of the view,
 * and into the `<time>`s under `root` that show them now (none where the raw text is shown).
 */
export function wordDates(root: ParentNode, dates: readonly (string | null)[]): void {
  let format: Intl.DateTimeFormat | undefined;
  for (const iso of dates) {
    if (iso === null || worded.has(iso)) continue;
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) continue;
    // The extension's UI language, not the page's: a Chinese UI reads 2021年3月23日 14:08.
    format ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeStyle: 'short' });
    worded.set(iso, format.format(date));
  }
  for (const time of root.querySelectorAll('time[datetime]')) {
    const text = worded.get(time.getAttribute('datetime') ?? '');
    if (text === undefined) continue;
    // The text node preact made is kept, so that a later render of the view finds its own node.
    const node = time.firstChild;
    if (node?.nodeType === Node.TEXT_NODE && !node.nextSibling) (node as Text).data = text;
    else time.textContent = text;
  }
}
