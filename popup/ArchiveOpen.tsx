import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { fileChoosersCloseThisPage } from '../lib/platform';
import { chooseInLibrary } from './choose-in-library';
import type { ArchiveFile, ArchiveReply } from './archive-protocol';
import { type ArchiveClient, collectionName, filesOfDrop, filesOfInput } from './archive-client';
import { canKeepFolders, filesOfDirectory, pickFolder } from './folder-handle';

type Progress = { stage: 'read' | 'index'; done: number; total: number } | null;

/**
 * *Open archive files…*, *Open a folder…* and a drop zone: files are read in the worker, with
 * progress and a cancel. `onRead` hears of each collection read (the first article's id, to open it).
 */
export function ArchiveOpen({ client, onRead }: { client: ArchiveClient; onRead(reply: Extract<ArchiveReply, { kind: 'read' }>, opened: 'files' | 'folder'): void }) {
  const [progress, setProgress] = useState<Progress>(null);
  const [report, setReport] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  useEffect(
    () =>
      client.listen((reply) => {
        // The index's last batch is its end: a search or a removal that built it sends nothing after.
        if (reply.kind === 'progress') setProgress(reply.stage === 'index' && reply.done >= reply.total ? null : reply);
        if (reply.kind === 'failed') {
          setProgress(null);
          setReport(t('archiveFailed', reply.error));
        }
        if (reply.kind !== 'read') return;
        setProgress(null);
        setReport(describeRead(reply));
        onRead(reply, reply.opened);
      }),
    [client, onRead],
  );
  const start = (files: ArchiveFile[], kind: 'files' | 'folder', folder?: FileSystemDirectoryHandle) => {
    if (!files.length) return;
    setReport(null);
    setProgress({ stage: 'read', done: 0, total: files.length });
    client.read(files, folder?.name ?? collectionName(files), kind === 'files', folder ? { folder } : {});
  };
  // Where the browser lets a page keep a folder, it is chosen so: it can be read again for new files.
  const pick = async () => {
    const folder = await pickFolder();
    if (folder) start(await filesOfDirectory(folder), 'folder', folder);
  };
  const drop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!event.dataTransfer) return;
    const files = await filesOfDrop(event.dataTransfer);
    start(files, files.some((f) => f.path.includes('/')) ? 'folder' : 'files');
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone; its buttons are the keyboard's way to the same files
    <section
      class={`archive-open${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <div class="archive-buttons">
        <FileButton label={t('archiveOpenFiles')} testId="archive-files" onFiles={(input) => start(filesOfInput(input), 'files')} />
        <FileButton label={t('archiveOpenFolder')} testId="archive-folder" folder onFiles={(input) => start(filesOfInput(input), 'folder')} pick={canKeepFolders() ? pick : undefined} />
        <span class="muted">{t('archiveDrop')}</span>
      </div>
      {progress && <ProgressLine progress={progress} onCancel={() => client.cancel()} />}
      {report && (
        <p class="muted" role="status">
          {report}
        </p>
      )}
    </section>
  );
}

/** A localized button that opens the browser's file chooser (the input itself is hidden behind it). */
function FileButton({ label, testId, folder, onFiles, pick }: { label: string; testId: string; folder?: boolean; onFiles(input: HTMLInputElement): void; pick?: () => Promise<void> }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (folder) input.current?.setAttribute('webkitdirectory', '');
  }, [folder]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the label holds its input, which the keyboard reaches and opens
    <label
      class="button file-button"
      title={fileChoosersCloseThisPage() ? t('chooseInLibrary') : undefined}
      onClick={(event) => {
        if (!pick || event.target !== event.currentTarget) return;
        // The browser's own folder picker instead of the input's: the folder can be kept.
        event.preventDefault();
        pick().catch((error: unknown) => console.error('Pizhu: the folder could not be read', error));
      }}
    >
      {label}
      <input
        ref={input}
        type="file"
        class="visually-hidden"
        data-testid={testId}
        multiple
        accept={folder ? undefined : '.md,text/markdown,text/plain'}
        onClick={(e) => chooseInLibrary(e, testId)}
        onChange={(e) => {
          onFiles(e.currentTarget);
          e.currentTarget.value = '';
        }}
      />
    </label>
  );
}

function ProgressLine({ progress, onCancel }: { progress: NonNullable<Progress>; onCancel(): void }) {
  const text = progress.stage === 'read' ? t('archiveReading', [String(progress.done), String(progress.total)]) : t('archiveIndexing', [String(progress.done), String(progress.total)]);
  return (
    <div class="archive-progress" role="status">
      <progress value={progress.done} max={Math.max(1, progress.total)} />
      <span class="muted">{text}</span>
      {progress.stage === 'read' && (
        <button type="button" class="button" onClick={onCancel}>
          {t('archiveCancel')}
        </button>
      )}
    </div>
  );
}

function describeRead({ collection, cancelled }: Extract<ArchiveReply, { kind: 'read' }>): string {
  const skipped = Object.entries(collection.skipped);
  const parts = [t('archiveRead', [collection.name, String(collection.articles)])];
  if (skipped.length) {
    const count = skipped.reduce((n, [, c]) => n + (c ?? 0), 0);
    parts.push(t('archiveSkipped', [String(count), skipped.map(([reason, c]) => `${t(`archiveSkip_${reason.replace(/-/g, '_')}`)} ${c}`).join(', ')]));
  }
  if (cancelled) parts.push(t('archiveCancelled'));
  return parts.join(' · ');
}
