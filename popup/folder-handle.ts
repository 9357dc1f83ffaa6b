import type { ArchiveFile } from './archive-protocol';

/**
 * Folders a page may keep (the File System Access API, where the browser has it: Chrome). A kept
 * folder can be read again for the files added since, without choosing it again.
 */
interface DirectoryPicker {
  showDirectoryPicker(options?: { id?: string; mode?: 'read' }): Promise<FileSystemDirectoryHandle>;
}

interface Permissioned {
  queryPermission?(options: { mode: 'read' }): Promise<PermissionState>;
  requestPermission?(options: { mode: 'read' }): Promise<PermissionState>;
}

export function canKeepFolders(): boolean {
  return typeof (globalThis as Partial<DirectoryPicker>).showDirectoryPicker === 'function';
}

/** Asks the reader for a folder; null when they close the picker. */
export async function pickFolder(): Promise<FileSystemDirectoryHandle | null> {
  try {
    return await (globalThis as unknown as DirectoryPicker).showDirectoryPicker({ id: 'pizhu-archive', mode: 'read' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
}

/** Whether the page may read a kept folder now, asking the reader when the browser wants it asked. */
export async function mayRead(folder: FileSystemDirectoryHandle): Promise<boolean> {
  const handle = folder as FileSystemDirectoryHandle & Permissioned;
  if ((await handle.queryPermission?.({ mode: 'read' })) === 'granted') return true;
  return (await handle.requestPermission?.({ mode: 'read' })) === 'granted';
}

/** Every file below a folder (any depth), named as a folder input names them (`folder/sub/file.md`), but those in `known`. */
export async function filesOfDirectory(folder: FileSystemDirectoryHandle, known: ReadonlySet<string> = new Set()): Promise<ArchiveFile[]> {
  const out: ArchiveFile[] = [];
  const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
    for await (const entry of dir.values()) {
      const path = `${prefix}/${entry.name}`;
      if (entry.kind === 'directory') await walk(entry as FileSystemDirectoryHandle, path);
      else if (!known.has(path)) out.push({ file: await (entry as FileSystemFileHandle).getFile(), path });
    }
  };
  await walk(folder, folder.name);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
