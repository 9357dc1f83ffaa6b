import type { IDBPTransaction } from 'idb';
import { type MergePlan, type MergeReport, planMerge, type Skipped } from './merge';
import type { PizhuDatabase, PizhuSchema } from './database';
import type { LibraryData } from '../annotation/library-data';
import { isLocalAddress } from '../annotation/archive-path';
import { inTextOrder } from '../annotation/order';
import type { AnnotationRecord, ArticleRecord, Tombstone } from '../annotation/records';
import { keysAfter, keysBetween, keysUpTo } from './key-range';

/** The article fields a page reports. */
export type ArticleFacts = Pick<ArticleRecord, 'id' | 'url' | 'title' | 'source' | 'publishedAt' | 'archivedAt'>;

/** One article's highlights (in the store's order: by id), with its record; none where the library keeps highlights of an article it has no record of. */
export interface ArticleGroup {
  articleId: string;
  article: ArticleRecord | undefined;
  annotations: AnnotationRecord[];
}

/** What walkLibrary hands on: each article's highlights, and (when asked for) every article record. */
export interface LibraryVisitor {
  group(group: ArticleGroup): void;
  article?(article: ArticleRecord): void;
}

/** How many article records walkLibrary reads at a time. */
const ARTICLE_BATCH = 500;

/** A save of a highlight that was deleted: a tombstone keeps it deleted. */
export class AnnotationWasDeleted extends Error {}

/** A delete, as the store made it: what its undo needs. */
export interface DeleteReceipt {
  record: AnnotationRecord;
  tombstone: Tombstone;
}

/**
 * Articles and their highlights, in IndexedDB. Every method is one transaction: two tabs writing
 * at once each write whole records, and a reader never sees half of a change.
 */
export class AnnotationStore {
  constructor(private readonly db: PizhuDatabase) {}

  /** Notes that an article was read at `seenAt` (null: at no address to keep); the newest facts win, every address is kept, the latest last. */
  async recordArticle(facts: ArticleFacts, seenAt: string | null): Promise<ArticleRecord> {
    const tx = this.db.transaction(['articles', 'outbox'], 'readwrite');
    const old = await tx.objectStore('articles').get(facts.id);
    const seen = seenAt === null ? (old?.seenAt ?? []) : [...(old?.seenAt ?? []).filter((url) => url !== seenAt), seenAt];
    // Where another machine's library kept its archive copy (an import) stays, until a file of it is read here (merge.ts's rule).
    const archivePath = old?.archivePath && !seen.some(isLocalAddress) ? old.archivePath : undefined;
    const record: ArticleRecord = {
      id: facts.id,
      url: facts.url,
      title: facts.title,
      source: facts.source,
      publishedAt: facts.publishedAt,
      // The live page knows no archive time: the archive copy's stays.
      archivedAt: facts.archivedAt ?? old?.archivedAt ?? null,
      // The last address is where the reader last read it: the popup opens highlights there.
      seenAt: seen,
      annotatedAt: old?.annotatedAt ?? null,
      ...(archivePath ? { archivePath } : {}),
    };
    await tx.objectStore('articles').put(record);
    await tx.objectStore('outbox').add({ kind: 'article', id: record.id });
    await tx.done;
    return record;
  }

  /** Creates or replaces a highlight. A deleted one stays deleted: its id is refused. */
  async saveAnnotation(annotation: AnnotationRecord): Promise<void> {
    const tx = this.db.transaction(['annotations', 'articles', 'tombstones', 'outbox'], 'readwrite');
    if (await tx.objectStore('tombstones').get(annotation.id)) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new AnnotationWasDeleted(`annotation ${annotation.id} was deleted`);
    }
    await tx.objectStore('annotations').put(annotation);
    await tx.objectStore('outbox').add({ kind: 'annotation', id: annotation.id });
    await touchArticle(tx.objectStore('articles'), annotation.articleId, annotation.modified);
    await tx.done;
  }

  /** Deletes a highlight and leaves a tombstone; answers what was deleted (for an undo), or null when there was nothing. */
  async deleteAnnotation(id: string, now: string): Promise<DeleteReceipt | null> {
    const tx = this.db.transaction(['annotations', 'articles', 'tombstones', 'outbox'], 'readwrite');
    const old = await tx.objectStore('annotations').get(id);
    if (!old) {
      await tx.done;
      return null;
    }
    await tx.objectStore('annotations').delete(id);
    const tombstone: Tombstone = { id, articleId: old.articleId, deleted: now };
    await tx.objectStore('tombstones').put(tombstone);
    await tx.objectStore('outbox').add({ kind: 'annotation', id });
    await touchArticle(tx.objectStore('articles'), old.articleId, now);
    await tx.done;
    return { record: old, tombstone };
  }

  /**
   * Undoes a delete this library just made (the popup's undo): the record comes back as the delete
   * found it. Only that delete is undone: if the tombstone is another one (deleted again elsewhere,
   * or by an import), nothing changes and the answer is false.
   */
  async undoDelete(deleted: DeleteReceipt, now: string): Promise<boolean> {
    const tx = this.db.transaction(['annotations', 'articles', 'tombstones', 'outbox'], 'readwrite');
    const tombstone = await tx.objectStore('tombstones').get(deleted.record.id);
    if (tombstone?.deleted !== deleted.tombstone.deleted || (await tx.objectStore('annotations').get(deleted.record.id))) {
      await tx.done;
      return false;
    }
    await tx.objectStore('tombstones').delete(deleted.record.id);
    await tx.objectStore('annotations').put(deleted.record);
    // Sync sends the undo as taking back that deletion, though the record is older than it.
    await tx.objectStore('outbox').add({ kind: 'annotation', id: deleted.record.id, undoes: deleted.tombstone.deleted });
    await touchArticle(tx.objectStore('articles'), deleted.record.articleId, now);
    await tx.done;
    return true;
  }

  async annotation(id: string): Promise<AnnotationRecord | undefined> {
    return this.db.get('annotations', id);
  }

  /** An article's highlights, in the order they stand in its text. */
  async annotationsFor(articleId: string): Promise<AnnotationRecord[]> {
    const found = await this.db.getAllFromIndex('annotations', 'byArticle', articleId);
    return found.sort(inTextOrder);
  }

  /** Ids of the articles with highlights now or before (the index holds only those with a time). */
  async annotatedArticleIds(): Promise<Set<string>> {
    return new Set(await this.db.getAllKeysFromIndex('articles', 'byAnnotatedAt'));
  }

  async article(id: string): Promise<ArticleRecord | undefined> {
    return this.db.get('articles', id);
  }

  /** How many article records the library holds. */
  async articleCount(): Promise<number> {
    return this.db.count('articles');
  }

  async tombstones(): Promise<Tombstone[]> {
    return this.db.getAll('tombstones');
  }

  /** Everything, as one consistent snapshot (each list in id order). */
  async readAll(): Promise<LibraryData> {
    const tx = this.db.transaction(['articles', 'annotations', 'tombstones'], 'readonly');
    const [articles, annotations, tombstones] = await Promise.all([tx.objectStore('articles').getAll(), tx.objectStore('annotations').getAll(), tx.objectStore('tombstones').getAll(), tx.done]);
    return { articles, annotations, tombstones };
  }

  /**
   * The whole library a piece at a time, for an export that never holds all of it: in one readonly
   * transaction (one consistent snapshot), `batchSize` article records at a time in id order, each
   * handed to `article`, and the highlights of the articles from the last batch's to this one's
   * (those of articles without a record too) read through the byArticle index, in article id order,
   * handed to `group` an article at a time; answers the tombstones. The visits must be synchronous:
   * the transaction ends as soon as nothing is asked of it.
   */
  async walkLibrary(visitor: LibraryVisitor, batchSize = ARTICLE_BATCH): Promise<Tombstone[]> {
    const tx = this.db.transaction(['articles', 'annotations', 'tombstones'], 'readonly');
    const byArticle = tx.objectStore('annotations').index('byArticle');
    const articles = tx.objectStore('articles');
    for (let after: string | null = null; ; ) {
      const batch: ArticleRecord[] = await articles.getAll(after === null ? null : keysAfter(after), batchSize);
      // The last batch reaches to the end of the keys: highlights of articles after the last record too.
      const last = batch.length === batchSize ? batch[batch.length - 1]!.id : null;
      const annotations = await byArticle.getAll(keyInterval(after, last));
      for (const article of batch) visitor.article?.(article);
      const records = new Map(batch.map((article) => [article.id, article]));
      for (let i = 0, j = 0; i < annotations.length; i = j) {
        const { articleId } = annotations[i]!;
        while (j < annotations.length && annotations[j]!.articleId === articleId) j++;
        visitor.group({ articleId, article: records.get(articleId), annotations: annotations.slice(i, j) });
      }
      if (last === null) break;
      after = last;
    }
    const tombstones = await tx.objectStore('tombstones').getAll();
    await tx.done;
    return tombstones;
  }

  /**
   * Writes an import plan (src/store/merge.ts) in one transaction: all of it, or, if any write
   * fails, nothing. The plan was made from an earlier snapshot; importLibrary plans inside the
   * transaction instead, so that nothing written meanwhile is overwritten.
   */
  async applyImport(plan: MergePlan): Promise<void> {
    const tx = this.db.transaction(['articles', 'annotations', 'tombstones', 'outbox'], 'readwrite');
    await writePlan(tx, plan);
  }

  /** Reads the library, plans the merge of `incoming` and writes it, all in one transaction. */
  async importLibrary(incoming: LibraryData, skipped: Skipped[] = []): Promise<MergeReport> {
    const tx = this.db.transaction(['articles', 'annotations', 'tombstones', 'outbox'], 'readwrite');
    const [articles, annotations, tombstones] = await Promise.all([tx.objectStore('articles').getAll(), tx.objectStore('annotations').getAll(), tx.objectStore('tombstones').getAll()]);
    // Planning is synchronous: the transaction stays open for the writes.
    const plan = planMerge(incoming, { articles, annotations, tombstones }, skipped);
    await writePlan(tx, plan);
    return plan.report;
  }
}

type ImportTransaction = IDBPTransaction<PizhuSchema, ('articles' | 'annotations' | 'tombstones' | 'outbox')[], 'readwrite'>;

/**
 * Issues the writes a wave at a time, each wave answered before the next is issued (the transaction
 * stays open: the next wave is issued from the last one's answers), and waits for the commit; a
 * failure aborts the whole transaction. One wave of every write held them all pending at once:
 * 220,000 requests for an import of 100,000 highlights with their outbox entries, whose queue
 * fake-indexeddb (the tests' and benchmarks' IndexedDB) walks from its front for each (bench/README.md, import).
 */
async function writePlan(tx: ImportTransaction, plan: MergePlan): Promise<void> {
  try {
    const annotations = tx.objectStore('annotations');
    const tombstones = tx.objectStore('tombstones');
    const articles = tx.objectStore('articles');
    const outbox = tx.objectStore('outbox');
    const outboxIds = new Set([...plan.annotations.map((a) => a.id), ...plan.tombstones.map((t) => t.id)]);
    function* writes(): Generator<Promise<unknown>> {
      for (const id of plan.deletions) yield annotations.delete(id);
      for (const id of plan.revived) yield tombstones.delete(id);
      for (const a of plan.annotations) yield annotations.put(a);
      for (const t of plan.tombstones) yield tombstones.put(t);
      for (const a of plan.articles) yield articles.put(a);
      for (const id of outboxIds) yield outbox.add({ kind: 'annotation', id });
      for (const a of plan.articles) yield outbox.add({ kind: 'article', id: a.id });
    }
    await inWaves(writes());
    await tx.done;
  } catch (error) {
    // A write refused before it was even made (an invalid key) does not abort by itself.
    try {
      tx.abort();
    } catch {
      // Already aborted.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

/** Writes pending at once in an import. */
const WAVE = 5_000;

/** Issues the requests `requests` makes as it is walked, WAVE at a time, each wave answered before the next is issued. */
async function inWaves(requests: Iterator<Promise<unknown>>, size = WAVE): Promise<void> {
  for (;;) {
    const wave: Promise<unknown>[] = [];
    for (let next = requests.next(); !next.done; next = requests.next()) {
      // A request refused as it is made (an invalid key) throws here: those issued before it must not
      // go unheard when the abort rejects them. Promise.all below still hears the first failure.
      next.value.catch(() => undefined);
      wave.push(next.value);
      if (wave.length === size) break;
    }
    if (!wave.length) return;
    await Promise.all(wave);
  }
}

/** Keys in (after, last]; null at either end: unbounded there. */
function keyInterval(after: string | null, last: string | null): IDBKeyRange | null {
  if (after === null) return last === null ? null : keysUpTo(last);
  return last === null ? keysAfter(after) : keysBetween(after, last);
}

async function touchArticle(articles: { get(id: string): Promise<ArticleRecord | undefined>; put(value: ArticleRecord): Promise<unknown> }, id: string, when: string) {
  const article = await articles.get(id);
  if (article && (!article.annotatedAt || article.annotatedAt < when)) await articles.put({ ...article, annotatedAt: when });
}
