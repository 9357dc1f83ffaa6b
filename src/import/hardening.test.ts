import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { EXPORTED, SAMPLE_LIBRARY } from '../../test/fixtures/export/web-annotation.library';
import { toWebAnnotationCollection, webAnnotationJson } from '../export/web-annotation';
import { planMerge } from '../store/merge';
import { SKIP_REASONS } from '../store/merge';
import { parseImport } from './parse-import';
import { describeImportResult } from './report';
import { ArticleRecordSchema, LIMITS } from '../annotation/records';
import en from '../../_locales/en/messages.json';
import zh from '../../_locales/zh_CN/messages.json';

const NOW = new Date('2026-04-01T00:00:00.000Z');
const parse = (value: unknown) => {
  const result = parseImport(JSON.stringify(value), { now: NOW });
  if (!result.ok) throw new Error(result.error);
  return result;
};
const quoteOn = (source: string, extra: Record<string, unknown> = {}) => ({ type: 'Annotation', target: { source, selector: { type: 'TextQuoteSelector', exact: '词' } }, ...extra });
const exported = () => toWebAnnotationCollection(SAMPLE_LIBRARY, { exported: EXPORTED }) as any;

describe('import hardening: every record passes the library schemas', () => {
  it("cuts another tool's long title to the limit, and a second export of the library imports again", () => {
    const longTitle = '长'.repeat(5000);
    const hypothesis = {
      annotations: [
        { id: 'a1', uri: 'https://example.org/x', target: [{ source: 'https://example.org/x', selector: [{ type: 'TextQuoteSelector', exact: '词' }] }], document: { title: [longTitle] } },
      ],
    };
    const result = parse(hypothesis);
    expect(result.data.articles[0]!.title).toHaveLength(LIMITS.title);
    expect(v.safeParse(ArticleRecordSchema, result.data.articles[0]).success).toBe(true);
    expect(parseImport(webAnnotationJson(result.data, { exported: NOW })).ok).toBe(true);
  });

  it('skips an annotation on an address longer than the library keeps, and keeps each address of an article once', () => {
    const long = `https://example.org/${'a'.repeat(LIMITS.address)}`;
    const result = parse([
      quoteOn(long),
      quoteOn('https://example.org/x?a=1', { id: 'one' }),
      quoteOn('https://example.org/x?a=1', { id: 'two' }),
      quoteOn('https://example.org/x?b=2', { id: 'three' }),
    ]);
    expect(result.skipped.map((s) => s.reason)).toEqual(['too-long']);
    expect(result.data.articles).toMatchObject([{ id: 'example.org/x', seenAt: ['https://example.org/x?a=1', 'https://example.org/x?b=2'] }]);
  });

  it('skips, not refuses, an annotation dated more than a day ahead; a deletion too; an article forgets such a time', () => {
    const file = exported();
    file.first.items[0].modified = '9999-12-31T00:00:00.000Z';
    file['pizhu:tombstones'][0].deleted = '9999-01-01T00:00:00.000Z';
    file['pizhu:articles'][0].annotatedAt = '9999-01-01T00:00:00.000Z';
    const result = parse(file);
    expect(result.skipped).toEqual([
      { id: file['pizhu:tombstones'][0].id, reason: 'future-time', detail: '9999-01-01T00:00:00.000Z' },
      { id: file.first.items[0].id, reason: 'future-time', detail: '9999-12-31T00:00:00.000Z', what: '“国家统计局”' },
    ]);
    expect(result.data.annotations).toHaveLength(SAMPLE_LIBRARY.annotations.length - 1);
    expect(result.data.tombstones).toEqual([]);
    expect(result.data.articles.find((a) => a.id === file['pizhu:articles'][0].id)!.annotatedAt).toBeNull();
    // Within a day ahead is a clock out of step, not a forgery.
    expect(parse([quoteOn('https://a.example/1', { modified: '2026-04-01T20:00:00Z' })]).skipped).toEqual([]);
  });

  it('an upper-case urn:uuid: of a deleted highlight is the same highlight: it stays deleted, no twin', () => {
    const [first] = SAMPLE_LIBRARY.annotations;
    const library = { articles: SAMPLE_LIBRARY.articles, annotations: [], tombstones: [{ id: first!.id, articleId: first!.articleId, deleted: '2026-03-31T00:00:00.000Z' }] };
    const file = exported();
    const item = file.first.items.find((a: any) => a.id === `urn:uuid:${first!.id}`);
    item.id = item.id.replace(/^urn:uuid:/, 'URN:UUID:').toUpperCase();
    // Changed before it was deleted here: the deletion is the later version.
    item.modified = '2026-03-30T12:00:00.000Z';
    const result = parse(file);
    expect(result.data.annotations.filter((a) => a.id === first!.id)).toHaveLength(1);
    const plan = planMerge(result.data, library, result.skipped);
    expect(plan.annotations.map((a) => a.id)).not.toContain(first!.id);
    expect(plan.report.skipped).toContainEqual({ id: first!.id, reason: 'deleted-here', detail: '2026-03-31T00:00:00.000Z' });
  });

  it('gives an annotation whose article the file does not list an article record made from its target', () => {
    const file = exported();
    const orphan = file['pizhu:articles'].shift();
    const result = parse(file);
    const made = result.data.articles.find((a) => a.id === orphan.id)!;
    expect(made).toEqual({ id: orphan.id, url: orphan.url, title: orphan.url, source: orphan.source, publishedAt: null, seenAt: [orphan.url], annotatedAt: null });
    const plan = planMerge(result.data, { articles: [], annotations: [], tombstones: [] });
    expect(plan.articles.map((a) => a.id)).toContain(orphan.id);
  });

  it('numbers an id-less annotation by its place in the file (1-based, once)', () => {
    const pageNote = { type: 'Annotation', bodyValue: '整页的笔记', target: 'https://a.example/1' };
    const result = parse([quoteOn('https://a.example/1'), pageNote]);
    expect(result.skipped).toEqual([{ id: '#2', reason: 'page-note', what: '整页的笔记' }]);
  });

  it('skips an empty quote in any file, and reads a Hypothesis reply as a reply', () => {
    const rows = [
      { id: 'h1', uri: 'https://a.example/1', user: 'acct:a', target: [{ source: 'https://a.example/1', selector: [{ type: 'TextQuoteSelector', exact: '' }] }] },
      { id: 'h2', uri: 'https://a.example/1', user: 'acct:a', references: ['h1'], text: '回复', target: [{ source: 'https://a.example/1' }] },
      {
        id: 'h3',
        uri: 'https://a.example/1',
        user: 'acct:a',
        text: '笔记',
        tags: ['标签'],
        updated: '2026-01-02T00:00:00.000000+00:00',
        created: '2026-01-01T00:00:00.000000+00:00',
        target: [{ source: 'https://a.example/1', selector: [{ type: 'TextQuoteSelector', exact: '词' }] }],
      },
    ];
    const result = parse(rows);
    expect(result.skipped).toEqual([
      { id: 'h1', reason: 'no-quote', what: 'https://a.example/1' },
      { id: 'h2', reason: 'reply', what: '回复' },
    ]);
    expect(result.data.annotations).toMatchObject([{ note: '笔记', tags: ['标签'], created: '2026-01-01T00:00:00.000Z', modified: '2026-01-02T00:00:00.000Z' }]);
    expect(parse({ total: 3, rows }).data).toEqual(result.data);
  });
});

describe('import report labels', () => {
  it('has every reason, counted and alone, in every locale', () => {
    for (const messages of [en, zh] as Record<string, { message: string }>[]) {
      for (const reason of SKIP_REASONS) {
        for (const form of ['one', 'other']) {
          const key = reason.replace(/-/g, '_');
          expect(messages[`importSkip_${key}_${form}`]?.message, `importSkip_${key}_${form}`).toBeTruthy();
          expect(messages[`importSkipWhy_${key}_${form}`]?.message, `importSkipWhy_${key}_${form}`).toBeTruthy();
        }
      }
    }
  });

  it('counts in each language: English singular and plural, Chinese one form', () => {
    const report = {
      added: 1,
      updated: 0,
      deleted: 0,
      skipped: [
        { id: 'a', reason: 'image-region' as const },
        { id: 'b', reason: 'image-region' as const },
        { id: 'c', reason: 'no-quote' as const },
      ],
    };
    expect(describeImportResult(report, 'en')).toBe('1 added, 0 updated, 3 skipped (2 image regions, 1 without a quote)');
    expect(describeImportResult(report, 'zh')).toBe('新增 1 条，更新 0 条，跳过 3 条（是图片区域 2 条，没有引文 1 条）');
    expect(describeImportResult({ ...report, skipped: [report.skipped[0]!] }, 'en')).toBe('1 added, 0 updated, 1 skipped: an image region');
  });
});
