/** Dates as the inputs write them, turned into ISO 8601 in UTC. Every function returns null rather than guess. */

/** ISO 8601 with a zone (Z, +08:00 or +0800), or an RFC 2822 date such as "Sat, 28 Dec 2024 14:34:58 GMT". */
export function parseZonedDate(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(s);
  if (iso) {
    const zone = iso[3].toUpperCase() === 'Z' ? 'Z' : iso[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    return toIso(Date.parse(`${iso[1]}T${iso[2]}${zone}`));
  }
  const rfc = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+(?:GMT|UTC|[+-]\d{4})$/.exec(s);
  if (rfc) return toIso(Date.parse(s));
  return null;
}

/**
 * A wall-clock time with no zone, read in the IANA zone the source publishes from
 * (NYT Chinese: Asia/Shanghai; RFI: Europe/Paris). Accepts "2021-04-06 17:24:20" and "13/06/2022 - 01:58".
 */
export function parseLocalDate(text: string, timeZone: string): string | null {
  const s = text.trim();
  let parts: number[] | null = null;
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s*-?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (ymd) parts = [+ymd[1], +ymd[2], +ymd[3], +(ymd[4] ?? 0), +(ymd[5] ?? 0), +(ymd[6] ?? 0)];
  else if (dmy) parts = [+dmy[3], +dmy[2], +dmy[1], +(dmy[4] ?? 0), +(dmy[5] ?? 0), +(dmy[6] ?? 0)];
  if (!parts) return null;
  const [y, mo, d, h, mi, sec] = parts;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, sec);
  // The zone's offset at that instant; a second pass settles times near a daylight-saving change.
  let utc = asUtc - zoneOffsetMs(asUtc, timeZone);
  utc = asUtc - zoneOffsetMs(utc, timeZone);
  return toIso(utc);
}

/** Milliseconds since the epoch (the archive header's line 1). */
export function parseEpochMs(text: string): string | null {
  if (!/^\d{1,15}$/.test(text.trim())) return null;
  return toIso(Number(text.trim()));
}

/** One formatter per zone: making an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One answer serves a zone's whole quarter hour: the zones the sources use (Asia/Shanghai,
 * Europe/Paris, UTC) change offset only at whole hours. (A few zones did not, St John's until 2011:
 * this cache is not for them.) Most files repeat a few times.
 */
const offsets = new Map<string, number>();
const QUARTER_HOUR = 15 * 60_000;

function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const key = `${timeZone} ${Math.floor(utcMs / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 10_000) offsets.clear();
    offset = measureOffset(Math.floor(utcMs / QUARTER_HOUR) * QUARTER_HOUR, timeZone);
    offsets.set(key, offset);
  }
  return offset;
}

function measureOffset(utcMs: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const fields = format.formatToParts(new Date(utcMs));
  const get = (type: string) => Number(fields.find((f) => f.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** Outside these years (1990 to 2100, UTC) a "date" in a news file is noise, not a time. */
const EARLIEST = Date.UTC(1990, 0, 1);
const AFTER_LATEST = Date.UTC(2101, 0, 1);

function toIso(ms: number): string | null {
  // Bounds on the number itself: no calendar fields worked out for the test.
  if (!(ms >= EARLIEST && ms < AFTER_LATEST)) return null;
  return new Date(ms).toISOString();
}
