import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { DATABASE_VERSION, openDatabase, type PizhuDatabase } from '../store/database';
import { storeOpener } from './store-opener';

let count = 0;

/** Makes the database exist at a newer version than the extension's: opening it then fails (VersionError). */
function blockWithNewerVersion(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, DATABASE_VERSION + 1);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

describe('storeOpener', () => {
  it('after a failed open, the next call opens again, and succeeds', async () => {
    const name = `opener-${++count}`;
    await blockWithNewerVersion(name);
    let opens = 0;
    const store = storeOpener(() => {
      opens++;
      return openDatabase(name);
    });
    await expect(store()).rejects.toThrow();
    await deleteDatabase(name);
    const opened = await store();
    expect(await opened.annotationsFor('x')).toEqual([]);
    expect(opens).toBe(2);
    // Once open, it is kept.
    expect(await store()).toBe(opened);
    expect(opens).toBe(2);
  });

  it('a connection the browser closed is opened anew', async () => {
    const name = `opener-${++count}`;
    const connections: PizhuDatabase[] = [];
    const store = storeOpener(async () => {
      const db = await openDatabase(name);
      connections.push(db);
      return db;
    });
    const first = await store();
    forceCloseDatabase(unwrap(connections[0]!) as unknown as Parameters<typeof forceCloseDatabase>[0]);
    const second = await store();
    expect(second).not.toBe(first);
    expect(connections).toHaveLength(2);
    expect(await second.annotationsFor('x')).toEqual([]);
  });

  it('gives way to a newer version of the database: the next call opens again', async () => {
    const name = `opener-${++count}`;
    let opens = 0;
    const store = storeOpener(() => {
      opens++;
      return openDatabase(name);
    });
    await store();
    await blockWithNewerVersion(name);
    await expect(store()).rejects.toThrow();
    expect(opens).toBe(2);
  });
});
