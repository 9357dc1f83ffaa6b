import { describe, expect, it, vi } from 'vitest';
import { ARTICLE, annotation, at, browser, httpDb, memoryDb, uuid, type Browser } from './test-harness';
import { runSync } from './run';
import { replicaLacksAny, watchServer } from './watch';

/** A browser's watch of the server from where its last run left off, with its replica deciding what is new. */
function watchFrom(server: PouchDB.Database, watcher: Browser, since: number | string, forMs = 60_000) {
  const lacksAny = vi.fn((revs: Record<string, string[]>) => replicaLacksAny(watcher.pouch, revs));
  return { watch: watchServer(server, { since, forMs, lacksAny }), lacksAny };
}

async function highlightAndSync(maker: Browser, server: PouchDB.Database, ...ns: number[]): Promise<void> {
  await maker.store.recordArticle(ARTICLE, ARTICLE.url);
  for (const n of ns) await maker.store.saveAnnotation(annotation(n, { modified: at(n) }));
  expect((await runSync(maker.bridge, server)).error).toBeUndefined();
}

describe("the watch of the server's changes between runs", () => {
  it('ends with news when another browser sends changes, checked together', async () => {
    const server = memoryDb('server');
    const [one, two] = [await browser('甲'), await browser('乙')];
    await highlightAndSync(one, server, 1);
    const { serverSeq } = await runSync(two.bridge, server);
    expect(serverSeq).toBeDefined();
    const { watch, lacksAny } = watchFrom(server, two, serverSeq!);
    await highlightAndSync(one, server, 2, 3, 4);
    await expect(watch.ended).resolves.toEqual({ kind: 'news' });
    expect(lacksAny).toHaveBeenCalledTimes(1);
    // The three highlights (and their article's document) in one check.
    expect(Object.keys(lacksAny.mock.calls[0]![0])).toEqual(expect.arrayContaining([uuid(2), uuid(3), uuid(4)]));
    // The run the news starts brings them.
    await runSync(two.bridge, server);
    expect((await two.store.annotationsFor(ARTICLE.id)).length).toBe(4);
  });

  it("passes over the browser's own changes coming back, and ends when its time is up", async () => {
    const server = memoryDb('server');
    const one = await browser();
    const { serverSeq } = await runSync(one.bridge, server);
    const { watch, lacksAny } = watchFrom(server, one, serverSeq!, 1500);
    await highlightAndSync(one, server, 1);
    await expect(watch.ended).resolves.toEqual({ kind: 'expired' });
    // The feed did report the change; the replica had it.
    expect(lacksAny).toHaveBeenCalled();
    await expect(lacksAny.mock.results[0]!.value).resolves.toBe(false);
  });

  it('reports nothing from before the sequence it starts at', async () => {
    const server = memoryDb('server');
    const [one, two] = [await browser(), await browser()];
    await highlightAndSync(one, server, 1);
    const { update_seq } = await server.info();
    // Two never ran: it lacks the highlight, but the watch starts after it.
    const { watch, lacksAny } = watchFrom(server, two, update_seq, 800);
    await expect(watch.ended).resolves.toEqual({ kind: 'expired' });
    expect(lacksAny).not.toHaveBeenCalled();
  });

  it('ends when cancelled, and reports nothing after', async () => {
    const server = memoryDb('server');
    const [one, two] = [await browser(), await browser()];
    const { serverSeq } = await runSync(two.bridge, server);
    const { watch, lacksAny } = watchFrom(server, two, serverSeq!);
    watch.cancel();
    await highlightAndSync(one, server, 1);
    await expect(watch.ended).resolves.toEqual({ kind: 'cancelled' });
    await new Promise((r) => setTimeout(r, 500));
    expect(lacksAny).not.toHaveBeenCalled();
  });

  it('ends as failed, with the error, when the server cannot be reached', async () => {
    const one = await browser();
    // Nothing listens on port 9 of this machine (discard, never started here).
    const { watch } = watchFrom(httpDb('http://127.0.0.1:9/pizhu'), one, 0);
    const end = await watch.ended;
    expect(end.kind).toBe('failed');
    expect(end.kind === 'failed' && end.error).toBeTruthy();
  });
});
