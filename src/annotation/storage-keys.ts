/**
 * The keys Pizhu keeps in the browser's extension storage, in one place: the background writes
 * them, the popup reads some. storage.session (cleared when the browser closes) holds what tabs
 * show and what they were asked to do; storage.local holds what outlives the session.
 */

/**
 * The BroadcastChannel on which the extension's own pages (and the background) say which articles'
 * highlights they changed: an open library page lists them again. A channel of the extension's
 * origin, which no web page and no content script can hear.
 */
export const LIBRARY_CHANNEL = 'pizhu-library';

/** storage.session: which article a tab's frame shows. */
export const tabKey = (tabId: number, frameId: number): string => `tab:${tabId}:${frameId}`;
/** Reads a tabKey back; null for any other key. */
export function parseTabKey(key: string): { tabId: number; frameId: number } | null {
  const match = /^tab:(\d+):(\d+)$/.exec(key);
  return match ? { tabId: Number(match[1]), frameId: Number(match[2]) } : null;
}

/** storage.session: the highlight a tab opened from the popup scrolls to once its page has read the article. */
export const revealKey = (tabId: number): string => `reveal:${tabId}`;
/** Reads a revealKey back: its tab; null for any other key. */
export function parseRevealKey(key: string): number | null {
  const match = /^reveal:(\d+)$/.exec(key);
  return match ? Number(match[1]) : null;
}

/** storage.session: a one-time token for opening the note editor on one highlight in one tab (only that tab can present it). */
export const noteTokenKey = (tabId: number, token: string): string => `note-token:${tabId}:${token}`;
/** storage.session: the highlight a note editor frame was opened on (by presenting its token). */
export const noteFrameKey = (tabId: number, frameId: number): string => `note-frame:${tabId}:${frameId}`;

/** storage.session: what a delete made on a tab's page needs for its undo, for a few seconds. */
export const undoKey = (tabId: number, annotationId: string): string => `undo:${tabId}:${annotationId}`;

/** Every storage.session key that belongs to one tab, to forget when the tab closes. */
export function belongsToTab(key: string, tabId: number): boolean {
  return key.startsWith(`tab:${tabId}:`) || key === revealKey(tabId) || key.startsWith(`note-frame:${tabId}:`) || key.startsWith(`note-token:${tabId}:`) || key.startsWith(`undo:${tabId}:`);
}

/** storage.local: which highlights of an article could not be placed where it was last read. */
const ORPHANS = 'orphans:';
export const orphansKey = (articleId: string): string => `${ORPHANS}${articleId}`;
export const isOrphansKey = (key: string): boolean => key.startsWith(ORPHANS);
