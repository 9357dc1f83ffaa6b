import { describe, expect, it } from 'vitest';
import { ARTICLE, annotation, at, browser, httpDb, memoryDb, uuid } from './test-harness';
import { runSync } from './run';
import { readDoc } from './doc';

const strip = ({ creator: _creator, ...rest }: { creator?: string } & Record<string, unknown>) => rest;

describe('the sync bridge', () => {
  it('sends a highlight to the server and another browser gets it, with its article and its maker', async () => {
    const server = memoryDb('server');
    const [one, two] = [await browser('甲'), await browser('乙')];
    await one.store.recordArticle(ARTICLE, ARTICLE.url);
    await one.store.saveAnnotation(annotation(1, { note: '笔记', tags: ['t'], modified: at(5) }));
    const first = await runSync(one.bridge, server);
    expect(first.error).toBeUndefined();
    expect(first.waiting).toBe(0);

    const doc = (await server.get(uuid(1))) as Record<string, unknown>;
    expect(doc.type).toBe('Annotation');
    expect(doc.id).toBe(`urn:uuid:${uuid(1)}`);
    expect(doc.creator).toEqual({ type: 'Person', name: '甲' });
    expect(JSON.stringify(doc)).not.toContain('password');

    await runSync(two.bridge, server);
    const got = await two.store.annotation(uuid(1));
    expect(got).toEqual({ ...annotation(1, { note: '笔记', tags: ['t'], modified: at(5) }), creator: '甲' });
    expect((await two.store.article(ARTICLE.id))?.title).toBe('标题');
    expect((await two.store.article(ARTICLE.id))?.seenAt).toEqual([ARTICLE.url]);
  });

  it('carries a deletion both ways, and a deleted highlight stays deleted', async () => {
    const server = memoryDb('server');
    const [one, two] = [await browser(), await browser()];
    await one.store.recordArticle(ARTICLE, ARTICLE.url);
    await one.store.saveAnnotation(annotation(1, { modified: at(1) }));
    await runSync(one.bridge, server);
    await runSync(two.bridge, server);
    await two.store.deleteAnnotation(uuid(1), at(2));
    await runSync(two.bridge, server);
    await runSync(one.bridge, server);
    expect(await one.store.annotation(uuid(1))).toBeUndefined();
    expect(await one.store.tombstones()).toEqual([{ id: uuid(1), articleId: ARTICLE.id, deleted: at(2) }]);
    const doc = (await server.get(uuid(1))) as Record<string, unknown>;
    expect(doc.type).toBe('pizhu:Tombstone');
    expect(doc['pizhu:deleted']).toBe(at(2));
  });

  it('sends an undo of a deletion that already went out', async () => {
    const server = memoryDb('server');
    const [one, two] = [await browser(), await browser()];
    await one.store.recordArticle(ARTICLE, ARTICLE.url);
    await one.store.saveAnnotation(annotation(1, { modified: at(1) }));
    const receipt = (await one.store.deleteAnnotation(uuid(1), at(2)))!;
    await runSync(one.bridge, server);
    expect(await one.store.undoDelete(receipt, at(3))).toBe(true);
    await runSync(one.bridge, server);
    await runSync(two.bridge, server);
    expect(strip((await one.store.annotation(uuid(1)))!)).toEqual(annotation(1, { modified: at(1) }));
    expect(strip((await two.store.annotation(uuid(1)))!)).toEqual(annotation(1, { modified: at(1) }));
  });

  it('keeps working without the server, then converges', async () => {
    const server = memoryDb('server');
    const [one, two] = [await browser(), await browser()];
    const unreachable = httpDb('http://127.0.0.1:9/pizhu');
    await one.store.recordArticle(ARTICLE, ARTICLE.url);
    await one.store.saveAnnotation(annotation(1, { modified: at(1) }));
    const run = await runSync(one.bridge, unreachable);
    expect(run.error?.words).toBe('server unreachable: will retry');
    expect(run.waiting).toBeGreaterThan(0);
    // The replica has it already: the outbox is empty, the server still waits for it.
    expect(await one.db.count('outbox')).toBe(0);
    const later = await runSync(one.bridge, server);
    expect(later.error).toBeUndefined();
    expect(later.waiting).toBe(0);
    await runSync(two.bridge, server);
    expect(await two.store.annotation(uuid(1))).toBeDefined();
  });

  it('loses nothing and repeats nothing harmful after a crash between pushing and clearing the outbox', async () => {
    const one = await browser();
    await one.store.recordArticle(ARTICLE, ARTICLE.url);
    await one.store.saveAnnotation(annotation(1, { modified: at(1) }));
    // A crash after the replica took the documents and before the outbox was cleared.
    const bulkDocs = one.pouch.bulkDocs.bind(one.pouch);
    let crashed = false;
    const pouch = Object.assign(Object.create(one.pouch) as object, {
      bulkDocs: async (...args: Parameters<typeof bulkDocs>) => {
        const result = await bulkDocs(...args);
        // Once the highlight is in (its article went in a batch before).
        if (!(args[0] as { _id: string }[]).some((doc) => doc._id === uuid(1))) return result;
        crashed = true;
        throw Object.assign(new Error('worker stopped'), { result });
      },
    }) as unknown as PouchDB.Database;
    const { SyncBridge } = await import('./bridge');
    await expect(new SyncBridge(one.db, pouch).push()).rejects.toThrow('worker stopped');
    expect(crashed).toBe(true);
    expect(await one.db.count('outbox')).toBeGreaterThan(0);
    const revBefore = (await one.pouch.get(uuid(1)))._rev;
    // Started again: the same documents are in the replica already and nothing is written twice.
    const again = await one.bridge.push();
    expect(again.pushed).toBe(0);
    expect((await one.pouch.get(uuid(1)))._rev).toBe(revBefore);
    expect(await one.db.count('outbox')).toBe(0);
  });

  it('loses nothing after a crash between reading a batch and saving its checkpoint', async () => {
    const server = memoryDb('server');
    const [one, two] = [await browser(), await browser()];
    await one.store.recordArticle(ARTICLE, ARTICLE.url);
    for (let i = 1; i <= 20; i++) await one.store.saveAnnotation(annotation(i, { modified: at(i) }));
    await runSync(one.bridge, server);
    await two.pouch.sync(server);
    // The worker stops after a batch's records are written and before its checkpoint is: the
    // records stay (harsher than a rolled-back transaction), the checkpoint does not move.
    const transaction = two.db.transaction.bind(two.db);
    // defineProperty: idb's proxy would take an assignment onto the real database.
    const broken = Object.create(two.db, {
      transaction: {
        value: (...args: Parameters<typeof transaction>) => {
          const tx = transaction(...args);
          if (!Array.isArray(args[0]) || !args[0].includes('syncState') || args[1] !== 'readwrite') return tx;
          return new Proxy(tx, {
            get: (target, key) =>
              key === 'objectStore'
                ? (name: string) => (name === 'syncState' ? { put: () => Promise.reject(new Error('worker stopped')) } : target.objectStore(name as never))
                : Reflect.get(target, key),
          });
        },
      },
    }) as typeof two.db;
    const { SyncBridge } = await import('./bridge');
    await expect(new SyncBridge(broken, two.pouch, { batchSize: 7 }).pull()).rejects.toThrow('worker stopped');
    expect(await two.db.get('syncState', 'pullSeq')).toBeUndefined();
    expect((await two.store.readAll()).annotations.length).toBeLessThan(20);
    await two.bridge.pull();
    expect((await two.store.readAll()).annotations).toHaveLength(20);
  });

  it('refuses hostile and malformed documents, says why, and writes nothing of them', async () => {
    const server = memoryDb('server');
    const one = await browser();
    await one.store.recordArticle(ARTICLE, ARTICLE.url);
    await one.store.saveAnnotation(annotation(1, { modified: at(1) }));
    await runSync(one.bridge, server);
    const good = (await server.get(uuid(1))) as Record<string, unknown>;
    const hostile = [
      { _id: uuid(2), type: 'Annotation', target: 'https://evil.example/', 'pizhu:articleId': ARTICLE.id },
      { ...good, _id: uuid(3), _rev: undefined, id: `urn:uuid:${uuid(4)}` },
      { ...good, _id: uuid(5), _rev: undefined, id: `urn:uuid:${uuid(5)}`, 'pizhu:color': 'red' },
      { ...good, _id: uuid(6), _rev: undefined, id: `urn:uuid:${uuid(6)}`, modified: 'yesterday' },
      { ...good, _id: uuid(7), _rev: undefined, id: `urn:uuid:${uuid(7)}`, creator: { name: 'x'.repeat(500) } },
      { _id: uuid(8), type: 'pizhu:Tombstone', id: `urn:uuid:${uuid(8)}`, 'pizhu:articleId': ARTICLE.id, 'pizhu:deleted': 'never' },
      {
        _id: 'article:javascript',
        type: 'pizhu:Article',
        'pizhu:article': { id: 'javascript', url: 'javascript:alert(1)', title: 'x', source: 'other', publishedAt: null, seenAt: [], annotatedAt: null },
      },
      { _id: 'something', type: 'Mystery' },
      { _id: 'big', type: 'Annotation', 'pizhu:articleId': ARTICLE.id, padding: 'x'.repeat(1_100_000) },
      {
        ...good,
        _id: uuid(9),
        _rev: undefined,
        id: `urn:uuid:${uuid(9)}`,
        'pizhu:articleId': 'another/article',
        target: { ...(good.target as object), selector: [{ type: 'TextQuoteSelector', exact: '' }] },
      },
    ];
    for (const doc of hostile) await server.put(Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== undefined)) as never);
    const run = await runSync(one.bridge, server);
    const refused = new Set(run.report.refused.map((r) => r.id));
    for (const id of [uuid(2), uuid(3), uuid(5), uuid(6), uuid(7), uuid(8), 'article:javascript', 'something', 'big', uuid(9)]) expect(refused, id).toContain(id);
    const library = await one.store.readAll();
    expect(library.annotations.map((a) => a.id)).toEqual([uuid(1)]);
    expect(library.tombstones).toEqual([]);
    expect(library.articles.map((a) => a.id)).toEqual([ARTICLE.id]);
  });

  it('never moves a highlight to another article', async () => {
    const server = memoryDb('server');
    const one = await browser();
    await one.store.recordArticle(ARTICLE, ARTICLE.url);
    await one.store.saveAnnotation(annotation(1, { modified: at(1) }));
    await runSync(one.bridge, server);
    const doc = (await server.get(uuid(1))) as Record<string, unknown>;
    await server.put({ ...doc, 'pizhu:articleId': 'elsewhere/article', modified: at(9) } as never);
    const run = await runSync(one.bridge, server);
    expect(run.report.refused.map((r) => r.id)).toContain(uuid(1));
    expect((await one.store.annotation(uuid(1)))?.articleId).toBe(ARTICLE.id);
  });

  it('reads its own documents back exactly', async () => {
    const one = await browser();
    await one.store.recordArticle(ARTICLE, ARTICLE.url);
    const record = annotation(1, { note: '笔记\n第二行', tags: ['甲', 'b'], color: 'purple', modified: at(3), creator: '某人' });
    await one.store.saveAnnotation(record);
    await one.bridge.push();
    const read = readDoc(await one.pouch.get(uuid(1)));
    expect(read).toEqual({ kind: 'version', id: uuid(1), version: { kind: 'annotation', record } });
  });

  it('passes over its own writes in the pull that follows, and the store holds them as a reader of them would', async () => {
    const server = memoryDb('server');
    const one = await browser('甲');
    await one.store.recordArticle(ARTICLE, ARTICLE.url);
    for (let n = 1; n <= 20; n++) await one.store.saveAnnotation(annotation(n, { modified: at(n) }));
    const first = await runSync(one.bridge, server);
    expect(first.error).toBeUndefined();
    // Nothing read back into the store, which keeps the reader's own highlights without the name their documents carry.
    expect(first.report.pulled).toBe(0);
    expect(await one.store.annotation(uuid(7))).toEqual(annotation(7, { modified: at(7) }));
    expect(((await one.pouch.get(uuid(7))) as { creator?: unknown }).creator).toEqual({ type: 'Person', name: '甲' });
    // A bridge that did not write them (a worker stopped and started) reads the same back: nothing changes.
    const { SyncBridge } = await import('./bridge');
    await one.db.delete('syncState', 'pullSeq');
    const again = await new SyncBridge(one.db, one.pouch, { creator: () => '甲', batchSize: 7 }).pull();
    expect(again.pulled).toBe(0);
    expect(again.refused).toEqual([]);
    const second = await runSync(one.bridge, server);
    expect([second.report.pushed, second.report.pulled, second.waiting]).toEqual([0, 0, 0]);
  });
});
