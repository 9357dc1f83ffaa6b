import { ask } from '../../lib/page-ask';
import { onMessage } from '../../lib/browser-api';
import type { ArticleSummary } from '../../src/messages/protocol';
import { parsePageMessage, type PageMessage } from '../../src/messages/page-guards';
import type { AnnotationRecord } from '../../src/annotation/records';

/**
 * The page's highlighting and the background: requests go through `ask()` (lib/ask.ts), which
 * checks each reply and throws when the background refuses or does not answer; the background's
 * messages to this page are heard through `listen`. The store is the background's: every write is
 * a message, acknowledged. `dispose()` stops hearing the background.
 */
export class BackgroundClient {
  private readonly stops: (() => void)[] = [];

  /** The article's highlights as the store holds them now. */
  async seen(article: ArticleSummary): Promise<AnnotationRecord[]> {
    return (await ask({ type: 'article-seen', article, again: true })).annotations;
  }

  async save(annotation: AnnotationRecord): Promise<void> {
    await ask({ type: 'save-annotation', annotation });
  }

  /** Brings back the highlight this tab deleted moments ago. */
  async undoDelete(id: string, articleId: string): Promise<void> {
    await ask({ type: 'undo-delete', id, articleId });
  }

  /** Tells the popup which highlights this copy of the article could not place. */
  async placement(articleId: string, orphans: string[]): Promise<void> {
    await ask({ type: 'placement', articleId, orphans });
  }

  /** Hears the background's messages to this page (each checked first; others are ignored), until `dispose()`. */
  listen(handler: (message: PageMessage) => void): void {
    const stop = onMessage((raw) => {
      const message = parsePageMessage(raw);
      if (message) handler(message);
      return undefined;
    });
    this.stops.push(stop);
  }

  dispose(): void {
    for (const stop of this.stops) stop();
    this.stops.length = 0;
  }
}
