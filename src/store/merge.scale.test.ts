import { describe, expect, it } from 'vitest';
import { planMerge } from './merge';
import type { AnnotationRecord, ArticleRecord, Tombstone } from '../annotation/records';
import { stableUuid } from '../annotation/ids';

const N = 100_000;
const time = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString();

function annotation(i: number, modified: string): AnnotationRecord {
  return {
    id: stableUuid(`a${i}`),
    articleId: `example.org/article/${i % 1000}`,
    color: 'yellow',
    position: { type: 'TextPositionSelector', start: i % 5000, end: (i % 5000) + 4 },
    quote: { type: 'TextQuoteSelector', exact: '火药味十足', prefix: '', suffix: '' },
    parserVersion: 1,
    note: i % 3 ? '' : `笔记 ${i}`,
    tags: [],
    created: time(i),
    modified,
  };
}

const article = (j: number, seenAt: string[]): ArticleRecord => ({
  id: `example.org/article/${j}`,
  url: `https://example.org/article/${j}`,
  title: `文章 ${j}`,
  source: 'other',
  publishedAt: null,
  seenAt,
  annotatedAt: null,
});

describe('planMerge at scale', () => {
  it(`merges ${N.toLocaleString('en')} annotations into a library of as many (no timing asserted; the time is logged)`, () => {
    // Half the file is already here, a quarter newer there, a quarter new; some deleted here.
    const existing = { articles: [] as ArticleRecord[], annotations: [] as AnnotationRecord[], tombstones: [] as Tombstone[] };
    const incoming = { articles: [] as ArticleRecord[], annotations: [] as AnnotationRecord[], tombstones: [] as Tombstone[] };
    for (let j = 0; j < 1000; j++) {
      existing.articles.push(article(j, [`https://example.org/article/${j}`, `file:///home/r/articles/other/${j}.md`]));
      incoming.articles.push(
        article(
          j,
          Array.from({ length: 20 }, (_, k) => `https://example.org/article/${j}?v=${k}`),
        ),
      );
    }
    for (let i = 0; i < N; i++) {
      if (i % 4 < 2) existing.annotations.push(annotation(i, time(i)));
      incoming.annotations.push(annotation(i, i % 4 === 1 ? time(i + 10) : time(i)));
      if (i % 100 === 99) existing.tombstones.push({ id: stableUuid(`gone${i}`), articleId: `example.org/article/${i % 1000}`, deleted: time(i) });
      // Deleted in the file after it was made there: the deletion is the later version.
      if (i % 100 === 98) incoming.tombstones.push({ id: stableUuid(`a${i}`), articleId: `example.org/article/${i % 1000}`, deleted: time(i + 1) });
    }
    const start = performance.now();
    const plan = planMerge(incoming, existing);
    const ms = performance.now() - start;
    console.log(`planMerge of ${N} annotations into ${existing.annotations.length}: ${ms.toFixed(0)} ms`);
    // i % 4: 0 already here, 1 newer in the file, 2 and 3 new (those with i % 100 === 98 deleted in the file itself).
    expect(plan.report).toMatchObject({ added: N / 2 - N / 100, updated: N / 4, deleted: 0 });
    const reasons = new Map<string, number>();
    for (const s of plan.report.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
    expect(Object.fromEntries(reasons)).toEqual({ 'already-here': N / 4, 'deleted-here': N / 100 });
    expect(plan.articles).toHaveLength(1000);
    // Every address of both, each once; the library's own file address kept.
    expect(plan.articles[0]!.seenAt).toHaveLength(22);
    expect(plan.articles[0]!.seenAt.at(-1)).toMatch(/^file:/);
  }, 120_000);
});
