import { describe, expect, it } from 'vitest';
import { parseMessage, parseReply, summarize } from './protocol';
import { parseArchive } from '../parse/parse-archive';

const summary = summarize(parseArchive('<!--1616481063000-->\n[标题](https://cn.reuters.com/article/x)\n------\n\n<p>正文</p>'));

describe('parseMessage', () => {
  it('accepts each message exactly', () => {
    expect(parseMessage({ type: 'archive-detected' })).toEqual({ type: 'archive-detected' });
    expect(parseMessage({ type: 'get-article' })).toEqual({ type: 'get-article' });
    expect(parseMessage({ type: 'article-seen', article: summary })).toEqual({ type: 'article-seen', article: summary });
  });
  it('refuses unknown types, extra fields and malformed summaries', () => {
    for (const bad of [
      null,
      'archive-detected',
      [],
      {},
      { type: 'nope' },
      { type: 'archive-detected', tabId: 3 },
      { type: 'article-seen' },
      { type: 'article-seen', article: { ...summary, id: '' } },
      { type: 'article-seen', article: { ...summary, source: 'evil' } },
      { type: 'article-seen', article: { ...summary, blockCount: -1 } },
      { type: 'article-seen', article: { ...summary, publishedAt: 'yesterday' } },
      { type: 'article-seen', article: { ...summary, title: 'x'.repeat(5000) } },
    ]) {
      expect(parseMessage(bad)).toBeNull();
    }
  });
  it('keeps only the known fields of a summary', () => {
    const parsed = parseMessage({ type: 'article-seen', article: { ...summary, html: '<script>' } });
    expect(parsed && 'article' in parsed ? Object.keys(parsed.article).sort() : []).toEqual(Object.keys(summary).sort());
  });
});

describe('parseReply', () => {
  it('accepts answers with or without an article, and errors', () => {
    expect(parseReply({ ok: true, article: summary })).toEqual({ ok: true, article: summary });
    expect(parseReply({ ok: true, article: null })).toEqual({ ok: true, article: null });
    expect(parseReply({ ok: false, error: 'x' })).toEqual({ ok: false, error: 'x' });
    expect(parseReply({ ok: true, article: { id: 1 } })).toBeNull();
    expect(parseReply(undefined)).toBeNull();
  });
});
