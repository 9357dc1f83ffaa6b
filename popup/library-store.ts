import browser from 'webextension-polyfill';
import { ask } from '../lib/ask';
import { isOrphansKey } from '../src/annotation/storage-keys';
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

/** Open pages of these articles load their highlights again; their badges count again. */
export async function announceChange(articleIds: string[]): Promise<void> {
  if (!articleIds.length) return;
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
