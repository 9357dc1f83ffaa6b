/**
 * IndexedDB's key ranges, the one part of the platform the store reads by name beside the database
 * it is given: in the browser the extension's own, in Node fake-indexeddb's. Reached through this
 * module only, so that src/ compiles without the DOM library (tsconfig.core.json, which declares the
 * type alone) and nothing else of the page slips in.
 */
interface KeyRanges {
  lowerBound(lower: string, open?: boolean): IDBKeyRange;
  upperBound(upper: string, open?: boolean): IDBKeyRange;
  bound(lower: string, upper: string, lowerOpen?: boolean, upperOpen?: boolean): IDBKeyRange;
}

const ranges = (): KeyRanges => (globalThis as unknown as { IDBKeyRange: KeyRanges }).IDBKeyRange;

/** Keys after `key` (not it). */
export const keysAfter = (key: string) => ranges().lowerBound(key, true);
/** Keys up to `key` (it too). */
export const keysUpTo = (key: string) => ranges().upperBound(key);
/** Keys after `after` up to `last`. */
export const keysBetween = (after: string, last: string) => ranges().bound(after, last, true, false);
