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
 */
export function tabArticlesIn(area: SessionArea): BackgroundPorts['tabArticles'] {
  const writing = new Map<string, Promise<void>>();
  const settled = (writes: Iterable<Promise<void> | undefined>) => Promise.allSettled(writes);
  return {
    async get(tabId, frameId) {
      const key = tabKey(tabId, frameId);
      await settled([writing.get(key)]);
      return (await area.get(key))[key] as TabArticle | undefined;
    },
    set(tabId, frameId, value) {
      const key = tabKey(tabId, frameId);
      const written = area.set({ [key]: value });
      writing.set(key, written);
      void settled([written]).then(() => {
        if (writing.get(key) === written) writing.delete(key);
      });
      return written;
    },
    async all() {
      await settled(writing.values());
      return Object.entries(await area.get(null)).flatMap(([key, value]) => {
        const tab = parseTabKey(key);
        return tab ? [{ ...tab, ...(value as TabArticle) }] : [];
      });
    },
  };
}
