import type { PizhuDatabase } from './database';
import type { AnnotationRecord, ArticleRecord, Tombstone } from './records';

/** The article fields a page reports. */
export type ArticleFacts = Pick<ArticleRecord, 'id' | 'url' | 'title' | 'source' | 'publishedAt'>;

export class DeletedAnnotation extends Error {}

/**
 * Articles and their highlights, in IndexedDB. Every method is one transaction: two tabs writing
 * at once each write whole records, and a reader never sees half of a change.
 */
export class AnnotationStore {
  constructor(private readonly db: PizhuDatabase) {}

  /** Notes that an article was read at `seenAt`; the newest facts win, every address is kept. */
  async recordArticle(facts: ArticleFacts, seenAt: string): Promise<ArticleRecord> {
    const tx = this.db.transaction('articles', 'readwrite');
    const old = await tx.store.get(facts.id);
    const record: ArticleRecord = {
      ...facts,
      seenAt: old?.seenAt.includes(seenAt) ? old.seenAt : [...(old?.seenAt ?? []), seenAt],
      annotatedAt: old?.annotatedAt ?? null,
    };
    await tx.store.put(record);
    await tx.done;
    return record;
  }

  /** Creates or replaces a highlight. A deleted one stays deleted: its id is refused. */
  async saveAnnotation(annotation: AnnotationRecord): Promise<void> {
    const tx = this.db.transaction(['annotations', 'articles', 'tombstones'], 'readwrite');
    if (await tx.objectStore('tombstones').get(annotation.id)) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new DeletedAnnotation(`annotation ${annotation.id} was deleted`);
    }
    await tx.objectStore('annotations').put(annotation);
    await touchArticle(tx.objectStore('articles'), annotation.articleId, annotation.modified);
    await tx.done;
  }

  /** Deletes a highlight and leaves a tombstone; false when there was none. */
  async deleteAnnotation(id: string, now: string): Promise<boolean> {
    const tx = this.db.transaction(['annotations', 'articles', 'tombstones'], 'readwrite');
    const old = await tx.objectStore('annotations').get(id);
    if (!old) {
      await tx.done;
      return false;
    }
    await tx.objectStore('annotations').delete(id);
    const tombstone: Tombstone = { id, articleId: old.articleId, deleted: now };
    await tx.objectStore('tombstones').put(tombstone);
    await touchArticle(tx.objectStore('articles'), old.articleId, now);
    await tx.done;
    return true;
  }

  async annotation(id: string): Promise<AnnotationRecord | undefined> {
    return this.db.get('annotations', id);
  }

  /** An article's highlights, in the order they stand in its text. */
  async annotationsFor(articleId: string): Promise<AnnotationRecord[]> {
    const found = await this.db.getAllFromIndex('annotations', 'byArticle', articleId);
    return found.sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end);
  }

  async article(id: string): Promise<ArticleRecord | undefined> {
    return this.db.get('articles', id);
  }

  /** Articles with highlights, most recently annotated first. */
  async annotatedArticles(): Promise<ArticleRecord[]> {
    const all = await this.db.getAllFromIndex('articles', 'byAnnotatedAt');
    return all.filter((a) => a.annotatedAt !== null).reverse();
  }

  async annotationsTagged(tag: string): Promise<AnnotationRecord[]> {
    return this.db.getAllFromIndex('annotations', 'byTag', tag);
  }

  async tombstones(): Promise<Tombstone[]> {
    return this.db.getAll('tombstones');
  }
}

async function touchArticle(articles: { get(id: string): Promise<ArticleRecord | undefined>; put(value: ArticleRecord): Promise<unknown> }, id: string, when: string) {
  const article = await articles.get(id);
  if (article && (!article.annotatedAt || article.annotatedAt < when)) await articles.put({ ...article, annotatedAt: when });
}
