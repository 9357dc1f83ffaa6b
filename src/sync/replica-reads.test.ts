import fc from 'fast-check';
import PouchDB from 'pouchdb-core';
import indexeddb from 'pouchdb-adapter-indexeddb';
import { describe, expect, it } from 'vitest';
import { forgetWritten, rememberWritten, withFastReads } from './replica-reads';
import { memoryDb } from './test-harness';

// The browser's adapter too, on the tests' IndexedDB (fake-indexeddb, loaded by the harness). Its
// check for Blob support reads navigator.userAgent, which Node 20 does not have.
(globalThis as { navigator?: object }).navigator ??= { userAgent: 'Node' };
PouchDB.plugin(indexeddb);
let made = 0;
const ADAPTERS = {
  memory: () => memoryDb('reads'),
  indexeddb: () => new PouchDB(`reads-${++made}`, { adapter: 'indexeddb' }),
};

/** What happens to one of a few documents: written (new, or on its winner), deleted, or given a conflicting branch. */
type Step = { id: number; kind: 'write' | 'delete' | 'branch'; value: number };
const stepArb: fc.Arbitrary<Step> = fc.record({
  id: fc.integer({ min: 0, max: 5 }),
  kind: fc.constantFrom('write' as const, 'write' as const, 'delete' as const, 'branch' as const),
  value: fc.integer({ min: 0, max: 9 }),
});
const docId = (n: number) => `doc-${n}`;

/** Plays the steps; answers every revision made, by document. */
async function play(db: PouchDB.Database, steps: Step[]): Promise<Map<string, string[]>> {
  const revs = new Map<string, string[]>();
  const keep = (id: string, rev: string) => revs.set(id, [...(revs.get(id) ?? []), rev]);
  for (const { id: n, kind, value } of steps) {
    const id = docId(n);
    const current = await db.get(id).catch(() => null);
    if (kind === 'branch') {
      // A second first revision, as replication brings a concurrent edit: a conflict where the document exists.
      const rev = `1-${'b'.repeat(31)}${value}`;
      const branch = { _id: id, _rev: rev, value, branch: true };
      await db.bulkDocs([branch], { new_edits: false });
      keep(id, rev);
    } else if (kind === 'delete') {
      if (!current) continue;
      const [result] = await db.bulkDocs([{ _id: id, _rev: current._rev, _deleted: true }]);
      if (result?.rev) keep(id, result.rev);
    } else {
      const doc = { _id: id, value, ...(current ? { _rev: current._rev } : {}) };
      const [result] = await db.bulkDocs([doc]);
      if (result?.rev) keep(id, result.rev);
    }
  }
  return revs;
}

/** A request drawn from what was made, for revsDiff with unknown documents and revisions mixed in. */
const requestArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 9 }), fc.boolean()), { minLength: 1, maxLength: 8 });

function asked(made: Map<string, string[]>, picks: [number, number, boolean][], { unknown = true } = {}): { id: string; rev: string }[] {
  return picks.flatMap(([n, r, stranger]) => {
    const id = docId(n);
    const revs = made.get(id) ?? [];
    if (unknown && (stranger || !revs.length)) return [{ id, rev: `${(r % 3) + 1}-${'f'.repeat(31)}${r}` }];
    return revs.length ? [{ id, rev: revs[r % revs.length]! }] : [];
  });
}

/** Counts the calls of one of the database's methods from now on. */
function callsOf(db: PouchDB.Database, method: 'get' | 'allDocs'): { count: number } {
  const calls = { count: 0 };
  const own = (db[method] as (...args: unknown[]) => unknown).bind(db);
  (db as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
    calls.count++;
    return own(...args);
  };
  return calls;
}

const sorted = <T extends { id: string }>(results: T[]) => [...results].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe.each(Object.entries(ADAPTERS))('the replica’s reads for replication (%s adapter)', (_name, open) => {
  it('answer revsDiff as PouchDB does, on any history of writes, deletions and conflicts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 12 }), requestArb, async (steps, picks) => {
        const db = open();
        const own = db.revsDiff.bind(db);
        withFastReads(db);
        const made = await play(db, steps);
        const revs: Record<string, string[]> = {};
        for (const { id, rev } of asked(made, picks)) revs[id] = [...new Set([...(revs[id] ?? []), rev])];
        expect(await db.revsDiff(revs)).toEqual(await own(revs));
        await db.destroy();
      }),
      { numRuns: 40 },
    );
  });

  it('answer bulkGet with histories and latest, as replication asks it, as PouchDB does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 12 }), requestArb, async (steps, picks) => {
        const db = open();
        const own = db.bulkGet.bind(db);
        withFastReads(db);
        const made = await play(db, steps);
        // Replication asks only for revisions the replica has (its own feed named them): PouchDB's own
        // bulkGet never answers a request for one it lacks.
        const docs = asked(made, picks, { unknown: false });
        fc.pre(docs.length > 0);
        const options = { docs, revs: true, latest: true };
        const fast = await db.bulkGet(options);
        const plain = await own(options);
        expect(sorted(fast.results)).toEqual(sorted(plain.results));
        await db.destroy();
      }),
      { numRuns: 40 },
    );
  });

  it('read a first sync’s documents in one allDocs, not one get each', async () => {
    const db = withFastReads(open());
    const fifty = Array.from({ length: 50 }, (_, i) => ({ _id: docId(i), value: i }));
    const written = await db.bulkDocs(fifty);
    const gets = callsOf(db, 'get');
    const docs = written.map((w) => ({ id: w.id!, rev: w.rev! }));
    const { results } = await db.bulkGet({ docs, revs: true, latest: true });
    expect(results).toHaveLength(50);
    expect(results.every((r) => 'ok' in r.docs[0]! && r.docs[0].ok._revisions?.ids.length === 1)).toBe(true);
    expect(await db.revsDiff(Object.fromEntries(docs.map((d) => [d.id, [d.rev]])))).toEqual({});
    expect(await db.revsDiff({ 'never-here': ['1-abc'] })).toEqual({ 'never-here': { missing: ['1-abc'] } });
    expect(gets.count).toBe(0);
    await db.destroy();
  });

  it("answer bulkGet for a push's own first writes from memory, as PouchDB does from the replica, and read nothing", async () => {
    const db = open();
    const own = db.bulkGet.bind(db);
    withFastReads(db);
    const docs = Array.from({ length: 20 }, (_, i) => ({ _id: docId(i), value: i, text: '中文' }));
    const written = await db.bulkDocs(docs);
    rememberWritten(
      db,
      written.map((w, i) => ({ id: w.id!, rev: w.rev!, doc: docs[i]! })),
    );
    const reads = callsOf(db, 'allDocs');
    const options = { docs: written.map((w) => ({ id: w.id!, rev: w.rev! })), revs: true, latest: true };
    const fast = await db.bulkGet(options);
    expect(reads.count).toBe(0);
    expect(sorted(fast.results)).toEqual(sorted((await own(options)).results));
    // Forgotten, they are read again.
    forgetWritten(db);
    await db.bulkGet(options);
    expect(reads.count).toBe(1);
    await db.destroy();
  });
});
