/*
 * Archive folders, off the page's thread: every file is read, parsed with htmlparser2 (a worker has
 * no DOMParser) and written to the collection database in batches, and the full-text index is built
 * here and answers the page's searches. Progress is posted as it goes; a cancel stops at the next file.
 */
import { CollectionSearch } from '../src/collection/collection-search';
import { type CollectionRecord, CollectionStore, openCollectionDatabase } from '../src/collection/collection-database';
import { type CollectionEntry, type CollectionListing, listingOf, readCollectionFile } from '../src/collection/entry';
import { parseArchive } from '../src/parse/parse-archive';
import type { ArchiveReply, ArchiveRequest } from './archive-protocol';

/** Files written per transaction: few enough that progress moves, many enough that writing costs little. */
const BATCH = 200;
/** How often a read writes its collection's record again. */
const RECORD_EVERY_MS = 3_000;
/** Skipped files named in a collection's record; the rest are counted. */
const SKIPPED_EXAMPLES = 20;

const post = (reply: ArchiveReply) => postMessage(reply);
const opening = openCollectionDatabase().then((db) => new CollectionStore(db));
let cancelled = false;
let searching: Promise<CollectionSearch> | null = null;

/** The index, built once from what the database holds (it outlives the folder), then kept up to date. */
function searchIndex(store: CollectionStore): Promise<CollectionSearch> {
  searching ??= (async () => {
    const search = new CollectionSearch((ids) => store.texts(ids));
    const total = (await store.listings()).length;
    let done = 0;
    for await (const batch of store.allTexts()) {
      search.add(batch);
      done += batch.length;
      post({ kind: 'progress', stage: 'index', done, total });
    }
    return search;
  })();
  return searching;
}

/** A new collection's record, or the one a re-read adds to. */
async function collectionFor(store: CollectionStore, request: Extract<ArchiveRequest, { op: 'read' }>): Promise<CollectionRecord> {
  const old = request.into ? await store.collection(request.into) : undefined;
  if (old) return { ...old, read: new Date().toISOString(), files: [...(old.files ?? [])] };
  const fresh: CollectionRecord = { id: crypto.randomUUID(), name: request.name, read: new Date().toISOString(), articles: 0, skipped: {}, skippedExamples: [], files: [] };
  return request.folder ? { ...fresh, folder: request.folder } : fresh;
}

async function read(request: Extract<ArchiveRequest, { op: 'read' }>): Promise<void> {
  const store = await opening;
  const search = await searchIndex(store);
  const { files, keepRaw } = request;
  const collection = await collectionFor(store, request);
  let firstId: string | null = null;
  let entries: CollectionEntry[] = [];
  let listings: CollectionListing[] = [];
  // The collection's record is written before its first article, and again every few seconds: a read cut
  // short (the popup closed, the tab left) leaves articles that a collection holds and counts, with a
  // *Remove* that takes them away. Not with every batch: its list of files grows with every file.
  await store.putCollection(collection);
  let written = Date.now();
  const flush = async () => {
    await store.putEntries(entries, listings);
    search.add(entries);
    entries = [];
    listings = [];
    if (Date.now() - written < RECORD_EVERY_MS) return;
    await store.putCollection(collection);
    written = Date.now();
  };
  for (let i = 0; i < files.length && !cancelled; i++) {
    const { file, path } = files[i]!;
    collection.files!.push(path);
    const outcome = readCollectionFile({ path, size: file.size, text: file.size > 0 ? await file.text() : '' }, collection.id, parseArchive);
    if (outcome.kind === 'skip') {
      collection.skipped[outcome.reason] = (collection.skipped[outcome.reason] ?? 0) + 1;
      if (collection.skippedExamples.length < SKIPPED_EXAMPLES) collection.skippedExamples.push({ path: outcome.path, reason: outcome.reason });
    } else {
      const entry = keepRaw ? { ...outcome.entry, raw: await file.text() } : outcome.entry;
      entries.push(entry);
      listings.push(listingOf(entry));
      collection.articles++;
      firstId ??= entry.id;
    }
    if (entries.length >= BATCH) await flush();
    if (i % 20 === 0 || i === files.length - 1) post({ kind: 'progress', stage: 'read', done: i + 1, total: files.length });
  }
  await flush();
  await store.putCollection(collection);
  post({ kind: 'read', collection: { ...collection, folder: undefined, files: undefined }, firstId, cancelled, opened: keepRaw ? 'files' : 'folder' });
}

async function handle(request: ArchiveRequest): Promise<void> {
  // Both before any wait: a cancel pressed while the store opens or the index is built holds.
  if (request.op === 'cancel') {
    cancelled = true;
    return;
  }
  if (request.op === 'read') cancelled = false;
  const store = await opening;
  switch (request.op) {
    case 'read':
      return read(request);
    case 'search': {
      // Passages are asked for as rows are shown: the answer is every match, at once.
      const found = await (await searchIndex(store)).search(request.query, 0);
      post({ kind: 'results', serial: request.serial, ...found });
      return;
    }
    case 'passages': {
      post({ kind: 'passages', query: request.query, hits: await (await searchIndex(store)).passages(request.ids, request.query) });
      return;
    }
    case 'remove': {
      const ids = await store.removeCollection(request.collectionId);
      (await searchIndex(store)).remove(ids);
      post({ kind: 'removed', collectionId: request.collectionId });
    }
  }
}

addEventListener('message', (event: MessageEvent<ArchiveRequest>) => {
  handle(event.data).catch((error: unknown) => post({ kind: 'failed', error: error instanceof Error ? error.message : String(error) }));
});
