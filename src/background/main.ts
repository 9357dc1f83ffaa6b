/*
 * The background entry (Chrome: service worker; Firefox: background script). Wires the browser's
 * APIs to the testable logic in background.ts. Nothing lives only in this worker's memory: the
 * store is IndexedDB, the tab → article table is storage.session; a stopped worker starts afresh.
 */
import browser from 'webextension-polyfill';
import { openDatabase } from '../store/database';
import { handleMessage, type BackgroundPorts } from './background';
import { belongsToTab, LIBRARY_CHANNEL, orphansKey } from '../annotation/storage-keys';
import { storeOpener } from './store-opener';
import { ReadAhead } from './read-ahead';
import { ReaderFolders } from './reader-folders';
import { READER_FILES, readerFolderRegistry } from './reader-folder-registry';
import { tabArticlesIn } from './tab-articles';
import { tabRevealsIn } from './tab-reveals';
import { startSync } from './sync-wiring';

const session = browser.storage.session;
let libraryPages: { postMessage(message: unknown): void } | undefined;
const reveals = tabRevealsIn(session);

const ports: BackgroundPorts = {
  ownId: browser.runtime.id,
  ownOrigin: browser.runtime.getURL(''),
  async tellTab(tabId, message, frameId = 0) {
    await browser.tabs.sendMessage(tabId, message, { frameId });
  },
  async injectReader(tabId, frameId) {
    // One injection: the highlighting runs right after the reader's first steps, while it waits for its theme and highlights (bench/README.md, page cost).
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: READER_FILES, injectImmediately: true });
  },
  async injectHighlighting(tabId, frameId) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['content-scripts/highlights.js'], injectImmediately: true });
  },
  async markTab(tabId, title, highlights) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#a8322d' });
    await browser.action.setBadgeText({ tabId, text: highlights > 0 ? String(highlights) : '批' });
    await browser.action.setTitle({ tabId, title: `${browser.i18n.getMessage('extName')} — ${title}` });
  },
  store: storeOpener(() => openDatabase()),
  readAhead: new ReadAhead(),
  readerFolders: new ReaderFolders(readerFolderRegistry),
  tabArticles: tabArticlesIn(session),
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
  reveals,
  session: {
    get: async (key) => (await session.get(key))[key],
    set: (key, value) => session.set({ [key]: value }),
    remove: (key) => session.remove(key),
  },
  tellLibraryPages(articleIds) {
    // Made at the first write, not each time the worker wakes: most wakes write nothing.
    libraryPages ??= new BroadcastChannel(LIBRARY_CHANNEL);
    libraryPages.postMessage({ articleIds });
  },
  async setOrphans(articleId, ids) {
    const key = orphansKey(articleId);
    if (ids.length) await browser.storage.local.set({ [key]: ids });
    else await browser.storage.local.remove(key);
  },
  now: () => new Date().toISOString(),
};

// A closed tab's entries would only grow the session store.
browser.tabs.onRemoved.addListener(async (tabId: number) => {
  reveals.forgetTab(tabId);
  const keys = Object.keys(await session.get(null));
  await session.remove(keys.filter((key) => belongsToTab(key, tabId)));
});

// The popup asks pages with tabs.sendMessage, which never reaches this listener.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  handleMessage(message, { id: sender.id, tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url, incognito: sender.tab?.incognito }, ports).catch((error: unknown) => {
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
