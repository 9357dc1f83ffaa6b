import type { IDBPTransaction } from 'idb';
import type { AnnotationRecord, ArticleRecord } from '../annotation/records';
import { latestTime } from '../annotation/time';
import type { OutboxEntry, PizhuDatabase, PizhuSchema } from '../store/database';
import { compareVersions, type Version } from '../store/merge';
import { articleDocId, articleToDoc, isArticleDocId, readDoc, type SyncDoc, versionArticle, versionId, versionToDoc } from './doc';
import { articleCovers, articleForDoc, articleIntoStore, joinArticles, sameVersion } from './resolve';
import { rememberWritten } from './replica-reads';

/**
 * Moves changes between the library's IndexedDB store (what the pages read and write) and a local
 * PouchDB replica (what PouchDB.sync replicates), both ways, with checkpoints kept in the store:
 *
 * - push: every change to the store adds an outbox entry in its own transaction (src/store/store.ts).
 *   Push reads the entries (up to key K), writes the changed records to the replica, then removes
 *   the entries up to K that it wrote. A crash before the removal sends them again: the replica
 *   already has them, and an equal document is not written twice. Entries added meanwhile stay.
 * - pull: the replica's changes feed from the sequence number kept in the store's sync state; each
 *   batch is written to the store with the new sequence number in one transaction. A crash before
 *   it commits reads the batch again; after, never again.
 * - conflicts (two replicas changed one highlight): the winner by compareVersions (src/sync/resolve.ts),
 *   the losing revisions deleted, so every replica keeps the same one and none pile up.
 *
 * The replica's winning document is the library's truth; the store takes it unless the store has a
 * change of that highlight waiting in the outbox, which push then weighs against it by the same rule.
 */

export interface Refusal {
  id: string;
  reason: string;
}

export interface BridgeReport {
  /** Documents written to the replica. */
  pushed: number;
  /** Records written to the store. */
  pulled: number;
  /** Conflicts resolved. */
  resolved: number;
  /** Documents that were not written to the store, and why. */
  refused: Refusal[];
  /** Articles whose highlights changed in the store: open pages of them reload. */
  changedArticles: string[];
}

export interface BridgeOptions {
  /**
   * The name this reader gives in the sync settings: the documents of this library's own highlights
   * carry it, which the store keeps without a name (a highlight with none is the reader's own).
   */
  creator?: () => string | undefined;
  /** Changes read per batch. */
  batchSize?: number;
}

const STATE = { pullSeq: 'pullSeq', pushedAll: 'pushedAll', replicatedSeq: 'replicatedSeq' } as const;

type SyncStores = ('annotations' | 'articles' | 'tombstones' | 'outbox' | 'syncState')[];
type SyncTx = IDBPTransaction<PizhuSchema, SyncStores, 'readwrite'>;
const ALL: SyncStores = ['annotations', 'articles', 'tombstones', 'outbox', 'syncState'];

export const emptyReport = (): BridgeReport => ({ pushed: 0, pulled: 0, resolved: 0, refused: [], changedArticles: [] });

export class SyncBridge {
  private readonly batchSize: number;
  /**
   * Revisions this bridge wrote to the replica whose version the store holds as written (but for the
   * maker's name): the pull passes over them instead of reading its own writes back. In memory only: a
   * new bridge, or a worker stopped in between, reads them back as before, which changes nothing.
   */
  private readonly written = new Map<string, string>();

  constructor(
    private readonly db: PizhuDatabase,
    readonly pouch: PouchDB.Database,
    private readonly options: BridgeOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 2000;
  }

  /**
   * Store → replica: what the outbox lists (everything, the first time). `written` is called once the
   * replica holds the first batch of the documents, before the rest are written and before the
   * store's own transaction that ends the push (the outbox entries removed): what
   * reads the replica may start meanwhile (src/sync/run.ts replicates with the server from then on).
   */
  async push(report: BridgeReport = emptyReport(), { written }: { written?: () => void } = {}): Promise<BridgeReport> {
    const snapshot = await this.readOutbox();
    if (!snapshot.entries.length && snapshot.pushedAll) return report;
    // Where the replica's feed stands before the push writes to it; at 0 it never held a document, and none is looked up.
    const from = (await this.pouch.info()).update_seq;
    const replica = new ReplicaDocs(this.pouch, this.batchSize, from === 0);
    await replica.lookUp([...snapshot.annotationIds, ...[...snapshot.articleIds].map(articleDocId)]);
    const plan = this.planVersions(snapshot, replica);
    // The articles of highlights sent that the outbox did not list, looked up together.
    await replica.lookUp([...snapshot.articleIds].map(articleDocId));
    plan.writes.push(...articleWrites(snapshot, replica));
    // A replica that held nothing before: every document is new to it, and is written as it is
    // (writeAsTheyAre); replication reads them from memory (src/sync/replica-reads.ts).
    const sentDocs = await this.write(plan.writes, report, written, from === 0);
    const to = (await this.pouch.info()).update_seq;
    await this.commitPush(snapshot, plan, sentDocs, report, { from, to });
    return report;
  }

  /** Each highlight of the outbox: sent (as this store has it, with its maker's name), or the replica's newer version taken. */
  private planVersions(snapshot: OutboxSnapshot, replica: ReplicaDocs): PushPlan {
    const plan: PushPlan = { writes: [], adopt: [], sent: new Map() };
    const creator = this.options.creator?.()?.trim() || undefined;
    for (const id of snapshot.annotationIds) {
      const local = snapshot.versions.get(id);
      if (!local) continue;
      const doc = replica.docs.get(id);
      const read = doc ? readDoc(doc) : null;
      const there = read?.kind === 'version' ? read.version : null;
      // The reader's own highlight goes out with a maker's name: the one it went out with before, else the reader's.
      const mine = withMaker(local, makerOf(there) ?? creator);
      if (there && sameVersion(there, mine)) continue;
      const undo = snapshot.undoes.get(id);
      const takesBack = there?.kind === 'tombstone' && undo !== undefined && there.tombstone.deleted === undo && mine.kind === 'annotation';
      if (there && !takesBack && compareVersions(there, mine) > 0) {
        plan.adopt.push(there);
        continue;
      }
      plan.writes.push({ ...versionToDoc(mine, snapshot.articles.get(versionArticle(mine))), ...(doc ? { _rev: doc._rev } : {}) });
      plan.sent.set(id, mine);
      snapshot.articleIds.add(versionArticle(mine));
    }
    return plan;
  }

  /** Writes the documents in batches (`firstWritten` after the first, or at once where there is none); answers the revision of each written, and the ids that failed. */
  private async write(writes: SyncDoc[], report: BridgeReport, firstWritten?: () => void, intoEmpty = false): Promise<{ revs: Map<string, string>; failed: Set<string> }> {
    const failed = new Set<string>();
    const revs = new Map<string, string>();
    // Articles first, in the replica's feed and so in the server's: a replica that pulls them knows
    // each highlight's article as the highlight comes, and writes no stand-in to replace later. Each
    // in batches of its own: the feed keeps the batches' order (a batch written as it is need not).
    const groups = [writes.filter((doc) => isArticleDocId(doc._id)), writes.filter((doc) => !isArticleDocId(doc._id))];
    const batches = groups.flatMap((group) => Array.from({ length: Math.ceil(group.length / this.batchSize) }, (_, i) => group.slice(i * this.batchSize, (i + 1) * this.batchSize)));
    if (!batches.length) firstWritten?.();
    for (const [i, batch] of batches.entries()) {
      const results = intoEmpty ? await writeAsTheyAre(this.pouch, batch) : await this.pouch.bulkDocs(batch);
      if (intoEmpty)
        rememberWritten(
          this.pouch,
          results.flatMap((result, j) => ('ok' in result && result.ok && result.id && result.rev ? [{ id: result.id, rev: result.rev, doc: batch[j]! }] : [])),
        );
      if (i === 0) firstWritten?.();
      for (const result of results) {
        if ('error' in result && result.error) failed.add(result.id ?? '');
        else {
          report.pushed++;
          if (result.id && 'rev' in result && result.rev) revs.set(result.id, result.rev);
        }
      }
    }
    return { revs, failed };
  }

  /**
   * One transaction: the store takes the replica's newer versions, and the entries sent are removed.
   * `feed` is where the replica's changes feed stood before the push's writes and after them.
   */
  private async commitPush(
    snapshot: OutboxSnapshot,
    plan: PushPlan,
    { revs, failed }: { revs: Map<string, string>; failed: Set<string> },
    report: BridgeReport,
    feed: { from: number | string; to: number | string },
  ): Promise<void> {
    const tx = this.db.transaction(ALL, 'readwrite');
    // Awaited below; a failed request before then must not leave its rejection unheard.
    tx.done.catch(() => undefined);
    const later = await laterOutboxIds(tx, snapshot.lastKey);
    await this.writeVersions(
      tx,
      plan.adopt.filter((version) => !later.has(versionId(version))),
      report,
    );
    const own = ownVersions(snapshot, plan.sent, revs, later);
    const outbox = tx.objectStore('outbox');
    for (const [key, entry] of snapshot.entries) {
      const docId = entry.kind === 'article' ? articleDocId(entry.id) : entry.id;
      if (!failed.has(docId)) await outbox.delete(key);
    }
    if (!snapshot.pushedAll && !failed.size) await tx.objectStore('syncState').put({ key: STATE.pushedAll, value: true });
    const pulledTo = (await tx.objectStore('syncState').get(STATE.pullSeq))?.value ?? 0;
    const ownFeed = onlyOwnWrites(feed, pulledTo, revs, own.length);
    // A pull would read every one of them back only to pass over it: its checkpoint moves past them.
    if (ownFeed) await tx.objectStore('syncState').put({ key: STATE.pullSeq, value: feed.to });
    await tx.done;
    if (!ownFeed) for (const [id, rev] of own) this.written.set(id, rev);
  }

  /** Replica → store: the changes feed from the last checkpoint, conflicts resolved first. */
  async pull(report: BridgeReport = emptyReport()): Promise<BridgeReport> {
    for (;;) {
      const since = ((await this.db.get('syncState', STATE.pullSeq))?.value as number | string | undefined) ?? 0;
      const changes = await this.changedDocs(since);
      if (!changes.count) {
        if (changes.last_seq !== since) await this.db.put('syncState', { key: STATE.pullSeq, value: changes.last_seq });
        return report;
      }
      const docs: object[] = [];
      for (let doc of changes.docs) {
        if (!doc) continue;
        const mine = this.written.get(doc._id);
        this.written.delete(doc._id);
        if (mine === doc._rev && !doc._conflicts?.length) continue;
        if (doc._conflicts?.length) {
          doc = await this.resolve(doc._id, report);
          if (!doc) continue;
        }
        docs.push(doc);
      }
      const tx = this.db.transaction(ALL, 'readwrite');
      tx.done.catch(() => undefined);
      const pending = await laterOutboxIds(tx, -1);
      const reads = docs.map(readDoc);
      // Articles first: a highlight's article is known before the highlight is listed.
      for (const read of reads) if (read.kind === 'refused') report.refused.push({ id: read.id, reason: read.reason });
      const incoming = reads.flatMap((read) => (read.kind === 'article' && !pending.has(`article:${read.article.id}`) ? [read.article] : []));
      // Every read of the batch asked at once, then every write: one round trip each way, not one per record.
      const stored = await Promise.all(incoming.map((article) => tx.objectStore('articles').get(article.id)));
      const articleWrites: Promise<unknown>[] = [];
      incoming.forEach((article, i) => {
        const here = stored[i];
        const merged = articleIntoStore(here && !isPlaceholder(here) ? here : undefined, article);
        const withPlaceholderTime = here && isPlaceholder(here) ? { ...merged, annotatedAt: latestTime(merged.annotatedAt, here.annotatedAt) } : merged;
        if (!here || JSON.stringify(here) !== JSON.stringify(withPlaceholderTime)) {
          articleWrites.push(tx.objectStore('articles').put(withPlaceholderTime));
          report.pulled++;
          report.changedArticles.push(article.id);
        }
      });
      await Promise.all(articleWrites);
      await this.writeVersions(
        tx,
        reads.flatMap((read) => (read.kind === 'version' && !pending.has(read.id) ? [read.version] : [])),
        report,
      );
      await tx.objectStore('syncState').put({ key: STATE.pullSeq, value: changes.last_seq });
      await tx.done;
      if (changes.count < this.batchSize) return report;
    }
  }

  /**
   * A batch of the replica's changes feed and the changed documents. After a push, the feed is read
   * without documents and only those the push did not write are fetched: a first push would read
   * back every document it wrote, only to pass over it.
   */
  private async changedDocs(since: number | string): Promise<{ docs: (PouchDB.Core.ExistingDocument<object> | undefined)[]; count: number; last_seq: number | string }> {
    if (!this.written.size) {
      const changes = await this.pouch.changes({ since, limit: this.batchSize, include_docs: true, conflicts: true });
      return { docs: changes.results.map((change) => change.doc), count: changes.results.length, last_seq: changes.last_seq };
    }
    // Every leaf revision of each document (style all_docs): one leaf, the one written, is the push's own.
    const changes = await this.pouch.changes({ since, limit: this.batchSize, style: 'all_docs' });
    const fetch: string[] = [];
    for (const change of changes.results) {
      if (change.changes.length === 1 && this.written.get(change.id) === change.changes[0]!.rev) this.written.delete(change.id);
      else fetch.push(change.id);
    }
    const rows = fetch.length ? (await this.pouch.allDocs({ keys: fetch, include_docs: true, conflicts: true })).rows : [];
    // A deleted document, as the feed with documents gives it.
    const docs = rows.map((row) => row.doc ?? (row.value?.deleted ? { _id: row.id, _rev: row.value.rev, _deleted: true } : undefined));
    return { docs, count: changes.results.length, last_seq: changes.last_seq };
  }

  /** Every conflicted document in the replica resolved (a pull does those it reads). */
  async resolveAll(report: BridgeReport = emptyReport()): Promise<BridgeReport> {
    const all = await this.pouch.allDocs({ conflicts: true, include_docs: true });
    for (const row of all.rows) {
      const doc = row.doc as { _conflicts?: string[] } | undefined;
      if (doc?._conflicts?.length) await this.resolve(row.id, report);
    }
    return report;
  }

  /**
   * Keeps one revision of a conflicted document: the winning highlight version (an article: every
   * revision joined), the others deleted. Every replica that resolves the same revisions keeps the
   * same one; invalid revisions always lose.
   */
  async resolve(id: string, report: BridgeReport = emptyReport()): Promise<(PouchDB.Core.ExistingDocument<object> & { _conflicts?: string[] }) | undefined> {
    const leaves = (await this.pouch.get(id, { open_revs: 'all' })) as unknown as { ok?: PouchDB.Core.ExistingDocument<object> & { _deleted?: boolean } }[];
    const live = leaves.flatMap((leaf) => (leaf.ok && !leaf.ok._deleted ? [leaf.ok] : [])).sort((a, b) => (a._rev < b._rev ? -1 : 1));
    if (live.length === 0) return undefined;
    if (live.length === 1) return live[0];
    const reads = live.map((doc) => ({ doc, read: readDoc(doc) }));
    const versions = reads.flatMap(({ doc, read }) => (read.kind === 'version' ? [{ doc, version: read.version }] : []));
    const articles = reads.flatMap(({ doc, read }) => (read.kind === 'article' ? [{ doc, article: read.article }] : []));
    const writes: object[] = [];
    let keep: PouchDB.Core.ExistingDocument<object>;
    if (versions.length) {
      const best = versions.reduce((a, b) => {
        const order = compareVersions(b.version, a.version);
        return order > 0 || (order === 0 && b.doc._rev > a.doc._rev) ? b : a;
      });
      keep = best.doc;
    } else if (articles.length) {
      const joined = articleForDoc(articles.map((a) => a.article).reduce(joinArticles));
      keep = articles[articles.length - 1]!.doc;
      const read = readDoc(keep);
      if (read.kind !== 'article' || JSON.stringify(articleForDoc(read.article)) !== JSON.stringify(joined)) writes.push({ ...articleToDoc(joined), _rev: keep._rev });
    } else keep = live[live.length - 1]!;
    for (const doc of live) if (doc._rev !== keep._rev) writes.push({ _id: id, _rev: doc._rev, _deleted: true });
    await this.pouch.bulkDocs(writes as PouchDB.Core.PutDocument<object>[]);
    report.resolved++;
    return this.getDoc(id);
  }

  /** Forgets every checkpoint: the next run sends the whole library and reads the whole replica. */
  async reset(): Promise<void> {
    this.written.clear();
    const tx = this.db.transaction(['outbox', 'syncState'], 'readwrite');
    await tx.objectStore('outbox').clear();
    await tx.objectStore('syncState').clear();
    await tx.done;
  }

  /**
   * Forgets where the pull stands in the replica's changes feed (another replica took its place): the
   * next pull reads the feed from its start. The outbox stays, so the store keeps every change of its
   * own that the replica lacks. With `sendAll`, the next push also weighs the whole library against
   * the replica, as a first push does.
   */
  async restartPull({ sendAll = false } = {}): Promise<void> {
    this.written.clear();
    const tx = this.db.transaction('syncState', 'readwrite');
    await tx.store.delete(STATE.pullSeq);
    await tx.store.delete(STATE.replicatedSeq);
    if (sendAll) await tx.store.delete(STATE.pushedAll);
    await tx.done;
  }

  /** Local changes not yet in the replica, and replica changes not yet replicated since `replicatedSeq`. */
  async waiting(): Promise<number> {
    const tx = this.db.transaction(['outbox', 'syncState'], 'readonly');
    const entries = await tx.objectStore('outbox').getAll();
    const replicated = (await tx.objectStore('syncState').get(STATE.replicatedSeq))?.value as number | string | undefined;
    const pushedAll = (await tx.objectStore('syncState').get(STATE.pushedAll))?.value === true;
    await tx.done;
    let count = new Set(entries.map((e) => `${e.kind}:${e.id}`)).size;
    if (!pushedAll) {
      const [annotations, tombstones] = await Promise.all([this.db.count('annotations'), this.db.count('tombstones')]);
      count = Math.max(count, annotations + tombstones);
    }
    const changes = await this.pouch.changes({ since: replicated ?? 0, limit: 100_000 });
    return count + changes.results.filter((c) => !c.id.startsWith('article:')).length;
  }

  /** Notes that the replica's changes up to now reached the server. */
  async markReplicated(): Promise<void> {
    const info = await this.pouch.info();
    await this.db.put('syncState', { key: STATE.replicatedSeq, value: info.update_seq });
  }

  private async getDoc(id: string): Promise<(PouchDB.Core.ExistingDocument<object> & { _conflicts?: string[] }) | undefined> {
    try {
      return await this.pouch.get(id, { conflicts: true });
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  }

  /** Reads the outbox and what its entries name, in one snapshot (all of the library, the first time). */
  private async readOutbox() {
    const tx = this.db.transaction(ALL, 'readonly');
    const outbox = tx.objectStore('outbox');
    const [keys, values, pushedAllState] = await Promise.all([outbox.getAllKeys(), outbox.getAll(), tx.objectStore('syncState').get(STATE.pushedAll)]);
    const entries = keys.map((key, i) => [key, values[i]!] as [number, OutboxEntry]);
    const pushedAll = pushedAllState?.value === true;
    const annotationIds = new Set<string>();
    const articleIds = new Set<string>();
    const undoes = new Map<string, string>();
    for (const [, entry] of entries) {
      if (entry.kind === 'article') articleIds.add(entry.id);
      else {
        annotationIds.add(entry.id);
        if (entry.undoes) undoes.set(entry.id, entry.undoes);
        else undoes.delete(entry.id);
      }
    }
    const versions = new Map<string, Version>();
    const articles = new Map<string, ArticleRecord>();
    if (!pushedAll) {
      const [all, tombs, arts] = await Promise.all([tx.objectStore('annotations').getAll(), tx.objectStore('tombstones').getAll(), tx.objectStore('articles').getAll()]);
      for (const t of tombs) versions.set(t.id, { kind: 'tombstone', tombstone: t });
      for (const a of all) versions.set(a.id, { kind: 'annotation', record: a });
      for (const a of arts) articles.set(a.id, a);
      for (const id of versions.keys()) annotationIds.add(id);
      for (const id of articles.keys()) articleIds.add(id);
    } else {
      for (const id of annotationIds) {
        const record = await tx.objectStore('annotations').get(id);
        const tombstone = record ? undefined : await tx.objectStore('tombstones').get(id);
        if (record) versions.set(id, { kind: 'annotation', record });
        else if (tombstone) versions.set(id, { kind: 'tombstone', tombstone });
      }
      const needed = new Set([...articleIds, ...[...versions.values()].map(versionArticle)]);
      for (const id of needed) {
        const article = await tx.objectStore('articles').get(id);
        if (article) articles.set(id, article);
      }
    }
    await tx.done;
    return { entries, lastKey: keys.length ? keys[keys.length - 1]! : -1, pushedAll, annotationIds, articleIds, undoes, versions, articles };
  }

  /**
   * Writes versions to the store unless it holds them already; an id never moves to another article.
   * The records they replace and their articles are read all at once, the writes then issued together:
   * the transaction runs its requests in order, so the result is as if one were written after another.
   */
  private async writeVersions(tx: SyncTx, versions: readonly Version[], report: BridgeReport): Promise<void> {
    if (!versions.length) return;
    const annotations = tx.objectStore('annotations');
    const tombstones = tx.objectStore('tombstones');
    const articles = tx.objectStore('articles');
    const ids = versions.map(versionId);
    const articleIds = [...new Set(versions.map(versionArticle))];
    const [records, tombs, known] = await Promise.all([readMany(annotations, ids), readMany(tombstones, ids), Promise.all(articleIds.map((id) => articles.get(id)))]);
    // What the store holds as the writes below are made: the same id or article met again sees them.
    const here = new Map<string, Version | null>();
    ids.forEach((id, i) => {
      if (here.has(id)) return;
      const record = records[i];
      const tombstone = record ? undefined : tombs[i];
      here.set(id, record ? { kind: 'annotation', record } : tombstone ? { kind: 'tombstone', tombstone } : null);
    });
    const articleOf = new Map(articleIds.map((id, i) => [id, known[i]]));
    const writes: Promise<unknown>[] = [];
    versions.forEach((version, i) => {
      const id = ids[i]!;
      const articleId = versionArticle(version);
      const local = here.get(id) ?? null;
      if (local && versionArticle(local) !== articleId) {
        report.refused.push({ id, reason: `belongs to another article here (${versionArticle(local)})` });
        return;
      }
      // The reader's own highlights are kept without the maker's name their documents carry.
      if (local && sameVersion(withMaker(local, makerOf(version)), version)) return;
      if (version.kind === 'annotation') {
        if (local?.kind === 'tombstone') writes.push(tombstones.delete(id));
        writes.push(annotations.put(version.record as AnnotationRecord));
      } else {
        // A deletion of a highlight this library never had is kept too: nothing brings it back.
        if (local?.kind === 'annotation') writes.push(annotations.delete(id));
        writes.push(tombstones.put(version.tombstone));
      }
      here.set(id, version);
      const when = version.kind === 'annotation' ? version.record.modified : version.tombstone.deleted;
      const article = articleOf.get(articleId);
      const next = !article ? placeholder(articleId, when) : article.annotatedAt !== latestTime(article.annotatedAt, when) ? { ...article, annotatedAt: when } : null;
      if (next) {
        articleOf.set(articleId, next);
        writes.push(articles.put(next));
      }
      report.pulled++;
      report.changedArticles.push(articleId);
    });
    await Promise.all(writes);
  }
}

/** Ids that have outbox entries after `afterKey`: changes made here that push has not read yet. */
async function laterOutboxIds(tx: SyncTx, afterKey: number): Promise<Set<string>> {
  const outbox = tx.objectStore('outbox');
  const [keys, entries] = await Promise.all([outbox.getAllKeys(), outbox.getAll()]);
  return new Set(entries.filter((_, i) => keys[i]! > afterKey).map((e) => (e.kind === 'article' ? `article:${e.id}` : e.id)));
}

/** An article known only by a highlight that arrived before its article's document. */
function placeholder(id: string, when: string): ArticleRecord {
  return { id, url: '', title: '', source: 'other', publishedAt: null, seenAt: [], annotatedAt: when };
}

function isPlaceholder(article: ArticleRecord): boolean {
  return article.url === '' && article.title === '' && article.seenAt.length === 0;
}

type OutboxSnapshot = Awaited<ReturnType<SyncBridge['readOutbox']>>;

interface PushPlan {
  writes: SyncDoc[];
  /** The replica's versions that win over the store's. */
  adopt: Version[];
  /** The versions sent of each highlight, as their documents carry them. */
  sent: Map<string, Version>;
}

/** The replica's documents looked up so far, a batch per request, each id once. */
class ReplicaDocs {
  readonly docs = new Map<string, PouchDB.Core.ExistingDocument<object>>();
  private readonly looked = new Set<string>();
  constructor(
    private readonly pouch: PouchDB.Database,
    private readonly batchSize: number,
    /** The replica never held a document: nothing to look up. */
    private readonly empty = false,
  ) {}

  async lookUp(ids: string[]): Promise<void> {
    if (this.empty) return;
    const fresh = ids.filter((id) => !this.looked.has(id));
    for (let i = 0; i < fresh.length; i += this.batchSize) {
      const rows = await this.pouch.allDocs({ keys: fresh.slice(i, i + this.batchSize), include_docs: true });
      for (const row of rows.rows) if ('doc' in row && row.doc) this.docs.set(row.id, row.doc);
    }
    for (const id of fresh) this.looked.add(id);
  }
}

/** The article documents to write: each article with highlights, joined with the replica's copy where that lacks something. */
function articleWrites(snapshot: OutboxSnapshot, replica: ReplicaDocs): SyncDoc[] {
  const writes: SyncDoc[] = [];
  for (const articleId of snapshot.articleIds) {
    const here = snapshot.articles.get(articleId);
    if (!here || here.annotatedAt === null) continue;
    const doc = replica.docs.get(articleDocId(articleId));
    const read = doc ? readDoc(doc) : null;
    const there = read?.kind === 'article' ? read.article : null;
    if (there && articleCovers(there, here)) continue;
    const joined = articleForDoc(there ? joinArticles(there, here) : here);
    writes.push({ ...articleToDoc(joined), ...(doc ? { _rev: doc._rev } : {}) });
  }
  return writes;
}

/**
 * Each id's record in `store`, undefined where it has none. Where many ids are asked of a store that
 * holds not too many records (a library that a first pull fills, deletions), its keys are read first
 * and only the records it holds are asked for: one request, not one for each id it lacks.
 */
async function readMany<T>(store: { count(): Promise<number>; getAllKeys(): Promise<unknown[]>; get(id: string): Promise<T | undefined> }, ids: string[]): Promise<(T | undefined)[]> {
  // A key costs far less than a request: up to 32 keys read per id asked.
  if (ids.length < 100 || (await store.count()) > ids.length * 32) return Promise.all(ids.map((id) => store.get(id)));
  const held = new Set(await store.getAllKeys());
  return Promise.all(ids.map((id) => (held.has(id) ? store.get(id) : undefined)));
}

/** The maker's name a version of a highlight carries, if any. */
const makerOf = (version: Version | null): string | undefined => (version?.kind === 'annotation' ? version.record.creator : undefined);

/** A highlight of the reader's own (one with no maker's name in the store), as its document has it: with `maker` as its maker. */
function withMaker(version: Version, maker: string | undefined): Version {
  return maker && version.kind === 'annotation' && !version.record.creator ? { kind: 'annotation', record: { ...version.record, creator: maker } } : version;
}

/**
 * True where the replica held nothing before the push (its feed at 0, the store's pull checkpoint
 * there too) and its feed now holds this push's writes and nothing else: the feed numbers each write
 * of a document (PouchDB's local sequences), so a count equal to the documents written leaves room for
 * no one else's. Every one of them is one a pull passes over: a highlight whose version the store holds
 * as sent (`own`), or an article's document, made from the store's article alone (there was no copy in
 * the replica to join it with) and merged into it by any later pull anyway.
 */
function onlyOwnWrites(feed: { from: number | string; to: number | string }, pulledTo: unknown, revs: Map<string, string>, own: number): boolean {
  const { from, to } = feed;
  if (from !== 0 || pulledTo !== 0 || typeof to !== 'number' || to !== revs.size) return false;
  let articles = 0;
  for (const id of revs.keys()) if (isArticleDocId(id)) articles++;
  return own + articles === revs.size;
}

/**
 * The highlights sent whose version the store holds as their documents have it, but for the maker's
 * name: the store leaves it out of the reader's own highlights, their documents carry it
 * (planVersions), and a pull reading them back finds nothing new (writeVersions). Not those the store
 * changed since, nor those whose reading back would move their article's time (or make the article).
 * Answers the (id, revision) pairs the pull may pass over.
 */
function ownVersions(snapshot: OutboxSnapshot, sent: Map<string, Version>, revs: Map<string, string>, later: Set<string>): [string, string][] {
  const own: [string, string][] = [];
  for (const [id, version] of sent) {
    const rev = revs.get(id);
    if (!rev || later.has(id)) continue;
    const article = snapshot.articles.get(versionArticle(version));
    const when = version.kind === 'annotation' ? version.record.modified : version.tombstone.deleted;
    if (!article || article.annotatedAt !== latestTime(article.annotatedAt, when)) continue;
    own.push([id, rev]);
  }
  return own;
}

/**
 * Writes a batch of documents to a replica that held none of them (nor ever did: no revision of theirs
 * is in it, not even a deleted one). Each gets its first revision here, named by the SHA-256 of its
 * content (as PouchDB names one by the MD5 of it: the same content, the same revision, on every replica
 * that writes it so), and is given to the replica as it is (new_edits false), which costs the browser
 * less than PouchDB's own MD5 (bench/README.md, sync). The replica answers only what it refused (CouchDB's
 * way): any refusal fails the whole batch, whose documents then wait for the next push (what was
 * written of them is found there, unchanged). Answers each document's outcome, in the batch's order.
 */
async function writeAsTheyAre(pouch: PouchDB.Database, batch: SyncDoc[]): Promise<({ ok: true; id: string; rev: string } | { error: true; id: string })[]> {
  const named = await Promise.all(batch.map(async (doc) => ({ ...doc, _rev: `1-${await contentHash(doc)}` })));
  const refusals = (await pouch.bulkDocs(named.map((doc) => ({ ...doc, _revisions: { start: 1, ids: [doc._rev.slice(2)] } })) as never[], { new_edits: false })) as unknown[];
  return named.map((doc) => (refusals.length ? { error: true, id: doc._id } : { ok: true, id: doc._id, rev: doc._rev }));
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** 32 hex digits of the SHA-256 of a document's JSON, as a revision is named. */
async function contentHash(doc: object): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(doc))), 0, 16);
  let hex = '';
  for (const byte of digest) hex += HEX[byte];
  return hex;
}
