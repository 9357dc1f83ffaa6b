import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage } from '../lib/i18n';
import { parseHttpUrl } from '../src/model/article-id';
import { describeActiveTab, type TabState } from './current-tab';

/** The toolbar popup: what Pizhu sees in the current tab. (Saved annotations join it with the store.) */
export function Popup() {
  const [state, setState] = useState<TabState | null>(null);
  useEffect(() => {
    describeActiveTab().then(setState, () => setState({ kind: 'none', isFile: false }));
  }, []);

  return (
    <main class="popup">
      <header class="popup-header">{t('extName')}</header>
      {state === null && <p class="muted">{t('popupLoading')}</p>}
      {state?.kind === 'none' && (
        <>
          <p>{t('popupNoArticle')}</p>
          {state.isFile && <p class="muted">{t('popupFileHint')}</p>}
        </>
      )}
      {state?.kind === 'article' && <CurrentArticle article={state.article} />}
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
