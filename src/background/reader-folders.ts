/**
 * The folders the reader runs in at once. The first archive file opened in a folder is found by the
 * detector, and the background injects the reader after a round trip (≈ 10 ms of the page's load,
 * bench/README.md, page cost); its folder is then remembered in a content script the browser runs
 * itself, like the manifest's for archive folders (`…/articles/<source>/<id>.md`), so every later file
 * of that folder opens as one of those does. The reader checks each file's header first and leaves any
 * other file as it is; the detector says nothing where the reader already runs.
 */

/**
 * How many folders are kept: the oldest goes first. Each is a match pattern the browser checks on every
 * file:// load; a pattern's `*` takes in subfolders too, so a kept folder's whole tree gets the reader
 * (but archive folders, where the manifest runs it: reader-folder-registry.ts excludes them).
 */
export const MAX_READER_FOLDERS = 32;

/** The registered content script's patterns, as the browser keeps them (reader-folder-registry.ts: scripting.registerContentScripts). */
export interface ReaderFolderRegistry {
  patterns(): Promise<string[]>;
  setPatterns(patterns: string[]): Promise<void>;
}

/** How deep a folder must be to be kept (a drive letter not counted): `/home/u/news/`, not `/home/u/` or `/tmp/`. */
const MIN_DEPTH = 3;

/**
 * The match pattern of the files beside this one with its extension (`file:///home/u/news/reuters/*.md`
 * for `…/reuters/1040207.md`), or null where none should be kept: not a local file (a network share's
 * `file://host/…` or `file://///host/…` included), no extension, a folder near the top of a disk (a
 * pattern's `*` takes in subfolders too, so a home folder's every such file would load the reader), or a
 * `*` in the path, which a pattern would read as "anything".
 */
export function readerFolderPattern(fileUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(fileUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'file:' || url.host) return null;
  const path = url.pathname;
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash + 1);
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(path.slice(slash + 1))?.[0];
  const depth = folder.split('/').filter((segment) => segment && !/^[A-Za-z]:$/.test(segment)).length;
  if (!extension || folder.startsWith('//') || depth < MIN_DEPTH || folder.includes('*')) return null;
  return `file://${folder}*${extension}`;
}

/** Remembers folders one at a time (two detections at once must not drop each other's), newest last. */
export class ReaderFolders {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly registry: ReaderFolderRegistry,
    private readonly max = MAX_READER_FOLDERS,
  ) {}

  /** Keeps the folder of `fileUrl`, whose file the detector found to be an archive's. A failure only leaves the folder to the detector. */
  remember(fileUrl: string): Promise<void> {
    const pattern = readerFolderPattern(fileUrl);
    if (!pattern) return this.queue;
    this.queue = this.queue
      .then(async () => {
        const known = await this.registry.patterns();
        if (known.includes(pattern)) return;
        await this.registry.setPatterns([...known, pattern].slice(-this.max));
      })
      .catch((error: unknown) => console.warn('Pizhu: the folder is not kept for the reader; its files go through the detector', error));
    return this.queue;
  }
}

/** A kept pattern as a reader names the folder: `/home/u/新闻 存档/` for `file:///home/u/%E6%96%B0%E9%97%BB%20%E5%AD%98%E6%A1%A3/*.md`, `C:/Users/u/news/` on Windows. */
export function folderOfPattern(pattern: string): string {
  const path = pattern.replace(/^file:\/\//, '').replace(/\*[^/]*$/, '');
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape is shown as it is written.
  }
  return decoded.replace(/^\/(?=[A-Za-z]:\/)/, '');
}
