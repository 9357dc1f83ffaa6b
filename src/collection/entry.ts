import type { Article } from '../model/article';
import { articleText } from '../text/article-text';
import { looksLikeArchive } from '../parse/archive-header';
import { placeInArchive } from '../annotation/archive-path';

/** The largest file read: the archive's articles are a few KB; a file of megabytes is not one of them. */
export const MAX_ARCHIVE_FILE_BYTES = 4 * 2 ** 20;

/** An archive article as a collection keeps it: the model and its text, never the raw file. */
export interface CollectionEntry {
  id: string;
  /** The collection it came in with. */
  collectionId: string;
  /** Its place in the archive (`articles/reuters/1040207.md`). */
  path: string;
  article: Article;
  /** The article text (src/text/article-text.ts): what the full-text search reads. */
  text: string;
  /** The file as it was, for *show original text*: kept only for files opened one by one, never for a folder. */
  raw?: string;
}

/** What a list of the collection needs of an entry: small, so ten thousand stay in memory. */
export interface CollectionListing {
  id: string;
  collectionId: string;
  path: string;
  title: string;
  source: Article['source'];
  publishedAt: string | null;
  archivedAt: string | null;
  /** What was wrong with the file (the reader names each); empty when all is well. */
  problems: Article['problems'];
}

export type SkipReason = 'not-archive' | 'too-large' | 'not-text';

export type FileOutcome = { kind: 'entry'; entry: CollectionEntry } | { kind: 'skip'; path: string; reason: SkipReason };

/** Reads one file of a folder: an archive article, or why it is not one. `parse` is the platform's parser. */
export function readCollectionFile(file: { path: string; text: string; size: number }, collectionId: string, parse: (text: string) => Article): FileOutcome {
  const path = placeInArchive(file.path);
  if (file.size > MAX_ARCHIVE_FILE_BYTES) return { kind: 'skip', path, reason: 'too-large' };
  if (file.text.includes('\u0000')) return { kind: 'skip', path, reason: 'not-text' };
  if (!looksLikeArchive(file.text.slice(0, 4096))) return { kind: 'skip', path, reason: 'not-archive' };
  const article = parse(file.text);
  return { kind: 'entry', entry: { id: article.id, collectionId, path, article, text: articleText(article).text } };
}

export function listingOf(entry: CollectionEntry): CollectionListing {
  const { article } = entry;
  return {
    id: entry.id,
    collectionId: entry.collectionId,
    path: entry.path,
    title: article.title,
    source: article.source,
    publishedAt: article.publishedAt,
    archivedAt: article.archivedAt,
    problems: article.problems,
  };
}
