import { describe, expect, it } from 'vitest';
import { type RevealArea, tabRevealsIn } from './tab-reveals';

/** A storage area that counts its reads. */
function countingArea(initial: Record<string, unknown> = {}) {
  const stored = new Map<string, unknown>(Object.entries(initial));
  let reads = 0;
  const area: RevealArea = {
    get: async (key) => {
      reads += 1;
      return Object.fromEntries([...stored].filter(([k]) => key === null || k === key));
    },
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) stored.set(k, v);
    },
    remove: async (key) => void stored.delete(key),
  };
  return { area, stored, reads: () => reads };
}

describe('tabRevealsIn', () => {
  it('reads what a worker before it stored, once, and answers every later question from memory', async () => {
    const { area, reads } = countingArea({ 'reveal:4': 'aaaa0000', 'reveal:x': 'no tab', 'tab:4:0': { articleId: 'a' } });
    const reveals = tabRevealsIn(area);
    expect(await reveals.peek(4)).toBe('aaaa0000');
    expect(await reveals.peek(5)).toBeUndefined();
    expect(await reveals.peek(4)).toBe('aaaa0000');
    expect(reads()).toBe(1);
  });

  it('stores what it is told, and forgets a reveal only when it is still the one dropped', async () => {
    const { area, stored } = countingArea();
    const reveals = tabRevealsIn(area);
    await reveals.set(2, 'bbbb1111');
    expect(stored.get('reveal:2')).toBe('bbbb1111');
    await reveals.set(2, 'cccc2222');
    await reveals.drop(2, 'bbbb1111');
    expect(await reveals.peek(2)).toBe('cccc2222');
    expect(stored.get('reveal:2')).toBe('cccc2222');
    await reveals.drop(2, 'cccc2222');
    expect(await reveals.peek(2)).toBeUndefined();
    expect(stored.has('reveal:2')).toBe(false);
    // What it stored, a worker started afresh reads back.
    await reveals.set(3, 'dddd3333');
    expect(await tabRevealsIn(area).peek(3)).toBe('dddd3333');
  });

  it('forgets a closed tab, and reads again after a failed first read', async () => {
    const { area } = countingArea({ 'reveal:6': 'eeee4444' });
    let fail = true;
    const flaky: RevealArea = { ...area, get: (key) => (fail ? Promise.reject(new Error('no storage')) : area.get(key)) };
    const reveals = tabRevealsIn(flaky);
    await expect(reveals.peek(6)).rejects.toThrow('no storage');
    fail = false;
    expect(await reveals.peek(6)).toBe('eeee4444');
    reveals.forgetTab(6);
    await new Promise((done) => setTimeout(done));
    expect(await reveals.peek(6)).toBeUndefined();
  });
});
