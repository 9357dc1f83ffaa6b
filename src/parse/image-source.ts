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
  const srcsets = [attr('srcset'), attr('data-srcset'), ...extraSrcsets];
  // The candidates in order: data-src, src, then the widest of each srcset. They are read and parsed
  // only as far as needed: most images have an https address first, and srcsets are long.
  const count = 2 + srcsets.length;
  const candidate = (at: number) => {
    if (at < 2) return attr(at === 0 ? 'data-src' : 'src');
    const srcset = srcsets[at - 2];
    return srcset ? widestFromSrcset(srcset) : null;
  };
  let at = 0;
  let first: URL | null = null;
  while (!first && at < count) first = candidateUrl(candidate(at++), baseUrl);
  if (!first || first.protocol === 'https:') return first?.href ?? null;
  // The reader loads https only: an http src is worth replacing by an https copy in srcset, or by the
  // same address over https where the article itself is served over https from that host (CDT 2020).
  while (at < count) {
    const url = candidateUrl(candidate(at++), baseUrl);
    if (url?.protocol === 'https:') return url.href;
  }
  const base = baseUrl ? parseHttpUrl(baseUrl) : null;
  if (base?.protocol === 'https:' && base.hostname === first.hostname) return `https:${first.href.slice('http:'.length)}`;
  return first.href;
}

/** A candidate's absolute http(s) address; none for a data: URL, or a relative one with no base (never guess a host). */
function candidateUrl(candidate: string | null, baseUrl: string | null): URL | null {
  if (!candidate || /^\s*data:/i.test(candidate)) return null;
  return baseUrl ? parseHttpUrl(candidate, baseUrl) : parseHttpUrl(candidate.trim().startsWith('//') ? `https:${candidate.trim()}` : candidate);
}

/** Only https images are ever loaded: an http one would leak the reader's address in the clear. */
export function isLoadableImage(src: string): boolean {
  return parseHttpUrl(src)?.protocol === 'https:';
}
