/**
 * Archive copies are read from the reader's own disk (`file:///home/<user>/…/articles/reuters/1040207.md`).
 * A file shared with others names such a copy by its place in the archive, never by the full
 * path, which says who the reader is and how their disk is laid out.
 */

/** A file address: the reader's own disk. */
export function isLocalAddress(address: string): boolean {
  return /^file:/i.test(address);
}

/**
 * A file address's place in the archive: the path from its `articles/` folder if it has one, else
 * `<source>/<file>` (its last two segments). Null for any other address.
 */
export function archivePathOf(address: string): string | null {
  if (!isLocalAddress(address)) return null;
  let path = address.replace(/^file:\/*[^/]*?(?=\/)/i, '').replace(/[?#].*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: the path as written still names the file.
  }
  return placeInArchive(path) || null;
}

/** A path's place in the archive (slashes of either kind): from its `articles/` folder if it has one, else its last two segments. */
export function placeInArchive(path: string): string {
  const segments = path.split(/[/\\]/).filter(Boolean);
  const at = segments.lastIndexOf('articles');
  return (at >= 0 && at < segments.length - 1 ? segments.slice(at) : segments.slice(-2)).join('/');
}

/** Where an article's archive copy stands in the archive: from its latest file address, else what an import brought. */
export function articleArchivePath(article: { seenAt: readonly string[]; archivePath?: string }): string | undefined {
  for (let i = article.seenAt.length - 1; i >= 0; i--) {
    const path = archivePathOf(article.seenAt[i]!);
    if (path) return path;
  }
  return article.archivePath;
}

/** The article's address on the web, if it has one (never a file on the reader's disk). */
export function webAddress(article: { url: string }): string {
  return /^https?:\/\//i.test(article.url) ? article.url : '';
}

/**
 * An article as it may leave this browser (an export, a synced document): no address on the
 * reader's disk, its archive copy named by its place in the archive instead.
 */
export function shareableArticle<A extends { url: string; seenAt: string[]; archivePath?: string }>(article: A): A {
  const archivePath = articleArchivePath(article);
  return {
    ...article,
    url: isLocalAddress(article.url) ? '' : article.url,
    seenAt: article.seenAt.filter((address) => !isLocalAddress(address)),
    ...(archivePath !== undefined && { archivePath }),
  };
}
