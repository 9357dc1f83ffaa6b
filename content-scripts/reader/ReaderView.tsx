import type { VNode } from 'preact';
import type { Article, Block } from '../../src/model/article';
import { parseHttpUrl } from '../../src/model/article-id';
import { isLoadableImage } from '../../src/parse/image-source';
import { t, uiLanguage } from '../../lib/i18n';
import { trusted } from '../highlights/trusted';
import { dateText } from './dates';

export type Theme = 'auto' | 'light' | 'dark';
const NEXT_THEME: Record<Theme, Theme> = { auto: 'light', light: 'dark', dark: 'auto' };

interface Props {
  article: Article;
  showingRaw: boolean;
  theme: Theme;
  /** Shows the file as it was; null where its text was not kept (a folder read into a collection). */
  onToggleRaw: (() => void) | null;
  onTheme(theme: Theme): void;
}

/**
 * The reader view, built from the article model only: every string is rendered as text, links
 * and images are checked addresses, so nothing of the archive file's markup can run. Its buttons
 * act on the reader's own (trusted) clicks only.
 */
export function ReaderView({ article, showingRaw, theme, onToggleRaw, onTheme }: Props) {
  return (
    <>
      <div class="pizhu-bar" role="toolbar" aria-label={t('readerToolbar')} lang={uiLanguage()}>
        <span class="pizhu-brand">{t('extName')}</span>
        <button type="button" class="pizhu-button" onClick={trusted(() => onTheme(NEXT_THEME[theme]))} title={t('themeSwitch')}>
          {t(`theme_${theme}`)}
        </button>
        {onToggleRaw && (
          <button type="button" class="pizhu-button" data-testid="reader-raw" aria-pressed={showingRaw} onClick={trusted(() => onToggleRaw())}>
            {showingRaw ? t('showReader') : t('showRaw')}
          </button>
        )}
      </div>
      {!showingRaw && articleViewOf(article, onToggleRaw)}
    </>
  );
}

/** Each article's view, made once: drawn again (a theme switched) the same element is passed over, not rendered afresh. */
const articleViews = new WeakMap<Article, { onShowRaw: (() => void) | null; view: VNode }>();
function articleViewOf(article: Article, onShowRaw: (() => void) | null): VNode {
  const made = articleViews.get(article);
  if (made?.onShowRaw === onShowRaw) return made.view;
  const view = <ArticleView article={article} onShowRaw={onShowRaw} />;
  articleViews.set(article, { onShowRaw, view });
  return view;
}

function ArticleView({ article, onShowRaw }: { article: Article; onShowRaw: (() => void) | null }) {
  const url = parseHttpUrl(article.url);
  return (
    <article class="pizhu-article" aria-labelledby="pizhu-reader-title">
      <header class="pizhu-header">
        <p class="pizhu-kicker" lang={uiLanguage()}>
          <span>{t(`source_${article.source}`)}</span>
          {url && (
            <>
              {' · '}
              <a href={url.href} rel="noopener noreferrer" target="_blank">
                {t('originalLink')}
              </a>
            </>
          )}
        </p>
        <h1 id="pizhu-reader-title" data-testid="reader-title">
          {article.title || t('untitled')}
        </h1>
        <p class="pizhu-meta" lang={uiLanguage()}>
          {article.byline && <span class="pizhu-byline">{article.byline}</span>}
          {article.publishedAt && <Time label={t('publishedAt')} iso={article.publishedAt} />}
          {article.archivedAt && <Time label={t('archivedAt')} iso={article.archivedAt} />}
        </p>
        {article.problems.length > 0 && (
          <div class="pizhu-notice" role="status">
            <p>{t('damagedFile')}</p>
            <ul>
              {article.problems.map((problem) => (
                <li key={problem}>{t(`problem_${problem.replace(/-/g, '_')}`)}</li>
              ))}
            </ul>
            {onShowRaw && (
              <button type="button" class="pizhu-button" onClick={trusted(() => onShowRaw())}>
                {t('showRaw')}
              </button>
            )}
          </div>
        )}
      </header>
      {article.blocks.map((block, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the blocks are the model's, fixed for the page's life; the index is their identity
        <BlockView key={index} block={block} index={index} />
      ))}
    </article>
  );
}

function Time({ label, iso }: { label: string; iso: string }) {
  return (
    <span class="pizhu-time">
      {label} <time dateTime={iso}>{dateText(iso)}</time>
    </span>
  );
}

/** One model block (a captioned image's alt is empty: its figcaption already says it); `data-block-index` ties the rendered element back to the model (highlights anchor on it). */
function BlockView({ block, index }: { block: Block; index: number }) {
  const common = { 'data-testid': 'reader-block', 'data-block-index': index };
  switch (block.type) {
    case 'heading':
      return <h2 {...common}>{block.text}</h2>;
    case 'paragraph':
      return (
        <p {...common} class={block.style ? `pizhu-${block.style}` : undefined}>
          {block.text}
        </p>
      );
    case 'image':
      return (
        <figure {...common} class="pizhu-figure">
          {isLoadableImage(block.src) ? (
            <img src={block.src} alt={block.caption ? '' : t('imageNoCaption')} loading="lazy" referrerpolicy="no-referrer" decoding="async" />
          ) : (
            <p class="pizhu-image-blocked">{t('imageNotLoaded')}</p>
          )}
          {(block.caption || block.credit) && (
            <figcaption>
              {block.caption}
              {block.credit && <small class="pizhu-credit">{block.credit}</small>}
            </figcaption>
          )}
        </figure>
      );
  }
}
