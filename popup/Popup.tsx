import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t, uiLanguage } from '../lib/i18n';
import { parseHttpUrl } from '../src/model/article-id';
import { describeActiveTab, type TabState } from './current-tab';
import { ArchiveOpenInPopup } from './ArchiveSection';
import { FileAccessHint } from './FileAccessHint';
import { Library } from './Library';
import { SyncState } from './SyncState';

/** The toolbar popup: the article in the current tab, then the library (that article first when it has highlights). */
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
      {tab === null && <p class="muted">{t('popupLoading')}</p>}
      {tab?.kind === 'none' && (
        <>
          <p class="muted">{t('popupNoArticle')}</p>
          <FileAccessHint />
        </>
      )}
      {tab?.kind === 'article' && <CurrentArticle article={tab.article} />}
      <Library variant="popup" currentArticleId={tab?.kind === 'article' ? tab.article.id : null} />
      <ArchiveOpenInPopup />
      <SyncState />
    </main>
  );
}

function CurrentArticle({ article }: { article: Extract<TabState, { kind: 'article' }>['article'] }) {
  const url = parseHttpUrl(article.url);
  const published = article.publishedAt ? new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' }).format(new Date(article.publishedAt)) : null;
  return (
    <section class="current" data-testid="current-article" aria-label={article.title}>
      <h1 class="title">{article.title || t('untitled')}</h1>
      <p class="muted">
        {[t(`source_${article.source}`), published, t(article.origin === 'archive' ? 'popupFromArchive' : 'popupFromPage'), t('popupBlocks', String(article.blockCount))]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {url && (
        <p>
          <a href={url.href} target="_blank" rel="noopener noreferrer">
            {t('popupOpenOriginal')}
          </a>
        </p>
      )}
    </section>
  );
}
