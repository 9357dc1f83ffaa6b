import type { AnnotationRecord, ArticleRecord, Tombstone } from './records';

/** Everything the library holds: what an export writes and an import brings back. */
export interface LibraryData {
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
  tombstones: Tombstone[];
}

/** An article and its highlights, in text order: one group of a list. */
export interface ArticleWithAnnotations {
  article: ArticleRecord;
  annotations: AnnotationRecord[];
}

/** Highlights by their article's id, each list in the order given. */
export function groupByArticle<A extends { articleId: string }>(annotations: Iterable<A>): Map<string, A[]> {
  const groups = new Map<string, A[]>();
  for (const annotation of annotations) {
    const list = groups.get(annotation.articleId);
    if (list) list.push(annotation);
    else groups.set(annotation.articleId, [annotation]);
  }
  return groups;
}
