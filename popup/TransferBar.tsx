import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { exportFile, importFile, type ExportFormat, type ExportScope } from './transfer';
import type { ArticleWithAnnotations } from '../src/annotation/library-data';
import type { AnnotationRecord, ArticleRecord } from '../src/annotation/records';

const FORMATS: { format: ExportFormat; testId: string; label: string }[] = [
  { format: 'markdown', testId: 'export-markdown', label: 'Markdown' },
  { format: 'json', testId: 'export-json', label: 'JSON' },
  { format: 'csv', testId: 'export-csv', label: 'CSV' },
];

/** Export (the whole library, or what the search lists) and import, with what each is doing now and how it ended. */
export function TransferBar({ filtered, hits, onImported }: { filtered: boolean; hits: ArticleWithAnnotations[]; onImported(): void }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);

  const run = async (work: (progress: (text: string) => void) => Promise<string>) => {
    setBusy(true);
    try {
      setStatus({ text: await work((text) => setStatus({ text })) });
    } catch (error) {
      setStatus({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setBusy(false);
    }
  };
  const scope: ExportScope = filtered ? { kind: 'listed', listed: hits } : { kind: 'all' };

  return (
    <footer class="transfer">
      <div class="row">
        <div class="exports" role="group" aria-label={filtered ? t('exportListed') : t('exportAll')}>
          <span class="muted">{filtered ? t('exportListed') : t('exportAll')}</span>
          {FORMATS.map(({ format, testId, label }) => (
            <button key={format} type="button" class="button" data-testid={testId} disabled={busy} onClick={() => void run((progress) => exportFile(format, scope, progress))}>
              {label}
            </button>
          ))}
        </div>
        <ImportButton
          busy={busy}
          onFile={(file) =>
            void run(async (progress) => {
              const report = await importFile(file, progress);
              onImported();
              return report;
            })
          }
        />
      </div>
      {status && (
        <p class={status.error ? 'error' : 'muted'} role={status.error ? 'alert' : 'status'} data-testid="transfer-status">
          {status.text}
        </p>
      )}
    </footer>
  );
}

/**
 * Import: a localized button that opens the browser's file chooser (the `<input type="file">`
 * itself, `import-input`, is hidden behind it: the browser's own "Choose File" speaks its language, not the labels').
 */
function ImportButton({ busy, onFile }: { busy: boolean; onFile(file: File): void }) {
  return (
    <label class={`button file-button${busy ? ' disabled' : ''}`} data-testid="import-button" title={t('importHint')}>
      {t('importLabel')}
      <input
        type="file"
        class="visually-hidden"
        accept=".json,application/json,application/ld+json"
        data-testid="import-input"
        disabled={busy}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}

/** The library page's export of one article, named after its title. */
export function ArticleExport({ article, annotations }: { article: ArticleRecord; annotations: AnnotationRecord[] }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="article-export" role="group" aria-label={t('exportArticle')}>
      {FORMATS.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          class="button"
          data-testid={`article-export-${format}`}
          onClick={() =>
            exportFile(format, { kind: 'article', article, annotations }, () => undefined).then(
              () => setError(null),
              (e: unknown) => setError(String(e)),
            )
          }
        >
          {label}
        </button>
      ))}
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
