import { type BridgeReport, emptyReport, type SyncBridge } from './bridge';
import { forgetWritten } from './replica-reads';

/**
 * One bounded sync run: the replica takes what is new in the store, PouchDB.sync replicates it
 * with the server both ways (and stops: no live connection, which a stopped service worker would
 * cut anyway), and the store takes what came back. Without the server, the store and the replica
 * still trade their changes; the next run sends them.
 */
export interface RunResult {
  report: BridgeReport;
  /** Why replication with the server failed; undefined when it succeeded. */
  error?: SyncProblem;
  /** Changes made here that the server does not have yet. */
  waiting: number;
  /** The server's sequence the pull reached, when the run reached the server: a watch starts there. */
  serverSeq?: number | string;
}

/** What went wrong, as a label's key (`syncProblem_<code>`) names it. */
export type SyncProblemCode = 'auth' | 'forbidden' | 'missing' | 'create' | 'unreachable' | 'server' | 'refused';

export interface SyncProblem {
  status?: number;
  code: SyncProblemCode;
  /** In English, for logs and tests; the pages show the label of `code`. */
  words: string;
}

export async function runSync(bridge: SyncBridge, remote: PouchDB.Database, options: { batchSize?: number } = {}): Promise<RunResult> {
  const report = emptyReport();
  // The server's database is reached (and created where it may be) while the store and the replica
  // trade their changes: the replication finds it ready. A failure here is the replication's to report.
  const serverInfo = remote.info().catch(() => undefined);
  const replicaSeq = bridge.pouch.info().then(
    (info) => info.update_seq,
    () => undefined,
  );
  // Where a side held no document when the run began, the replication does not ask it which
  // revisions it lacks: every one. The server's, for a push into a new database; the replica's, for
  // a first pull into a fresh profile (and only where the push wrote nothing to it).
  const undo = [
    askNothingWhere(remote, async () => {
      const held = await serverInfo;
      return held?.doc_count === 0 && ((held as { doc_del_count?: number }).doc_del_count ?? 0) === 0;
    }),
    askNothingWhere(bridge.pouch, async () => (await replicaSeq) === 0 && report.pushed === 0),
  ];
  try {
    return await runWith(bridge, remote, report, options);
  } finally {
    for (const restore of undo) restore();
    forgetWritten(bridge.pouch);
  }
}

async function runWith(bridge: SyncBridge, remote: PouchDB.Database, report: BridgeReport, options: { batchSize?: number }): Promise<RunResult> {
  await bridge.pull(report);
  const batchSize = options.batchSize ?? 2000;
  const along = pullAlong(bridge, report);
  let replication: Promise<Replicated> | undefined;
  const replicate = () => (replication ??= replicateWithServer(bridge, remote, batchSize, along));
  // The replication starts once the replica holds the push's first batch: the server takes it while
  // the rest is written and the store ends the push.
  try {
    await bridge.push(report, { written: replicate });
  } catch (error) {
    // Nothing is left running on a replica and a server that are closed next.
    along.open();
    await replication;
    await along.done().catch(() => undefined);
    throw error;
  }
  // The store reads the replica back (its own writes passed over) while the server takes them, once
  // the push has told it which are its own.
  along.open();
  along.kick();
  const writtenTo = (await bridge.pouch.info()).update_seq;
  let replicated = await replicate();
  // Begun before the push had written everything, it may have caught up with the writes and ended
  // before the last of them: those go now (a replication from its checkpoint, the push's side only).
  if (!replicated.error && !reached(replicated.pushedTo, writtenTo)) replicated = { ...replicated, ...(await replicateRest(bridge, remote, batchSize)) };
  if (!replicated.error) await bridge.markReplicated();
  await along.done();
  await bridge.pull(report);
  // What the pull took may contain highlights made here that the server had not seen: sent next time.
  await bridge.push(report);
  return { report, error: replicated.error, waiting: await bridge.waiting(), serverSeq: replicated.serverSeq };
}

/**
 * Replication asks a database which revisions it lacks (`revsDiff`) before it sends any: where
 * `emptyAtStart` holds, the answer is every one, without asking. That answer is never wrong, only
 * wasteful where a document came meanwhile from elsewhere: its revision is sent again, and the
 * database, given it as it is (new_edits false), keeps one copy. Answers the undoing.
 */
function askNothingWhere(db: PouchDB.Database, emptyAtStart: () => Promise<boolean>): () => void {
  const own = db.revsDiff;
  const ownProperty = Object.hasOwn(db, 'revsDiff');
  db.revsDiff = (async (diff: Record<string, string[]>) => {
    if (!(await emptyAtStart())) return (own as (d: unknown) => Promise<unknown>).call(db, diff);
    return Object.fromEntries(Object.entries(diff).map(([id, revs]) => [id, { missing: revs }]));
  }) as typeof own;
  return () => {
    if (ownProperty) db.revsDiff = own;
    else delete (db as { revsDiff?: unknown }).revsDiff;
  };
}

/** What a replication with the server ended with: what went wrong, or where the server's feed stood and how far the replica's was sent. */
interface Replicated {
  error?: SyncProblem;
  serverSeq?: number | string;
  /** The replica's sequence up to which its changes reached the server. */
  pushedTo?: number | string;
}

/** True where the replication sent the replica's changes up to `seq` (PouchDB's local sequences are numbers). */
const reached = (pushedTo: number | string | undefined, seq: number | string) => typeof pushedTo === 'number' && typeof seq === 'number' && pushedTo >= seq;

/** PouchDB.sync with the server, once; the store pulled along. */
async function replicateWithServer(bridge: SyncBridge, remote: PouchDB.Database, batchSize: number, along: PullAlong): Promise<Replicated> {
  try {
    const replication = bridge.pouch.sync(remote, { live: false, retry: false, batch_size: batchSize });
    replication.on('change', (info) => {
      if (info.direction !== 'pull') return;
      // The replica took the server's documents: what the push wrote may no longer be all it has.
      if (info.change.docs_written > 0) forgetWritten(bridge.pouch);
      along.kick();
    });
    const result = await replication;
    const failures = [...(result.push?.errors ?? []), ...(result.pull?.errors ?? [])];
    if (failures.length) return { error: describeSyncError(failures[0]) };
    return { serverSeq: result.pull?.last_seq, pushedTo: result.push?.last_seq };
  } catch (caught) {
    return { error: describeSyncError(caught) };
  }
}

/** The replica's changes the server lacks, sent (PouchDB's replication to the server, from the push's checkpoint). */
async function replicateRest(bridge: SyncBridge, remote: PouchDB.Database, batchSize: number): Promise<Replicated> {
  try {
    const result = await bridge.pouch.replicate.to(remote, { live: false, retry: false, batch_size: batchSize });
    return result.errors.length ? { error: describeSyncError(result.errors[0]) } : { pushedTo: result.last_seq };
  } catch (caught) {
    return { error: describeSyncError(caught) };
  }
}

interface PullAlong {
  /** Asks for a pull (one more after the one under way, however often asked). */
  kick(): void;
  /** Pulls may run from now on; asked before, they wait until then. */
  open(): void;
  done(): Promise<void>;
}

/**
 * The store takes the server's changes while the replication is still bringing them: a pull of the
 * bridge after each batch written to the replica, one pull at a time (each is checkpointed as
 * always), so that writing the store overlaps waiting for the server instead of following it. None
 * runs before the push has ended: until then the bridge does not know which of the replica's
 * documents are its own writes.
 */
function pullAlong(bridge: SyncBridge, report: BridgeReport): PullAlong {
  let open: () => void = () => undefined;
  let last: Promise<void> = new Promise<void>((resolve) => (open = resolve));
  let queued = false;
  return {
    kick() {
      if (queued) return;
      queued = true;
      last = last.then(() => {
        queued = false;
        return bridge.pull(report).then(() => undefined);
      });
      // Heard in done(); not an unhandled rejection meanwhile.
      last.catch(() => undefined);
    },
    open: () => open(),
    done: () => last,
  };
}

/** A replication error in words a reader can act on, with its HTTP status where there is one. Never the password, never the address. */
export function describeSyncError(error: unknown): SyncProblem {
  const status = typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : undefined;
  switch (status) {
    case 401:
      return { status, code: 'auth', words: 'name or password wrong (401)' };
    case 403:
      return { status, code: 'forbidden', words: 'no access to this database (403)' };
    case 404:
      return { status, code: 'missing', words: 'no such database on the server (404)' };
    case 412:
      return { status, code: 'create', words: 'the database could not be created (412)' };
    case undefined:
    case 0:
      return { code: 'unreachable', words: 'server unreachable: will retry' };
    default:
      return status >= 500 ? { status, code: 'server', words: `server error (${status}): will retry` } : { status, code: 'refused', words: `the server refused (${status})` };
  }
}
