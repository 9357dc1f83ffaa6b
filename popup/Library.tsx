import { useCallback, useMemo, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { webAddress } from '../src/annotation/archive-path';
import { type Arranged, arrange } from '../src/library/arrange';
import type { LibraryIndex, ListedArticle, ListedHighlight } from '../src/library/library-index';
import { LibraryRows, type LibraryRow } from '../src/library/rows';
import { readArticles } from '../src/store/library-reads';
import { AnnotationItem, ArticleItem } from './AnnotationItem';
import { openHighlight, openLibrary } from './library-store';
import { LibraryFilters, SearchBox, useLibraryFilters } from './LibraryFilters';
import { LibrarySidebar } from './LibrarySidebar';
import { TransferBar, ArticleExport } from './TransferBar';
import { useLibrary, type LibraryState } from './use-library';
import { useUndo } from './use-undo';
import { VirtualList } from './VirtualList';
import type { ArticleWithAnnotations } from '../src/annotation/library-data';

const UNDO_SECONDS = 6;

/**
 * The library: every saved article, most recently annotated first, each with its highlights;
 * search as you type (Simplified and Traditional find each other), filters by colour and tag,
 * delete with undo, export and import. The popup and the library page show the same list; the page
 * adds a side column (order, dates, sources, colours and tags with their counts) and each article's
 * own link and export.
 */
export function Library({ variant, currentArticleId, currentCard }: { variant: 'popup' | 'page'; currentArticleId?: string | null; currentCard?: preact.ComponentChildren }) {
  const { state, reload, remove } = useLibrary();
  const filters = useLibraryFilters();
  const [failure, setFailure] = useState<string | null>(null);
  const actions = useActions(variant, remove, setFailure);
  const expanded = useExpanded();

  const { index, version } = state;
  const matched = useMemo(() => index.text.match(filters.text), [index, filters.text]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a delete marks the index in place and counts a version
  const arranged = useMemo(() => arrange(index, matched, filters.list), [index, version, matched, filters.list]);
  const rows = useMemo(() => new LibraryRows(index, arranged, { currentArticleId, orphans: state.orphans }), [index, arranged, currentArticleId, state.orphans]);

  const renderRow = (row: LibraryRow) =>
    row.kind === 'article' ? (
      variant === 'page' ? (
        <ArticleItem row={row} onOpen={() => actions.openArticle(index, row.article)}>
          <ArticleTools article={row.article} />
        </ArticleItem>
      ) : (
        <ArticleItem row={row} />
      )
    ) : (
      <AnnotationItem
        row={row}
        expanded={expanded.has(row.annotation.id)}
        onToggle={() => expanded.toggle(row.annotation.id)}
        onOpen={() => actions.open(row.annotation.id)}
        onDelete={() => actions.delete(row.annotation)}
      />
    );

  const list = (
    <LibraryList
      state={state}
      arranged={arranged}
      rows={rows}
      emptyText={emptyText(state, filters.filtered, filters.text)}
      renderRow={renderRow}
      onRetry={() => void reload()}
      countShown={variant === 'popup'}
    />
  );
  const footer = (
    <>
      {actions.undo.offered.length > 0 && <UndoToast count={actions.undo.offered.length} onUndo={actions.runUndo} />}
      {failure && (
        <p class="error" role="alert" data-testid="library-failure">
          {failure}
        </p>
      )}
      <TransferBar filtered={filters.filtered} readListed={() => readListed(index, arranged)} onImported={() => void reload()} />
    </>
  );
  const busy = state.phase === 'loading' || state.phase === 'partial';
  if (variant === 'popup') {
    return (
      <section class="library library-popup" aria-busy={busy}>
        {/* The tab's article is shown in the list, marked, once it has highlights: the card would repeat its heading. */}
        {!rows.hasCurrent && currentCard}
        <LibraryFilters filters={filters} arranged={arranged} count={rows.length > 0 && <ListCount state={state} arranged={arranged} />} />
        {list}
        {footer}
      </section>
    );
  }
  return (
    <section class="library library-page" aria-busy={busy}>
      <LibrarySidebar filters={filters} arranged={arranged} />
      <div class="library-main">
        <SearchBox filters={filters} />
        {list}
        {footer}
      </div>
    </section>
  );
}

/** Opening, deleting and undoing, with what went wrong said in the list. */
function useActions(variant: 'popup' | 'page', remove: ReturnType<typeof useLibrary>['remove'], setFailure: (text: string | null) => void) {
  const undo = useUndo(UNDO_SECONDS);
  // What went wrong is said until the reader's next action, which says anew.
  const open = (id: string) => {
    setFailure(null);
    openHighlight(id).then(
      () => variant === 'popup' && window.close(),
      (error: unknown) => setFailure(t('openFailed', String(error))),
    );
  };
  return {
    undo,
    open,
    /** An article opens where it was last read, at its first highlight (the index keeps them in text order). */
    openArticle(index: LibraryIndex, article: ListedArticle) {
      const k = index.articles.indexOf(article);
      for (let i = index.articleStart[k]; k >= 0 && i < index.articleStart[k + 1]; i++) {
        if (!index.removed[i]) return open(index.id(i));
      }
    },
    async delete(annotation: ListedHighlight) {
      const focusNext = focusAfterDelete(annotation.id);
      setFailure(null);
      try {
        const run = await remove(annotation);
        if (run) undo.offer({ quote: annotation.quote, run });
        focusNext();
      } catch (error) {
        setFailure(t('deleteFailed', String(error)));
      }
    },
    /** Every delete still offered comes back, the last first; one that cannot says so, and the others still come back. */
    async runUndo() {
      setFailure(null);
      for (const undoable of undo.take().reverse()) await undoable.run().catch((error: unknown) => setFailure(t('undoFailed', String(error))));
    },
  };
}

/**
 * Where the focus goes when the row that holds it is deleted: to the next highlight's quote (else the
 * one before), once the list has drawn itself without the row, instead of falling to the page's top.
 * Rows are found by id: the list's own elements are used again for other rows.
 */
function focusAfterDelete(id: string): () => void {
  const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="annotation-item"]')];
  const at = rows.findIndex((row) => row.dataset.id === id);
  if (at < 0 || !rows[at]!.contains(document.activeElement)) return () => {};
  const neighbour = (rows[at + 1] ?? rows[at - 1])?.dataset.id;
  return () =>
    requestAnimationFrame(() => {
      const target = neighbour && document.querySelector<HTMLElement>(`[data-testid="annotation-item"][data-id="${CSS.escape(neighbour)}"] .open`);
      (target || document.querySelector<HTMLElement>('[data-testid="search"]'))?.focus();
    });
}

/** Which highlights the reader expanded: kept here, not in the rows, so a row scrolled away and back stays as it was. */
function useExpanded() {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string) =>
      setIds((old) => {
        const next = new Set(old);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  return { has: (id: string) => ids.has(id), toggle };
}

/** What the list shows, read whole from the store (an export of it): each listed article with its listed highlights. */
async function readListed(index: LibraryIndex, arranged: Arranged): Promise<ArticleWithAnnotations[]> {
  const ids = new Set(Array.from(arranged.highlights, (i) => index.id(i)));
  const { db } = await openLibrary();
  const read = await readArticles(
    db,
    Array.from(arranged.articles, (k) => index.articles[k].id),
  );
  return read.map((r) => ({ article: r.article, annotations: r.annotations.filter((a) => ids.has(a.id)) })).filter((r) => r.annotations.length > 0);
}

/** One article, whole, with all its highlights (its own export holds them all, whatever the search lists). */
async function readArticle(id: string): Promise<ArticleWithAnnotations> {
  const { db } = await openLibrary();
  const [read] = await readArticles(db, [id]);
  if (!read) throw new Error(t('libraryError', id));
  return read;
}

/** The library page's tools for one article: its address on the web, and its own export. */
function ArticleTools({ article }: { article: ListedArticle }) {
  const web = webAddress(article);
  return (
    <div class="article-tools">
      {web && (
        <a class="button" href={web} target="_blank" rel="noopener noreferrer" data-testid="article-original">
          {t('articleOriginal')}
        </a>
      )}
      <ArticleExport read={() => readArticle(article.id)} />
    </div>
  );
}

/** What an empty list says: no matches for the filters, an empty library, or still reading. */
function emptyText(state: LibraryState, filtered: boolean, text: string): string {
  if (filtered) return text.trim() ? t('noMatches', text.trim()) : t('noMatchesFiltered');
  return state.phase === 'ready' ? t('libraryEmpty') : t('popupLoading');
}

interface ListProps {
  state: LibraryState;
  arranged: Arranged;
  rows: LibraryRows;
  emptyText: string;
  renderRow(row: LibraryRow): preact.ComponentChild;
  onRetry(): void;
  /** The count is shown elsewhere (the popup's filter row). */
  countShown?: boolean;
}

/** How many articles and highlights are listed (and whether the rest is still being read). */
function ListCount({ state, arranged }: { state: LibraryState; arranged: Arranged }) {
  return (
    <p class="muted count" aria-live="polite">
      {t('listedCount', [String(arranged.articles.length), String(arranged.highlights.length)])}
      {state.phase === 'partial' && ` · ${t('readingRest')}`}
    </p>
  );
}

/** The list as the library's state allows: loading, the error with a retry, empty, and the rows with their count. */
function LibraryList({ state, arranged, rows, emptyText, renderRow, onRetry, countShown }: ListProps) {
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
          {!countShown && <ListCount state={state} arranged={arranged} />}
          <VirtualList class="list" label={t('libraryList')} rows={rows} render={renderRow} />
        </>
      )}
    </>
  );
}

/** "Deleted" (or how many), with Undo, while the deletes can still be taken back. */
function UndoToast({ count, onUndo }: { count: number; onUndo(): void }) {
  return (
    <div class="toast" role="status" data-testid="undo-toast">
      <span>{count > 1 ? t('deletedCount', String(count)) : t('deleted')}</span>
      <button type="button" data-testid="undo" onClick={onUndo}>
        {t('undo')}
      </button>
    </div>
  );
}
