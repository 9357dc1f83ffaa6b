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
      <div class="row" role="group" aria-label={filtered ? t('exportListed') : t('exportAll')}>
        <span class="muted">{filtered ? t('exportListed') : t('exportAll')}</span>
        {FORMATS.map(({ format, testId, label }) => (
          <button key={format} type="button" data-testid={testId} disabled={busy} onClick={() => void run((progress) => exportFile(format, scope, progress))}>
            {label}
          </button>
        ))}
      </div>
      <label class="row import">
        <span class="muted">{t('importLabel')}</span>
        <input
          type="file"
          accept=".json,application/json,application/ld+json"
          data-testid="import-input"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file)
              void run(async (progress) => {
                const report = await importFile(file, progress);
                onImported();
                return report;
              });
          }}
        />
      </label>
      {status && (
        <p class={status.error ? 'error' : 'muted'} role={status.error ? 'alert' : 'status'} data-testid="transfer-status">
          {status.text}
        </p>
      )}
    </footer>
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
