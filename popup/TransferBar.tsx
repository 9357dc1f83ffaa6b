import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { fileChoosersCloseThisPage } from '../lib/platform';
import { chooseInLibrary } from './choose-in-library';
import { exportFile, importFile, type ExportFormat, type ExportScope, type ImportOutcome } from './transfer';
import type { ArticleWithAnnotations } from '../src/annotation/library-data';

const FORMATS: { format: ExportFormat; testId: string; label: string }[] = [
  { format: 'markdown', testId: 'export-markdown', label: 'Markdown' },
  { format: 'json', testId: 'export-json', label: 'JSON' },
  { format: 'csv', testId: 'export-csv', label: 'CSV' },
];

/**
 * Export (the whole library, or what the search lists) and import, with what each is doing now and how it ended.
 * What the search lists is read whole from the store when it is exported (`readListed`): the list keeps no full record.
 */
export function TransferBar({ filtered, readListed, onImported }: { filtered: boolean; readListed(): Promise<ArticleWithAnnotations[]>; onImported(): void }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error?: boolean; skipped?: ImportOutcome['skipped'] } | null>(null);

  const run = async (work: (progress: (text: string) => void) => Promise<string | ImportOutcome>) => {
    setBusy(true);
    try {
      const done = await work((text) => setStatus({ text }));
      setStatus(typeof done === 'string' ? { text: done } : done);
    } catch (error) {
      setStatus({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setBusy(false);
    }
  };
  const scope = async (): Promise<ExportScope> => (filtered ? { kind: 'listed', listed: await readListed() } : { kind: 'all' });

  return (
    <footer class="transfer">
      <div class="row">
        <fieldset class="exports" aria-label={filtered ? t('exportListed') : t('exportAll')}>
          <span class="muted">{filtered ? t('exportListed') : t('exportAll')}</span>
          {FORMATS.map(({ format, testId, label }) => (
            <button key={format} type="button" class="button" data-testid={testId} disabled={busy} onClick={() => void run(async (progress) => exportFile(format, await scope(), progress))}>
              {label}
            </button>
          ))}
        </fieldset>
        <ImportButton
          busy={busy}
          onFile={(file) =>
            void run(async (progress) => {
              const outcome = await importFile(file, progress);
              onImported();
              return outcome;
            })
          }
        />
      </div>
      {status && (
        <p class={status.error ? 'error' : 'muted'} role={status.error ? 'alert' : 'status'} data-testid="transfer-status">
          {status.text}
        </p>
      )}
      {status?.skipped && status.skipped.lines.length > 0 && <SkippedList {...status.skipped} />}
    </footer>
  );
}

/** What the import left out, each by a few of its words and why: closed until the reader asks. */
function SkippedList({ lines, more }: ImportOutcome['skipped']) {
  return (
    <details class="skipped" data-testid="import-skipped">
      <summary>{t('importSkippedShow', String(lines.length + more))}</summary>
      <ol>
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: made once per import and never reordered; one id may stand twice
          <li key={i}>
            <span class="skipped-what">{line.what}</span> <span class="muted">{line.why}</span>
          </li>
        ))}
      </ol>
      {more > 0 && <p class="muted">{t('importSkippedMore', String(more))}</p>}
    </details>
  );
}

/**
 * Import: a localized button that opens the browser's file chooser (the `<input type="file">`
 * itself, `import-input`, is hidden behind it: the browser's own "Choose File" speaks its language, not the labels').
 */
function ImportButton({ busy, onFile }: { busy: boolean; onFile(file: File): void }) {
  return (
    <label class={`button file-button${busy ? ' disabled' : ''}`} data-testid="import-button" title={fileChoosersCloseThisPage() ? t('chooseInLibrary') : t('importHint')}>
      {t('importLabel')}
      <input
        type="file"
        class="visually-hidden"
        accept=".json,application/json,application/ld+json"
        data-testid="import-input"
        disabled={busy}
        onClick={(e) => chooseInLibrary(e, 'import')}
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

/** The library page's export of one article, named after its title: the article and its highlights read whole when asked. */
export function ArticleExport({ read }: { read(): Promise<ArticleWithAnnotations> }) {
  const [error, setError] = useState<string | null>(null);
  // One export at a time: a double click downloads one file.
  const [busy, setBusy] = useState(false);
  return (
    <fieldset class="article-export" aria-label={t('exportArticle')}>
      {FORMATS.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          class="button"
          data-testid={`article-export-${format}`}
          // Not `disabled`: a disabled button drops the keyboard's focus to the page.
          aria-disabled={busy}
          onClick={() => {
            if (busy) return;
            setBusy(true);
            read()
              .then(({ article, annotations }) => exportFile(format, { kind: 'article', article, annotations }, () => undefined))
              .then(
                () => setError(null),
                (e: unknown) => setError(String(e)),
              )
              .finally(() => setBusy(false));
          }}
        >
          {label}
        </button>
      ))}
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
