import { parseMessage, type Reply } from '../messages/protocol';

/** Who sent a message, as the browser reports it (never as the message claims). */
export interface Sender {
  tabId?: number;
  frameId?: number;
  url?: string;
}

/** What the background needs from the browser; the entry point passes the real APIs. */
export interface BackgroundPorts {
  /** Runs the reader bundle in one frame of a tab. */
  injectReader(tabId: number, frameId: number): Promise<void>;
  /** Marks the toolbar button of a tab that shows an article Pizhu read. */
  markTab(tabId: number, title: string): Promise<void>;
}

/**
 * The background's answer to one message. The detector on file:// pages asks for the reader;
 * pages report the article they show. Anything malformed, or from the wrong kind of page, is refused.
 */
export async function handleMessage(raw: unknown, sender: Sender, ports: BackgroundPorts): Promise<Reply> {
  const message = parseMessage(raw);
  if (!message) return { ok: false, error: 'malformed message' };
  if (sender.tabId === undefined || sender.tabId < 0) return { ok: false, error: 'messages come from tabs only' };
  switch (message.type) {
    case 'archive-detected':
      if (!sender.url?.startsWith('file:')) return { ok: false, error: 'the reader runs on file:// pages only' };
      await ports.injectReader(sender.tabId, sender.frameId ?? 0);
      return { ok: true };
    case 'article-seen':
      await ports.markTab(sender.tabId, message.article.title);
      return { ok: true };
    case 'get-article':
      return { ok: false, error: 'get-article is answered by the page, not the background' };
  }
}
