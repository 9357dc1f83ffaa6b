import { t } from '../lib/i18n';
import { siteName } from '../src/annotation/site';
import type { ArticleSource } from '../src/model/article';

/** An article's source as the UI names it: a known news source by its name, any other by its site ("boingboing.net"). */
export function sourceLabel(article: { source: ArticleSource; url: string }): string {
  return (article.source === 'other' && siteName(article.url)) || t(`source_${article.source}`);
}
