import { type BridgeReport, emptyReport, type SyncBridge } from './bridge';

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
  await bridge.pull(report);
  const along = pullAlong(bridge, report);
  let replication: Promise<Replicated> | undefined;
  const replicate = () => (replication ??= replicateWithServer(bridge, remote, options.batchSize ?? 2000, along));
  // The replication starts as soon as the replica holds what the push sends, while the store ends the push.
  await bridge.push(report, { written: replicate });
  // What the push wrote to the replica is read back (and passed over) while the server takes it, not after.
  along.kick();
  const { error, serverSeq } = await replicate();
  await along.done();
  await bridge.pull(report);
  // What the pull took may contain highlights made here that the server had not seen: sent next time.
  await bridge.push(report);
  return { report, error, waiting: await bridge.waiting(), serverSeq };
}

/** What a replication with the server ended with: what went wrong, or where the server's feed stood. */
interface Replicated {
  error?: SyncProblem;
  serverSeq?: number | string;
}

/** PouchDB.sync with the server, once; the store pulled along. */
async function replicateWithServer(bridge: SyncBridge, remote: PouchDB.Database, batchSize: number, along: ReturnType<typeof pullAlong>): Promise<Replicated> {
  try {
    const replication = bridge.pouch.sync(remote, { live: false, retry: false, batch_size: batchSize });
    replication.on('change', (info) => {
      if (info.direction === 'pull') along.kick();
    });
    const result = await replication;
    const failures = [...(result.push?.errors ?? []), ...(result.pull?.errors ?? [])];
    if (failures.length) return { error: describeSyncError(failures[0]) };
    await bridge.markReplicated();
    return { serverSeq: result.pull?.last_seq };
  } catch (caught) {
    return { error: describeSyncError(caught) };
  }
}

/**
 * The store takes the server's changes while the replication is still bringing them: a pull of the
 * bridge after each batch written to the replica, one pull at a time (each is checkpointed as
 * always), so that writing the store overlaps waiting for the server instead of following it.
 */
function pullAlong(bridge: SyncBridge, report: BridgeReport): { kick(): void; done(): Promise<void> } {
  let last: Promise<void> = Promise.resolve();
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
