// A pull of many documents reads what the store holds of them by its keys first (src/sync/bridge.ts,
// readMany): it must end exactly as a pull of a few at a time, which asks for each id.
import { describe, expect, it } from 'vitest';
import { SyncBridge } from './bridge';
import { ARTICLE, annotation, at, browser, memoryDb, uuid, type Browser } from './test-harness';
import { runSync } from './run';

const MANY = 150;

/** A store holding some of the server's highlights, older, and deletions of others, none of it waiting to be sent. */
async function storeHolding(reader: Browser): Promise<void> {
  await reader.store.recordArticle(ARTICLE, ARTICLE.url);
  for (let n = 1; n <= 20; n++) await reader.store.saveAnnotation(annotation(n, { modified: at(1), note: '旧' }));
  for (let n = 21; n <= 25; n++) {
    await reader.store.saveAnnotation(annotation(n, { modified: at(1) }));
    await reader.store.deleteAnnotation(uuid(n), at(2));
  }
  await reader.db.clear('outbox');
}

describe('a pull of many documents', () => {
  it('ends as a pull of a few at a time does: newer versions taken, deletions lifted and made', async () => {
    const server = memoryDb('server');
    const maker = await browser('乙');
    await maker.store.recordArticle(ARTICLE, ARTICLE.url);
    for (let n = 1; n <= MANY; n++) await maker.store.saveAnnotation(annotation(n, { modified: at(10), note: `新${n}` }));
    await runSync(maker.bridge, server);
    // Deleted on the server: one the readers hold, one they never had.
    await maker.store.deleteAnnotation(uuid(30), at(11));
    await maker.store.deleteAnnotation(uuid(31), at(11));
    await runSync(maker.bridge, server);

    const [few, many] = [await browser('甲'), await browser('甲')];
    await storeHolding(few);
    await storeHolding(many);
    await few.store.saveAnnotation(annotation(30, { modified: at(1) }));
    await many.store.saveAnnotation(annotation(30, { modified: at(1) }));
    await few.db.clear('outbox');
    await many.db.clear('outbox');
    for (const reader of [few, many]) await reader.pouch.replicate.from(server);

    await few.bridge.pull();
    await new SyncBridge(many.db, many.pouch, { creator: () => '甲', batchSize: 500 }).pull();

    const library = await many.store.readAll();
    expect(library).toEqual(await few.store.readAll());
    expect(library.annotations).toHaveLength(MANY - 2);
    expect(await many.store.annotation(uuid(1))).toMatchObject({ note: '新1', modified: at(10) });
    // A deletion here, the highlight alive on the server: the highlight is back, the deletion gone.
    expect(await many.store.annotation(uuid(22))).toMatchObject({ note: '新22' });
    expect(library.tombstones.map((t) => t.id).sort()).toEqual([uuid(30), uuid(31)]);
  });

  it('into a fresh profile does not ask its replica which revisions it lacks; a replica that holds some is asked', async () => {
    const server = memoryDb('server');
    const maker = await browser('乙');
    await maker.store.recordArticle(ARTICLE, ARTICLE.url);
    for (let n = 1; n <= 10; n++) await maker.store.saveAnnotation(annotation(n, { modified: at(10) }));
    await runSync(maker.bridge, server);
    const fresh = await browser('甲');
    const asked: number[] = [];
    const revsDiff = fresh.pouch.revsDiff;
    fresh.pouch.revsDiff = ((diff: Record<string, string[]>) => {
      asked.push(Object.keys(diff).length);
      return revsDiff.call(fresh.pouch, diff);
    }) as typeof revsDiff;
    expect((await runSync(fresh.bridge, server)).error).toBeUndefined();
    expect(asked).toEqual([]);
    expect((await fresh.store.readAll()).annotations).toHaveLength(10);
    await maker.store.saveAnnotation(annotation(11, { modified: at(11) }));
    await runSync(maker.bridge, server);
    await runSync(fresh.bridge, server);
    expect(asked.length).toBeGreaterThan(0);
    expect((await fresh.store.readAll()).annotations).toHaveLength(11);
  });
});
