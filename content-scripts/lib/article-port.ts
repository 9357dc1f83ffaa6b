import type { Article } from '../../src/model/article';
import { ask, BackgroundRefused } from '../../lib/page-ask';
import { onMessage } from '../../lib/browser-api';
import { summarize } from '../../src/messages/summary';
import type { ArticleSummary, Reply } from '../../src/messages/protocol';
import { isGetArticle } from '../../src/messages/page-guards';
import type { AnnotationRecord } from '../../src/annotation/records';

let current: ArticleSummary | null = null;

function answerPopup(raw: unknown): Promise<Reply> | undefined {
  if (!isGetArticle(raw) || !current) return undefined;
  return Promise.resolve({ ok: true, article: current });
}

/**
 * Tells the background which article this page shows (it marks the toolbar button, and answers the
 * article's highlights) and answers the popup's `get-article`. Failures are logged, not thrown: the
 * page must keep working; null then stands for "highlights unknown".
 */
export async function announceArticle(article: Article): Promise<{ annotations: AnnotationRecord[]; reveal?: string } | null> {
  const summary = summarize(article);
  // One line for readers who open devtools (and for tests where the badge cannot be read).
  console.info(`Pizhu: read ${summary.id} (${summary.blockCount} blocks)`);
  // A page that navigates in place announces each article it shows: the popup hears the current one.
  if (!current) onMessage(answerPopup);
  current = summary;
  try {
    const { annotations, reveal } = await ask({ type: 'article-seen', article: summary });
    return { annotations, reveal };
  } catch (error) {
    console.warn(error instanceof BackgroundRefused ? 'Pizhu: the background refused this article' : 'Pizhu: could not reach the extension background', error);
    return null;
  }
}
