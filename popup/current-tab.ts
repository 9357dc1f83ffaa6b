import browser from 'webextension-polyfill';
import { parseReply, type ArticleSummary } from '../src/messages/protocol';

export type TabState = { kind: 'article'; article: ArticleSummary } | { kind: 'none'; isFile: boolean };

/** Asks the active tab's content script which article it shows; a tab without one answers nothing. */
export async function describeActiveTab(): Promise<TabState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { kind: 'none', isFile: false };
  const isFile = tab.url?.startsWith('file:') ?? false;
  try {
    const reply = parseReply(await browser.tabs.sendMessage(tab.id, { type: 'get-article' }));
    if (reply?.ok && reply.article) return { kind: 'article', article: reply.article };
  } catch {
    // No content script in that tab: not an article page (or no file access in Chrome).
  }
  return { kind: 'none', isFile };
}
