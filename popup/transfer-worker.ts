/*
 * Exports and imports, off the page's thread: reading, checking and writing thousands of
 * highlights here leaves the popup and the library page free to scroll and to say how far it got.
 */
import { exportFileName } from '../src/export/file-name';
import { toMarkdown } from '../src/export/markdown';
import { toReadwiseCsv } from '../src/export/readwise-csv';
import { markdownStream, readwiseStream, type StreamingExport, webAnnotationStream } from '../src/export/streaming';
import { webAnnotationJson } from '../src/export/web-annotation';
import { parseImport } from '../src/import/parse-import';
import { describeImportResult, describeNothingToImport, listSkipped } from '../src/import/report';
import { openDatabase } from '../src/store/database';
import { AnnotationStore } from '../src/store/store';
import type { ExportFormat, WorkerReply, WorkerRequest } from './transfer-protocol';
import type { LibraryData } from '../src/annotation/library-data';

const post = (reply: WorkerReply) => postMessage(reply);

const FORMATS = {
  markdown: { ext: 'md', mime: 'text/markdown;charset=utf-8' },
  json: { ext: 'json', mime: 'application/ld+json;charset=utf-8' },
  csv: { ext: 'csv', mime: 'text/csv;charset=utf-8' },
} as const;

type ExportRequest = Extract<WorkerRequest, { op: 'export' }>;

/** How often (in highlights written) an export says how far it got. */
const PROGRESS_EVERY = 2_000;

/** What the page sent (a search's list, one article): it holds those records already; the file is made in one piece. */
function exportSelection(request: ExportRequest, data: LibraryData): { file: Blob; count: number } {
  const exported = new Date(request.now);
  post({ kind: 'progress', stage: 'build', count: data.annotations.length });
  const text =
    request.format === 'markdown'
      ? toMarkdown(data, { exported, lang: request.lang })
      : request.format === 'json'
        ? webAnnotationJson(data, { exported, label: request.title })
        : toReadwiseCsv(data, { lang: request.lang });
  return { file: new Blob([text], { type: FORMATS[request.format].mime }), count: data.annotations.length };
}

function stream(format: ExportFormat, request: ExportRequest): StreamingExport {
  const { mime } = FORMATS[format];
  const exported = new Date(request.now);
  if (format === 'markdown') return markdownStream({ exported, lang: request.lang }, mime);
  if (format === 'json') return webAnnotationStream({ exported, label: request.title }, mime);
  return readwiseStream(request.lang, mime);
}

/**
 * The whole library, article by article from the store into the file (src/export/streaming.ts): the
 * worker holds the file and one article's records at a time, never the library as well.
 */
async function exportLibrary(store: AnnotationStore, request: ExportRequest): Promise<{ file: Blob; count: number }> {
  // One article is a file of its own form (toMarkdown's single article), and a small one: made in one piece.
  if (request.format === 'markdown' && (await store.articleCount()) === 1) return exportSelection(request, await store.readAll());
  const writer = stream(request.format, request);
  let told = 0;
  const tombstones = await store.walkLibrary({
    group(group) {
      writer.group(group);
      if (writer.count - told < PROGRESS_EVERY) return;
      told = writer.count;
      post({ kind: 'progress', stage: 'build', count: told });
    },
    article: writer.article && ((article) => writer.article!(article)),
  });
  return { file: writer.finish(tombstones), count: writer.count };
}

async function handle(request: WorkerRequest): Promise<void> {
  const store = new AnnotationStore(await openDatabase());
  if (request.op === 'export') {
    post({ kind: 'progress', stage: 'read', count: request.selection?.annotations.length ?? 0 });
    const { file, count } = request.selection ? exportSelection(request, { ...request.selection, tombstones: [] }) : await exportLibrary(store, request);
    const ext = FORMATS[request.format].ext;
    post({ kind: 'done', op: 'export', file, count, fileName: exportFileName(ext, { date: new Date(request.now), articleTitle: request.title }) });
    return;
  }
  // An import is checked whole before anything is written, then written in one transaction.
  post({ kind: 'progress', stage: 'check', count: Math.ceil(request.file.size / 1024) });
  const parsed = parseImport(await request.file.text());
  // A file with nothing to import says what it holds, in the reader's language.
  if (!parsed.ok) throw new Error(parsed.nothing ? describeNothingToImport(parsed.nothing.total, parsed.nothing.skipped, request.lang) : parsed.error);
  post({ kind: 'progress', stage: 'write', count: parsed.data.annotations.length });
  const report = await store.importLibrary(parsed.data, parsed.skipped);
  post({
    kind: 'done',
    op: 'import',
    summary: describeImportResult(report, request.lang),
    skipped: listSkipped(report.skipped, parsed.data.annotations, request.lang),
    articleIds: parsed.data.articles.map((a) => a.id),
  });
}

addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  handle(event.data).catch((error: unknown) => post({ kind: 'failed', error: error instanceof Error ? error.message : String(error) }));
});
