/*
 * Exports and imports, off the page's thread: reading, checking and writing thousands of
 * highlights here leaves the popup and the library page free to scroll and to say how far it got.
 */
import { exportFileName } from '../src/export/file-name';
import { toMarkdown } from '../src/export/markdown';
import { toReadwiseCsv } from '../src/export/readwise-csv';
import { webAnnotationJson } from '../src/export/web-annotation';
import { parseImport } from '../src/import/parse-import';
import { describeImportResult, describeNothingToImport } from '../src/import/report';
import { openDatabase } from '../src/store/database';
import { AnnotationStore } from '../src/store/store';
import type { WorkerReply, WorkerRequest } from './transfer-protocol';
import type { LibraryData } from '../src/annotation/library-data';

const post = (reply: WorkerReply) => postMessage(reply);

const FORMATS = {
  markdown: { ext: 'md', mime: 'text/markdown;charset=utf-8' },
  json: { ext: 'json', mime: 'application/ld+json;charset=utf-8' },
  csv: { ext: 'csv', mime: 'text/csv;charset=utf-8' },
} as const;

async function handle(request: WorkerRequest): Promise<void> {
  const store = new AnnotationStore(await openDatabase());
  if (request.op === 'export') {
    post({ kind: 'progress', stage: 'read', count: request.selection?.annotations.length ?? 0 });
    const data: LibraryData = request.selection ? { ...request.selection, tombstones: [] } : await store.readAll();
    post({ kind: 'progress', stage: 'build', count: data.annotations.length });
    const exported = new Date(request.now);
    const text =
      request.format === 'markdown'
        ? toMarkdown(data, { exported, lang: request.lang })
        : request.format === 'json'
          ? webAnnotationJson(data, { exported, label: request.title })
          : toReadwiseCsv(data, { lang: request.lang });
    const { ext, mime } = FORMATS[request.format];
    post({ kind: 'done', op: 'export', text, mime, count: data.annotations.length, fileName: exportFileName(ext, { date: exported, articleTitle: request.title }) });
    return;
  }
  // An import is checked whole before anything is written, then written in one transaction.
  post({ kind: 'progress', stage: 'check', count: Math.ceil(request.file.size / 1024) });
  const parsed = parseImport(await request.file.text());
  // A file with nothing to import says what it holds, in the reader's language.
  if (!parsed.ok) throw new Error(parsed.nothing ? describeNothingToImport(parsed.nothing.total, parsed.nothing.skipped, request.lang) : parsed.error);
  post({ kind: 'progress', stage: 'write', count: parsed.data.annotations.length });
  const report = await store.importLibrary(parsed.data, parsed.skipped);
  post({ kind: 'done', op: 'import', summary: describeImportResult(report, request.lang), articleIds: parsed.data.articles.map((a) => a.id) });
}

onmessage = (event: MessageEvent<WorkerRequest>) => {
  handle(event.data).catch((error: unknown) => post({ kind: 'failed', error: error instanceof Error ? error.message : String(error) }));
};
