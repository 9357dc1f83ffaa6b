import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type CollectionRecord, CollectionStore, openCollectionDatabase } from '../src/collection/collection-database';
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

/** The worker's answer to the latest search (older answers are dropped): every matching article, best first. */
function useSearch(client: ArchiveClient, query: string): Map<string, number> | null {
  const [found, setFound] = useState<{ serial: number; rank: Map<string, number> } | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(
    () =>
      client.listen((reply) => {
        if (reply.kind !== 'results') return;
        setFound((old) => (reply.serial < (old?.serial ?? 0) ? old : { serial: reply.serial, rank: new Map(reply.ids.map((id, i) => [id, i])) }));
      }),
    [client],
  );
  useEffect(() => setAsked(query.trim() ? client.search(query) : 0), [client, query]);
  return asked && found?.serial === asked ? found.rank : null;
}

/**
 * Where the query's words stand in each row on screen: asked of the worker for the rows as they are
 * shown, a frame's worth at a time, and kept while the query stays.
 */
export function usePassages(client: ArchiveClient, query: string): { passage(id: string): string | undefined; want(id: string): void } {
  const [passages, setPassages] = useState<{ query: string; map: Map<string, string> }>({ query, map: new Map() });
  const wanted = useRef(new Set<string>());
  const frame = useRef(0);
  useEffect(
    () =>
      client.listen((reply) => {
        if (reply.kind !== 'passages') return;
        setPassages((old) => (old.query !== reply.query ? old : { query: old.query, map: new Map([...old.map, ...reply.hits.map((h) => [h.id, h.passage] as const)]) }));
      }),
    [client],
  );
  useEffect(() => {
    setPassages({ query, map: new Map() });
    wanted.current.clear();
  }, [query]);
  return {
    passage: (id) => (passages.query === query ? passages.map.get(id) : undefined),
    want: (id) => {
      if (!query.trim() || wanted.current.has(id)) return;
      wanted.current.add(id);
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() =>
        client.passages(
          query,
          [...wanted.current].filter((w) => !passages.map.has(w)),
        ),
      );
    },
  };
}

const ORDER: Record<ArchiveSort, (a: ArchiveRow, b: ArchiveRow) => number> = {
  published: (a, b) => (b.publishedAt ?? b.archivedAt ?? '').localeCompare(a.publishedAt ?? a.archivedAt ?? ''),
  title: (a, b) => a.title.localeCompare(b.title, 'zh'),
  source: (a, b) => a.source.localeCompare(b.source) || ORDER.published(a, b),
};

/** The collection's rows for the filters, and what the list needs besides. */
export function useArchiveList(client: ArchiveClient, filters: ArchiveFilters) {
  const collection = useCollection(client);
  const rank = useSearch(client, filters.query);
  const rows = useMemo(() => {
    if (!collection) return null;
    const searching = !!filters.query.trim();
    const day = (row: CollectionListing) => (row.publishedAt ?? row.archivedAt ?? '').slice(0, 10);
    const kept = collection.listings.filter(
      (row) =>
        (!searching || rank?.has(row.id)) && (!filters.source || row.source === filters.source) && (!filters.from || day(row) >= filters.from) && (!filters.to || (day(row) && day(row) <= filters.to)),
    );
    const rows = kept.map((row): ArchiveRow => ({ ...row, annotated: collection.annotated.has(row.id) }));
    // A search lists the best matches first, unless the reader sorts by title or source.
    return rank && filters.sort === 'published' ? rows.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!) : rows.sort(ORDER[filters.sort]);
  }, [collection, rank, filters]);
  const sources = useMemo(() => [...new Set(collection?.listings.map((l) => l.source))].sort(), [collection]);
  const searching = !!filters.query.trim() && rank === null;
  return { rows, total: collection?.listings.length ?? 0, collections: collection?.collections ?? [], sources, searching };
}
