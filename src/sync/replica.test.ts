import PouchDB from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import indexeddb from 'pouchdb-adapter-indexeddb';
import { describe, expect, it } from 'vitest';
import { SyncBridge } from './bridge';
import { runSync } from './run';
import { OLD_REPLICA, REPLICA, retireOldReplica } from './replica';
import { ARTICLE, annotation, at, browser, httpDb, memoryDb, uuid } from './test-harness';

// The browser's adapters, on the tests' IndexedDB (fake-indexeddb, loaded by the harness). Their
// check for Blob support reads navigator.userAgent, which Node 20 does not have.
(globalThis as { navigator?: object }).navigator ??= { userAgent: 'Node' };
PouchDB.plugin(idb).plugin(indexeddb);

const idbNames = async () => (await indexedDB.databases()).map((d) => d.name);
const openOld = () => new PouchDB(OLD_REPLICA.name, { adapter: OLD_REPLICA.adapter });
const conflicted = async (db: PouchDB.Database) => (await db.allDocs({ conflicts: true, include_docs: true })).rows.filter((row) => row.doc?._conflicts?.length).map((row) => row.id);

/**
 * A reader synced through a replica of the old adapter, with changes of their own the old replica
 * never got, one it got but never sent, and changes on the server it never pulled; its pull
 * checkpoint far along the old replica's feed (one highlight edited and sent many times). Then the
 * upgrade, and a run.
 */
async function upgraded(old: () => PouchDB.Database) {
  const server = memoryDb('server');
  const other = await browser('乙');
  const reader = await browser('甲');
  const oldBridge = new SyncBridge(reader.db, openOld(), { creator: () => '甲', batchSize: 7 });
  await reader.store.recordArticle(ARTICLE, ARTICLE.url);
  for (let n = 1; n <= 10; n++) await reader.store.saveAnnotation(annotation(n, { modified: at(n) }));
  expect((await runSync(oldBridge, server)).error).toBeUndefined();
  for (let n = 0; n < 15; n++) {
    await reader.store.saveAnnotation(annotation(4, { note: `第${n}次`, modified: at(20 + n) }));
    await runSync(oldBridge, server);
  }
  await runSync(other.bridge, server);
  // In the old replica, not on the server: sent while the server was unreachable.
  await reader.store.saveAnnotation(annotation(5, { note: '没送出去', modified: at(99) }));
  expect((await runSync(oldBridge, httpDb('http://127.0.0.1:9/pizhu'))).error?.code).toBe('unreachable');
  expect(await reader.db.count('outbox')).toBe(0);
  await oldBridge.pouch.close();

  await reader.store.saveAnnotation(annotation(1, { note: '升级前改的', modified: at(100) }));
  await reader.store.saveAnnotation(annotation(11, { modified: at(101) }));
  await reader.store.deleteAnnotation(uuid(2), at(102));
  await other.store.saveAnnotation(annotation(3, { note: '别处改的', modified: at(103) }));
  await other.store.saveAnnotation(annotation(12, { modified: at(104) }));
  await runSync(other.bridge, server);

  const replica = new PouchDB(REPLICA.name, { adapter: REPLICA.adapter });
  expect(await idbNames()).toContain(`_pouch_${OLD_REPLICA.name}`);
  expect(await retireOldReplica(reader.db, old, replica)).toBe(true);
  expect(await idbNames()).not.toContain(`_pouch_${OLD_REPLICA.name}`);
  expect(await retireOldReplica(reader.db, old, replica)).toBe(false);
  const bridge = new SyncBridge(reader.db, replica, { creator: () => '甲', batchSize: 7 });
  const run = await runSync(bridge, server);
  expect(run.error).toBeUndefined();
  expect(run.report.refused).toEqual([]);
  return { server, other, reader, replica, bridge };
}

/** Both readers and the server hold every change of both sides once, in no conflict; then nothing moves. */
async function expectConverged({ server, other, reader, replica, bridge }: Awaited<ReturnType<typeof upgraded>>) {
  await runSync(other.bridge, server);
  await runSync(bridge, server);
  await runSync(other.bridge, server);
  for (const { store } of [reader, other]) {
    expect((await store.annotation(uuid(1)))?.note).toBe('升级前改的');
    expect(await store.annotation(uuid(2))).toBeUndefined();
    expect((await store.annotation(uuid(3)))?.note).toBe('别处改的');
    expect((await store.annotation(uuid(4)))?.note).toBe('第14次');
    expect((await store.annotation(uuid(5)))?.note).toBe('没送出去');
    expect(await store.annotation(uuid(11))).toBeDefined();
    expect(await store.annotation(uuid(12))).toBeDefined();
    expect((await store.annotationsFor(ARTICLE.id)).length).toBe(11);
    expect((await store.tombstones()).map((t) => t.id)).toEqual([uuid(2)]);
  }
  // One document per highlight and one for the article.
  expect((await server.allDocs()).rows.length).toBe(13);
  expect(await conflicted(server)).toEqual([]);
  const again = await runSync(bridge, server);
  expect(again.report.pushed).toBe(0);
  expect(again.report.pulled).toBe(0);
  expect(again.waiting).toBe(0);
  await replica.destroy();
}

describe('a replica made by the old adapter', () => {
  it('is left alone when there is none', async () => {
    const reader = await browser();
    const replica = new PouchDB(REPLICA.name, { adapter: REPLICA.adapter });
    expect(await retireOldReplica(reader.db, openOld, replica)).toBe(false);
    expect((await replica.info()).doc_count).toBe(0);
    await replica.destroy();
  });

  it('moves into the new replica on upgrade: nothing is lost, doubled or put in conflict', async () => {
    const state = await upgraded(openOld);
    // The highlights' revision histories came along: the server finds no conflict in them. (The
    // article's document changed on both sides: that conflict is resolved as any other.)
    expect((await conflicted(state.server)).filter((id) => !id.startsWith('article:'))).toEqual([]);
    await expectConverged(state);
  });

  it('that cannot be read is dropped, and the library sent again from the store loses nothing', async () => {
    const unreadable = () => {
      const old = openOld();
      return new Proxy(old, { get: (target, key) => (key === 'replicate' ? { to: () => Promise.reject(new Error('unreadable')) } : Reflect.get(target, key)) });
    };
    await expectConverged(await upgraded(unreadable));
  });
});
