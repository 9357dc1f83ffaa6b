import { describe, expect, it } from 'vitest';
import { SAMPLE_LIBRARY } from '../../test/fixtures/export/sample-library';
import type { MergeReport, Skipped } from '../store/merge';
import { describeImportResult, LISTED_SKIPS, listSkipped } from './report';

const report = (fields: Partial<MergeReport>): MergeReport => ({ added: 0, updated: 0, deleted: 0, skipped: [], ...fields });

describe('describeImportResult', () => {
  it('says what an import did, in English', () => {
    expect(describeImportResult(report({ added: 12, updated: 3, skipped: [{ id: 'a', reason: 'deleted-here' }] }), 'en')).toBe('12 added, 3 updated, 1 skipped: deleted in this library');
    expect(
      describeImportResult(
        report({
          skipped: [
            { id: 'a', reason: 'already-here' },
            { id: 'b', reason: 'already-here' },
          ],
        }),
        'en',
      ),
    ).toBe('0 added, 0 updated, 2 skipped: already here');
    expect(
      describeImportResult(
        report({
          added: 1,
          deleted: 2,
          skipped: [
            { id: 'a', reason: 'reply' },
            { id: 'b', reason: 'page-note' },
            { id: 'c', reason: 'page-note' },
          ],
        }),
        'en',
      ),
    ).toBe('1 added, 0 updated, 2 deleted, 3 skipped (2 page notes, 1 reply)');
    expect(describeImportResult(report({ skipped: [{ id: 'a', reason: 'reply' }] }), 'en')).toBe('0 added, 0 updated, 1 skipped: a reply');
  });

  it('and in Chinese', () => {
    expect(describeImportResult(report({ added: 12, updated: 3, skipped: [{ id: 'a', reason: 'deleted-here' }] }), 'zh')).toBe('新增 12 条，更新 3 条，跳过 1 条：已在本库删除');
    expect(
      describeImportResult(
        report({
          added: 1,
          deleted: 2,
          skipped: [
            { id: 'a', reason: 'already-here' },
            { id: 'b', reason: 'reply' },
          ],
        }),
        'zh',
      ),
    ).toBe('新增 1 条，更新 0 条，删除 2 条，跳过 2 条（本库已有 1 条，是回复 1 条）');
  });
});

describe('listSkipped', () => {
  const record = (id: string, exact: string) => ({ ...SAMPLE_LIBRARY.annotations[0]!, id, quote: { ...SAMPLE_LIBRARY.annotations[0]!.quote, exact } });

  it("names each left-out annotation by its own words, else by the file's quote of it, else by its id, those already here last", () => {
    const skipped: Skipped[] = [
      { id: 'a', reason: 'already-here' },
      { id: 'b', reason: 'reply', what: '同意这一点' },
      { id: 'c', reason: 'newer-here' },
      { id: 'urn:uuid:d', reason: 'future-time' },
    ];
    const imported = [record('a', '中俄关系'), record('c', '  拉夫罗夫\n表示  ')];
    expect(listSkipped(skipped, imported, 'en')).toEqual({
      lines: [
        { what: '同意这一点', why: 'a reply' },
        { what: '“拉夫罗夫 表示”', why: 'newer here' },
        { what: 'urn:uuid:d', why: 'dated in the future' },
        { what: '“中俄关系”', why: 'already here' },
      ],
      more: 0,
    });
    expect(listSkipped(skipped.slice(1, 2), [], 'zh').lines).toEqual([{ what: '同意这一点', why: '是回复' }]);
  });

  it(`lists the first ${LISTED_SKIPS} and counts the rest`, () => {
    const skipped: Skipped[] = Array.from({ length: LISTED_SKIPS + 5 }, (_, i) => ({ id: `#${i + 1}`, reason: 'page-note' }));
    const { lines, more } = listSkipped(skipped, [], 'en');
    expect(lines).toHaveLength(LISTED_SKIPS);
    expect(lines.at(-1)!.what).toBe(`#${LISTED_SKIPS}`);
    expect(more).toBe(5);
  });
});
