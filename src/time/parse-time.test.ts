import { describe, expect, it } from 'vitest';
import { parseEpochMs, parseLocalDate, parseZonedDate } from './parse-time';

describe('parseZonedDate', () => {
  it('reads ISO times with Z, colon and colon-less offsets', () => {
    expect(parseZonedDate('2021-03-23T06:08:42Z')).toBe('2021-03-23T06:08:42.000Z');
    expect(parseZonedDate('2019-11-09T10:26:02+0000')).toBe('2019-11-09T10:26:02.000Z');
    expect(parseZonedDate('2024-07-04T19:33:30.242+08:00')).toBe('2024-07-04T11:33:30.242Z');
  });
  it('reads RFC 2822 dates', () => {
    expect(parseZonedDate('Sat, 28 Dec 2024 14:34:58 GMT')).toBe('2024-12-28T14:34:58.000Z');
  });
  it('refuses what it cannot place in time', () => {
    expect(parseZonedDate('2021-03-23 06:08:42')).toBeNull();
    expect(parseZonedDate('yesterday')).toBeNull();
    expect(parseZonedDate('2021-13-45T99:99:99Z')).toBeNull();
  });
});

describe('parseLocalDate', () => {
  it('reads Beijing wall-clock time', () => {
    expect(parseLocalDate('2021-04-06 17:24:20', 'Asia/Shanghai')).toBe('2021-04-06T09:24:20.000Z');
  });
  it('reads Paris time across daylight saving', () => {
    expect(parseLocalDate('13/06/2022 - 01:58', 'Europe/Paris')).toBe('2022-06-12T23:58:00.000Z');
    expect(parseLocalDate('13/01/2022 - 01:58', 'Europe/Paris')).toBe('2022-01-13T00:58:00.000Z');
  });
  it('refuses impossible dates', () => {
    expect(parseLocalDate('2021-02-31 25:00', 'Asia/Shanghai')).toBeNull();
    expect(parseLocalDate('', 'Asia/Shanghai')).toBeNull();
  });
});

describe('parseEpochMs', () => {
  it('reads the archive header time', () => {
    expect(parseEpochMs('1616481063000')).toBe('2021-03-23T06:31:03.000Z');
    expect(parseEpochMs('abc')).toBeNull();
  });
});
