import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { CollectionEntry, CollectionListing, SkipReason } from './entry';

/**
 * Archive collections, in a database of their own beside the library's: the article models and
 * texts of the archive files a reader opened (never the raw files), so the list and its search
 * outlive the folder. Opened by extension pages and their workers only.
 */
export const COLLECTION_DATABASE_NAME = 'pizhu-archive';
const COLLECTION_DATABASE_VERSION = 1;

/** One folder (or one set of files) the reader opened. */
export interface CollectionRecord {
  id: string;
  /** The folder's name, or the first file's. */
  name: string;
  /** When it was read, ISO. */
  read: string;
  /** Archive articles read from it. */
  articles: number;
  /** Files that are not archive articles: how many for each reason, and the first few by name. */
  skipped: Partial<Record<SkipReason, number>>;
  skippedExamples: { path: string; reason: SkipReason }[];
  /** Every file read, by its path in the folder: a re-read takes only the others. */
  files?: string[];
  /** The folder itself, where the browser lets a page keep one (a FileSystemDirectoryHandle): it can be read again for new files. */
  folder?: unknown;
}

interface CollectionSchema extends DBSchema {
  collections: { key: string; value: CollectionRecord };
  /** What the list shows: small records, read all at once. */
  listings: { key: string; value: CollectionListing; indexes: { byCollection: string } };
  /** The model and text of each: read one at a time (the reader, a search's passage). */
  entries: { key: string; value: Omit<CollectionEntry, 'collectionId' | 'path'> };
}

export type CollectionDatabase = IDBPDatabase<CollectionSchema>;

export function openCollectionDatabase(name = COLLECTION_DATABASE_NAME): Promise<CollectionDatabase> {
  return openDB<CollectionSchema>(name, COLLECTION_DATABASE_VERSION, {
    upgrade(db) {
      db.createObjectStore('collections', { keyPath: 'id' });
      db.createObjectStore('listings', { keyPath: 'id' }).createIndex('byCollection', 'collectionId');
      db.createObjectStore('entries', { keyPath: 'id' });
    },
  });
}

/** The collections and their articles, and the texts one at a time. */
export class CollectionStore {
  constructor(private readonly db: CollectionDatabase) {}

  /** Writes a batch of entries in one transaction; an article read before (in this or another collection) is replaced. */
  async putEntries(entries: readonly CollectionEntry[], listings: readonly CollectionListing[]): Promise<void> {
    const tx = this.db.transaction(['listings', 'entries'], 'readwrite');
    for (const listing of listings) void tx.objectStore('listings').put(listing);
    for (const { id, article, text, raw } of entries) void tx.objectStore('entries').put(raw === undefined ? { id, article, text } : { id, article, text, raw });
    await tx.done;
  }

  async putCollection(record: CollectionRecord): Promise<void> {
    await this.db.put('collections', record);
  }

  async collections(): Promise<CollectionRecord[]> {
    return this.db.getAll('collections');
  }

  async collection(id: string): Promise<CollectionRecord | undefined> {
    return this.db.get('collections', id);
  }

  async listings(): Promise<CollectionListing[]> {
    return this.db.getAll('listings');
  }

  async entry(id: string): Promise<Omit<CollectionEntry, 'collectionId' | 'path'> | undefined> {
    return this.db.get('entries', id);
  }

  /** The texts of these entries, read in one transaction (an entry gone since is left out). */
  async texts(ids: readonly string[]): Promise<Map<string, string>> {
    const tx = this.db.transaction('entries');
    const found = await Promise.all(ids.map((id) => tx.store.get(id)));
    return new Map(found.flatMap((entry) => (entry ? [[entry.id, entry.text] as const] : [])));
  }

  /** Every (id, text), a batch at a time: to build the search index anew without holding every text at once. */
  async *allTexts(batch = 500): AsyncGenerator<{ id: string; text: string }[]> {
    const ids = await this.db.getAllKeys('entries');
    for (let i = 0; i < ids.length; i += batch) {
      const tx = this.db.transaction('entries');
      const found = await Promise.all(ids.slice(i, i + batch).map((id) => tx.store.get(id)));
      yield found.flatMap((entry) => (entry ? [{ id: entry.id, text: entry.text }] : []));
    }
  }

  /** Removes a collection and the articles that came with it; answers their ids. */
  async removeCollection(id: string): Promise<string[]> {
    const tx = this.db.transaction(['collections', 'listings', 'entries'], 'readwrite');
    const ids = await tx.objectStore('listings').index('byCollection').getAllKeys(id);
    for (const articleId of ids) {
      void tx.objectStore('listings').delete(articleId);
      void tx.objectStore('entries').delete(articleId);
    }
    void tx.objectStore('collections').delete(id);
    await tx.done;
    return ids;
  }
}
