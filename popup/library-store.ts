import browser from 'webextension-polyfill';
import { ask } from '../lib/ask';
import { isOrphansKey, LIBRARY_CHANNEL } from '../src/annotation/storage-keys';
import { openDatabase, type PizhuDatabase } from '../src/store/database';
import { AnnotationStore } from '../src/store/store';

let opened: Promise<{ db: PizhuDatabase; store: AnnotationStore }> | null = null;

/** The library's database, opened once per page: extension pages read and write it directly. */
export function openLibrary(): Promise<{ db: PizhuDatabase; store: AnnotationStore }> {
  opened ??= openDatabase().then((db) => ({ db, store: new AnnotationStore(db) }));
  // A failed open is tried again next time (a retry button), not remembered.
  opened.catch(() => (opened = null));
  return opened;
}

/** The highlights that pages could not place where the reader last read them (they report it). */
export async function orphanIds(): Promise<Set<string>> {
  const all = await browser.storage.local.get(null);
  return new Set(Object.entries(all).flatMap(([key, ids]) => (isOrphansKey(key) && Array.isArray(ids) ? (ids as string[]) : [])));
}

let channel: BroadcastChannel | null = null;
/** One channel object per page: what it posts reaches every other page of the extension, never itself. */
const libraryChannel = () => (channel ??= new BroadcastChannel(LIBRARY_CHANNEL));

/** How long a shown page waits for the changes to settle (a note typed saves as it goes) before it reads the library again. */
const SETTLE_MS = 2000;

/**
 * Calls `reload` when another page, a tab's highlighting or the note editor changed highlights (the
 * background tells the channel of its writes): on a page in view once the changes settle, on a hidden
 * one when it is next shown. Answers what stops listening.
 */
export function onLibraryChange(reload: () => void): () => void {
  let stale = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(reload, SETTLE_MS);
  };
  const heard = () => {
    if (document.visibilityState === 'visible') settle();
    else stale = true;
  };
  const shown = () => {
    if (!stale || document.visibilityState !== 'visible') return;
    stale = false;
    settle();
  };
  const heardOn = libraryChannel();
  heardOn.addEventListener('message', heard);
  document.addEventListener('visibilitychange', shown);
  return () => {
    clearTimeout(timer);
    heardOn.removeEventListener('message', heard);
    document.removeEventListener('visibilitychange', shown);
  };
}

/** Open pages of these articles load their highlights again, and so do other pages that list the library; their badges count again. */
export async function announceChange(articleIds: string[]): Promise<void> {
  if (!articleIds.length) return;
  libraryChannel().postMessage({ articleIds });
  try {
    await ask({ type: 'library-changed', articleIds: [...new Set(articleIds)] });
  } catch (error) {
    // The change is stored; only open pages stay as they were until reloaded.
    console.warn('Pizhu: could not tell open pages about the change', error);
  }
}

/** Opens a highlight's article where it was last read, at the passage; throws BackgroundRefused when it cannot. */
export async function openHighlight(id: string): Promise<void> {
  await ask({ type: 'open-annotation', id });
}
