/**
 * Where a file stands in the archive, not on the reader's disk: `articles/reuters/1040207.md` from
 * any path that holds an `articles/` folder, else the file with its folder (`reuters/1040207.md`).
 * Slashes of either kind; a file:// address is read as its path.
 */
export function archivePath(pathOrUrl: string): string {
  let path = pathOrUrl;
  if (/^file:/i.test(path)) {
    try {
      path = decodeURIComponent(new URL(path).pathname);
    } catch {
      // Not a URL after all: read it as a path.
    }
  }
  const parts = path.split(/[\\/]+/).filter(Boolean);
  const articles = parts.lastIndexOf('articles');
  return (articles >= 0 && articles < parts.length - 1 ? parts.slice(articles) : parts.slice(-2)).join('/');
}
