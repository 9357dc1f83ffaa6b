import type { PizhuDatabase } from '../store/database';
import { AnnotationStore } from '../store/store';

/**
 * The store, opened on first use and kept while its connection lives. A failed open is not kept
 * (the next message tries again), and neither is a connection the browser closed (storage cleared,
 * the disk gone) or one a newer version of the database asks to give way: the next message opens afresh.
 */
export function storeOpener(open: () => Promise<PizhuDatabase>): () => Promise<AnnotationStore> {
  let current: Promise<AnnotationStore> | null = null;
  return () => {
    if (current) return current;
    const attempt: Promise<AnnotationStore> = open().then((db) => {
      const forget = () => {
        if (current === attempt) current = null;
      };
      db.addEventListener('close', forget);
      db.addEventListener('versionchange', () => {
        forget();
        db.close();
      });
      return new AnnotationStore(db);
    });
    current = attempt;
    attempt.catch(() => {
      if (current === attempt) current = null;
    });
    return attempt;
  };
}
