import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '../lib/i18n';
import { sourceLabel } from './source-label';
import { COLOR_LABEL } from '../lib/highlight-colors';
import type { LibraryRow } from '../src/library/rows';
import { swatchBackground } from './LibraryFilters';
import { useOwnName } from './SyncState';

let format: Intl.DateTimeFormat | undefined;
/** One formatter for every row: making one cost more than the rest of a row (a profile of the library page scrolled). */
const dateFormat = () => (format ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' }));

interface ItemProps {
  row: Extract<LibraryRow, { kind: 'annotation' }>;
  /** The quote and note shown whole, not cut to a few lines. */
  expanded: boolean;
  onToggle(): void;
  onOpen(): void;
  onDelete(): void;
}

/**
 * One highlight in the list: its quote and note (cut to a few lines, with *Show all* when they run
 * longer: the row grows in place), colour, tags and date. A click on the quote opens it at its passage.
 */
export function AnnotationItem({ row, expanded, onToggle, onOpen, onDelete }: ItemProps) {
  const { annotation, orphan } = row;
  const body = useRef<HTMLDivElement>(null);
  const cut = useCut(body, expanded);
  return (
    <div class={`annotation${orphan ? ' orphan' : ''}${expanded ? ' expanded' : ''}`} data-testid="annotation-item" data-id={annotation.id}>
      <span class="swatch" style={{ background: swatchBackground(annotation.color) }} role="img" aria-label={t(COLOR_LABEL[annotation.color])} />
      <div class="body" ref={body}>
        <button type="button" class="open" onClick={onOpen} title={t('openAtPassage')}>
          <span class="quote" lang="zh-Hans">
            {annotation.quote}
          </span>
        </button>
        {annotation.note && (
          <p class="note" data-testid="annotation-note">
            {annotation.note}
          </p>
        )}
        <Meta row={row}>
          {(cut || expanded) && (
            <button type="button" class="more" data-testid="note-expand" aria-expanded={expanded} onClick={onToggle}>
              {expanded ? t('showLess') : t('showAll')}
            </button>
          )}
        </Meta>
      </div>
      <button type="button" class="delete" data-testid="annotation-delete" aria-label={t('deleteHighlight')} title={t('deleteHighlight')} onClick={onDelete}>
        ×
      </button>
    </div>
  );
}

/** Whether the quote, the note or the tags are cut short: measured when the row is laid out or changes size, while it is not expanded. */
function useCut(body: { current: HTMLElement | null }, expanded: boolean): boolean {
  const [cut, setCut] = useState(false);
  useEffect(() => {
    const element = body.current;
    if (!element || expanded) return;
    // The tags stay on one line too, cut at its end.
    const measure = () => setCut([...element.querySelectorAll<HTMLElement>('.quote, .note, .tags')].some((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1));
    // Measured when the browser has laid the row out (the observer's first call), never forcing a layout
    // of its own: a list scrolled fast shows many rows a frame. The list's width changes with the window
    // (the library page), and what is cut with it.
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [body, expanded]);
  return cut;
}

function Meta({ row, children }: { row: Extract<LibraryRow, { kind: 'annotation' }>; children?: ComponentChildren }) {
  const { annotation, orphan } = row;
  const own = useOwnName();
  return (
    <p class="meta">
      {orphan && (
        <span class="badge" data-testid="orphan-badge" title={t('orphanHint')}>
          {t('orphan')}
        </span>
      )}
      {annotation.tags.length > 0 && (
        <span class="tags">
          {annotation.tags.map((tag) => (
            <span key={tag} class="tag">
              #{tag}
            </span>
          ))}
        </span>
      )}
      {annotation.creator && own !== null && annotation.creator !== own && (
        <span class="creator" data-testid="annotation-creator">
          {annotation.creator}
        </span>
      )}
      <time dateTime={annotation.modified}>{dateFormat().format(new Date(annotation.modified))}</time>
      {children}
    </p>
  );
}

interface ArticleProps {
  row: Extract<LibraryRow, { kind: 'article' }>;
  /** Opens the article where it was last read (the library page gives it). */
  onOpen?(): void;
  children?: ComponentChildren;
}

/** An article's heading in the list: title, source, publication date, how many highlights; the current tab's is marked. */
export function ArticleItem({ row, onOpen, children }: ArticleProps) {
  const { article, count, current } = row;
  const published = article.publishedAt ? dateFormat().format(new Date(article.publishedAt)) : null;
  return (
    <div class={`article${current ? ' current-article' : ''}`} data-testid="article-item" data-id={article.id}>
      <h2 class="title" lang="zh-Hans">
        {onOpen ? (
          // The library page cuts a long title to one line: its tooltip gives it whole.
          <button type="button" class="article-open" data-testid="article-open" title={`${article.title || t('untitled')}\n${t('openArticle')}`} onClick={onOpen}>
            {article.title || t('untitled')}
          </button>
        ) : (
          article.title || t('untitled')
        )}
      </h2>
      <p class="muted">
        {current && <span class="here">{t('thisTab')}</span>}
        {[sourceLabel(article), published, t('highlightCount', String(count))].filter(Boolean).join(' · ')}
      </p>
      {children}
    </div>
  );
}
