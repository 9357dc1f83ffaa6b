import browser from 'webextension-polyfill';
import { parseMessage, parseReply, type ArticleSummary, type Message } from '../../src/messages/protocol';
import type { AnnotationRecord } from '../../src/annotation/records';

/** The background's answer: the article's highlights, or why the request failed. */
export type Answer = { annotations: AnnotationRecord[] } | { error: string };

/**
 * The page's highlighting and the background: every request goes through `send`, and the
 * background's messages to this page are heard through `listen`. The store is the background's:
 * every write is a message, acknowledged, and a failure comes back as an error, never thrown.
 * `dispose()` stops hearing the background.
 */
export class BackgroundClient {
  private readonly listeners: ((raw: unknown) => undefined)[] = [];

  /** The one place a request leaves for the background. */
  async send(message: Message): Promise<Answer> {
    try {
      const reply = parseReply(await browser.runtime.sendMessage(message));
      if (!reply) return { error: 'no answer' };
      return reply.ok ? { annotations: reply.annotations ?? [] } : { error: reply.error };
    } catch (error) {
      return { error: String(error) };
    }
  }

  /** The article's highlights as the store holds them now. */
  seen(article: ArticleSummary): Promise<Answer> {
    return this.send({ type: 'article-seen', article, again: true });
  }

  save(annotation: AnnotationRecord): Promise<Answer> {
    return this.send({ type: 'save-annotation', annotation });
  }

  /** Tells the popup which highlights this copy of the article could not place. */
  placement(articleId: string, orphans: string[]): Promise<Answer> {
    return this.send({ type: 'placement', articleId, orphans });
  }

  /** Hears the background's messages to this page (each checked first; others are ignored), until `dispose()`. */
  listen(handler: (message: Message) => void): void {
    const listener = (raw: unknown): undefined => {
      const message = parseMessage(raw);
      if (message) handler(message);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    this.listeners.push(listener);
  }

  dispose(): void {
    for (const listener of this.listeners) browser.runtime.onMessage.removeListener(listener);
    this.listeners.length = 0;
  }
}
