/**
 * Times in the reader's own time zone, in digits. No Intl: its first formatter in a page's new
 * process costs 10–14 ms (bench/README.md, page cost, the reader in a new tab).
 */

const two = (n: number) => String(n).padStart(2, '0');

const dateOf = (time: string | Date) => (typeof time === 'string' ? new Date(time) : time);

/** A time's day, as a date input gives it: `YYYY-MM-DD`; empty for no valid time. */
export function localDay(time: string | Date): string {
  const date = dateOf(time);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** A time to the minute: `YYYY-MM-DD HH:mm`; empty for no valid time. */
export function localMinute(time: string | Date): string {
  const date = dateOf(time);
  const day = localDay(date);
  return day && `${day} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
