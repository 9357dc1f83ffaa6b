import type { AnnotationRecord, ArticleRecord, Tombstone } from '../store/records';

/** Everything the library holds: what an export writes and an import brings back. */
export interface LibraryData {
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
  tombstones: Tombstone[];
}
