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
  | { op: 'remove'; collectionId: string };

export type ArchiveReply =
  | { kind: 'progress'; stage: 'read' | 'index'; done: number; total: number }
  | { kind: 'read'; collection: CollectionRecord; firstId: string | null; cancelled: boolean }
  | { kind: 'results'; serial: number; total: number; hits: CollectionHit[] }
  | { kind: 'removed'; collectionId: string }
  | { kind: 'failed'; error: string };
