import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t, uiLanguage } from '../lib/i18n';
import type { CollectionRecord } from '../src/collection/collection-database';
import type { ArchiveClient } from './archive-client';
import { filesOfDirectory, mayRead } from './folder-handle';
import { type ArchiveFilters, type ArchiveRow, type ArchiveSort, useArchiveList, usePassages } from './use-archive-list';
import { arrayRows, VirtualList } from './VirtualList';

/** Where an archive article opens: the reader view, on an extension page. */
export function readerUrl(articleId: string): string {
  return `${browser.runtime.getURL('reader/index.html')}#id=${encodeURIComponent(articleId)}`;
}

export function openInReader(articleId: string): void {
  browser.tabs.create({ url: readerUrl(articleId) }).catch((error: unknown) => console.error('Pizhu: the reader did not open', error));
}

/** The archive articles the reader opened: listed, sorted, filtered by source and date, searched in full text. */
export function ArchiveCollection({ client }: { client: ArchiveClient }) {
  const [filters, setFilters] = useState<ArchiveFilters>({ query: '', source: '', from: '', to: '', sort: 'published' });
  const { rows, total, collections, sources, searching, error } = useArchiveList(client, filters);
  const [rereadNews, setRereadNews] = useState<string | null>(null);
  const passages = usePassages(client, filters.query);
  const listRows = useMemo(
    () =>
      arrayRows(
        rows ?? [],
        (row) => row.id,
        () => (filters.query.trim() ? 92 : 64),
      ),
    [rows, filters.query],
  );
  const set = (patch: Partial<ArchiveFilters>) => setFilters({ ...filters, ...patch });
  if (error)
    return (
      <p class="error" role="alert" data-testid="archive-error">
        {t('archiveNotRead', error)}
      </p>
    );
  if (rows === null) return null;
  if (!total) return <p class="muted">{t('archiveEmpty')}</p>;
  return (
    <section class="archive" aria-label={t('archiveTitle')}>
      <div class="archive-filters">
        <input
          type="search"
          class="search"
          data-testid="archive-search"
          placeholder={t('archiveSearch')}
          aria-label={t('archiveSearch')}
          value={filters.query}
          onInput={(e) => set({ query: e.currentTarget.value })}
        />
        <select aria-label={t('archiveSourceFilter')} value={filters.source} onChange={(e) => set({ source: e.currentTarget.value })}>
          <option value="">{t('archiveAllSources')}</option>
          {sources.map((source) => (
            <option key={source} value={source}>
              {t(`source_${source}`)}
            </option>
          ))}
        </select>
        <label class="muted">
          {t('archiveFrom')} <input type="date" value={filters.from} onChange={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label class="muted">
          {t('archiveTo')} <input type="date" value={filters.to} onChange={(e) => set({ to: e.currentTarget.value })} />
        </label>
        <select aria-label={t('archiveSort')} value={filters.sort} onChange={(e) => set({ sort: e.currentTarget.value as ArchiveSort })}>
          <option value="published">{t('archiveSortPublished')}</option>
          <option value="title">{t('archiveSortTitle')}</option>
          <option value="source">{t('archiveSortSource')}</option>
        </select>
      </div>
      <p class="muted" role="status" aria-busy={searching}>
        {searching ? t('popupLoading') : rows.length === total ? t('archiveCount', String(total)) : t('archiveFound', [String(rows.length), String(total)])}
      </p>
      <VirtualList
        rows={listRows}
        render={(row) => <ArchiveItem row={row} passage={passages.passage(row.id)} onShown={() => passages.want(row.id)} />}
        class="list archive-list"
        label={t('archiveTitle')}
      />
      <Collections
        collections={collections}
        onRemove={(id) => client.remove(id)}
        onReread={(c) => {
          setRereadNews(null);
          reread(client, c).then(setRereadNews, (e: unknown) => setRereadNews(t('archiveFailed', String(e))));
        }}
      />
      {rereadNews && (
        <p class="muted" role="status" data-testid="archive-reread-news">
          {rereadNews}
        </p>
      )}
    </section>
  );
}

const dateFormat = () => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' });

function ArchiveItem({ row, passage, onShown }: { row: ArchiveRow; passage: string | undefined; onShown(): void }) {
  const when = row.publishedAt ?? row.archivedAt;
  // A row shown during a search asks for its passage.
  useEffect(() => {
    if (passage === undefined) onShown();
  });
  const facts = [t(`source_${row.source}`), when ? dateFormat().format(new Date(when)) : null, row.annotated ? t('archiveAnnotated') : null, row.problems.length ? t('archiveDamaged') : null];
  return (
    <button type="button" class="archive-item" data-testid="archive-item" onClick={() => openInReader(row.id)}>
      <span class="archive-item-title">{row.title || t('untitled')}</span>
      <span class="muted">{facts.filter(Boolean).join(' · ')}</span>
      {passage && <span class="archive-passage">{passage}</span>}
    </button>
  );
}

/**
 * Reads a kept folder again: only the files not read before go to the worker, into the same
 * collection (its progress and report are shown where files are opened). Answers what to tell when
 * nothing goes: the folder may not be read, or holds nothing new.
 */
async function reread(client: ArchiveClient, collection: CollectionRecord): Promise<string | null> {
  const folder = collection.folder as FileSystemDirectoryHandle;
  if (!(await mayRead(folder))) return t('archiveNoAccess', collection.name);
  const files = await filesOfDirectory(folder, new Set(collection.files ?? []));
  if (!files.length) return t('archiveNothingNew', collection.name);
  client.read(files, collection.name, false, { into: collection.id });
  return null;
}

function Collections({ collections, onRemove, onReread }: { collections: CollectionRecord[]; onRemove(id: string): void; onReread(collection: CollectionRecord): void }) {
  return (
    <ul class="archive-collections">
      {collections.map((c) => (
        <li key={c.id}>
          <span>{t('archiveRead', [c.name, String(c.articles)])}</span>{' '}
          {c.folder !== undefined && (
            <button type="button" class="button" data-testid="archive-reread" title={t('archiveRereadTitle')} onClick={() => onReread(c)}>
              {t('archiveReread')}
            </button>
          )}{' '}
          <button type="button" class="button" title={t('archiveRemoveTitle')} onClick={() => onRemove(c.id)}>
            {t('archiveRemove')}
          </button>
        </li>
      ))}
    </ul>
  );
}
