import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { AnnotationRecord, ArticleRecord, Tombstone } from '../annotation/records';

export const DATABASE_NAME = 'pizhu';
/**
 * Schema versions. 1: articles, and annotations by article. 2: annotations also by modified time
 * and by tag, every annotation has tags, and deletes leave tombstones. 3: the indexes by modified
 * time and by tag go (nothing read through them). 4: the sync outbox (what changed here and waits to
 * be sent) and the sync state (checkpoints), written in the same transaction as the change they record.
 */
export const DATABASE_VERSION = 4;

/** A change made in this library that sync has not sent yet: an annotation (or its tombstone), or an article. */
export interface OutboxEntry {
  kind: 'annotation' | 'article';
  id: string;
  /** An undo: the deletion (its time) this change takes back, which it may override though that is newer. */
  undoes?: string;
}

export interface PizhuSchema extends DBSchema {
  articles: { key: string; value: ArticleRecord; indexes: { byAnnotatedAt: string } };
  annotations: { key: string; value: AnnotationRecord; indexes: { byArticle: string } };
  tombstones: { key: string; value: Tombstone };
  /** Auto-increment keys: sync sends what it read and removes entries up to the last key it read, so later ones stay. */
  outbox: { key: number; value: OutboxEntry };
  syncState: { key: string; value: { key: string; value: unknown } };
}

export type PizhuDatabase = IDBPDatabase<PizhuSchema>;

/** Opens, creating or upgrading, the database: in the background and extension pages only, never in a content script. */
export function openDatabase(name = DATABASE_NAME): Promise<PizhuDatabase> {
  return openDB<PizhuSchema>(name, DATABASE_VERSION, {
    async upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        db.createObjectStore('articles', { keyPath: 'id' });
        const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
        annotations.createIndex('byArticle', 'articleId');
      }
      if (oldVersion < 2) {
        transaction.objectStore('articles').createIndex('byAnnotatedAt', 'annotatedAt');
        const annotations = transaction.objectStore('annotations');
        db.createObjectStore('tombstones', { keyPath: 'id' });
        // Version 1 kept no tags, no modified times, no list of addresses: give old records what version 2 reads.
        for (let cursor = await annotations.openCursor(); cursor; cursor = await cursor.continue()) {
          const old = cursor.value as Partial<AnnotationRecord> & AnnotationRecord;
          await cursor.update({ ...old, tags: old.tags ?? [], modified: old.modified ?? old.created });
        }
        const articles = transaction.objectStore('articles');
        for (let cursor = await articles.openCursor(); cursor; cursor = await cursor.continue()) {
          const old = cursor.value as Partial<ArticleRecord> & ArticleRecord;
          await cursor.update({ ...old, seenAt: old.seenAt ?? [old.url], annotatedAt: old.annotatedAt ?? null });
        }
      }
      if (oldVersion >= 2 && oldVersion < 3) {
        const annotations = transaction.objectStore('annotations');
        annotations.deleteIndex('byModified' as never);
        annotations.deleteIndex('byTag' as never);
      }
      if (oldVersion < 4) {
        db.createObjectStore('outbox', { autoIncrement: true });
        db.createObjectStore('syncState', { keyPath: 'key' });
      }
    },
  });
}
