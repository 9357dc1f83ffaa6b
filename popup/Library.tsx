import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { groupByArticle } from '../src/annotation/library-data';
import { toRows, type LibraryRow } from '../src/library/rows';
import { LibrarySearch } from '../src/search/library-search';
import { AnnotationItem, ArticleItem } from './AnnotationItem';
import { openHighlight } from './library-store';
import { LibraryFilters, useLibraryFilters } from './LibraryFilters';
import { TransferBar, ArticleExport } from './TransferBar';
import { useLibrary, type LibraryState } from './use-library';
import { useUndo } from './use-undo';
import { VirtualList } from './VirtualList';
import type { ArticleWithAnnotations } from '../src/annotation/library-data';
import type { AnnotationRecord } from '../src/annotation/records';

const UNDO_SECONDS = 6;

/**
 * The library: every saved article, most recently annotated first, each with its highlights;
 * search as you type (Simplified and Traditional find each other), filters by colour and tag,
 * delete with undo, export and import. The popup and the library page show the same list.
 */
export function Library({ variant, currentArticleId }: { variant: 'popup' | 'page'; currentArticleId?: string | null }) {
  const { state, reload, remove } = useLibrary();
  const filters = useLibraryFilters();
  const undo = useUndo(UNDO_SECONDS);
  const [failure, setFailure] = useState<string | null>(null);

  const search = useMemo(() => new LibrarySearch(state.articles, state.annotations), [state.articles, state.annotations]);
  // Counted once per library read, not on every keystroke.
  const tags = useMemo(() => search.tags(), [search]);
  const hits = useMemo(() => search.search(filters.query), [search, filters.query]);
  const rows = useMemo(() => toRows(hits, { currentArticleId, orphans: state.orphans }), [hits, currentArticleId, state.orphans]);
  // An article's own export holds all its highlights, whatever the search lists.
  const byArticle = useMemo(() => groupByArticle(state.annotations), [state.annotations]);
  useFirstListMark(state.phase);

  const onDelete = async (annotation: AnnotationRecord) => {
    try {
      const run = await remove(annotation);
      if (run) undo.offer({ quote: annotation.quote.exact, run });
    } catch (error) {
      setFailure(t('deleteFailed', String(error)));
    }
  };
  const onOpen = (id: string) =>
    openHighlight(id).then(
      () => variant === 'popup' && window.close(),
      (error: unknown) => setFailure(t('openFailed', String(error))),
    );
  const onUndo = () => undo.take()?.run().catch((error: unknown) => setFailure(t('undoFailed', String(error))));

  const renderRow = (row: LibraryRow) =>
    row.kind === 'article' ? (
      <ArticleItem row={row}>{variant === 'page' && <ArticleExport article={row.article} annotations={byArticle.get(row.article.id) ?? []} />}</ArticleItem>
    ) : (
      <AnnotationItem row={row} onOpen={() => void onOpen(row.annotation.id)} onDelete={() => void onDelete(row.annotation)} />
    );

  return (
    <section class={`library library-${variant}`} aria-busy={state.phase === 'loading' || state.phase === 'partial'}>
      <LibraryFilters filters={filters} tags={tags} />
      <LibraryList state={state} hits={hits} rows={rows} emptyText={emptyText(state, filters.filtered, filters.text)} renderRow={renderRow} onRetry={() => void reload()} />
      {undo.offered && <UndoToast onUndo={onUndo} />}
      {failure && (
        <p class="error" role="alert" data-testid="library-failure">
          {failure}
        </p>
      )}
      <TransferBar filtered={filters.filtered} hits={hits} onImported={() => void reload()} />
    </section>
  );
}

/** Marks the first list on screen (`pizhu-first-list`): what the benchmarks and the library's browser test time. */
function useFirstListMark(phase: LibraryState['phase']): void {
  const marked = useRef(false);
  useEffect(() => {
    if (!marked.current && phase !== 'loading') {
      marked.current = true;
      performance.mark('pizhu-first-list');
    }
  }, [phase]);
}

/** What an empty list says: no matches for the filters, an empty library, or still reading. */
function emptyText(state: LibraryState, filtered: boolean, text: string): string {
  if (filtered) return t('noMatches', text.trim());
  return state.phase === 'ready' ? t('libraryEmpty') : t('popupLoading');
}

interface ListProps {
  state: LibraryState;
  hits: ArticleWithAnnotations[];
  rows: LibraryRow[];
  emptyText: string;
  renderRow(row: LibraryRow): preact.ComponentChild;
  onRetry(): void;
}

/** The list as the library's state allows: loading, the error with a retry, empty, and the rows with their count. */
function LibraryList({ state, hits, rows, emptyText, renderRow, onRetry }: ListProps) {
  return (
    <>
      {state.phase === 'loading' && <p class="muted state">{t('popupLoading')}</p>}
      {state.phase === 'error' && (
        <div class="state error" role="alert" data-testid="library-error">
          <p>{t('libraryError', state.error ?? '')}</p>
          <button type="button" onClick={onRetry}>
            {t('retry')}
          </button>
        </div>
      )}
      {state.phase !== 'loading' && state.phase !== 'error' && rows.length === 0 && (
        <p class="muted state" data-testid="empty">
          {emptyText}
        </p>
      )}
      {rows.length > 0 && (
        <>
          <p class="muted count" aria-live="polite">
            {t('listedCount', [String(hits.length), String(hits.reduce((n, h) => n + h.annotations.length, 0))])}
            {state.phase === 'partial' && ` · ${t('readingRest')}`}
          </p>
          <VirtualList
            class="list"
            label={t('libraryList')}
            items={rows}
            keyOf={(row) => row.key}
            estimate={(row) => (row.kind === 'article' ? 64 : row.annotation.note ? 96 : 72)}
            render={renderRow}
          />
        </>
      )}
    </>
  );
}

/** "Deleted", with Undo, while the last delete can still be taken back. */
function UndoToast({ onUndo }: { onUndo(): void }) {
  return (
    <div class="toast" role="status" data-testid="undo-toast">
      <span>{t('deleted')}</span>
      <button type="button" data-testid="undo" onClick={onUndo}>
        {t('undo')}
      </button>
    </div>
  );
}
