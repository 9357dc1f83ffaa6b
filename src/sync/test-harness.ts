// Test helpers: browsers (a store and its local replica) and a server, all in memory.
import 'fake-indexeddb/auto';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import http from 'pouchdb-adapter-http';
import { describeRange } from '../anchor/selectors';
import type { AnnotationRecord } from '../annotation/records';
import { openDatabase, type PizhuDatabase } from '../store/database';
import { AnnotationStore } from '../store/store';
import { SyncBridge } from './bridge';
import { withFastReads } from './replica-reads';

PouchDB.plugin(memory).plugin(http).plugin(replication);

let count = 0;
export const TEXT = '标题\n第一段正文，很长的一段。\n第二段正文。';
export const ARTICLE = { id: 'cn.reuters.com/article/x', url: 'https://cn.reuters.com/article/x', title: '标题', source: 'reuters' as const, publishedAt: null };

export interface Browser {
  db: PizhuDatabase;
  store: AnnotationStore;
  pouch: PouchDB.Database;
  bridge: SyncBridge;
}

export function memoryDb(prefix: string): PouchDB.Database {
  return new PouchDB(`${prefix}-${++count}`, { adapter: 'memory' });
}

export function httpDb(url: string): PouchDB.Database {
  return new PouchDB(url, { adapter: 'http', skip_setup: true });
}

export async function browser(name: string | undefined = 'reader'): Promise<Browser> {
  const db = await openDatabase(`sync-test-${++count}`);
  const pouch = withFastReads(memoryDb('replica'));
  return { db, store: new AnnotationStore(db), pouch, bridge: new SyncBridge(db, pouch, { creator: () => name, batchSize: 7 }) };
}

/** A uuid from a small number: ids in tests stay readable. */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function annotation(n: number, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  const { position, quote } = describeRange(TEXT, 3, 8);
  return {
    id: uuid(n),
    articleId: ARTICLE.id,
    color: 'yellow',
    position,
    quote,
    parserVersion: 1,
    note: '',
    tags: [],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

export const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000).toISOString();
