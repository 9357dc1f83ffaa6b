import { t, uiLang } from '../lib/i18n';
import { MAX_IMPORT_BYTES } from '../src/import/read-json';
import { announceChange } from './library-store';
import type { ExportFormat, WorkerReply, WorkerRequest } from './transfer-protocol';
import type { ArticleWithAnnotations } from '../src/annotation/library-data';
import type { AnnotationRecord, ArticleRecord } from '../src/annotation/records';

export type { ExportFormat } from './transfer-protocol';

/** What to export: the whole library (with its tombstones), what the search lists, or one article. */
export type ExportScope = { kind: 'all' } | { kind: 'listed'; listed: ArticleWithAnnotations[] } | { kind: 'article'; article: ArticleRecord; annotations: AnnotationRecord[] };

/**
 * Exports and imports run in a worker: thousands of highlights are read, checked and written there,
 * and the popup stays responsive, telling what it is doing.
 */
function inWorker(request: WorkerRequest, progress: (text: string) => void): Promise<Extract<WorkerReply, { kind: 'done' }>> {
  const worker = new Worker(new URL('./transfer-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') return progress(t(`stage_${reply.stage}`, String(reply.count)));
      worker.terminate();
      if (reply.kind === 'done') resolve(reply);
      else reject(new Error(reply.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the export worker failed'));
    };
    worker.postMessage(request);
  });
}

const lang = uiLang;

/** Writes the file and hands it to the browser as a download; answers what was done. */
export async function exportFile(format: ExportFormat, scope: ExportScope, progress: (text: string) => void): Promise<string> {
  progress(t('exporting'));
  const selection =
    scope.kind === 'all'
      ? null
      : scope.kind === 'article'
        ? { articles: [scope.article], annotations: scope.annotations }
        : { articles: scope.listed.map((l) => l.article), annotations: scope.listed.flatMap((l) => l.annotations) };
  const done = await inWorker({ op: 'export', format, selection, lang: lang(), now: new Date().toISOString(), title: scope.kind === 'article' ? scope.article.title : undefined }, progress);
  if (done.op !== 'export') throw new Error('the worker answered another question');
  download(done.file, done.fileName);
  return t('exported', [String(done.count), done.fileName]);
}

/** What an import did: the summary, and the annotations it left out, named. */
export type ImportOutcome = { text: string; skipped: Extract<WorkerReply, { op: 'import' }>['skipped'] };

/** Reads a JSON export (or W3C Web Annotation JSON from elsewhere) into the library; answers what changed. */
export async function importFile(file: File, progress: (text: string) => void): Promise<ImportOutcome> {
  // Refused before it is read: a file this large would only fill the popup's memory.
  if (file.size > MAX_IMPORT_BYTES) throw new Error(t('importTooLarge', String(Math.round(MAX_IMPORT_BYTES / 2 ** 20))));
  progress(t('importReading'));
  // The worker reads the file itself: the page never holds its text.
  const done = await inWorker({ op: 'import', file, lang: lang() }, progress);
  if (done.op !== 'import') throw new Error('the worker answered another question');
  await announceChange(done.articleIds);
  return { text: done.summary, skipped: done.skipped };
}

function download(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started by then; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
