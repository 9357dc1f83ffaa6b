import { describe, expect, it } from 'vitest';
import { corpusFiles, readCorpus } from '../../test/shared-data';
import { parseArchive } from '../parse/parse-archive';
import { archivePathOf, placeInArchive } from '../annotation/archive-path';
import { CollectionSearch } from './collection-search';
import { listingOf, readCollectionFile } from './entry';
import { searchTerms } from './tokenize';

describe('searchTerms', () => {
  it('cuts Chinese into character pairs, folded to Simplified, and keeps other words whole', () => {
    expect(searchTerms('守望相助')).toEqual(['守望', '望相', '相助', '助']);
    expect(searchTerms('臺灣')).toEqual(['台湾', '湾']);
    expect(searchTerms('中 ＡＢＣ 2021年')).toEqual(['中', '年', 'abc', '2021']);
  });
});

describe('placeInArchive', () => {
  it("names a file by its place in the archive, never by the reader's disk", () => {
    expect(placeInArchive('/home/lin/news/articles/reuters/1040207.md')).toBe('articles/reuters/1040207.md');
    expect(archivePathOf('file:///home/lin/news/articles/reuters/1040207.md')).toBe('articles/reuters/1040207.md');
    expect(archivePathOf('file:///C:/Users/%E6%9E%97/reuters/1040207.md')).toBe('reuters/1040207.md');
    expect(placeInArchive('C:\\Users\\lin\\articles\\bbc\\1.md')).toBe('articles/bbc/1.md');
    expect(placeInArchive('news/reuters/1040207.md')).toBe('reuters/1040207.md');
  });
});

describe('readCollectionFile', () => {
  const file = (path: string, text: string) => ({ path, text, size: text.length });
  it('reads an archive file into its model and text, and skips what is not one, saying why', () => {
    const text = readCorpus('reuters/1040207.md');
    const read = readCollectionFile(file('news/articles/reuters/1040207.md', text), 'c1', parseArchive);
    expect(read.kind).toBe('entry');
    if (read.kind !== 'entry') return;
    expect(read.entry.path).toBe('articles/reuters/1040207.md');
    expect(read.entry.text.startsWith(read.entry.article.title)).toBe(true);
    expect(listingOf(read.entry)).toMatchObject({ id: read.entry.id, title: read.entry.article.title, source: 'reuters', problems: [] });
    expect(readCollectionFile(file('a/README.md', '# Notes\n'), 'c1', parseArchive)).toEqual({ kind: 'skip', path: 'a/README.md', reason: 'not-archive' });
    expect(readCollectionFile(file('a/x.md', 'a\u0000b'), 'c1', parseArchive)).toMatchObject({ reason: 'not-text' });
    expect(readCollectionFile({ path: 'a/big.md', text: '', size: 5 * 2 ** 20 }, 'c1', parseArchive)).toMatchObject({ reason: 'too-large' });
  });

  it('lists a damaged file with what could be read', () => {
    const text = readCorpus('reuters/1040207.md');
    const cut = text.slice(0, Math.floor(text.length * 0.6));
    const read = readCollectionFile(file('reuters/1040207.md', cut), 'c1', parseArchive);
    expect(read.kind).toBe('entry');
    if (read.kind === 'entry') expect(read.entry.article.problems).toContain('body-cut-off');
  });
});

describe('CollectionSearch', () => {
  const entries = corpusFiles()
    .slice(0, 40)
    .map((path) => readCollectionFile({ path, text: readCorpus(path), size: 1 }, 'c1', parseArchive))
    .flatMap((read) => (read.kind === 'entry' ? [read.entry] : []));
  const texts = new Map(entries.map((e) => [e.id, e.text]));
  const search = new CollectionSearch(async (ids) => new Map(ids.flatMap((id) => (texts.has(id) ? [[id, texts.get(id)!] as const] : []))));
  search.add(entries);

  it('finds an article by a phrase from the middle of its body, with the passage', async () => {
    for (const entry of entries.slice(0, 10)) {
      const lines = entry.text.split('\n').slice(1);
      const line = lines[Math.floor(lines.length / 2)]!;
      // A phrase a reader would type: Chinese words, not the middle of a Latin one.
      const phrase = /[\u4e00-\u9fff][^\sA-Za-z]{5,9}/.exec(line)?.[0];
      if (!phrase) continue;
      const found = await search.search(phrase);
      expect(found.hits.map((h) => h.id)).toContain(entry.id);
      expect(found.hits.find((h) => h.id === entry.id)!.passage).toContain(phrase);
    }
  });

  it('finds Simplified text when the reader types Traditional, and needs every word', async () => {
    const entry = entries.find((e) => e.text.includes('中国'))!;
    expect((await search.search('中國')).hits.map((h) => h.id)).toContain(entry.id);
    expect((await search.search('中国 不可能出现的词组合')).total).toBe(0);
  });

  it('checks the words as typed: two character pairs in two places are not the phrase', async () => {
    const kept = new Map([
      ['x', '标题\n相助在前，守望在后，望相在中 Shanghai'],
      ['y', '标题\n守望相助'],
    ]);
    const only = new CollectionSearch(async (ids) => new Map(ids.flatMap((id) => (kept.has(id) ? [[id, kept.get(id)!] as const] : []))));
    only.add([{ id: 'x', text: kept.get('x')! }]);
    expect((await only.search('守望相助')).total).toBe(0);
    only.add([{ id: 'y', text: kept.get('y')! }]);
    expect((await only.search('守望相助')).hits).toEqual([{ id: 'y', passage: '守望相助' }]);
    only.remove(['y']);
    expect((await only.search('守望相助')).total).toBe(0);
    expect(only.size).toBe(1);
    // One character, at the end of a run too; a word still being typed.
    expect((await only.search('后')).total).toBe(1);
    expect((await only.search('守')).total).toBe(1);
    expect((await only.search('shang')).total).toBe(1);
  });

  it('answers every matching entry, however many, and the passages of the first few', async () => {
    const many = new Map(Array.from({ length: 120 }, (_, i) => [`id${i}`, `标题${i}\n第${i}段提到人民币汇率。`]));
    const big = new CollectionSearch(async (ids) => new Map(ids.flatMap((id) => (many.has(id) ? [[id, many.get(id)!] as const] : []))));
    big.add([...many].map(([id, text]) => ({ id, text })));
    const found = await big.search('人民币', 10);
    expect(found.total).toBe(120);
    expect(new Set(found.ids)).toEqual(new Set(many.keys()));
    expect(found.hits).toHaveLength(10);
    expect(await big.passages(['id7'], '人民币')).toEqual([{ id: 'id7', passage: '第7段提到人民币汇率。' }]);
  });
});
