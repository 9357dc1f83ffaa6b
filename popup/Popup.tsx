import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t, uiLanguage } from '../lib/i18n';
import { sourceLabel } from './source-label';
import { parseHttpUrl } from '../src/model/article-id';
import { describeActiveTab, type TabState } from './current-tab';
import { ArchiveOpenInPopup } from './ArchiveSection';
import { FileAccessHint } from './FileAccessHint';
import { Library } from './Library';
import { SyncState } from './SyncState';

/**
 * The toolbar popup: the library's list, as tall as the popup allows, the current tab's article first
 * (marked) when it has highlights; a one-line card for that article when it has none yet; and, at the
 * bottom, a one-line notice when the tab shows no article (its explanation folded inside).
 */
export function Popup() {
  const [tab, setTab] = useState<TabState | null>(null);
  useEffect(() => {
    describeActiveTab().then(setTab, () => setTab({ kind: 'none', isFile: false }));
  }, []);

  return (
    <main class="popup">
      <header class="popup-header">
        <span>{t('extName')}</span>
        <a href={browser.runtime.getURL('popup/library.html')} target="_blank" rel="noopener" data-testid="open-library">
          {t('openLibrary')}
        </a>
      </header>
      <Library variant="popup" currentArticleId={tab?.kind === 'article' ? tab.article.id : null} currentCard={tab?.kind === 'article' ? <CurrentArticle article={tab.article} /> : null} />
      <div class="popup-foot">
        <ArchiveOpenInPopup />
        {tab?.kind === 'none' && <NoArticle isFile={tab.isFile} />}
        <SyncState />
      </div>
    </main>
  );
}

/** "No article in this tab", one line; what Pizhu reads, and the file-access hint, folded inside. */
function NoArticle({ isFile }: { isFile: boolean }) {
  return (
    <>
      <details class="tab-notice" data-testid="no-article" open={isFile}>
        <summary>{t('popupNoArticleShort')}</summary>
        <p class="muted">{t('popupNoArticle')}</p>
      </details>
      <FileAccessHint />
    </>
  );
}

/** The tab's article while it has no highlights: its title on one line, its source, date and a link to the original. */
function CurrentArticle({ article }: { article: Extract<TabState, { kind: 'article' }>['article'] }) {
  const url = parseHttpUrl(article.url);
  const published = article.publishedAt ? new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' }).format(new Date(article.publishedAt)) : null;
  const facts = [sourceLabel(article), published, t(article.origin === 'archive' ? 'popupFromArchive' : 'popupFromPage'), t('popupBlocks', String(article.blockCount))];
  return (
    <section class="current" data-testid="current-article" aria-label={article.title}>
      <p class="muted">
        <span class="here">{t('thisTab')}</span>
        {facts.filter(Boolean).join(' · ')}
        {url && (
          <>
            {' · '}
            <a href={url.href} target="_blank" rel="noopener noreferrer">
              {t('popupOpenOriginal')}
            </a>
          </>
        )}
      </p>
      <h1 class="title one-line" title={article.title}>
        {article.title || t('untitled')}
      </h1>
    </section>
  );
}
