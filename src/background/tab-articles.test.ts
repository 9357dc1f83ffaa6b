import { describe, expect, it } from 'vitest';
import { type SessionArea, tabArticlesIn } from './tab-articles';

/** A storage area whose writes land only when the test lets them (or fail when it says so). */
function slowArea() {
  const stored = new Map<string, unknown>();
  const pending: { items: Record<string, unknown>; land(): void; fail(): void }[] = [];
  const area: SessionArea = {
    get: async (key) => Object.fromEntries([...stored].filter(([k]) => key === null || k === key)),
    set: (items) =>
      new Promise<void>((resolve, reject) => {
        pending.push({
          items,
          land: () => {
            for (const [k, v] of Object.entries(items)) stored.set(k, v);
            resolve();
          },
          fail: () => reject(new Error('quota')),
        });
      }),
  };
  return { area, pending };
}

const article = (articleId: string) => ({ articleId, title: `t ${articleId}` });

describe('tabArticlesIn', () => {
  it('answers a lookup after the write of its tab still under way, not before', async () => {
    const { area, pending } = slowArea();
    const table = tabArticlesIn(area);
    void table.set(3, 0, article('a'));
    let answer: unknown = 'none yet';
    const lookup = table.get(3, 0).then((found) => (answer = found));
    await new Promise((done) => setTimeout(done));
    expect(answer).toBe('none yet');
    pending[0]!.land();
    await lookup;
    expect(answer).toEqual(article('a'));
  });

  it('lists every tab once their writes are done; a write that failed is kept by the worker, so the page can still save', async () => {
    const { area, pending } = slowArea();
    const table = tabArticlesIn(area);
    void table.set(3, 0, article('a'));
    const failed = table.set(4, 0, article('b'));
    const all = table.all();
    await new Promise((done) => setTimeout(done));
    pending[0]!.land();
    pending[1]!.fail();
    await expect(failed).rejects.toThrow('quota');
    expect(await all).toEqual([
      { tabId: 3, frameId: 0, ...article('a') },
      { tabId: 4, frameId: 0, ...article('b') },
    ]);
    expect(await table.get(4, 0)).toEqual(article('b'));
  });

  it('answers the latest write of a tab, whichever of two under way lands or fails first', async () => {
    const { area, pending } = slowArea();
    const table = tabArticlesIn(area);
    const first = table.set(3, 0, article('old'));
    void table.set(3, 0, article('new'));
    const lookup = table.get(3, 0);
    await new Promise((done) => setTimeout(done));
    pending[1]!.land();
    pending[0]!.fail();
    await expect(first).rejects.toThrow('quota');
    expect(await lookup).toEqual(article('new'));
    expect(await table.get(3, 0)).toEqual(article('new'));
  });
});
