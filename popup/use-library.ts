import { useCallback, useEffect, useState } from 'preact/hooks';
import { recentlyAnnotated } from '../src/store/library-reads';
import { t } from '../lib/i18n';
import { announceChange, openLibrary, orphanIds } from './library-store';
import type { AnnotationRecord, ArticleRecord } from '../src/annotation/records';

export interface LibraryState {
  /** loading: nothing yet; partial: the first screen; ready: everything; error: the store could not be read. */
  phase: 'loading' | 'partial' | 'ready' | 'error';
  error: string | null;
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
  orphans: Set<string>;
}

const FIRST_SCREEN = 12;

/** The library as the popup and the library page show it: the first screen at once, then the rest. */
export function useLibrary() {
  const [state, setState] = useState<LibraryState>({ phase: 'loading', error: null, articles: [], annotations: [], orphans: new Set() });

  const load = useCallback(async () => {
    try {
      const { db, store } = await openLibrary();
      const [first, orphans] = await Promise.all([recentlyAnnotated(db, FIRST_SCREEN), orphanIds().catch(() => new Set<string>())]);
      setState((old) => (old.phase === 'ready' ? old : { phase: 'partial', error: null, articles: first.map((l) => l.article), annotations: first.flatMap((l) => l.annotations), orphans }));
      const all = await store.readAll();
      setState({ phase: 'ready', error: null, articles: all.articles, annotations: all.annotations, orphans });
    } catch (error) {
      setState((old) => ({ ...old, phase: 'error', error: String(error) }));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  /**
   * Deletes a highlight (a tombstone stays). The answer undoes that delete, for a few seconds; null
   * when the highlight was gone already (deleted on its page meanwhile): the list drops it, with nothing to undo.
   */
  const remove = useCallback(async (annotation: AnnotationRecord): Promise<(() => Promise<void>) | null> => {
    const { store } = await openLibrary();
    const deleted = await store.deleteAnnotation(annotation.id, new Date().toISOString());
    setState((old) => ({ ...old, annotations: old.annotations.filter((a) => a.id !== annotation.id) }));
    void announceChange([annotation.articleId]);
    if (!deleted) return null;
    return async () => {
      if (!(await store.undoDelete(deleted, new Date().toISOString()))) throw new Error(t('undoTooLate'));
      setState((old) => ({ ...old, annotations: [...old.annotations.filter((a) => a.id !== deleted.record.id), deleted.record] }));
      void announceChange([deleted.record.articleId]);
    };
  }, []);

  return { state, reload: load, remove };
}
