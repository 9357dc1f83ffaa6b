import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { stableUuid } from './ids';
import { AnnotationRecordSchema } from './records';

describe('stableUuid', () => {
  it('gives the same well-formed version 8 UUID for the same string, and different ones otherwise', () => {
    const ids = ['Jb0pDPrrEe-ABCxyz_12-Q', 'Jb0pDPrrEe-ABCxyz_12-R', '', '批注'].map(stableUuid);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(v.is(AnnotationRecordSchema.entries.id, id)).toBe(true);
    }
    expect(new Set(ids).size).toBe(4);
    expect(stableUuid('批注')).toBe(ids[3]);
  });
});
