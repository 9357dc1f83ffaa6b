/*
 * The browser's side of the folders kept for the reader (reader-folders.ts): one registered content
 * script whose patterns are the folders. Used by the background, which keeps them, and by the options
 * page, which lists and forgets them.
 */
import browser from 'webextension-polyfill';
import type { ReaderFolderRegistry } from './reader-folders';

/** The reader and the highlighting right behind it, as the manifest runs them in archive folders. */
export const READER_FILES = ['content-scripts/reader.js', 'content-scripts/highlights.js'];
const ID = 'pizhu-reader-folders';

/**
 * Where the manifest runs the reader already (archive folders): a kept folder above one must not run it
 * there twice. Matched by the file's name, as Firefox gives the manifest's scripts as full addresses.
 */
const manifestReader = () => browser.runtime.getManifest().content_scripts?.find((script) => script.js?.some((file) => file.endsWith(READER_FILES[0]!)))?.matches ?? [];

/** One content script for all the folders (a file in two of them is read once), which the browser keeps across its restarts. */
export const readerFolderRegistry: ReaderFolderRegistry = {
  async patterns() {
    const [script] = await browser.scripting.getRegisteredContentScripts({ ids: [ID] });
    return script?.matches ?? [];
  },
  async setPatterns(matches) {
    const [kept] = await browser.scripting.getRegisteredContentScripts({ ids: [ID] });
    if (!matches.length) {
      if (kept) await browser.scripting.unregisterContentScripts({ ids: [ID] });
      return;
    }
    // Written whole each time: the script always names this version's files and exclusions.
    const script = { id: ID, matches, excludeMatches: manifestReader(), js: READER_FILES, runAt: 'document_end' as const, allFrames: false, persistAcrossSessions: true };
    await (kept ? browser.scripting.updateContentScripts([script]) : browser.scripting.registerContentScripts([script]));
  },
};
