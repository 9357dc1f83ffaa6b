/**
 * Which site an address belongs to, for the question "may this page speak for that article?".
 * A site is the registrable domain: cn.reuters.com and www.reuters.com are one site (reuters.com),
 * news.bbc.co.uk is bbc.co.uk. No public-suffix list ships with the extension: the second-level
 * suffixes below cover the news hosts Pizhu reads, and an unknown one only makes a check stricter.
 */
const SECOND_LEVEL_SUFFIXES = new Set(['co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.cn', 'net.cn', 'org.cn', 'com.hk', 'com.tw', 'org.tw', 'com.sg', 'com.au', 'co.jp', 'co.kr']);

/** The registrable domain of a host name ("cn.reuters.com" → "reuters.com"); the host itself for an IP address or a single label. */
export function registrableDomain(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(name) || name.includes(':') || !name.includes('.')) return name;
  const labels = name.split('.');
  const lastTwo = labels.slice(-2).join('.');
  const keep = SECOND_LEVEL_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** A page's site as a reader names it: the host without "www." ("boingboing.net"); empty for what is no address. */
export function siteName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The host an article id or URL names: ids are "host/path" (articleIdFromUrl), or a whole http(s) URL where a page had no canonical link. */
export function hostOf(idOrUrl: string): string | null {
  if (/^https?:\/\//i.test(idOrUrl)) {
    try {
      return new URL(idOrUrl).hostname;
    } catch {
      return null;
    }
  }
  const host = idOrUrl.split('/')[0] ?? '';
  return /^[a-z0-9.-]+$/i.test(host) && host.includes('.') ? host : null;
}

/**
 * May a page at `pageUrl` speak for an article with these ids and addresses? A web page (http,
 * https) speaks only for articles on its own site; a file:// page may show any archived article (an
 * archive file names its article's original address); any other page speaks for none.
 */
export function pageMaySpeakFor(pageUrl: string | undefined, articleAddresses: readonly string[]): boolean {
  if (!pageUrl) return false;
  if (/^file:/i.test(pageUrl)) return true;
  if (!/^https?:/i.test(pageUrl)) return false;
  let pageSite: string;
  try {
    pageSite = registrableDomain(new URL(pageUrl).hostname);
  } catch {
    return false;
  }
  return articleAddresses.every((address) => {
    const host = hostOf(address);
    return host !== null && registrableDomain(host) === pageSite;
  });
}
