import type { PizhuDatabase } from './database';
import type { ArticleWithAnnotations } from '../annotation/library-data';
import { inTextOrder } from '../annotation/order';
import type { AnnotationRecord, ArticleRecord } from '../annotation/records';
import { keysAfter } from './key-range';

/**
 * The most recently annotated articles and their highlights, read through the indexes alone: the
 * popup shows this first screen before it reads the rest of a large library.
 */
export async function recentlyAnnotated(db: PizhuDatabase, limit: number): Promise<ArticleWithAnnotations[]> {
  const tx = db.transaction(['articles', 'annotations']);
  const listed: ArticleWithAnnotations[] = [];
  const byArticle = tx.objectStore('annotations').index('byArticle');
  let cursor = await tx.objectStore('articles').index('byAnnotatedAt').openCursor(null, 'prev');
  while (cursor && listed.length < limit) {
    // The highlights of the next articles asked for at once: one wait for them all, not one an article
    // (twelve in turn took most of the library page's first list at 100,000 highlights).
    const next: ArticleRecord[] = [];
    for (; cursor && next.length < limit - listed.length; cursor = await cursor.continue()) next.push(cursor.value);
    const read = await Promise.all(next.map((article) => byArticle.getAll(article.id)));
    next.forEach((article, k) => {
      if (read[k].length) listed.push({ article, annotations: read[k].sort(inTextOrder) });
    });
  }
  await tx.done;
  return listed;
}

/**
 * The whole library in one read-only transaction, the highlights `size` at a time (in id order), each
 * batch handed to `each` as it arrives and not kept here: a page that keeps only part of each record
 * never holds every full record at once, and no single task decodes them all. Answers the articles.
 */
export async function readInBatches(db: PizhuDatabase, size: number, each: (batch: AnnotationRecord[]) => void): Promise<ArticleRecord[]> {
  const tx = db.transaction(['articles', 'annotations']);
  const articles = await tx.objectStore('articles').getAll();
  const annotations = tx.objectStore('annotations');
  let after: string | null = null;
  for (;;) {
    const batch: AnnotationRecord[] = await annotations.getAll(after === null ? null : keysAfter(after), size);
    // Synchronous: the transaction stays open for the next request.
    if (batch.length) each(batch);
    if (batch.length < size) break;
    after = batch[batch.length - 1].id;
  }
  await tx.done;
  return articles;
}

/** These articles, whole, each with all its highlights in text order (an export of what is listed); articles gone are left out. */
export async function readArticles(db: PizhuDatabase, ids: readonly string[]): Promise<ArticleWithAnnotations[]> {
  const tx = db.transaction(['articles', 'annotations']);
  const byArticle = tx.objectStore('annotations').index('byArticle');
  const read = await Promise.all(ids.map(async (id) => ({ article: await tx.objectStore('articles').get(id), annotations: (await byArticle.getAll(id)).sort(inTextOrder) })));
  await tx.done;
  return read.filter((r): r is ArticleWithAnnotations => r.article !== undefined);
}
