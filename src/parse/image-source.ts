import { parseHttpUrl } from '../model/article-id';

/** Reads "url 240w, url 800w" and gives the URL with the widest (or last) descriptor. */
export function widestFromSrcset(srcset: string): string | null {
  let best: { url: string; width: number } | null = null;
  for (const candidate of srcset.split(/,\s+/)) {
    const [url, descriptor = ''] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const width = parseFloat(descriptor) || 0;
    if (!best || width >= best.width) best = { url, width };
  }
  return best?.url ?? null;
}

/**
 * The address of an image as a reader would see it, from whichever attribute holds the real one:
 * lazy-loading pages put it in data-src or srcset and a placeholder (a data: GIF, a 20 px thumbnail)
 * in src. Returns an absolute http(s) URL, or null when there is no usable one (a relative one with no base).
 */
export function pickImageSource(attr: (name: string) => string | null, baseUrl: string | null, extraSrcsets: string[] = []): string | null {
  const candidates = [
    attr('data-src'),
    attr('src'),
    ...[attr('srcset'), attr('data-srcset'), ...extraSrcsets].map((s) => (s ? widestFromSrcset(s) : null)),
  ];
  for (const candidate of candidates) {
    if (!candidate || /^\s*data:/i.test(candidate)) continue;
    // With no base (a file that names no URL) a relative address means nothing: never guess a host.
    const url = baseUrl ? parseHttpUrl(candidate, baseUrl) : parseHttpUrl(candidate.trim().startsWith('//') ? `https:${candidate.trim()}` : candidate);
    if (url) return url.href;
  }
  return null;
}

/** Only https images are ever loaded: an http one would leak the reader's address in the clear. */
export function isLoadableImage(src: string): boolean {
  return parseHttpUrl(src)?.protocol === 'https:';
}
