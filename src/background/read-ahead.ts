import { parseArchiveHeader } from '../parse/archive-header';
import { articleIdFromUrl, parseHttpUrl } from '../model/article-id';
import type { AnnotationRecord } from '../annotation/records';

/** How long highlights read ahead wait for their reader (it asks within milliseconds of its injection). */
const KEEP_MS = 5_000;

interface Ahead {
  articleId: string;
  at: number;
  annotations: Promise<AnnotationRecord[]>;
}

/**
 * The highlights of the article whose archive header a file:// frame's detector saw, read while the
 * reader is injected there: the reader's `article-seen` then takes them instead of reading them after
 * it has parsed the file (bench/README.md, page cost). Kept in the worker's memory for a few seconds,
 * taken once, and dropped when that article's highlights change meanwhile.
 */
export class ReadAhead {
  private readonly entries = new Map<string, Ahead>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** The article id the reader will compute from this header (src/parse/archive-parser.ts), or null where it needs the whole file. */
  static articleIdOf(head: string): string | null {
    const { url } = parseArchiveHeader(head);
    const parsed = url ? parseHttpUrl(url) : null;
    return parsed ? articleIdFromUrl(parsed) : null;
  }

  start(tabId: number, frameId: number, articleId: string, read: () => Promise<AnnotationRecord[]>): void {
    this.sweep();
    const k = key(tabId, frameId);
    const annotations = read();
    // A failed read is not handed out: the reader then reads for itself.
    annotations.catch(() => {
      if (this.entries.get(k)?.annotations === annotations) this.entries.delete(k);
    });
    this.entries.set(k, { articleId, at: this.clock(), annotations });
  }

  /** The highlights read ahead for this frame's article, once; null when none were, or they were of another article. */
  take(tabId: number, frameId: number, articleId: string): Promise<AnnotationRecord[]> | null {
    this.sweep();
    const ahead = this.entries.get(key(tabId, frameId));
    if (!ahead) return null;
    this.entries.delete(key(tabId, frameId));
    return ahead.articleId === articleId ? ahead.annotations : null;
  }

  /** These articles' highlights changed: what was read of them before is not handed out. */
  drop(articleIds: Iterable<string>): void {
    const changed = new Set(articleIds);
    for (const [k, ahead] of this.entries) if (changed.has(ahead.articleId)) this.entries.delete(k);
  }

  private sweep(): void {
    const now = this.clock();
    for (const [k, ahead] of this.entries) if (now - ahead.at > KEEP_MS) this.entries.delete(k);
  }
}

const key = (tabId: number, frameId: number) => `${tabId}/${frameId}`;
