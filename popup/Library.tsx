import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { COLOR_LABEL, HIGHLIGHT_COLORS } from '../lib/highlight-colors';
import { toRows, type LibraryRow } from '../src/library/rows';
import { LibrarySearch } from '../src/search/library-search';
import { AnnotationItem, ArticleItem } from './AnnotationItem';
import { openHighlight } from './library-store';
import { TransferBar, ArticleExport } from './TransferBar';
import { useLibrary } from './use-library';
import { VirtualList } from './VirtualList';
import { type AnnotationRecord, type Color, COLORS } from '../src/annotation/records';

const UNDO_SECONDS = 6;

/**
 * The library: every saved article, most recently annotated first, each with its highlights;
 * search as you type (Simplified and Traditional find each other), filters by colour and tag,
 * delete with undo, export and import. The popup and the library page show the same list.
 */
export function Library({ variant, currentArticleId }: { variant: 'popup' | 'page'; currentArticleId?: string | null }) {
  const { state, reload, remove } = useLibrary();
  const [text, setText] = useState('');
  const [colors, setColors] = useState<Color[]>([]);
  const [tag, setTag] = useState('');
  const [undo, setUndo] = useState<{ quote: string; run(): Promise<void> } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const search = useMemo(() => new LibrarySearch(state.articles, state.annotations), [state.articles, state.annotations]);
  // Counted once per library read, not on every keystroke.
  const tags = useMemo(() => search.tags(), [search]);
  const hits = useMemo(() => search.search({ text, colors: colors.length ? colors : undefined, tag: tag || undefined }), [search, text, colors, tag]);
  const rows = useMemo(() => toRows(hits, { currentArticleId, orphans: state.orphans }), [hits, currentArticleId, state.orphans]);
  const filtered = text.trim() !== '' || colors.length > 0 || tag !== '';
  // An article's own export holds all its highlights, whatever the search lists.
  const byArticle = useMemo(() => {
    const groups = new Map<string, AnnotationRecord[]>();
    for (const a of state.annotations) {
      const group = groups.get(a.articleId);
      if (group) group.push(a);
      else groups.set(a.articleId, [a]);
    }
    return groups;
  }, [state.annotations]);

  // The first list on screen: what the benchmarks and the closing note time.
  const marked = useRef(false);
  useEffect(() => {
    if (!marked.current && state.phase !== 'loading') {
      marked.current = true;
      performance.mark('pizhu-first-list');
    }
  }, [state.phase]);

  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), UNDO_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [undo]);

  const onDelete = async (annotation: AnnotationRecord) => {
    try {
      const run = await remove(annotation);
      if (run) setUndo({ quote: annotation.quote.exact, run });
    } catch (error) {
      setFailure(t('deleteFailed', String(error)));
    }
  };
  const onOpen = (id: string) =>
    openHighlight(id).then(
      () => variant === 'popup' && window.close(),
      (error: unknown) => setFailure(t('openFailed', String(error))),
    );

  const renderRow = (row: LibraryRow) =>
    row.kind === 'article' ? (
      <ArticleItem row={row}>{variant === 'page' && <ArticleExport article={row.article} annotations={byArticle.get(row.article.id) ?? []} />}</ArticleItem>
    ) : (
      <AnnotationItem row={row} onOpen={() => void onOpen(row.annotation.id)} onDelete={() => void onDelete(row.annotation)} />
    );

  return (
    <section class={`library library-${variant}`} aria-busy={state.phase === 'loading' || state.phase === 'partial'}>
      <div class="controls">
        <input
          type="search"
          class="search"
          data-testid="search"
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchPlaceholder')}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <div class="filters" role="group" aria-label={t('filterByColor')}>
          {COLORS.map((color) => (
            <button
              key={color}
              type="button"
              class="swatch-filter"
              data-testid={`filter-${color}`}
              aria-pressed={colors.includes(color)}
              aria-label={t(COLOR_LABEL[color])}
              title={t(COLOR_LABEL[color])}
              style={{ background: HIGHLIGHT_COLORS[color] }}
              onClick={() => setColors((old) => (old.includes(color) ? old.filter((c) => c !== color) : [...old, color]))}
            />
          ))}
          {tags.length > 0 && (
            <select data-testid="filter-tag" aria-label={t('filterByTag')} value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
              <option value="">{t('allTags')}</option>
              {tags.map((name) => (
                <option key={name} value={name}>
                  #{name}
                </option>
              ))}
            </select>
          )}
        </div>
      </div>

      {state.phase === 'loading' && <p class="muted state">{t('popupLoading')}</p>}
      {state.phase === 'error' && (
        <div class="state error" role="alert" data-testid="library-error">
          <p>{t('libraryError', state.error ?? '')}</p>
          <button type="button" onClick={() => void reload()}>
            {t('retry')}
          </button>
        </div>
      )}
      {state.phase !== 'loading' && state.phase !== 'error' && rows.length === 0 && (
        <p class="muted state" data-testid="empty">
          {filtered ? t('noMatches', text.trim()) : state.phase === 'ready' ? t('libraryEmpty') : t('popupLoading')}
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

      {undo && (
        <div class="toast" role="status" data-testid="undo-toast">
          <span>{t('deleted')}</span>
          <button
            type="button"
            data-testid="undo"
            onClick={() => {
              const { run } = undo;
              setUndo(null);
              run().catch((error: unknown) => setFailure(t('undoFailed', String(error))));
            }}
          >
            {t('undo')}
          </button>
        </div>
      )}
      {failure && (
        <p class="error" role="alert" data-testid="library-failure">
          {failure}
        </p>
      )}
      <TransferBar filtered={filtered} hits={hits} onImported={() => void reload()} />
    </section>
  );
}
