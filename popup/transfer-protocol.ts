import type { AnnotationRecord, ArticleRecord } from '../src/annotation/records';
import type { UiLang } from '../src/i18n/ui-messages';
import type { SkippedLine } from '../src/import/report';

export type ExportFormat = 'markdown' | 'json' | 'csv';

/** What the popup asks the transfer worker. `selection` null: the whole library, tombstones included. */
export type WorkerRequest =
  | { op: 'export'; format: ExportFormat; selection: { articles: ArticleRecord[]; annotations: AnnotationRecord[] } | null; lang: UiLang; now: string; title?: string }
  | { op: 'import'; file: File; lang: UiLang };

export type WorkerReply =
  /** Which step the worker is at; the page words it in the reader's language. */
  | { kind: 'progress'; stage: 'read' | 'check' | 'write' | 'build'; count: number }
  /** The file as a Blob: the worker wrote it a piece at a time, and hands it over without a copy as text. */
  | { kind: 'done'; op: 'export'; file: Blob; fileName: string; count: number }
  /** `skipped`: the first of what was left out, named (src/import/report.ts `listSkipped`), and how many more. */
  | { kind: 'done'; op: 'import'; summary: string; skipped: { lines: SkippedLine[]; more: number }; articleIds: string[] }
  | { kind: 'failed'; error: string };
