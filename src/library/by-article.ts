import type { AnnotationRecord } from '../store/records';

/** Annotations grouped by their article's id, each group in the order given. */
export function groupByArticle(annotations: readonly AnnotationRecord[]): Map<string, AnnotationRecord[]> {
  const groups = new Map<string, AnnotationRecord[]>();
  for (const annotation of annotations) {
    const group = groups.get(annotation.articleId);
    if (group) group.push(annotation);
    else groups.set(annotation.articleId, [annotation]);
  }
  return groups;
}
