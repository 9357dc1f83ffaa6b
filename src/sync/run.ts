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
  await bridge.push(report);
  let error: SyncProblem | undefined;
  let serverSeq: number | string | undefined;
  try {
    const result = await bridge.pouch.sync(remote, { live: false, retry: false, batch_size: options.batchSize ?? 2000 });
    const failures = [...(result.push?.errors ?? []), ...(result.pull?.errors ?? [])];
    if (failures.length) error = describeSyncError(failures[0]);
    else {
      await bridge.markReplicated();
      serverSeq = result.pull?.last_seq;
    }
  } catch (caught) {
    error = describeSyncError(caught);
  }
  await bridge.pull(report);
  // What the pull took may contain highlights made here that the server had not seen: sent next time.
  await bridge.push(report);
  return { report, error, waiting: await bridge.waiting(), serverSeq };
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
