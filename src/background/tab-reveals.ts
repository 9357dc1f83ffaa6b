import { parseRevealKey, revealKey } from '../annotation/storage-keys';
import type { BackgroundPorts } from './ports';
import type { SessionArea } from './tab-articles';

/** The part of storage.session the reveals use (browser.storage.session, or a stand-in in tests). */
export interface RevealArea extends SessionArea {
  remove(key: string): Promise<void>;
}

export type TabReveals = BackgroundPorts['reveals'] & {
  /** The tab closed: its reveal is gone from the storage (the worker removes its keys), and from here. */
  forgetTab(tabId: number): void;
};

/**
 * The highlight each tab opened from the popup should scroll to, kept in storage.session (it outlives
 * the worker) and mirrored in this worker's memory, read from the storage once. A page's
 * `article-seen` asks for its tab's reveal on every visit; in the middle of a page load a read of the
 * browser's storage can take longer than the highlights' own (bench/README.md, page cost), and the
 * mirror answers at once. Only this worker writes reveal keys, always through here.
 */
export function tabRevealsIn(area: RevealArea): TabReveals {
  let mirror: Promise<Map<number, string>> | null = null;
  const loaded = () => {
    if (!mirror) {
      mirror = area.get(null).then((all) => {
        const reveals = new Map<number, string>();
        for (const [key, id] of Object.entries(all)) {
          const tabId = parseRevealKey(key);
          if (tabId !== null && typeof id === 'string') reveals.set(tabId, id);
        }
        return reveals;
      });
      // A failed first read is not kept: the next question reads again.
      mirror.catch(() => (mirror = null));
    }
    return mirror;
  };
  return {
    async peek(tabId) {
      return (await loaded()).get(tabId);
    },
    async drop(tabId, id) {
      const reveals = await loaded();
      if (reveals.get(tabId) !== id) return;
      reveals.delete(tabId);
      await area.remove(revealKey(tabId));
    },
    async set(tabId, id) {
      // Known here before it is stored: a page that asks meanwhile gets it.
      (await loaded()).set(tabId, id);
      await area.set({ [revealKey(tabId)]: id });
    },
    forgetTab(tabId) {
      // Where the first read is still under way, its failure is answered to the ones that asked.
      mirror?.then((reveals) => reveals.delete(tabId)).catch(() => undefined);
    },
  };
}
