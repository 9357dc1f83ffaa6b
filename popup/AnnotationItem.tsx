import { t, uiLanguage } from '../lib/i18n';
import { COLOR_LABEL, HIGHLIGHT_COLORS } from '../lib/highlight-colors';
import type { LibraryRow } from '../src/library/rows';
import { useOwnName } from './SyncState';

const dateFormat = () => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' });

/** One highlight in the list: its quote (clamped), note, colour, tags and date; a click opens it at its passage. */
export function AnnotationItem({ row, onOpen, onDelete }: { row: Extract<LibraryRow, { kind: 'annotation' }>; onOpen(): void; onDelete(): void }) {
  const { annotation, orphan } = row;
  const own = useOwnName();
  return (
    <div class={`annotation${orphan ? ' orphan' : ''}`} data-testid="annotation-item" data-id={annotation.id}>
      <button type="button" class="open" onClick={onOpen} title={t('openAtPassage')}>
        <span class="swatch" style={{ background: HIGHLIGHT_COLORS[annotation.color] }} role="img" aria-label={t(COLOR_LABEL[annotation.color])} />
        <span class="quote" lang="zh-Hans">
          {annotation.quote.exact}
        </span>
        {annotation.note && <span class="note">{annotation.note}</span>}
        <span class="meta">
          {orphan && (
            <span class="badge" data-testid="orphan-badge" title={t('orphanHint')}>
              {t('orphan')}
            </span>
          )}
          {annotation.tags.map((tag) => (
            <span key={tag} class="tag">
              #{tag}
            </span>
          ))}
          {annotation.creator && own !== null && annotation.creator !== own && (
            <span class="creator" data-testid="annotation-creator">
              {annotation.creator}
            </span>
          )}
          <time dateTime={annotation.modified}>{dateFormat().format(new Date(annotation.modified))}</time>
        </span>
      </button>
      <button type="button" class="delete" data-testid="annotation-delete" aria-label={t('deleteHighlight')} title={t('deleteHighlight')} onClick={onDelete}>
        ×
      </button>
    </div>
  );
}

/** An article's heading in the list: title, source, publication date, how many highlights. */
export function ArticleItem({ row, children }: { row: Extract<LibraryRow, { kind: 'article' }>; children?: preact.ComponentChildren }) {
  const { article, count } = row;
  const published = article.publishedAt ? dateFormat().format(new Date(article.publishedAt)) : null;
  return (
    <div class="article" data-testid="article-item" data-id={article.id}>
      <h2 class="title" lang="zh-Hans">
        {article.title || t('untitled')}
      </h2>
      <p class="muted">{[t(`source_${article.source}`), published, t('highlightCount', String(count))].filter(Boolean).join(' · ')}</p>
      {children}
    </div>
  );
}
