import { useEffect, useMemo, useState } from 'preact/hooks';
import { type CollectionRecord, CollectionStore, openCollectionDatabase } from '../src/collection/collection-database';
import type { CollectionHit } from '../src/collection/collection-search';
import type { CollectionListing } from '../src/collection/entry';
import { openDatabase } from '../src/store/database';
import { AnnotationStore } from '../src/store/store';
import type { ArchiveClient } from './archive-client';

export type ArchiveSort = 'published' | 'title' | 'source';

export interface ArchiveFilters {
  query: string;
  source: string;
  /** YYYY-MM-DD, or empty. */
  from: string;
  to: string;
  sort: ArchiveSort;
}

export interface ArchiveRow extends CollectionListing {
  annotated: boolean;
  /** Where a search's words stand in it. */
  passage?: string;
}

/** Reads the collection's list (small records) and the library's annotated articles, again after every change the worker reports. */
function useCollection(client: ArchiveClient) {
  const [state, setState] = useState<{ listings: CollectionListing[]; collections: CollectionRecord[]; annotated: Set<string> } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => client.listen((reply) => (reply.kind === 'read' || reply.kind === 'removed') && setVersion((n) => n + 1)), [client]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the trigger: the collection is read again after each change the worker reports
  useEffect(() => {
    let live = true;
    (async () => {
      const store = new CollectionStore(await openCollectionDatabase());
      const [listings, collections, annotated] = await Promise.all([store.listings(), store.collections(), new AnnotationStore(await openDatabase()).annotatedArticleIds()]);
      if (live) setState({ listings, collections, annotated });
    })().catch((error: unknown) => console.error('Pizhu: the archive collection could not be read', error));
    return () => {
      live = false;
    };
  }, [version]);
  return state;
}

/** The worker's answer to the latest search (older answers are dropped). */
function useSearch(client: ArchiveClient, query: string): Map<string, CollectionHit> | null {
  const [found, setFound] = useState<{ serial: number; hits: Map<string, CollectionHit> } | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(
    () =>
      client.listen((reply) => reply.kind === 'results' && setFound((old) => (reply.serial < (old?.serial ?? 0) ? old : { serial: reply.serial, hits: new Map(reply.hits.map((h) => [h.id, h])) }))),
    [client],
  );
  useEffect(() => setAsked(query.trim() ? client.search(query) : 0), [client, query]);
  return asked && found?.serial === asked ? found.hits : null;
}

const ORDER: Record<ArchiveSort, (a: ArchiveRow, b: ArchiveRow) => number> = {
  published: (a, b) => (b.publishedAt ?? b.archivedAt ?? '').localeCompare(a.publishedAt ?? a.archivedAt ?? ''),
  title: (a, b) => a.title.localeCompare(b.title, 'zh'),
  source: (a, b) => a.source.localeCompare(b.source) || ORDER.published(a, b),
};

/** The collection's rows for the filters, and what the list needs besides. */
export function useArchiveList(client: ArchiveClient, filters: ArchiveFilters) {
  const collection = useCollection(client);
  const hits = useSearch(client, filters.query);
  const rows = useMemo(() => {
    if (!collection) return null;
    const searching = !!filters.query.trim();
    const day = (row: CollectionListing) => (row.publishedAt ?? row.archivedAt ?? '').slice(0, 10);
    const kept = collection.listings.filter(
      (row) =>
        (!searching || hits?.has(row.id)) && (!filters.source || row.source === filters.source) && (!filters.from || day(row) >= filters.from) && (!filters.to || (day(row) && day(row) <= filters.to)),
    );
    return kept.map((row): ArchiveRow => ({ ...row, annotated: collection.annotated.has(row.id), passage: hits?.get(row.id)?.passage })).sort(ORDER[filters.sort]);
  }, [collection, hits, filters]);
  const sources = useMemo(() => [...new Set(collection?.listings.map((l) => l.source))].sort(), [collection]);
  const searching = !!filters.query.trim() && hits === null;
  return { rows, total: collection?.listings.length ?? 0, collections: collection?.collections ?? [], sources, searching };
}
