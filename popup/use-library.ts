import { useCallback, useEffect, useState } from 'preact/hooks';
import { recentlyAnnotated } from '../src/store/library-reads';
import type { AnnotationRecord, ArticleRecord } from '../src/store/records';
import { announceChange, openLibrary, orphanIds } from './library-store';

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
      const all = await store.exportAll();
      setState({ phase: 'ready', error: null, articles: all.articles, annotations: all.annotations, orphans });
    } catch (error) {
      setState((old) => ({ ...old, phase: 'error', error: String(error) }));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  /** Deletes a highlight (a tombstone stays); the answer undoes it, for a few seconds. */
  const remove = useCallback(async (annotation: AnnotationRecord): Promise<() => Promise<void>> => {
    const { store } = await openLibrary();
    await store.deleteAnnotation(annotation.id, new Date().toISOString());
    setState((old) => ({ ...old, annotations: old.annotations.filter((a) => a.id !== annotation.id) }));
    void announceChange([annotation.articleId]);
    return async () => {
      await store.undoDelete(annotation);
      setState((old) => ({ ...old, annotations: [...old.annotations, annotation] }));
      void announceChange([annotation.articleId]);
    };
  }, []);

  return { state, reload: load, remove };
}
