import browser from 'webextension-polyfill';
import { askWith } from '../src/messages/replies';

export { BackgroundRefused } from '../src/messages/replies';

/**
 * Asks the background (content scripts, the note editor, the popup and the library page alike):
 * resolves with the reply the message expects, checked; throws BackgroundRefused when the
 * background says no, BackgroundUnreachable when nothing (or nothing valid) answers.
 */
export const ask = askWith((message) => browser.runtime.sendMessage(message));
