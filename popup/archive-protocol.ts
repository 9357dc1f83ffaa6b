import type { CollectionHit } from '../src/collection/collection-search';
import type { CollectionRecord } from '../src/collection/collection-database';

/** A file as the page hands it over: the File, and its path inside the folder it came from. */
export interface ArchiveFile {
  file: File;
  path: string;
}

export type ArchiveRequest =
  /**
   * Read these files into a new collection, or `into` an existing one (a folder read again);
   * `keepRaw`: files opened one by one keep their text for *show original text*; `folder`: the
   * folder's handle, kept so that it can be read again.
   */
  | { op: 'read'; files: ArchiveFile[]; name: string; keepRaw: boolean; into?: string; folder?: FileSystemDirectoryHandle }
  | { op: 'cancel' }
  | { op: 'search'; query: string; serial: number }
  /** Passages of these articles for the query: the rows a list has just shown. */
  | { op: 'passages'; query: string; ids: string[] }
  | { op: 'remove'; collectionId: string };

export type ArchiveReply =
  | { kind: 'progress'; stage: 'read' | 'index'; done: number; total: number }
  /** `opened`: files opened one by one (they kept their text), or a folder, read for the first time or again. */
  | { kind: 'read'; collection: CollectionRecord; firstId: string | null; cancelled: boolean; opened: 'files' | 'folder' }
  /** Every article that matches (`ids`, best first), the first with their passages. */
  | { kind: 'results'; serial: number; total: number; ids: string[]; hits: CollectionHit[] }
  | { kind: 'passages'; query: string; hits: CollectionHit[] }
  | { kind: 'removed'; collectionId: string }
  | { kind: 'failed'; error: string };
