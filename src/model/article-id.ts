import type { Source } from './article';

/** An absolute http(s) URL, or null: the only kind of address Pizhu links to or stores. */
export function parseHttpUrl(raw: string, base?: string): URL | null {
  const text = raw.trim();
  if (!text) return null;
  try {
    const url = base ? new URL(text.startsWith('//') ? `https:${text}` : text, base) : new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The identity of an article: host without "www." and the decoded path without a trailing slash.
 * Scheme, query and fragment do not name a different article (BBC links mix http and https;
 * FT adds ?full=y), so an archive copy and the live page get the same id.
 */
export function articleIdFromUrl(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  // "//cn/…" (older RFI links) and "/cn/…" name the same page.
  let path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape: keep the path as written, it still identifies the article.
  }
  return host + path;
}

const SOURCE_BY_HOST: [RegExp, Source][] = [
  [/(^|\.)reuters\.com$/, 'reuters'],
  [/(^|\.)nytimes\.com$/, 'nyt'],
  [/(^|\.)(bbc\.com|bbc\.co\.uk)$/, 'bbc'],
  [/(^|\.)(voachinese\.com|voanews\.com)$/, 'voa'],
  [/(^|\.)(ft\.com|ftchinese\.com)$/, 'ft'],
  [/(^|\.)rfi\.fr$/, 'rfi'],
  [/(^|\.)dw\.com$/, 'dw'],
  [/(^|\.)rfa\.org$/, 'rfa'],
  [/(^|\.)chinadigitaltimes\.net$/, 'cdt'],
];

/** Which news source a URL belongs to, or null for a site Pizhu does not know. */
export function sourceFromUrl(url: URL): Source | null {
  const host = url.hostname.toLowerCase();
  for (const [pattern, source] of SOURCE_BY_HOST) if (pattern.test(host)) return source;
  return null;
}
