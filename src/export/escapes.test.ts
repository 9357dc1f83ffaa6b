import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { SAMPLE_LIBRARY } from '../../test/fixtures/export/sample-library';
import { markdownDestination, toMarkdown } from './markdown';
import { toReadwiseCsv } from './readwise-csv';
import { webAnnotationJson } from './web-annotation';
import type { LibraryData } from '../annotation/library-data';
import type { ArticleRecord } from '../annotation/records';
import { archivePathOf } from '../annotation/archive-path';

const exported = new Date('2026-04-01T00:00:00.000Z');
const [article] = SAMPLE_LIBRARY.articles as [ArticleRecord];
const highlights = SAMPLE_LIBRARY.annotations.filter((a) => a.articleId === article.id);
const withArticle = (changes: Partial<ArticleRecord>, more: LibraryData['articles'] = []): LibraryData => ({
  articles: [{ ...article, ...changes }, ...more],
  annotations: SAMPLE_LIBRARY.annotations,
  tombstones: [],
});
const cells = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, '')).data.slice(1);

describe('CSV: formulas escaped as spreadsheets read them', () => {
  it.each([['=HYPERLINK("https://evil.example")\n第二行'], ['  =1+1'], ['\n=1+1'], ['\u3000@SUM(A1)'], ['\t-1'], ['\r+1']])('%j gets an apostrophe', (text) => {
    const data: LibraryData = { articles: [article], annotations: [{ ...highlights[0]!, quote: { ...highlights[0]!.quote, exact: text }, note: text, tags: [] }], tombstones: [] };
    const [row] = cells(toReadwiseCsv(data));
    expect(row![0]).toBe(`'${text}`);
    // The note is trimmed first, and escaped all the same.
    expect(row![4]).toBe(`'${text.trim()}`);
  });

  it('leaves other cells as written', () => {
    const data: LibraryData = { articles: [article], annotations: [{ ...highlights[0]!, note: '普通笔记 = 1', tags: [] }], tombstones: [] };
    expect(cells(toReadwiseCsv(data))[0]![4]).toBe('普通笔记 = 1');
  });
});

describe('Markdown: addresses and line breaks that could inject', () => {
  it('percent-encodes a URL so that a newline cannot start a reference definition', () => {
    const markdown = toMarkdown(withArticle({ url: 'https://cn.reuters.com/a\n[x]: javascript:alert(1)' }, [SAMPLE_LIBRARY.articles[1]!]), { exported, lang: 'en' });
    expect(markdown).not.toMatch(/^\[x\]:/m);
    expect(markdownDestination('https://a.example/x y\n(1)<b>\\')).toBe('https://a.example/x%20y%0A%281%29%3Cb%3E%5C');
  });

  it('ends a line at a lone CR, so that no line start escapes escaping', () => {
    const data: LibraryData = {
      articles: [article],
      annotations: [{ ...highlights[0]!, note: '第一行\r# 标题\r- 列表', quote: { ...highlights[0]!.quote, exact: '引文\r> 另一段' } }],
      tombstones: [],
    };
    const markdown = toMarkdown(data, { exported, lang: 'zh' });
    expect(markdown).not.toContain('\r');
    expect(markdown).toContain('\n\\# 标题\n\\- 列表');
    expect(markdown).toContain('> 引文\n> \\> 另一段');
    // A title is one line whatever it holds.
    expect(toMarkdown(withArticle({ title: '标题\r# 注入' }), { exported, lang: 'zh' })).toContain('# 标题 \\# 注入\n');
  });

  it('leaves out the URL line of an article without one, and heads one without a title with "untitled"', () => {
    const bare = withArticle({ url: '', title: '', seenAt: [] }, [SAMPLE_LIBRARY.articles[1]!]);
    const markdown = toMarkdown(bare, { exported, lang: 'en' });
    expect(markdown).not.toContain('<>');
    expect(markdown).not.toMatch(/^- URL: $/m);
    expect(markdown).toContain('\n## (untitled)\n');
    expect(toMarkdown(withArticle({ url: '', title: '' }), { exported, lang: 'zh' })).toContain('\n# （无标题）\n');
  });
});

describe('local addresses stay local', () => {
  const local: LibraryData = withArticle(
    {
      url: 'file:///home/reader/archive/articles/reuters/1040207.md',
      seenAt: ['file:///home/reader/old/reuters/1040207.md', 'file:///home/reader/archive/articles/reuters/1040207.md', 'https://cn.reuters.com/x'],
    },
    [SAMPLE_LIBRARY.articles[1]!],
  );

  it('names an archive copy by its place in the archive', () => {
    expect(archivePathOf('file:///home/reader/archive/articles/reuters/1040207.md')).toBe('articles/reuters/1040207.md');
    expect(archivePathOf('file:///C:/Users/%E5%BC%A0/news/reuters/1040207.md')).toBe('reuters/1040207.md');
    expect(archivePathOf('https://cn.reuters.com/x')).toBeNull();
  });

  it('no export holds a file:/// path', () => {
    const json = webAnnotationJson(local, { exported });
    expect(json).not.toContain('file:');
    expect(JSON.parse(json)['pizhu:articles'].find((a: { id: string }) => a.id === article.id)).toMatchObject({
      url: '',
      seenAt: ['https://cn.reuters.com/x'],
      archivePath: 'articles/reuters/1040207.md',
    });
    for (const lang of ['en', 'zh'] as const) {
      expect(toMarkdown(local, { exported, lang })).not.toContain('file:');
      expect(toReadwiseCsv(local, { lang })).not.toContain('file:');
    }
    expect(toMarkdown(local, { exported, lang: 'en' })).toContain('- Archive copy: articles/reuters/1040207.md');
  });
});
