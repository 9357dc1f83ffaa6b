// The push overlaps the replication (src/sync/run.ts) and skips reading back its own writes
// (src/sync/bridge.ts, onlyOwnWrites): neither may cost a document.
import { describe, expect, it } from 'vitest';
import { ARTICLE, annotation, at, browser, memoryDb, uuid, type Browser } from './test-harness';
import { runSync } from './run';

const HIGHLIGHTS = 20;

async function libraryOf(reader: Browser, first = 1): Promise<void> {
  await reader.store.recordArticle(ARTICLE, ARTICLE.url);
  for (let n = first; n < first + HIGHLIGHTS; n++) await reader.store.saveAnnotation(annotation(n, { modified: at(n) }));
}

/** Runs `first` before the replica's second write of documents: the push's first batch is in, the rest wait. */
function beforeSecondWrite(reader: Browser, first: () => Promise<void>): void {
  const bulkDocs = reader.pouch.bulkDocs.bind(reader.pouch) as (...args: unknown[]) => Promise<unknown>;
  let calls = 0;
  (reader.pouch as { bulkDocs: unknown }).bulkDocs = async (...args: unknown[]) => {
    if (++calls === 2) await first();
    return bulkDocs(...args);
  };
}

const serverIds = async (server: PouchDB.Database) => (await server.allDocs()).rows.map((row) => row.id);

describe('a push that overlaps the replication', () => {
  it('sends every document when the replication, started after the first batch, caught up and ended before the last', async () => {
    const server = memoryDb('server');
    const one = await browser('甲');
    await libraryOf(one);
    // The replication starts after the first batch (the article) and ends, having sent it, while
    // the push waits here; the rest are written after it.
    beforeSecondWrite(one, async () => {
      for (let i = 0; i < 50 && !(await serverIds(server)).includes(`article:${ARTICLE.id}`); i++) await new Promise((done) => setTimeout(done, 10));
      await new Promise((done) => setTimeout(done, 100));
    });
    const run = await runSync(one.bridge, server);
    expect(run.error).toBeUndefined();
    expect(run.waiting).toBe(0);
    const ids = await serverIds(server);
    for (let n = 1; n <= HIGHLIGHTS; n++) expect(ids).toContain(uuid(n));
    expect(ids).toContain(`article:${ARTICLE.id}`);
  });
});

describe('a push into a replica that holds documents already', () => {
  it('writes again a highlight its replica holds deleted (as CouchDB deletes), where the library is sent whole again', async () => {
    const server = memoryDb('server');
    const one = await browser('甲');
    await libraryOf(one);
    await runSync(one.bridge, server);
    await server.bulkDocs([{ _id: uuid(1), _rev: (await server.get(uuid(1)))._rev, _deleted: true }]);
    await one.pouch.replicate.from(server);
    await expect(one.pouch.get(uuid(1))).rejects.toMatchObject({ status: 404 });
    await one.bridge.reset();
    await one.bridge.push();
    expect(await one.pouch.get(uuid(1))).toMatchObject({ _id: uuid(1) });
  });
});

describe('a push to a database that held nothing', () => {
  it('does not ask it which revisions it lacks; one that holds documents is asked', async () => {
    const server = memoryDb('server');
    const asked: number[] = [];
    const revsDiff = server.revsDiff.bind(server);
    server.revsDiff = ((diff: Record<string, string[]>) => {
      asked.push(Object.keys(diff).length);
      return revsDiff(diff);
    }) as typeof server.revsDiff;
    const one = await browser('甲');
    await libraryOf(one);
    expect((await runSync(one.bridge, server)).error).toBeUndefined();
    expect(asked).toEqual([]);
    expect((await serverIds(server)).length).toBe(HIGHLIGHTS + 1);
    const two = await browser('乙');
    await libraryOf(two, 100);
    expect((await runSync(two.bridge, server)).error).toBeUndefined();
    expect(asked.length).toBeGreaterThan(0);
    expect((await serverIds(server)).length).toBe(2 * HIGHLIGHTS + 1);
  });
});

describe('first revisions', () => {
  it('are named by their content: the same library pushed from two browsers makes no conflict', async () => {
    const server = memoryDb('server');
    const [one, two] = [await browser('甲'), await browser('甲')];
    await libraryOf(one);
    await libraryOf(two);
    await runSync(one.bridge, server);
    await runSync(two.bridge, server);
    await runSync(one.bridge, server);
    const all = await server.allDocs({ conflicts: true, include_docs: true });
    expect(all.rows).toHaveLength(HIGHLIGHTS + 1);
    expect(all.rows.filter((row) => (row.doc as { _conflicts?: string[] })._conflicts?.length)).toEqual([]);
    expect((await one.pouch.get(uuid(3)))._rev).toBe((await two.pouch.get(uuid(3)))._rev);
  });
});

describe('first revisions written as they are', () => {
  it('that the replica refuses are not taken as written: the next push sends them', async () => {
    const one = await browser('甲');
    await libraryOf(one);
    const bulkDocs = one.pouch.bulkDocs.bind(one.pouch) as (docs: { _id: string }[], options?: { new_edits?: boolean }) => Promise<unknown>;
    (one.pouch as { bulkDocs: unknown }).bulkDocs = async (docs: { _id: string }[], options?: { new_edits?: boolean }) => {
      if (options?.new_edits !== false || !docs.some((doc) => doc._id === uuid(2))) return bulkDocs(docs, options);
      await bulkDocs(
        docs.filter((doc) => doc._id !== uuid(2)),
        options,
      );
      return [{ id: uuid(2), error: 'forbidden', reason: 'refused in this test' }];
    };
    const first = await one.bridge.push();
    // The batch that held it failed whole (7 highlights), the article and the other two batches went.
    expect(first.pushed).toBe(HIGHLIGHTS + 1 - 7);
    await expect(one.pouch.get(uuid(2))).rejects.toMatchObject({ status: 404 });
    (one.pouch as { bulkDocs: unknown }).bulkDocs = bulkDocs;
    const second = await one.bridge.push();
    expect(second.pushed).toBe(1);
    expect(await one.pouch.get(uuid(2))).toMatchObject({ _id: uuid(2) });
  });
});

describe('the order of a push', () => {
  it("writes each article before its highlights, so that a replica pulling them never waits for a highlight's article", async () => {
    const one = await browser('甲');
    await libraryOf(one);
    await one.bridge.push();
    const feed = (await one.pouch.changes({ since: 0 })).results.map((change) => change.id);
    expect(feed[0]).toBe(`article:${ARTICLE.id}`);
    expect(feed).toHaveLength(HIGHLIGHTS + 1);
  });
});

describe("the pull after a push that wrote the replica's only changes", () => {
  it('moves past them without reading them back', async () => {
    const one = await browser('甲');
    await libraryOf(one);
    await one.bridge.push();
    expect((await one.db.get('syncState', 'pullSeq'))?.value).toBe((await one.pouch.info()).update_seq);
    const pulled = await one.bridge.pull();
    expect([pulled.pulled, pulled.refused.length]).toEqual([0, 0]);
    expect(await one.store.annotation(uuid(7))).toEqual(annotation(7, { modified: at(7) }));
  });

  it("reads the feed as before when another's document came into the replica between its writes", async () => {
    const server = memoryDb('server');
    const [one, two] = [await browser('甲'), await browser('乙')];
    await libraryOf(one);
    await libraryOf(two, 100);
    await runSync(two.bridge, server);
    // Between the push's batches, the replication brings a highlight of the other browser's into the replica.
    beforeSecondWrite(one, async () => {
      await one.pouch.replicate.from(server, { doc_ids: [uuid(100)] });
    });
    await one.bridge.push();
    expect((await one.db.get('syncState', 'pullSeq'))?.value).not.toBe((await one.pouch.info()).update_seq);
    await one.bridge.pull();
    expect(await one.store.annotation(uuid(100))).toEqual({ ...annotation(100, { modified: at(100) }), creator: '乙' });
    expect(await one.store.annotation(uuid(7))).toEqual(annotation(7, { modified: at(7) }));
  });
});
