import { describe, expect, it, vi } from 'vitest';
import { folderOfPattern, ReaderFolders, readerFolderPattern, type ReaderFolderRegistry } from './reader-folders';

describe('readerFolderPattern', () => {
  it('names the files beside this one with its extension', () => {
    expect(readerFolderPattern('file:///home/u/news/reuters/1040207.md')).toBe('file:///home/u/news/reuters/*.md');
    expect(readerFolderPattern('file:///home/u/news/1040207.txt')).toBe('file:///home/u/news/*.txt');
    expect(readerFolderPattern('file:///Volumes/USB/news/1040207.md')).toBe('file:///Volumes/USB/news/*.md');
    expect(readerFolderPattern('file:///C:/Users/u/news/1040207.md')).toBe('file:///C:/Users/u/news/*.md');
  });

  it('keeps the address as the browser writes it: spaces and Chinese names percent-encoded, no query or fragment', () => {
    expect(readerFolderPattern('file:///home/u/新闻 存档/1040207.md#p3')).toBe('file:///home/u/%E6%96%B0%E9%97%BB%20%E5%AD%98%E6%A1%A3/*.md');
    expect(readerFolderPattern('file:///home/u/news/1040207.md?x=1')).toBe('file:///home/u/news/*.md');
  });

  it('keeps nothing that is no local file, has no extension, is near the top of a disk, or has a * the pattern would widen', () => {
    for (const address of [
      'https://cn.reuters.com/article/x.md',
      'file://server/share/news/1040207.md',
      'file://///server/share/news/1040207.md',
      'file:///home/u/news/README',
      'file:///1040207.md',
      'file:///C:/1040207.md',
      'file:///home/u/1040207.md',
      'file:///tmp/x/1040207.md',
      'file:///C:/Users/u/1040207.md',
      'file:///home/u/*/1040207.md',
      'not an address',
    ])
      expect(readerFolderPattern(address), address).toBeNull();
  });
});

describe('folderOfPattern', () => {
  it('names a kept folder as its reader would write it', () => {
    for (const folder of ['/home/u/新闻 存档/', '/home/u/news/reuters/', 'C:/Users/u/news/'])
      expect(folderOfPattern(readerFolderPattern(`file:///${folder.replace(/^\//, '')}1040207.md`)!)).toBe(folder);
    expect(folderOfPattern('file:///home/u/%E0%A4/*.md')).toBe('/home/u/%E0%A4/');
  });
});

/** A registry like the browser's: the patterns it holds, and every write it was asked for. */
function registry(initial: string[] = []): ReaderFolderRegistry & { writes: string[][]; failNext?: boolean } {
  let held = [...initial];
  const r = {
    writes: [] as string[][],
    failNext: false,
    patterns: async () => [...held],
    setPatterns: async (patterns: string[]) => {
      if (r.failNext) {
        r.failNext = false;
        throw new Error('Invalid url pattern');
      }
      r.writes.push(patterns);
      held = [...patterns];
    },
  };
  return r;
}

describe('ReaderFolders', () => {
  it('keeps a new folder once, newest last, and writes nothing for a folder it holds', async () => {
    const r = registry(['file:///d/e/a/*.md']);
    const folders = new ReaderFolders(r);
    await folders.remember('file:///d/e/b/1.md');
    await folders.remember('file:///d/e/b/2.md');
    await folders.remember('file:///d/e/a/3.md');
    expect(r.writes).toEqual([['file:///d/e/a/*.md', 'file:///d/e/b/*.md']]);
  });

  it('keeps every folder of detections made at once', async () => {
    const r = registry();
    const folders = new ReaderFolders(r);
    await Promise.all(['file:///d/e/a/1.md', 'file:///d/e/b/1.md', 'file:///d/e/c/1.md', 'file:///d/e/a/2.md'].map((u) => folders.remember(u)));
    expect(await r.patterns()).toEqual(['file:///d/e/a/*.md', 'file:///d/e/b/*.md', 'file:///d/e/c/*.md']);
  });

  it('lets the oldest folder go beyond its limit', async () => {
    const r = registry();
    const folders = new ReaderFolders(r, 2);
    for (const u of ['file:///d/e/a/1.md', 'file:///d/e/b/1.md', 'file:///d/e/c/1.md']) await folders.remember(u);
    expect(await r.patterns()).toEqual(['file:///d/e/b/*.md', 'file:///d/e/c/*.md']);
  });

  it('leaves a folder to the detector when the browser refuses it, says so, and keeps the next one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const r = registry();
    r.failNext = true;
    const folders = new ReaderFolders(r);
    await expect(folders.remember('file:///d/e/a/1.md')).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('detector'), expect.any(Error));
    await folders.remember('file:///d/e/b/1.md');
    expect(await r.patterns()).toEqual(['file:///d/e/b/*.md']);
    warn.mockRestore();
  });
});
