/**
 * Faster answers to the two questions replication asks the local replica, for the case a first sync
 * is made of: documents the replica lacks entirely (a pull into a fresh profile) and documents with
 * one revision each (a first push). PouchDB asks both per document, one IndexedDB transaction each
 * (`revsDiff` reads each document's revision tree; `bulkGet` is its shim of one `get` per document).
 * Here one `allDocs` answers every document it can, and PouchDB's own method the rest, so the answers
 * are PouchDB's (src/sync/replica-reads.test.ts holds them equal on any mix of documents).
 */

type RevsDiff = PouchDB.Database['revsDiff'];
type BulkGet = PouchDB.Database['bulkGet'];

/**
 * The documents a push wrote to a fresh replica in the current run, by id: their first revision and
 * their body. A revision's content never changes, so `bulkGet` answers these from here without
 * reading them back, while they are the replica's only versions of them: forgotten as soon as the
 * replica takes anything from the server, and when the run ends (src/sync/run.ts).
 */
const WRITTEN = new WeakMap<PouchDB.Database, Map<string, { rev: string; doc: object }>>();

export function rememberWritten(db: PouchDB.Database, docs: { id: string; rev: string; doc: object }[]): void {
  const written = WRITTEN.get(db) ?? new Map<string, { rev: string; doc: object }>();
  WRITTEN.set(db, written);
  for (const { id, rev, doc } of docs) if (rev.startsWith('1-')) written.set(id, { rev, doc });
}

export function forgetWritten(db: PouchDB.Database): void {
  WRITTEN.delete(db);
}

/** Each id's row in the replica: its winning revision (deleted or not), with the document when asked; absent where the replica never had it. */
async function rows(db: PouchDB.Database, ids: string[], withDocs: boolean) {
  const { rows } = await db.allDocs({ keys: ids, include_docs: withDocs });
  return new Map(rows.filter((row) => !row.error && row.value).map((row) => [row.id, row]));
}

/**
 * Of these revisions, the ones the replica lacks: all of them for a document it never had, none where
 * each asked is the document's winning revision (it is in the tree); PouchDB's own answer otherwise
 * (a later pull's new revisions of documents it has: those few are read twice).
 */
function fastRevsDiff(db: PouchDB.Database, own: RevsDiff): RevsDiff {
  return async (revs) => {
    const ids = Object.keys(revs);
    if (!ids.length) return {};
    const known = await rows(db, ids, false);
    const answer: Awaited<ReturnType<RevsDiff>> = {};
    const rest: Record<string, string[]> = {};
    for (const id of ids) {
      const row = known.get(id);
      if (!row) answer[id] = { missing: revs[id]! };
      else if (revs[id]!.some((rev) => rev !== row.value.rev)) rest[id] = revs[id]!;
    }
    return Object.keys(rest).length ? { ...answer, ...(await own(rest)) } : answer;
  };
}

/** A first revision's history is itself: `1-abc` has `{ start: 1, ids: ['abc'] }`. */
function firstRevisionHistory(rev: string): { start: number; ids: string[] } | null {
  const [generation, hash] = rev.split('-');
  return generation === '1' && hash ? { start: 1, ids: [hash] } : null;
}

/**
 * The asked revisions with their histories (replication asks `revs` and `latest`): a document whose
 * asked revision is its live winner and its first, from `allDocs`; any other through PouchDB's own.
 */
function fastBulkGet(db: PouchDB.Database, own: BulkGet): BulkGet {
  return async (options) => {
    // Only first revisions can be answered here: where none is asked, nothing is read twice.
    const firsts = options.docs.filter((request) => request.rev?.startsWith('1-'));
    if (!options.revs || options.attachments || !firsts.length || options.docs.some((request) => !request.rev)) return own(options);
    const written = WRITTEN.get(db);
    const fromWrites = (request: { id: string; rev?: string }) => {
      const mine = written?.get(request.id);
      return mine && mine.rev === request.rev ? mine : undefined;
    };
    const toRead = firsts.filter((request) => !fromWrites(request));
    const known = toRead.length ? await rows(db, [...new Set(toRead.map((request) => request.id))], true) : new Map();
    const results: Awaited<ReturnType<BulkGet>>['results'] = [];
    const rest: typeof options.docs = [];
    // A revision asked twice is answered once, as PouchDB's own bulkGet does.
    const unique = new Map(options.docs.map((request) => [`${request.id}\n${request.rev}`, request]));
    for (const request of unique.values()) {
      const history = firstRevisionHistory(request.rev!);
      const mine = fromWrites(request);
      if (mine && history) {
        results.push({ id: request.id, docs: [{ ok: { ...mine.doc, _id: request.id, _rev: mine.rev, _revisions: history } }] });
        continue;
      }
      const row = known.get(request.id);
      if (row?.doc && !row.value.deleted && row.value.rev === request.rev && history) results.push({ id: request.id, docs: [{ ok: { ...row.doc, _revisions: history } }] });
      else rest.push(request);
    }
    if (rest.length) results.push(...(await own({ ...options, docs: rest })).results);
    return { results };
  };
}

/** The replica, its `revsDiff` and `bulkGet` answered this way (the instance's own methods replaced). */
export function withFastReads(db: PouchDB.Database): PouchDB.Database {
  const ownRevsDiff = db.revsDiff.bind(db);
  const ownBulkGet = db.bulkGet.bind(db);
  db.revsDiff = fastRevsDiff(db, ownRevsDiff);
  db.bulkGet = fastBulkGet(db, ownBulkGet);
  return db;
}
