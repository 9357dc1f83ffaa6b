import type { Article, ArticleSource } from '../model/article';
import { SOURCES } from '../model/article';

/** What a page tells the rest of the extension about the article it shows. */
export interface ArticleSummary {
  id: string;
  url: string;
  title: string;
  source: ArticleSource;
  publishedAt: string | null;
  blockCount: number;
  origin: 'archive' | 'page';
}

/**
 * Every message between the extension's parts. Content scripts → background: `archive-detected`
 * (load the reader into this frame), `article-seen`. Popup → content script: `get-article`.
 */
export type Message =
  | { type: 'archive-detected' }
  | { type: 'article-seen'; article: ArticleSummary }
  | { type: 'get-article' };

export type Reply = { ok: true; article?: ArticleSummary | null } | { ok: false; error: string };

export function summarize(article: Article): ArticleSummary {
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    source: article.source,
    publishedAt: article.publishedAt,
    blockCount: article.blocks.length,
    origin: article.origin,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max = 4096): v is string => typeof v === 'string' && v.length <= max;

function parseSummary(value: unknown): ArticleSummary | null {
  if (!isRecord(value)) return null;
  const { id, url, title, source, publishedAt, blockCount, origin } = value;
  if (!isString(id) || !id || !isString(url) || !isString(title)) return null;
  if (source !== 'other' && !(SOURCES as readonly unknown[]).includes(source)) return null;
  if (publishedAt !== null && (!isString(publishedAt, 40) || Number.isNaN(Date.parse(publishedAt)))) return null;
  if (typeof blockCount !== 'number' || !Number.isInteger(blockCount) || blockCount < 0) return null;
  if (origin !== 'archive' && origin !== 'page') return null;
  return { id, url, title, source: source as ArticleSource, publishedAt, blockCount, origin };
}

/**
 * Checks what arrives: messages cross from web pages' content scripts, so nothing is trusted
 * by its type annotation. Returns null for anything that is not exactly one of our messages.
 */
export function parseMessage(value: unknown): Message | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  switch (value.type) {
    case 'archive-detected':
    case 'get-article':
      return Object.keys(value).length === 1 ? { type: value.type } : null;
    case 'article-seen': {
      const article = parseSummary(value.article);
      return article ? { type: 'article-seen', article } : null;
    }
    default:
      return null;
  }
}

/** Replies are checked too: a popup must not render whatever a page's script answered. */
export function parseReply(value: unknown): Reply | null {
  if (!isRecord(value)) return null;
  if (value.ok === false) return isString(value.error) ? { ok: false, error: value.error } : null;
  if (value.ok !== true) return null;
  if (value.article === undefined) return { ok: true };
  if (value.article === null) return { ok: true, article: null };
  const article = parseSummary(value.article);
  return article ? { ok: true, article } : null;
}
