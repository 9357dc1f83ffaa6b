import type { PizhuDatabase } from '../store/database';
import { SyncBridge } from './bridge';

/**
 * The local replica's name and PouchDB adapter. The `indexeddb` adapter (pouchdb-adapter-indexeddb)
 * keeps a document and its revisions in one record, so replication's reads (one `get` per document:
 * PouchDB's bulkGet) cost fewer IndexedDB requests than with the older `idb` adapter (bench/README.md,
 * sync). Both adapters open `_pouch_<name>`: the new replica needs a name of its own.
 */
export const REPLICA = { name: 'pizhu-sync-replica-2', adapter: 'indexeddb' } as const;

/** The replica as the `idb` adapter made it, before. */
export const OLD_REPLICA = { name: 'pizhu-sync-replica', adapter: 'idb' } as const;

/** The IndexedDB database PouchDB keeps a local database in. */
const idbName = (name: string) => `_pouch_${name}`;

/**
 * The names of the extension's IndexedDB databases (in Node, fake-indexeddb's), reached by name as
 * src/store/key-range.ts reaches key ranges, so that src/ compiles without the DOM library.
 */
async function databaseNames(): Promise<(string | undefined)[]> {
  const factory = (globalThis as unknown as { indexedDB: { databases(): Promise<{ name?: string }[]> } }).indexedDB;
  return (await factory.databases()).map((d) => d.name);
}

/**
 * Moves a replica made by the old adapter, if there is one, into the new replica, then destroys it:
 * 1. the old replica's documents replicated into the new one with their revision histories, so the
 *    server finds nothing new and no conflict in them;
 * 2. the store's pull checkpoint (a place in the old replica's feed) forgotten: the next pull reads
 *    the new feed from its start, taking only what the store lacks, as the outbox keeps the store's
 *    own changes; when step 1 failed, the next push also sends the whole library again, merged on
 *    the server by the merge rule;
 * 3. the old replica destroyed, last: a crash before finds it again and repeats the steps, which
 *    changes nothing. Answers whether there was one.
 */
export async function retireOldReplica(db: PizhuDatabase, openOld: () => PouchDB.Database, replica: PouchDB.Database): Promise<boolean> {
  if (!(await databaseNames()).includes(idbName(OLD_REPLICA.name))) return false;
  const old = openOld();
  let copied = true;
  try {
    await old.replicate.to(replica);
  } catch {
    copied = false;
  }
  await new SyncBridge(db, replica).restartPull({ sendAll: !copied });
  await old.destroy();
  return true;
}
