import browser from 'webextension-polyfill';
import type { Article } from '../../src/model/article';
import { parseMessage, summarize, type Reply } from '../../src/messages/protocol';

/**
 * Tells the background which article this page shows (it marks the toolbar button) and answers
 * the popup's `get-article`. Failures are logged, not thrown: the page must keep working.
 */
export function announceArticle(article: Article): void {
  const summary = summarize(article);
  // One line for readers who open devtools (and for tests where the badge cannot be read).
  console.info(`Pizhu: read ${summary.id} (${summary.blockCount} blocks)`);
  browser.runtime.onMessage.addListener((raw: unknown): Promise<Reply> | undefined => {
    const message = parseMessage(raw);
    if (message?.type !== 'get-article') return undefined;
    return Promise.resolve({ ok: true, article: summary });
  });
  browser.runtime.sendMessage({ type: 'article-seen', article: summary }).catch((error: unknown) => {
    console.warn('Pizhu: could not reach the extension background', error);
  });
}
