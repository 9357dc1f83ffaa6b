import { describe, expect, it } from 'vitest';
import { localMinute } from './local-time';

describe('localMinute', () => {
  it('gives a time to the minute in the local time zone', () => {
    expect(localMinute(new Date(2026, 2, 5, 9, 7, 59).toISOString())).toBe('2026-03-05 09:07');
    expect(localMinute(new Date(2021, 11, 31, 23, 59))).toBe('2021-12-31 23:59');
  });
  it('gives nothing for no valid time', () => {
    expect(localMinute('not a time')).toBe('');
  });
});
