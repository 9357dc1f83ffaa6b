// For `npm run lint:core` only (tsconfig.core.json), where the DOM library is left out: the store
// names transactions' modes through idb, whose types take the mode's union from the DOM library.
// Without it every mode reads as `string`. A type, not a value: no browser global comes with it.
type IDBTransactionMode = 'readonly' | 'readwrite' | 'versionchange';
// IndexedDB's key range, as a type: the store makes them through src/store/key-range.ts.
interface IDBKeyRange {
  readonly lower: unknown;
  readonly upper: unknown;
  readonly lowerOpen: boolean;
  readonly upperOpen: boolean;
}
