import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../lib/i18n';
import { LibraryIndex, LibraryIndexBuilder, type ListedHighlight } from '../src/library/library-index';
import { readInBatches, recentlyAnnotated } from '../src/store/library-reads';
import { LANDED_KEY } from '../src/sync/settings';
import { announceChange, onLibraryChange, openLibrary, orphanIds } from './library-store';

export interface LibraryState {
  /** loading: nothing yet; partial: the first screen; ready: everything; error: the store could not be read. */
  phase: 'loading' | 'partial' | 'ready' | 'error';
  error: string | null;
  /** What the list and the search need of every article and highlight; full records are read when needed. */
  index: LibraryIndex;
  /** Counts deletes and undos in the index (which marks them in place): the list is arranged again. */
  version: number;
  orphans: Set<string>;
}

const FIRST_SCREEN = 12;
/** Highlights decoded a task when the whole library is read: a batch takes a few tens of milliseconds. */
const BATCH = 4_000;
const EMPTY = LibraryIndex.of([], []);

/** Resolves in a later task: what the page has queued (a paint, effects) goes first. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/** The library as the popup and the library page show it: the first screen at once, then the rest. */
export function useLibrary() {
  const [state, setState] = useState<LibraryState>({ phase: 'loading', error: null, index: EMPTY, version: 0, orphans: new Set() });
  const firstList = useFirstListMark(state.phase);

  // Reads may overlap (sync landing twice in a row): only the latest one is shown.
  const latest = useRef(0);
  // Once the whole library has been listed, a read again (a sync landed) has no first screen to show.
  const listedAll = useRef(false);
  // Deletes and undos marked in the list: a read begun before one may not hold it, and is read again instead of shown.
  const marks = useRef(0);
  const load = useCallback(async (): Promise<void> => {
    const read = ++latest.current;
    const marksBefore = marks.current;
    // A read overtaken by a later one is dropped; one begun before a delete or an undo was marked is read again.
    const outdated = () => {
      if (read !== latest.current) return true;
      if (marks.current === marksBefore) return false;
      void load();
      return true;
    };
    try {
      const { db } = await openLibrary();
      const orphansRead = orphanIds().catch(() => new Set<string>());
      if (!listedAll.current) {
        const first = await recentlyAnnotated(db, FIRST_SCREEN);
        const firstIndex = LibraryIndex.of(
          first.map((l) => l.article),
          first.flatMap((l) => l.annotations),
        );
        const orphans = await orphansRead;
        if (outdated()) return;
        setState({ phase: 'partial', error: null, index: firstIndex, version: 0, orphans });
        // The rest is read once the first screen is listed and painted, in a later task: its batches (tens
        // of milliseconds of decoding and folding each) held the first screen back (bench/README.md).
        await firstList;
        await nextTask();
      }
      const builder = new LibraryIndexBuilder();
      const articles = await readInBatches(db, BATCH, (batch) => builder.add(batch));
      const orphans = await orphansRead;
      if (outdated()) return;
      listedAll.current = true;
      setState({ phase: 'ready', error: null, index: builder.finish(articles), version: 0, orphans });
    } catch (error) {
      setState((old) => ({ ...old, phase: 'error', error: String(error) }));
    }
  }, [firstList]);

  useReadAgain(load);

  /**
   * Marks a highlight deleted, or back, in the index the list shows. One brought back that the index
   * does not hold (read again, from another change, after its delete) comes with a read of the library.
   */
  const shown = useRef(state.index);
  shown.current = state.index;
  const mark = useCallback(
    (id: string, removed: boolean) => {
      marks.current++;
      if (shown.current.find(id) < 0) {
        if (!removed) void load();
        return;
      }
      setState((old) => {
        const i = old.index.find(id);
        if (i < 0) return old;
        old.index.removed[i] = removed ? 1 : 0;
        return { ...old, version: old.version + 1 };
      });
    },
    [load],
  );

  return { state, reload: load, remove: useRemove(mark) };
}

/**
 * Deletes a highlight (a tombstone stays). The answer undoes that delete, for a few seconds; null
 * when the highlight was gone already (deleted on its page meanwhile): the list drops it, with nothing to undo.
 */
function useRemove(mark: (id: string, removed: boolean) => void) {
  return useCallback(
    async (annotation: Pick<ListedHighlight, 'id' | 'articleId'>): Promise<(() => Promise<void>) | null> => {
      const { store } = await openLibrary();
      const deleted = await store.deleteAnnotation(annotation.id, new Date().toISOString());
      mark(annotation.id, true);
      void announceChange([annotation.articleId]);
      if (!deleted) return null;
      return async () => {
        if (!(await store.undoDelete(deleted, new Date().toISOString()))) throw new Error(t('undoTooLate'));
        mark(deleted.record.id, false);
        void announceChange([deleted.record.articleId]);
      };
    },
    [mark],
  );
}

/**
 * Reads the library at once, and again, in place (the filters, the search and the scroll stay), when a
 * sync run landed or another page, tab or the note editor changed highlights.
 */
function useReadAgain(load: () => Promise<void>) {
  useEffect(() => {
    void load();
    const landed = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && changes[LANDED_KEY]) void load();
    };
    browser.storage.onChanged.addListener(landed);
    const stopListening = onLibraryChange(() => void load());
    return () => {
      browser.storage.onChanged.removeListener(landed);
      stopListening();
    };
  }, [load]);
}

/**
 * Marks the first list on screen (`pizhu-first-list`: what the benchmarks and the library's browser
 * test time) once, in an effect (after the render that lists the first screen, from the store, has
 * been painted). Answers a promise kept when it is marked: the first load waits on it, later ones find it kept.
 */
function useFirstListMark(phase: LibraryState['phase']): Promise<void> {
  const [mark] = useState(() => {
    let keep = () => {};
    const marked = new Promise<void>((resolve) => (keep = resolve));
    return { marked, keep, done: false };
  });
  useEffect(() => {
    if (phase === 'loading' || mark.done) return;
    mark.done = true;
    performance.mark('pizhu-first-list');
    mark.keep();
  }, [phase, mark]);
  return mark.marked;
}
