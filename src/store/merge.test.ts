import { describe, expect, it } from 'vitest';
import { describeRange } from '../anchor/selectors';
import { planMerge } from './merge';
import type { LibraryData } from '../annotation/library-data';
import type { AnnotationRecord, ArticleRecord } from '../annotation/records';

const TEXT = '标题\n第一段正文，很长的一段。\n第二段正文。';
const ARTICLE: ArticleRecord = {
  id: 'cn.reuters.com/article/x',
  url: 'https://cn.reuters.com/article/x',
  title: '标题',
  source: 'reuters',
  publishedAt: null,
  seenAt: ['https://cn.reuters.com/article/x'],
  annotatedAt: '2026-01-01T00:00:00.000Z',
};
const EMPTY: LibraryData = { articles: [], annotations: [], tombstones: [] };

function annotation(id: string, modified: string, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return { id, articleId: ARTICLE.id, color: 'yellow', ...describeRange(TEXT, 3, 6), parserVersion: 1, note: '', tags: [], created: '2026-01-01T00:00:00.000Z', modified, ...extra };
}
const JAN = '2026-01-01T00:00:00.000Z';
const FEB = '2026-02-01T00:00:00.000Z';
const MAR = '2026-03-01T00:00:00.000Z';

describe('planMerge', () => {
  it('adds everything to an empty library', () => {
    const incoming = { articles: [ARTICLE], annotations: [annotation('a1', JAN)], tombstones: [{ id: 'gone', articleId: ARTICLE.id, deleted: JAN }] };
    const plan = planMerge(incoming, EMPTY);
    expect(plan).toEqual({
      articles: [ARTICLE],
      annotations: incoming.annotations,
      tombstones: incoming.tombstones,
      deletions: [],
      revived: [],
      report: { added: 1, updated: 0, deleted: 0, skipped: [] },
    });
  });

  it('keeps the later modification of each annotation; an equal one is already here', () => {
    const existing = { articles: [ARTICLE], annotations: [annotation('same', JAN), annotation('older-there', FEB), annotation('newer-there', JAN, { note: '旧' })], tombstones: [] };
    const newer = annotation('newer-there', FEB, { note: '新' });
    const plan = planMerge({ articles: [], annotations: [annotation('same', JAN), annotation('older-there', JAN), newer], tombstones: [] }, existing);
    expect(plan.annotations).toEqual([newer]);
    expect(plan.report).toEqual({
      added: 0,
      updated: 1,
      deleted: 0,
      skipped: [
        { id: 'same', reason: 'already-here' },
        { id: 'older-there', reason: 'newer-here' },
      ],
    });
    expect(plan.articles).toEqual([{ ...ARTICLE, annotatedAt: FEB }]);
  });

  it('compares times as instants, whatever their zone', () => {
    const existing = { articles: [], annotations: [annotation('a', '2026-01-01T08:00:00+08:00')], tombstones: [] };
    expect(planMerge({ ...EMPTY, annotations: [annotation('a', JAN)] }, existing).report.skipped).toEqual([{ id: 'a', reason: 'already-here' }]);
  });

  it('keeps deleted what was deleted here, unless the file changed it afterwards', () => {
    const existing = { articles: [ARTICLE], annotations: [], tombstones: [{ id: 'gone', articleId: ARTICLE.id, deleted: FEB }] };
    for (const older of [JAN, FEB]) {
      const plan = planMerge({ ...EMPTY, annotations: [annotation('gone', older)] }, existing);
      expect(plan.annotations).toEqual([]);
      expect(plan.revived).toEqual([]);
      expect(plan.report.skipped).toEqual([{ id: 'gone', reason: 'deleted-here', detail: FEB }]);
    }
    // A note typed after the deletion is not lost: the later version wins, here as in a sync.
    const later = planMerge({ ...EMPTY, annotations: [annotation('gone', MAR)] }, existing);
    expect(later.annotations.map((a) => a.id)).toEqual(['gone']);
    expect(later.revived).toEqual(['gone']);
    expect(later.report).toMatchObject({ added: 1, skipped: [] });
  });

  it('deletes what the file deleted, unless it was changed here afterwards', () => {
    const existing = { articles: [ARTICLE], annotations: [annotation('old', JAN), annotation('changed', MAR)], tombstones: [] };
    const incoming = {
      ...EMPTY,
      tombstones: [
        { id: 'old', articleId: ARTICLE.id, deleted: FEB },
        { id: 'changed', articleId: ARTICLE.id, deleted: FEB },
        { id: 'elsewhere', articleId: ARTICLE.id, deleted: FEB },
      ],
    };
    const plan = planMerge(incoming, existing);
    expect(plan.deletions).toEqual(['old']);
    expect(plan.tombstones.map((t) => t.id)).toEqual(['old', 'elsewhere']);
    expect(plan.report).toEqual({ added: 0, updated: 0, deleted: 1, skipped: [{ id: 'changed', reason: 'changed-after-delete', detail: MAR }] });
    expect(plan.articles).toEqual([{ ...ARTICLE, annotatedAt: FEB }]);
  });

  it("merges articles: every address (the library's last, where its reader last read), and the facts of the side annotated last", () => {
    const there = { ...ARTICLE, title: '新标题', seenAt: ['file:///a.md', ARTICLE.url], annotatedAt: FEB };
    const plan = planMerge({ ...EMPTY, articles: [there] }, { ...EMPTY, articles: [ARTICLE] });
    expect(plan.articles).toEqual([{ ...ARTICLE, title: '新标题', seenAt: ['file:///a.md', ARTICLE.url], annotatedAt: FEB }]);
    expect(planMerge({ ...EMPTY, articles: [{ ...there, annotatedAt: null }] }, { ...EMPTY, articles: [ARTICLE] }).articles).toEqual([{ ...ARTICLE, seenAt: ['file:///a.md', ARTICLE.url] }]);
  });
});

describe('planMerge: deletions, articles and addresses', () => {
  it('lets no guessed article of a foreign file overwrite the library’s own', () => {
    const guessed = { ...ARTICLE, title: ARTICLE.url, annotatedAt: null };
    const plan = planMerge({ articles: [guessed], annotations: [annotation('new', MAR)], tombstones: [] }, { ...EMPTY, articles: [ARTICLE] });
    expect(plan.articles).toEqual([{ ...ARTICLE, annotatedAt: MAR }]);
  });

  it('makes no article for a file whose highlights of it were all skipped', () => {
    const existing = { ...EMPTY, tombstones: [{ id: 'gone', articleId: ARTICLE.id, deleted: FEB }] };
    expect(planMerge({ articles: [{ ...ARTICLE, annotatedAt: null }], annotations: [annotation('gone', JAN)], tombstones: [] }, existing).articles).toEqual([]);
  });

  it('changes nothing the second time', () => {
    const incoming = { articles: [ARTICLE], annotations: [annotation('a1', JAN), annotation('a2', FEB)], tombstones: [{ id: 'gone', articleId: ARTICLE.id, deleted: JAN }] };
    const first = planMerge(incoming, EMPTY);
    const after = { articles: first.articles, annotations: first.annotations, tombstones: first.tombstones };
    const second = planMerge(incoming, after);
    expect(second).toEqual({
      articles: [],
      annotations: [],
      tombstones: [],
      deletions: [],
      revived: [],
      report: {
        added: 0,
        updated: 0,
        deleted: 0,
        skipped: [
          { id: 'a1', reason: 'already-here' },
          { id: 'a2', reason: 'already-here' },
        ],
      },
    });
  });

  it('passes on what parsing skipped, first', () => {
    expect(planMerge(EMPTY, EMPTY, [{ id: 'x', reason: 'reply' }]).report.skipped).toEqual([{ id: 'x', reason: 'reply' }]);
  });

  it("never moves a highlight to another article, nor deletes another article's", () => {
    const here = annotation('shared', JAN);
    const existing = { articles: [ARTICLE], annotations: [here], tombstones: [] };
    const moved = planMerge({ ...EMPTY, annotations: [annotation('shared', MAR, { articleId: 'bbc.com/other' })] }, existing);
    expect(moved.annotations).toEqual([]);
    expect(moved.report.skipped).toEqual([{ id: 'shared', reason: 'other-article', detail: ARTICLE.id }]);
    const deleted = planMerge({ ...EMPTY, tombstones: [{ id: 'shared', articleId: 'bbc.com/other', deleted: MAR }] }, existing);
    expect(deleted).toMatchObject({ deletions: [], tombstones: [], report: { deleted: 0, skipped: [{ id: 'shared', reason: 'other-article' }] } });
  });

  it('merges addresses in linear time, each once, the oldest dropped past the limit', () => {
    const many = Array.from({ length: 60_000 }, (_, i) => `https://x/${i}`);
    const there = { ...ARTICLE, seenAt: [...many, many[0]!] };
    const here = { ...ARTICLE, seenAt: ['file:///a.md', ...many.slice(0, 30_000)] };
    const [merged] = planMerge({ ...EMPTY, articles: [there] }, { ...EMPTY, articles: [here] }).articles;
    expect(merged!.seenAt).toHaveLength(10_000);
    expect(new Set(merged!.seenAt).size).toBe(10_000);
    // The library's own addresses stay last: the last is where this reader last read it.
    expect(merged!.seenAt.at(-1)).toBe(many[29_999]);
  });
});
