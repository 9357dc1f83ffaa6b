import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPORTED, SAMPLE_LIBRARY } from '../../test/fixtures/export/web-annotation.library';
import { describeRange } from '../anchor/selectors';
import { toWebAnnotationCollection, webAnnotationJson } from '../export/web-annotation';
import { parseImport } from './parse-import';
import type { LibraryData } from '../annotation/library-data';
import { annotationOrder } from '../annotation/order';
import type { AnnotationRecord } from '../annotation/records';
import { stableUuid } from '../annotation/ids';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url), 'utf8');
const golden = () => readFileSync(new URL('../../test/fixtures/export/web-annotation.golden.json', import.meta.url), 'utf8');
const sorted = (data: LibraryData): LibraryData => ({
  articles: [...data.articles].sort((a, b) => (a.id < b.id ? -1 : 1)),
  annotations: [...data.annotations].sort(annotationOrder),
  tombstones: [...data.tombstones].sort((a, b) => (a.id < b.id ? -1 : 1)),
});
const refusal = (text: string) => {
  const result = parseImport(text);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};
const exported = () => toWebAnnotationCollection(SAMPLE_LIBRARY, { exported: EXPORTED }) as any;

describe('parseImport: our own export', () => {
  it('gives back the library exactly, tombstones and all; a file address as its place in the archive', () => {
    const result = parseImport(golden());
    const articles = SAMPLE_LIBRARY.articles.map((a) =>
      a.seenAt.some((s) => s.startsWith('file:')) ? { ...a, seenAt: a.seenAt.filter((s) => !s.startsWith('file:')), archivePath: 'articles/reuters/1040207.md' } : a,
    );
    expect(result).toEqual({ ok: true, data: sorted({ ...SAMPLE_LIBRARY, articles }), skipped: [] });
  });

  it('stores every time in UTC, as the store compares them: articles and deletions too', () => {
    const local = exported();
    local['pizhu:tombstones'][0].deleted = '2026-03-01T08:00:00+08:00';
    local['pizhu:articles'][0].annotatedAt = '2026-03-02T08:00+08:00';
    const result = parseImport(JSON.stringify(local));
    if (!result.ok) throw new Error(result.error);
    expect(result.data.tombstones[0]!.deleted).toBe('2026-03-01T00:00:00.000Z');
    expect(result.data.articles[0]!.annotatedAt).toBe('2026-03-02T00:00:00.000Z');
  });

  it("keeps who made a highlight (a shared database's): written as its creator, read back as theirs", () => {
    const theirs = SAMPLE_LIBRARY.annotations[0]!.id;
    const library = { ...SAMPLE_LIBRARY, annotations: SAMPLE_LIBRARY.annotations.map((a) => (a.id === theirs ? { ...a, creator: '甲' } : a)) };
    const json = webAnnotationJson(library, { exported: EXPORTED });
    expect(JSON.parse(json).first.items.find((item: { id: string }) => item.id === `urn:uuid:${theirs}`).creator).toEqual({ type: 'Person', name: '甲' });
    const result = parseImport(json);
    if (!result.ok) throw new Error(result.error);
    expect(result.data.annotations.filter((a) => a.creator)).toEqual([expect.objectContaining({ id: theirs, creator: '甲' })]);
  });

  it('takes an empty library', () => {
    expect(parseImport(webAnnotationJson({ articles: [], annotations: [], tombstones: [] }, { exported: EXPORTED }))).toEqual({
      ok: true,
      data: { articles: [], annotations: [], tombstones: [] },
      skipped: [],
    });
  });

  it("refuses another tool's file with no annotation in it, as it refuses one with no highlight: the library is not touched", () => {
    for (const empty of ['[]', '{"type":"AnnotationPage","items":[]}', '{"total":0,"rows":[]}', '{"annotations":[],"export_date":"2026-01-01T00:00:00Z"}', '{"type":"AnnotationCollection"}']) {
      expect(parseImport(empty)).toEqual({ ok: false, error: 'the file holds no annotations', nothing: { total: 0, skipped: [] } });
    }
  });

  it('refuses a file with a malformed own field, article or tombstone, saying which', () => {
    const badColor = exported();
    badColor.first.items[1]['pizhu:color'] = 'orange';
    expect(refusal(JSON.stringify(badColor))).toMatch(/^annotation 2: pizhu:color: /);
    const badArticle = exported();
    badArticle['pizhu:articles'][1].seenAt = 'https://cn.reuters.com/';
    expect(refusal(JSON.stringify(badArticle))).toMatch(/^article 2: seenAt: /);
    const smuggled = exported();
    smuggled['pizhu:articles'][0].seenAt = ['data:text/html,<script>alert(1)</script>'];
    expect(refusal(JSON.stringify(smuggled))).toMatch(/^article 1: .*not a web or file address/);
    // A file address on another host (an SMB share on Windows) is not an archive file on this disk.
    smuggled['pizhu:articles'][0].seenAt = ['file://evil.example/share/1040207.md'];
    expect(refusal(JSON.stringify(smuggled))).toMatch(/^article 1: .*not a web or file address/);
    const badTombstone = exported();
    badTombstone['pizhu:tombstones'][0].deleted = 'yesterday';
    expect(refusal(JSON.stringify(badTombstone))).toBe('tombstone 1: deleted: not a time');
    const badId = exported();
    badId.first.items[0].id = 'https://example.org/1';
    expect(refusal(JSON.stringify(badId))).toBe('annotation 1: id is not a urn:uuid: (https://example.org/1)');
  });

  it('refuses a file from a newer Pizhu, and a collection whose pages are elsewhere', () => {
    expect(refusal(JSON.stringify({ ...exported(), 'pizhu:formatVersion': 2 }))).toContain('newer Pizhu');
    expect(refusal(JSON.stringify({ ...exported(), first: 'https://example.org/page1' }))).toContain('not in the file');
  });
});

describe('parseImport: validation', () => {
  it('refuses what is not JSON, or not annotations', () => {
    expect(refusal('')).toBe('the file is empty');
    expect(refusal(golden().slice(0, 2000))).toContain('ends too early');
    expect(refusal('42')).toContain('it holds a number');
    expect(refusal('null')).toContain('it holds null');
    expect(refusal('{"name": "not annotations"}')).toMatch(/^this is not an annotation file/);
    // A list of other objects (another tool's own format) is named for what it is, not for its first item.
    expect(refusal(JSON.stringify(['not an annotation', { type: 'highlight', text: '词' }]))).toBe('this is not an annotation file');
  });

  it('refuses wrong types and missing selectors, naming the annotation', () => {
    const collection = exported();
    collection.first.items[2].target.selector = [{ type: 'TextPositionSelector', start: 1, end: 2 }];
    expect(refusal(JSON.stringify(collection))).toBe('annotation 3: target has no TextQuoteSelector');
    collection.first.items[2].target = 5;
    expect(refusal(JSON.stringify(collection))).toMatch(/^annotation 3: target: /);
    const wrongExact = exported();
    wrongExact.first.items[0].target.selector[0].exact = 12;
    expect(refusal(JSON.stringify(wrongExact))).toMatch(/^annotation 1: TextQuoteSelector: exact: /);
    // Our own export never holds an empty quote: one is damage, and refuses the file.
    const emptyQuote = exported();
    emptyQuote.first.items[1].target.selector[0].exact = '';
    expect(refusal(JSON.stringify(emptyQuote))).toBe('annotation 2: TextQuoteSelector: exact: the quote is empty');
    expect(refusal(JSON.stringify([{ type: 'Annotation', target: { source: 'https://a.example/x', selector: { type: 'TextQuoteSelector', exact: 'x' } }, created: 'tuesday' }]))).toBe(
      'annotation 1: created is not a time (tuesday)',
    );
    expect(refusal(JSON.stringify([{ type: 'Annotation', target: 5 }]))).toBe('annotation 1: target is a number, not a resource');
    expect(refusal(JSON.stringify([{ type: 'Annotation', target: { source: 'https://a.example/x', selector: { type: 'TextQuoteSelector', exact: 7 } } }]))).toMatch(
      /^annotation 1: TextQuoteSelector: exact: /,
    );
  });

  it('imports a 10 MB file of valid annotations', () => {
    const text = '“守望相助” 中俄誓言在核心利益问题上做彼此坚强后盾，路透北京3月23日 - 火药味十足的中美高层对话之后。'.repeat(4);
    const article = { ...SAMPLE_LIBRARY.articles[0]! };
    const annotations: AnnotationRecord[] = [];
    for (let i = 0; i < 9000; i++) {
      const start = i % (text.length - 20);
      annotations.push({
        id: stableUuid(String(i)),
        articleId: article.id,
        color: 'blue',
        ...describeRange(text, start, start + 12),
        parserVersion: 1,
        note: `第 ${i} 条笔记：${text.slice(0, 40)}`,
        tags: ['标签', `t${i % 7}`],
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-02T00:00:00.000Z',
      });
    }
    const json = webAnnotationJson({ articles: [article], annotations, tombstones: [] }, { exported: EXPORTED });
    expect(new TextEncoder().encode(json).length).toBeGreaterThan(10 * 1024 * 1024);
    const result = parseImport(json);
    expect(result.ok && result.data.annotations.length).toBe(9000);
  });
});

describe('parseImport: other tools', () => {
  it('reads a Hypothesis export, skipping page notes, replies and what is not on a web page', () => {
    const result = parseImport(fixture('hypothesis-export.json'));
    if (!result.ok) throw new Error(result.error);
    expect(result.skipped).toEqual([
      { id: 'Ld2rFRttGg-GHIrst_56-S', reason: 'page-note', what: '整篇文章的笔记：与新华社的说法对照。' },
      { id: 'Me3sGSuuHh-JKLopq_78-T', reason: 'reply', what: '同意。' },
      { id: 'Nf4tHTvvIi-MNOlmn_90-U', reason: 'not-web-page', detail: 'file:///home/reader/saved/page.html', what: '“本地文件”' },
    ]);
    const reutersId = 'cn.reuters.com/article/wrapup-china-russia-idCNKBS2BF0GS';
    expect(result.data.annotations).toEqual([
      {
        id: stableUuid('Kc1qEQssFf-DEFuvw_34-R'),
        articleId: 'bbc.com/zhongwen/simp/chinese-news-68000000',
        color: 'yellow',
        position: { type: 'TextPositionSelector', start: 0, end: 4 },
        quote: { type: 'TextQuoteSelector', exact: '两会期间', prefix: '北京', suffix: '，代表们' },
        parserVersion: 1,
        note: '',
        tags: [],
        created: '2026-03-09T11:00:00.000Z',
        modified: '2026-03-09T11:00:00.000Z',
      },
      {
        id: stableUuid('Jb0pDPrrEe-ABCxyz_12-Q'),
        articleId: reutersId,
        color: 'yellow',
        position: { type: 'TextPositionSelector', start: 1202, end: 1207 },
        // The context is cut to what Pizhu keeps (32 characters each side).
        quote: { type: 'TextQuoteSelector', exact: '火药味十足', prefix: '誓言在核心利益问题上做彼此坚强后盾\n\n\n路透北京3月23日 - ', suffix: '的中美高层对话之后，中俄外长在桂林会谈。' },
        parserVersion: 1,
        note: '安克雷奇会谈之后**一周**。',
        tags: ['外交', '中俄'],
        created: '2026-03-08T07:17:52.123Z',
        modified: '2026-03-09T02:01:10.654Z',
      },
    ]);
    expect(result.data.articles).toEqual([
      {
        id: 'bbc.com/zhongwen/simp/chinese-news-68000000',
        url: 'https://www.bbc.com/zhongwen/simp/chinese-news-68000000',
        title: '两会：代表们关心什么 - BBC News 中文',
        source: 'bbc',
        publishedAt: null,
        seenAt: ['https://www.bbc.com/zhongwen/simp/chinese-news-68000000'],
        annotatedAt: null,
      },
      {
        id: reutersId,
        url: `https://${reutersId}`,
        title: '综述：“守望相助” 中俄誓言在核心利益问题上做彼此坚强后盾 - 路透中文网',
        source: 'reuters',
        publishedAt: null,
        seenAt: [`https://${reutersId}`],
        annotatedAt: null,
      },
    ]);
    expect(result.data.tombstones).toEqual([]);
    // The same file gives the same ids: importing it twice adds nothing the second time.
    expect(parseImport(fixture('hypothesis-export.json'))).toEqual(result);
  });

  it('refuses a Hypothesis export with nothing but page notes and replies', () => {
    const file = JSON.parse(fixture('hypothesis-export.json'));
    file.annotations = file.annotations.slice(2, 4);
    expect(refusal(JSON.stringify(file))).toBe('2 annotations, none a text highlight: 1 page note, 1 reply');
  });
});

describe('parseImport: W3C annotations from other tools', () => {
  it('reads W3C annotations from elsewhere: a page, a list, one annotation', () => {
    const result = parseImport(fixture('w3c-foreign.json'));
    if (!result.ok) throw new Error(result.error);
    const articleId = 'voachinese.com/a/china-economy-20260201/7000000.html';
    expect(result.data.annotations).toEqual([
      {
        id: stableUuid('https://annotations.example.org/reader/anno/17'),
        articleId,
        color: 'yellow',
        position: { type: 'TextPositionSelector', start: 0, end: 4 },
        quote: { type: 'TextQuoteSelector', exact: '经济前景', prefix: '分析人士认为，', suffix: '仍不明朗' },
        parserVersion: 1,
        note: '注意措辞的变化',
        tags: [],
        // Stored in UTC (the file says 20:15+08:00), as the store compares times as strings.
        created: '2026-02-01T12:15:00.000Z',
        modified: '2026-02-01T12:15:00.000Z',
      },
      {
        id: '7d3a1f6e-2b4c-4d5e-8f60-718293a4b5c6',
        articleId,
        color: 'yellow',
        position: { type: 'TextPositionSelector', start: 120, end: 124 },
        quote: { type: 'TextQuoteSelector', exact: '出口下滑', prefix: '', suffix: '' },
        parserVersion: 1,
        note: 'A note in English.',
        tags: ['政策'],
        created: '2026-02-02T01:00:00.000Z',
        modified: '2026-02-03T01:00:00.000Z',
      },
    ]);
    const url = `https://www.${articleId}`;
    expect(result.data.articles).toEqual([{ id: articleId, url, title: url, source: 'voa', publishedAt: null, seenAt: [url], annotatedAt: null }]);

    const page = JSON.parse(fixture('w3c-foreign.json'));
    expect(parseImport(JSON.stringify(page.items))).toEqual(result);
    expect(parseImport(JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: page.items } }))).toEqual(result);
    const one = parseImport(JSON.stringify(page.items[1]));
    expect(one.ok && one.data.annotations).toEqual([result.data.annotations[1]]);
  });

  it('skips a foreign annotation on a page that is not http(s), and takes the newer of two with one id', () => {
    const annotation = (source: string, modified: string) => ({
      id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
      type: 'Annotation',
      modified,
      target: { source, selector: { type: 'TextQuoteSelector', exact: '词' } },
    });
    const result = parseImport(
      JSON.stringify([
        annotation('https://a.example/1', '2026-01-01T00:00:00Z'),
        annotation('https://a.example/1', '2026-01-02T00:00:00Z'),
        { ...annotation('urn:x-pdf:abc', '2026-01-01T00:00:00Z'), id: 'urn:uuid:99999999-2222-4333-8444-555555555555' },
      ]),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.data.annotations.map((a) => a.modified)).toEqual(['2026-01-02T00:00:00.000Z']);
    expect(result.skipped).toEqual([
      { id: '11111111-2222-4333-8444-555555555555', reason: 'duplicate-in-file' },
      { id: 'urn:uuid:99999999-2222-4333-8444-555555555555', reason: 'not-web-page', detail: 'urn:x-pdf:abc', what: '“词”' },
    ]);
  });

  it("skips another tool's note on a whole page (no quote), and imports the highlights beside it", () => {
    const highlight = { id: 'urn:uuid:11111111-2222-4333-8444-555555555555', type: 'Annotation', target: { source: 'https://a.example/1', selector: { type: 'TextQuoteSelector', exact: '词' } } };
    const pageNote = { id: 'https://notes.example/7', type: 'Annotation', bodyValue: '整页的笔记', target: 'https://a.example/1' };
    const result = parseImport(JSON.stringify([highlight, pageNote]));
    if (!result.ok) throw new Error(result.error);
    expect(result.data.annotations.map((a) => a.quote.exact)).toEqual(['词']);
    expect(result.skipped).toEqual([{ id: 'https://notes.example/7', reason: 'page-note', what: '整页的笔记' }]);
  });
});
