import type { ArticleWithAnnotations } from '../annotation/library-data';
import type { AnnotationRecord, ArticleRecord } from '../annotation/records';

/** One line of the library's list: an article's heading, or one of its highlights beneath it. */
export type LibraryRow =
  | { kind: 'article'; key: string; article: ArticleRecord; count: number; current: boolean }
  | { kind: 'annotation'; key: string; article: ArticleRecord; annotation: AnnotationRecord; orphan: boolean };

/**
 * Flattens listed articles into rows for a virtualized list: each article, then its highlights.
 * The article of the current tab comes first when it has listed highlights, and is marked current.
 */
export function toRows(listed: ArticleWithAnnotations[], options: { currentArticleId?: string | null; orphans?: ReadonlySet<string> } = {}): LibraryRow[] {
  const current = listed.findIndex((hit) => hit.article.id === options.currentArticleId);
  const ordered = current > 0 ? [listed[current]!, ...listed.slice(0, current), ...listed.slice(current + 1)] : listed;
  const rows: LibraryRow[] = [];
  for (const { article, annotations } of ordered) {
    if (!annotations.length) continue;
    rows.push({ kind: 'article', key: `a:${article.id}`, article, count: annotations.length, current: article.id === options.currentArticleId });
    for (const annotation of annotations) rows.push({ kind: 'annotation', key: `h:${annotation.id}`, article, annotation, orphan: !!options.orphans?.has(annotation.id) });
  }
  return rows;
}
