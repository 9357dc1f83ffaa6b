import { parseTabKey, tabKey } from '../annotation/storage-keys';
import type { BackgroundPorts } from './ports';

/** The part of storage.session the table uses (browser.storage.session, or a stand-in in tests). */
export interface SessionArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

type TabArticle = { articleId: string; title: string };

/**
 * Which article each tab's frame shows, kept in storage.session (a stopped worker starts afresh).
 * A page's `article-seen` is answered without waiting for its write (src/background/background.ts):
 * a lookup waits for any write this worker has under way, so the page's first save is judged by it.
 * A write that failed is remembered by this worker instead, so the page can still save while it runs.
 */
export function tabArticlesIn(area: SessionArea): BackgroundPorts['tabArticles'] {
  const writing = new Map<string, Promise<void>>();
  const unsaved = new Map<string, TabArticle>();
  const settled = (writes: Iterable<Promise<void> | undefined>) => Promise.allSettled(writes);
  return {
    async get(tabId, frameId) {
      const key = tabKey(tabId, frameId);
      await settled([writing.get(key)]);
      return unsaved.get(key) ?? ((await area.get(key))[key] as TabArticle | undefined);
    },
    set(tabId, frameId, value) {
      const key = tabKey(tabId, frameId);
      // A call that throws at once fails like one that rejects.
      const written = Promise.resolve().then(() => area.set({ [key]: value }));
      writing.set(key, written);
      // Only the latest write of a key says what it holds.
      const latest = () => writing.get(key) === written;
      void written
        .then(
          () => latest() && unsaved.delete(key),
          () => latest() && unsaved.set(key, value),
        )
        .finally(() => latest() && writing.delete(key));
      return written;
    },
    async all() {
      await settled(writing.values());
      const stored = Object.fromEntries(Object.entries(await area.get(null)).filter(([key]) => parseTabKey(key)));
      return Object.entries({ ...stored, ...Object.fromEntries(unsaved) }).map(([key, value]) => ({ ...parseTabKey(key)!, ...(value as TabArticle) }));
    },
  };
}
