import type { PizhuDatabase } from './database';
import type { ArticleWithAnnotations } from '../annotation/library-data';
import { inTextOrder } from '../annotation/order';

/**
 * The most recently annotated articles and their highlights, read through the indexes alone: the
 * popup shows this first screen before it reads the rest of a large library.
 */
export async function recentlyAnnotated(db: PizhuDatabase, limit: number): Promise<ArticleWithAnnotations[]> {
  const tx = db.transaction(['articles', 'annotations']);
  const listed: ArticleWithAnnotations[] = [];
  const byArticle = tx.objectStore('annotations').index('byArticle');
  for (let cursor = await tx.objectStore('articles').index('byAnnotatedAt').openCursor(null, 'prev'); cursor && listed.length < limit; cursor = await cursor.continue()) {
    const annotations = await byArticle.getAll(cursor.value.id);
    if (annotations.length) listed.push({ article: cursor.value, annotations: annotations.sort(inTextOrder) });
  }
  await tx.done;
  return listed;
}
