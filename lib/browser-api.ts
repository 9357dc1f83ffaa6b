import type Browser from 'webextension-polyfill';

/**
 * The extension API as the browser itself gives it, for the scripts Pizhu puts into pages, whose
 * size counts (bench/README.md): Firefox's `browser.*`, else Chrome's `chrome.*`. In Manifest V3
 * both return promises from the calls Pizhu makes (manifest.json's minimum_chrome_version, Firefox's
 * strict_min_version), so webextension-polyfill, which adds that to Chrome's Manifest V2 callbacks,
 * is not needed there. The polyfill's types describe both.
 */
export type Api = typeof Browser;
export type StorageChange = Browser.Storage.StorageChange;

export const api: Api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;

/**
 * Hears the extension's messages: `listener` answers with a promise, or with undefined when the
 * message is not for it. Chrome answers a message through `sendResponse` (a listener's returned
 * promise is not an answer there), Firefox either way: this answers through `sendResponse` in both.
 * Returns the function that stops hearing.
 */
export function onMessage(listener: (message: unknown) => Promise<unknown> | undefined): () => void {
  const heard = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): true | undefined => {
    const answer = listener(message);
    if (!answer) return undefined;
    answer.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
    return true;
  };
  const event = api.runtime.onMessage as unknown as { addListener(f: typeof heard): void; removeListener(f: typeof heard): void };
  event.addListener(heard);
  return () => event.removeListener(heard);
}
