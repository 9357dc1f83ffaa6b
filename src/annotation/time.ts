import * as v from 'valibot';

/** ISO 8601 with a zone, as toISOString writes it: Date.parse alone would take "1" for a year. */
export const IsoTimeSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/, 'not a time'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'not a time'),
);

/**
 * A time as the store keeps it: UTC, as toISOString writes it. The store compares times as strings,
 * so "+08:00" or a missing ".000" would sort wrong.
 */
export const UtcTimeSchema = v.pipe(IsoTimeSchema, v.transform(toUtc));

/** The same instant, as toISOString writes it. */
export function toUtc(time: string): string {
  return new Date(Date.parse(time)).toISOString();
}

/** Times compare as instants: "+08:00" and "Z" forms of one moment are equal. */
export function compareTimes(a: string, b: string): number {
  return Math.sign(Date.parse(a) - Date.parse(b));
}

/** The later of two times (either may be unknown). */
export function latestTime(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareTimes(b, a) > 0 ? b : a;
}

/** YYYY-MM-DD of a time, in UTC; empty for an invalid date. */
export function utcDay(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** YYYY-MM-DD hh:mm (or hh:mm:ss) of a time, in UTC; empty for an invalid date. */
export function utcDateTime(date: Date, precision: 'minutes' | 'seconds'): string {
  if (Number.isNaN(date.getTime())) return '';
  return date
    .toISOString()
    .slice(0, precision === 'minutes' ? 16 : 19)
    .replace('T', ' ');
}
