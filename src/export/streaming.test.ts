import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from './markdown';
import { toReadwiseCsv } from './readwise-csv';
import { markdownStream, readwiseStream, type StreamingExport, webAnnotationStream } from './streaming';
import { webAnnotationJson } from './web-annotation';
import { openDatabase } from '../store/database';
import { AnnotationStore } from '../store/store';
import { makeLibrary } from '../../test/e2e/seed-library';
import type { LibraryData } from '../annotation/library-data';

let databases = 0;

/** A seeded library with what an export must get right besides: an article without highlights, highlights of an article without a record, tombstones, cells a spreadsheet would run, two highlights at one place. */
function library(): LibraryData {
  const data = makeLibrary(400, 60);
  const [first, second] = data.annotations;
  data.annotations.push(
    { ...first!, id: 'be0c0000-0000-4000-8000-00000000aaaa', articleId: 'example.org/no-record', note: '=SUM(A1)\n#tag', tags: ['a b', '#x'] },
    { ...second!, id: 'be0c0000-0000-4000-8000-000000000000', position: first!.position, created: first!.created },
  );
  data.articles.push({
    id: 'example.org/no-highlights',
    url: 'https://example.org/no-highlights',
    title: '',
    source: 'other',
    publishedAt: null,
    seenAt: ['https://example.org/no-highlights', 'file:///home/r/x.md'],
    annotatedAt: null,
  });
  data.tombstones.push({ id: 'be0c0000-0000-4000-8000-00000000dead', articleId: 'example.org/gone', deleted: '2026-02-01T00:00:00.000Z' });
  return data;
}

async function stored(data: LibraryData): Promise<AnnotationStore> {
  const db = await openDatabase(`streaming-${databases++}`);
  const tx = db.transaction(['articles', 'annotations', 'tombstones'], 'readwrite');
  for (const a of data.articles) void tx.objectStore('articles').put(a);
  for (const a of data.annotations) void tx.objectStore('annotations').put(a);
  for (const t of data.tombstones) void tx.objectStore('tombstones').put(t);
  await tx.done;
  return new AnnotationStore(db);
}

async function streamed(store: AnnotationStore, stream: StreamingExport, batchSize?: number): Promise<string> {
  const tombstones = await store.walkLibrary({ group: (g) => stream.group(g), article: stream.article && ((a) => stream.article!(a)) }, batchSize);
  // The bytes as written, a BOM kept (Blob.text() drops one).
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await stream.finish(tombstones).arrayBuffer());
}

describe('streaming exports of the whole library', () => {
  const exported = new Date('2026-12-01T08:00:00.000Z');

  it('write, article by article, the files the one-piece exports write', async () => {
    const store = await stored(library());
    const all = await store.readAll();
    for (const lang of ['zh', 'en'] as const) {
      expect(await streamed(store, markdownStream({ exported, lang }, 'text/markdown'))).toBe(toMarkdown(all, { exported, lang }));
      expect(await streamed(store, readwiseStream(lang, 'text/csv'))).toBe(toReadwiseCsv(all, { lang }));
    }
    expect(await streamed(store, webAnnotationStream({ exported, label: 'x' }, 'application/ld+json'))).toBe(webAnnotationJson(all, { exported, label: 'x' }));
  });

  it('read in batches of articles, highlights of articles without a record included wherever their ids fall', async () => {
    const data = library();
    // Articles without a record before the first, between two batches, and after the last.
    const [a] = data.annotations;
    const orphans = ['0-before-all', `${data.articles.map((x) => x.id).sort()[7]}~between`, '~after-all'];
    for (const [i, articleId] of orphans.entries()) data.annotations.push({ ...a!, id: `be0c0000-0000-4000-8000-00000000bbb${i}`, articleId });
    const store = await stored(data);
    const all = await store.readAll();
    for (const batchSize of [1, 7, 8, 61, 62, 500]) {
      expect(await streamed(store, webAnnotationStream({ exported }, ''), batchSize)).toBe(webAnnotationJson(all, { exported }));
      expect(await streamed(store, markdownStream({ exported, lang: 'en' }, ''), batchSize)).toBe(toMarkdown(all, { exported, lang: 'en' }));
    }
  });

  it('write an empty library as the one-piece exports do', async () => {
    const store = await stored({ articles: [], annotations: [], tombstones: [] });
    const all = await store.readAll();
    expect(await streamed(store, markdownStream({ exported, lang: 'zh' }, ''))).toBe(toMarkdown(all, { exported, lang: 'zh' }));
    expect(await streamed(store, readwiseStream('zh', ''))).toBe(toReadwiseCsv(all, { lang: 'zh' }));
    expect(await streamed(store, webAnnotationStream({ exported }, ''))).toBe(webAnnotationJson(all, { exported }));
  });
});
