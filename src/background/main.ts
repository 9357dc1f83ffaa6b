/*
 * The background entry (Chrome: service worker; Firefox: background script). Wires the browser's
 * APIs to the testable logic in background.ts. Nothing lives only in this worker's memory: the
 * store is IndexedDB, the tab → article table is storage.session; a stopped worker starts afresh.
 */
import browser from 'webextension-polyfill';
import { openDatabase } from '../store/database';
import { AnnotationStore } from '../store/store';
import { handleMessage, type BackgroundPorts } from './background';
import { startSync } from './sync-wiring';

let store: Promise<AnnotationStore> | null = null;
const tabKey = (tabId: number, frameId: number) => `tab:${tabId}:${frameId}`;

const ports: BackgroundPorts = {
  ownId: browser.runtime.id,
  ownOrigin: browser.runtime.getURL(''),
  async tellTab(tabId, message) {
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  },
  async injectReader(tabId, frameId) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['content-scripts/reader.js'] });
  },
  async markTab(tabId, title, highlights) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#a8322d' });
    await browser.action.setBadgeText({ tabId, text: highlights > 0 ? String(highlights) : '批' });
    await browser.action.setTitle({ tabId, title: `${browser.i18n.getMessage('extName')} — ${title}` });
  },
  store() {
    store ??= openDatabase().then((db) => new AnnotationStore(db));
    return store;
  },
  tabArticles: {
    async get(tabId, frameId) {
      const key = tabKey(tabId, frameId);
      const found = (await browser.storage.session.get(key))[key] as { articleId: string; title: string } | undefined;
      return found;
    },
    async set(tabId, frameId, value) {
      await browser.storage.session.set({ [tabKey(tabId, frameId)]: value });
    },
    async all() {
      const entries = Object.entries(await browser.storage.session.get(null));
      return entries.flatMap(([key, value]) => {
        const match = /^tab:(\d+):(\d+)$/.exec(key);
        return match ? [{ tabId: Number(match[1]), frameId: Number(match[2]), ...(value as { articleId: string; title: string }) }] : [];
      });
    },
  },
  async showUrl(url) {
    const bare = (address: string) => address.replace(/#.*$/, '');
    const open = (await browser.tabs.query({})).find((tab) => tab.url && bare(tab.url) === bare(url));
    if (open?.id !== undefined) {
      await browser.tabs.update(open.id, { active: true });
      if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
      return { tabId: open.id, opened: false };
    }
    const created = await browser.tabs.create({ url });
    return { tabId: created.id!, opened: true };
  },
  reveals: {
    async take(tabId) {
      const key = `reveal:${tabId}`;
      const id = (await browser.storage.session.get(key))[key] as string | undefined;
      if (id) await browser.storage.session.remove(key);
      return id;
    },
    async set(tabId, id) {
      await browser.storage.session.set({ [`reveal:${tabId}`]: id });
    },
  },
  async setOrphans(articleId, ids) {
    const key = `orphans:${articleId}`;
    if (ids.length) await browser.storage.local.set({ [key]: ids });
    else await browser.storage.local.remove(key);
  },
  now: () => new Date().toISOString(),
};

// A closed tab's entries would only grow the session store.
browser.tabs.onRemoved.addListener(async (tabId: number) => {
  const keys = Object.keys(await browser.storage.session.get(null));
  await browser.storage.session.remove(keys.filter((key) => key.startsWith(`tab:${tabId}:`) || key === `reveal:${tabId}`));
});

// The popup asks pages with tabs.sendMessage, which never reaches this listener.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  handleMessage(message, { id: sender.id, tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url }, ports).catch((error: unknown) => {
    console.error('Pizhu background:', error);
    return { ok: false, error: String(error) };
  }),
);

/** The keyboard command and the context-menu item: highlight the selection, in the page's last colour. */
function highlightIn(tabId: number | undefined): void {
  if (tabId === undefined) return;
  browser.tabs.sendMessage(tabId, { type: 'highlight-selection' }, { frameId: 0 }).catch((error: unknown) => console.warn('Pizhu: no article in this tab', error));
}

browser.commands.onCommand.addListener(async (command: string) => {
  if (command !== 'highlight-selection') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  highlightIn(tab?.id);
});

browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.create({
    id: 'pizhu-highlight',
    title: browser.i18n.getMessage('contextHighlight'),
    contexts: ['selection'],
    documentUrlPatterns: ['file:///*', 'https://cn.reuters.com/article/*', 'https://www.reuters.com/*'],
  });
});
browser.contextMenus.onClicked.addListener((info: browser.Menus.OnClickData, tab?: browser.Tabs.Tab) => {
  if (info.menuItemId === 'pizhu-highlight') highlightIn(tab?.id);
});

// Sync through a CouchDB-compatible server, when the options page set one up.
startSync(ports);
