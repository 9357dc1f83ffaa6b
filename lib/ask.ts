import { api } from './browser-api';
import { askWith } from '../src/messages/replies';

/**
 * Asks the background (the note editor, the popup, the library page; the scripts in pages use
 * page-ask.ts, the same without a schema library):
 * resolves with the reply the message expects, checked; throws BackgroundRefused when the
 * background says no, BackgroundUnreachable when nothing (or nothing valid) answers.
 */
export const ask = askWith((message) => api.runtime.sendMessage(message));
