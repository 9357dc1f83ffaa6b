import { describe, expect, it } from 'vitest';
import { articleToDoc, readDoc } from './doc';
import { articleCovers, articleForDoc } from './resolve';

const HERE = {
  id: 'cn.reuters.com/article/x',
  url: 'https://cn.reuters.com/article/x',
  title: '标题',
  source: 'reuters' as const,
  publishedAt: null,
  seenAt: ['https://cn.reuters.com/article/x', 'file:///home/lin/news/articles/reuters/1040207.md'],
  annotatedAt: '2026-01-01T00:00:00.000Z',
};

describe('an article document', () => {
  it("never carries an address on the reader's disk: the archive copy goes by its place in the archive", () => {
    const doc = articleToDoc(HERE);
    expect(JSON.stringify(doc)).not.toContain('file:');
    expect(JSON.stringify(doc)).not.toContain('/home/lin');
    const read = readDoc(doc);
    expect(read).toMatchObject({ kind: 'article', article: { seenAt: ['https://cn.reuters.com/article/x'], archivePath: 'articles/reuters/1040207.md' } });
  });

  it('counts as holding a local record once everything but the local addresses is there', () => {
    expect(articleCovers(articleForDoc(HERE), HERE)).toBe(true);
    expect(articleCovers(articleForDoc({ ...HERE, title: '旧标题', annotatedAt: '2025-01-01T00:00:00.000Z' }), HERE)).toBe(false);
  });
});
