import { pageAskWith } from '../src/messages/page-ask';
import { api } from './browser-api';

export { BackgroundRefused } from '../src/messages/errors';

/**
 * `ask` (ask.ts) for the scripts Pizhu puts into pages: the page's requests, their replies checked
 * without a schema library (src/messages/page-guards.ts), through the browser's own API.
 */
export const ask = pageAskWith((message) => api.runtime.sendMessage(message));
