import type { ArchiveFile, ArchiveReply, ArchiveRequest } from './archive-protocol';

type Listener = (reply: ArchiveReply) => void;

/**
 * The page's side of the archive worker: one worker for the page's life (it holds the search
 * index), started by the first request, so that a popup or library page opened without touching
 * the archive starts none; every reply heard by whoever listens.
 */
export class ArchiveClient {
  private worker: Worker | null = null;
  private readonly listeners = new Set<Listener>();
  private serial = 0;

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private post(request: ArchiveRequest): void {
    if (!this.worker) {
      this.worker = new Worker(new URL('./archive-worker.ts', import.meta.url), { type: 'module' });
      this.worker.addEventListener('message', (event: MessageEvent<ArchiveReply>) => {
        for (const listener of this.listeners) listener(event.data);
      });
    }
    this.worker.postMessage(request);
  }

  read(files: ArchiveFile[], name: string, keepRaw: boolean, more: { into?: string; folder?: FileSystemDirectoryHandle } = {}): void {
    this.post({ op: 'read', files, name, keepRaw, ...more });
  }

  cancel(): void {
    this.post({ op: 'cancel' });
  }

  /** Asks for a search; answers the serial its results will carry (a later search's make earlier ones stale). */
  search(query: string): number {
    this.serial++;
    this.post({ op: 'search', query, serial: this.serial });
    return this.serial;
  }

  /** Asks for the passages of these rows; they come back as a `passages` reply. */
  passages(query: string, ids: string[]): void {
    this.post({ op: 'passages', query, ids });
  }

  remove(collectionId: string): void {
    this.post({ op: 'remove', collectionId });
  }
}

/** The files of an `<input type=file>` (with `webkitdirectory`, each carries its path in the folder). */
export function filesOfInput(input: HTMLInputElement): ArchiveFile[] {
  return Array.from(input.files ?? [], (file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/** Every file dropped, folders walked to any depth (the File and Directory Entries API). */
export async function filesOfDrop(transfer: DataTransfer): Promise<ArchiveFile[]> {
  const entries = Array.from(transfer.items, (item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => !!e);
  if (!entries.length) return Array.from(transfer.files, (file) => ({ file, path: file.name }));
  const out: ArchiveFile[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ file, path: entry.fullPath.replace(/^\//, '') });
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries answers a hundred or so at a time, then an empty list.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (!batch.length) break;
      for (const child of batch) await walk(child);
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}

/** A collection's name: the folder's, or the first file's. */
export function collectionName(files: ArchiveFile[]): string {
  const first = files[0]?.path ?? '';
  return first.includes('/') ? first.split('/')[0]! : files.length > 1 ? `${first} +${files.length - 1}` : first;
}
