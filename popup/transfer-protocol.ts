import type { AnnotationRecord, ArticleRecord } from '../src/annotation/records';
import type { UiLang } from '../src/i18n/ui-messages';

export type ExportFormat = 'markdown' | 'json' | 'csv';

/** What the popup asks the transfer worker. `selection` null: the whole library, tombstones included. */
export type WorkerRequest =
  | { op: 'export'; format: ExportFormat; selection: { articles: ArticleRecord[]; annotations: AnnotationRecord[] } | null; lang: UiLang; now: string; title?: string }
  | { op: 'import'; file: File; lang: UiLang };

export type WorkerReply =
  /** Which step the worker is at; the page words it in the reader's language. */
  | { kind: 'progress'; stage: 'read' | 'check' | 'write' | 'build'; count: number }
  | { kind: 'done'; op: 'export'; text: string; fileName: string; mime: string; count: number }
  | { kind: 'done'; op: 'import'; summary: string; articleIds: string[] }
  | { kind: 'failed'; error: string };
