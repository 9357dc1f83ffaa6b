/**
 * Between runs, the server's changes feed is watched for a bounded time, so that a browser left open
 * learns of another's change within seconds instead of at the next alarm. The watch ends, and the
 * caller starts a run, when the server reports a revision this browser lacks; the changes this
 * browser sent itself come back through the feed too, and are passed over. No endless connection:
 * the watch stops after `forMs` (a stopped service worker would cut it anyway), and the run the next
 * alarm starts watches again.
 */

/** Why a watch ended: news to fetch, its time was up, the caller cancelled it, or the feed failed. */
export type WatchEnd = { kind: 'news' } | { kind: 'expired' } | { kind: 'cancelled' } | { kind: 'failed'; error: unknown };

export interface Watch {
  cancel(): void;
  ended: Promise<WatchEnd>;
}

export interface WatchOptions {
  /** The server's sequence the last run reached: only later changes are reported. */
  since: number | string;
  /** How long to watch at most. */
  forMs: number;
  /** Changes that arrive within this time of each other are checked together. */
  settleMs?: number;
  /** The longpoll's heartbeat: the server writes a newline this often, so proxies keep the request open. */
  heartbeatMs?: number;
  /** Whether this browser lacks any of these revisions (by document id). */
  lacksAny(revs: Record<string, string[]>): Promise<boolean>;
}

/** Whether `replica` lacks any of these revisions: a change made elsewhere, not yet replicated here. */
export async function replicaLacksAny(replica: PouchDB.Database, revs: Record<string, string[]>): Promise<boolean> {
  return Object.keys(await replica.revsDiff(revs)).length > 0;
}

export function watchServer(remote: PouchDB.Database, options: WatchOptions): Watch {
  const { since, forMs, settleMs = 300, heartbeatMs = 10_000, lacksAny } = options;
  let finish!: (end: WatchEnd) => void;
  const ended = new Promise<WatchEnd>((resolve) => (finish = resolve));
  let done = false;
  let pending: Record<string, string[]> = {};
  let settle: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const feed = remote.changes({ live: true, since, heartbeat: heartbeatMs, style: 'all_docs' });
  const end = (how: WatchEnd) => {
    if (done) return;
    done = true;
    clearTimeout(settle);
    clearTimeout(deadline);
    feed.cancel();
    finish(how);
  };
  deadline = setTimeout(() => end({ kind: 'expired' }), forMs);

  const check = async () => {
    const revs = pending;
    pending = {};
    try {
      if (await lacksAny(revs)) end({ kind: 'news' });
    } catch (error) {
      end({ kind: 'failed', error });
    }
  };
  feed.on('change', (change) => {
    if (done) return;
    pending[change.id] = [...(pending[change.id] ?? []), ...change.changes.map((c) => c.rev)];
    clearTimeout(settle);
    settle = setTimeout(() => void check(), settleMs);
  });
  feed.on('error', (error) => end({ kind: 'failed', error }));
  // A live feed completes only when cancelled (by `end`) or failed (its error comes first).
  feed.on('complete', () => end({ kind: 'cancelled' }));
  return { cancel: () => end({ kind: 'cancelled' }), ended };
}
