import type { Article } from '../model/article';
import type { ArticleSummary } from './schemas';

/** What a page reports of the article it shows (ArticleSummarySchema); no schema library here, so the page scripts can use it. */
export function summarize(article: Article): ArticleSummary {
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    source: article.source,
    publishedAt: article.publishedAt,
    archivedAt: article.archivedAt,
    blockCount: article.blocks.length,
    origin: article.origin,
  };
}
