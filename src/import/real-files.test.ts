// Every file of ../shared/import-real/cases (other tools' real annotation files): what it imports,
// what it skips and why; a refused file says what it holds. No highlight is lost without a reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../../test/shared-data';
import { ArticleRecordSchema, AnnotationRecordSchema } from '../annotation/records';
import { parseImport } from './parse-import';
import { describeNothingToImport } from './report';

const CASES = join(SHARED_DIR, 'import-real/cases');
const NOW = new Date('2026-04-01T00:00:00.000Z');
const read = (name: string) => parseImport(readFileSync(join(CASES, name), 'utf8'), { now: NOW });

function counts(skipped: { reason: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { reason } of skipped) out[reason] = (out[reason] ?? 0) + 1;
  return out;
}

function imported(name: string) {
  const result = read(name);
  if (!result.ok) throw new Error(result.error);
  for (const record of result.data.annotations) expect(v.safeParse(AnnotationRecordSchema, record).success).toBe(true);
  for (const article of result.data.articles) expect(v.safeParse(ArticleRecordSchema, article).success).toBe(true);
  // Every highlight has its article, listed once.
  const articles = new Set(result.data.articles.map((a) => a.id));
  expect(articles.size).toBe(result.data.articles.length);
  for (const record of result.data.annotations) expect(articles.has(record.articleId)).toBe(true);
  return { ...result.data, skipped: counts(result.skipped), unnamed: result.skipped.filter((s) => !s.what).length };
}

function refused(name: string) {
  const result = read(name);
  if (result.ok) throw new Error(`${name} was imported`);
  return { error: result.error, zh: result.nothing && describeNothingToImport(result.nothing.total, result.nothing.skipped, 'zh') };
}

describe('real annotation files from other tools', () => {
  it('Hypothesis API search response ({total, rows}): 5 highlights with their notes', () => {
    const result = imported('hypothesis-api-search-wikipedia.json');
    expect(result.annotations.map((a) => a.note).sort()).toEqual(['Body', 'Footer', 'Heading', 'Introduction', 'Quote'].sort());
    expect(result.skipped).toEqual({});
    expect(result.articles).toMatchObject([{ id: 'en.wikipedia.org/wiki/Regression_testing', title: 'Regression testing - Wikipedia', url: 'https://en.wikipedia.org/wiki/Regression_testing' }]);
    // Hypothesis's microseconds and "+00:00" become the store's UTC form.
    expect(result.annotations.every((a) => /^2016-12-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(a.modified))).toBe(true);
  });

  it("Hypothesis client's export ({export_date, annotations}): the same 5 highlights", () => {
    const result = imported('hypothesis-client-export-wikipedia.json');
    const api = imported('hypothesis-api-search-wikipedia.json');
    expect(result.annotations).toEqual(api.annotations);
  });

  it('Hypothesis API rows saved as a bare list: 86 highlights (30 on PDFs at web addresses), notes, tags and edit times; 30 skipped with reasons', () => {
    const result = imported('hypothesis-api-rows-netrights.json');
    expect(result.annotations).toHaveLength(86);
    expect(result.annotations.filter((a) => a.note)).toHaveLength(15);
    expect(result.annotations.filter((a) => a.tags.length)).toHaveLength(83);
    expect(result.annotations.some((a) => a.modified !== a.created)).toBe(true);
    expect(result.skipped).toEqual({ 'page-note': 24, reply: 5, 'no-quote': 1 });
    // Each one left out is named for the reader by its note or its page (none has a quote).
    expect(result.unnamed).toBe(0);
    expect(result.articles).toHaveLength(35);
    const spearphishing = result.annotations.find((a) => a.quote.exact === 'spearphishing')!;
    expect(spearphishing).toMatchObject({ tags: ['+glossary'], articleId: 'boingboing.net/2017/06/05/nyet.html', position: { start: 4468, end: 4481 } });
  });

  it("Hypothesis's W3C JSON-LD: 1 highlight with its Markdown note and tag; a quote refined inside an XPath is not its position", () => {
    const result = imported('hypothesis-jsonld-udell-2017.json');
    expect(result.annotations).toHaveLength(1);
    expect(result.annotations[0]).toMatchObject({
      quote: { exact: ' components, connectors, and data ' },
      position: { start: 4023, end: 4055 },
      note: 'components: web resources\n\nconnectors: links\n\ndata: data',
      tags: ['IAnnotate2017'],
      created: '2017-04-18T22:48:46.756Z',
      modified: '2017-04-18T23:03:54.502Z',
    });
  });

  it('the W3C examples: anno23 (a quote) and anno29 (a quote refining a fragment) import; anno1 (a page note) is refused, saying so', () => {
    expect(imported('w3c-spec-anno23.json').annotations.map((a) => a.quote.exact)).toEqual(['anotation']);
    expect(imported('w3c-spec-anno29.json').annotations.map((a) => a.quote)).toEqual([{ type: 'TextQuoteSelector', exact: 'Selected Text', prefix: 'text before the ', suffix: ' and text after it' }]);
    expect(refused('w3c-spec-anno1.json')).toEqual({ error: '1 annotation, not a text highlight: 1 page note', zh: '1 条标注，没有一条是文字高亮：是页面笔记 1 条' });
  });

  it("the W3C examples' collection of 43: anno23 and anno29 import, the other 41 are skipped, each with its reason", () => {
    const result = imported('w3c-spec-collection1.json');
    expect(result.annotations.map((a) => a.quote.exact).sort()).toEqual(['Selected Text', 'anotation']);
    expect(result.skipped).toEqual({ 'page-note': 25, 'no-quote': 7, 'image-region': 4, 'multiple-targets': 3, 'not-text': 2 });
  });

  it('rehype-annotate: 10 quoted highlights with their notes; a Rebus Ink note imported beside a CSS-only one skipped', () => {
    const quotes = imported('rehype-annotate-text-quote.annotations.json');
    expect(quotes.annotations).toHaveLength(10);
    expect(quotes.annotations.every((a) => a.note)).toBe(true);
    const poetry = imported('rehype-annotate-poetry-linebreaks.annotations.json');
    expect(poetry.annotations.map((a) => a.quote.exact.split('\n')[0])).toEqual(['Notre barque glisse sur l’onde']);
    expect(poetry.skipped).toEqual({ 'no-quote': 1 });
  });

  it('refuses files with no highlight of words on a web page, naming what they hold', () => {
    expect(refused('rehype-annotate-text-position.annotations.json')).toEqual({ error: '5 annotations, none a text highlight: 5 without a quote', zh: '5 条标注，没有一条是文字高亮：没有引文 5 条' });
    expect(refused('recogito-annotations.w3c.json').error).toBe('4 annotations, none a text highlight: 3 without a page address, 1 page note');
    expect(refused('annotorious-test-annotations.w3c.json').error).toBe('6 annotations, none a text highlight: 6 image regions');
    expect(refused('zotero-reader-snapshot-annotations.json')).toEqual({ error: 'this is not an annotation file', zh: '这不是标注文件' });
  });
});
