import { describe, expect, it } from 'vitest';
import type { MergeReport } from '../store/merge';
import { describeImportResult } from './report';

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
