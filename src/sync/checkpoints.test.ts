import { describe, expect, it } from 'vitest';
import { runSync } from './run';
import { ARTICLE, annotation, browser, memoryDb } from './test-harness';

/** Counts the calls of `method` on `db` whose first argument matches `pick`. */
function count<K extends 'put' | 'bulkGet' | 'bulkDocs'>(db: PouchDB.Database, method: K, pick: (arg: unknown) => boolean = () => true): { n: number } {
  const counter = { n: 0 };
  const own = (db[method] as (...args: unknown[]) => unknown).bind(db);
  (db as unknown as Record<K, unknown>)[method] = (...args: unknown[]) => {
    if (pick(args[0])) counter.n++;
    return own(...args);
  };
  return counter;
}
const checkpointDoc = (doc: unknown) => String((doc as { _id?: string })?._id).startsWith('_local/');

describe('replication checkpoints', () => {
  it('are kept on the server only, both ways, and a later run starts where the last one ended', async () => {
    const server = memoryDb('server');
    const [one, two] = [await browser('甲'), await browser('乙')];
    const replicaCheckpoints = [count(one.pouch, 'put', checkpointDoc), count(two.pouch, 'put', checkpointDoc)];
    const serverCheckpoints = count(server, 'put', checkpointDoc);
    await one.store.recordArticle(ARTICLE, ARTICLE.url);
    for (let n = 1; n <= 20; n++) await one.store.saveAnnotation(annotation(n));
    expect((await runSync(one.bridge, server)).error).toBeUndefined();
    expect((await runSync(two.bridge, server)).error).toBeUndefined();
    expect((await two.store.readAll()).annotations).toHaveLength(20);
    expect(replicaCheckpoints.map((c) => c.n)).toEqual([0, 0]);
    expect(serverCheckpoints.n).toBeGreaterThan(0);

    // Nothing new anywhere: the next runs read their places from the server and fetch and write nothing.
    const fetched = count(server, 'bulkGet');
    const written = [count(one.pouch, 'bulkDocs'), count(two.pouch, 'bulkDocs')];
    expect((await runSync(two.bridge, server)).error).toBeUndefined();
    expect((await runSync(one.bridge, server)).error).toBeUndefined();
    expect(fetched.n).toBe(0);
    expect(written.map((c) => c.n)).toEqual([0, 0]);
  });
});
