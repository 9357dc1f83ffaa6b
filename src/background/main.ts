/*
 * The background entry (Chrome: service worker; Firefox: background script). Wires the browser's
 * APIs to the testable logic in background.ts.
 */
import browser from 'webextension-polyfill';
import { handleMessage, type BackgroundPorts } from './background';

const ports: BackgroundPorts = {
  async injectReader(tabId, frameId) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['content-scripts/reader.js'] });
  },
  async markTab(tabId, title) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#a8322d' });
    await browser.action.setBadgeText({ tabId, text: '批' });
    await browser.action.setTitle({ tabId, title: `${browser.i18n.getMessage('extName')} — ${title}` });
  },
};

// The popup asks pages with tabs.sendMessage, which never reaches this listener: every message here is ours.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  handleMessage(message, { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url }, ports).catch((error: unknown) => {
    console.error('Pizhu background:', error);
    return { ok: false, error: String(error) };
  }),
);
