import { describe, expect, it, vi } from 'vitest';
import { handleMessage, type BackgroundPorts } from './background';

const ports = (): BackgroundPorts & { calls: string[] } => {
  const calls: string[] = [];
  return {
    calls,
    injectReader: vi.fn(async (tab, frame) => void calls.push(`inject ${tab}/${frame}`)),
    markTab: vi.fn(async (tab, title) => void calls.push(`mark ${tab} ${title}`)),
  };
};
const summary = { id: 'cn.reuters.com/a', url: 'https://cn.reuters.com/a', title: '标题', source: 'reuters', publishedAt: null, blockCount: 3, origin: 'page' };

describe('handleMessage', () => {
  it('injects the reader into the frame of a file:// page that found an archive header', async () => {
    const p = ports();
    expect(await handleMessage({ type: 'archive-detected' }, { tabId: 4, frameId: 2, url: 'file:///tmp/a.md' }, p)).toEqual({ ok: true });
    expect(p.calls).toEqual(['inject 4/2']);
  });
  it('refuses to inject into web pages', async () => {
    const p = ports();
    expect(await handleMessage({ type: 'archive-detected' }, { tabId: 4, url: 'https://evil.example/' }, p)).toMatchObject({ ok: false });
    expect(p.calls).toEqual([]);
  });
  it('marks a tab whose page reported its article', async () => {
    const p = ports();
    expect(await handleMessage({ type: 'article-seen', article: summary }, { tabId: 9, url: 'https://cn.reuters.com/a' }, p)).toEqual({ ok: true });
    expect(p.calls).toEqual(['mark 9 标题']);
  });
  it('refuses malformed messages and messages from outside tabs', async () => {
    const p = ports();
    expect(await handleMessage({ type: 'article-seen', article: { ...summary, blockCount: 'x' } }, { tabId: 1 }, p)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'archive-detected' }, { url: 'file:///a.md' }, p)).toMatchObject({ ok: false });
    expect(p.calls).toEqual([]);
  });
});
