import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type CollectionRecord, CollectionStore, openCollectionDatabase } from '../src/collection/collection-database';
import type { CollectionListing } from '../src/collection/entry';
import { openDatabase } from '../src/store/database';
import { AnnotationStore } from '../src/store/store';
import { localDay } from '../src/time/local-time';
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
  const [state, setState] = useState<{ listings: CollectionListing[]; collections: CollectionRecord[]; annotated: Set<string>; version: number } | { error: string } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => client.listen((reply) => (reply.kind === 'read' || reply.kind === 'removed') && setVersion((n) => n + 1)), [client]);
  useEffect(() => {
    let live = true;
    (async () => {
      const store = new CollectionStore(await openCollectionDatabase());
      const [listings, collections, annotated] = await Promise.all([store.listings(), store.collections(), new AnnotationStore(await openDatabase()).annotatedArticleIds()]);
      if (live) setState({ listings, collections, annotated, version });
    })().catch((error: unknown) => live && setState({ error: String(error) }));
    return () => {
      live = false;
    };
  }, [version]);
  return state;
}

/**
 * The worker's answer to the latest search (older answers are dropped): every matching article, best
 * first; asked again when the collection changed. A search that failed finds nothing (the failure is
 * reported where the files are opened), rather than leaving the list waiting.
 */
function useSearch(client: ArchiveClient, query: string, version: number): Map<string, number> | null {
  const [found, setFound] = useState<{ serial: number; rank: Map<string, number> } | null>(null);
  const [asked, setAsked] = useState(0);
  const latest = useRef(0);
  latest.current = asked;
  useEffect(
    () =>
      client.listen((reply) => {
        if (reply.kind === 'failed') setFound((old) => (latest.current && old?.serial !== latest.current ? { serial: latest.current, rank: new Map() } : old));
        if (reply.kind !== 'results') return;
        setFound((old) => (reply.serial < (old?.serial ?? 0) ? old : { serial: reply.serial, rank: new Map(reply.ids.map((id, i) => [id, i])) }));
      }),
    [client],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is a trigger: a changed collection is searched again
  useEffect(() => setAsked(query.trim() ? client.search(query) : 0), [client, query, version]);
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
  const read = useCollection(client);
  const collection = read && 'listings' in read ? read : null;
  const rank = useSearch(client, filters.query, collection?.version ?? 0);
  const rows = useMemo(() => {
    if (!collection) return null;
    const searching = !!filters.query.trim();
    // The day the row shows: the reader's own, as the library's date filter counts it.
    const day = (row: CollectionListing) => {
      const time = row.publishedAt ?? row.archivedAt;
      return time ? localDay(time) : '';
    };
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
  return { rows, total: collection?.listings.length ?? 0, collections: collection?.collections ?? [], sources, searching, error: read && 'error' in read ? read.error : null };
}
