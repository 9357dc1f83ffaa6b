import { describe, expect, it } from 'vitest';
import { ReadAhead } from './read-ahead';
import type { AnnotationRecord } from '../annotation/records';

const none = async (): Promise<AnnotationRecord[]> => [];
const HEAD = '<!--1616481063000-->\n[标题 [附图]（更新）](https://cn.reuters.com/article/wrapup-idCNKBS2BF0GS?il=0)\n------\n\n<div><i>2021-03-23T06:08:42Z</i></div><p>正文';

describe('highlights read ahead of the reader', () => {
  it('names the article the reader will name: the id of the address in the title line', () => {
    expect(ReadAhead.articleIdOf(HEAD)).toBe('cn.reuters.com/article/wrapup-idCNKBS2BF0GS');
    expect(ReadAhead.articleIdOf('<!--1616481063000-->\n[标题](not an address)\n------\n')).toBeNull();
    expect(ReadAhead.articleIdOf('<!--1616481063000-->\n')).toBeNull();
  });

  it('hands a read to the same frame once, and only for the same article', async () => {
    const ahead = new ReadAhead();
    const read = none();
    ahead.start(3, 0, 'a', () => read);
    expect(ahead.take(3, 1, 'a')).toBeNull();
    expect(ahead.take(4, 0, 'a')).toBeNull();
    expect(ahead.take(3, 0, 'a')).toBe(read);
    expect(ahead.take(3, 0, 'a')).toBeNull();
    ahead.start(3, 0, 'a', none);
    expect(ahead.take(3, 0, 'b')).toBeNull();
    expect(ahead.take(3, 0, 'a')).toBeNull();
  });

  it('hands out nothing old, nothing of an article changed since, and no failed read', async () => {
    let now = 0;
    const ahead = new ReadAhead(() => now);
    ahead.start(3, 0, 'a', none);
    now = 5_001;
    expect(ahead.take(3, 0, 'a')).toBeNull();
    ahead.start(3, 0, 'a', none);
    ahead.start(4, 0, 'b', none);
    ahead.drop(['a']);
    expect(ahead.take(3, 0, 'a')).toBeNull();
    expect(ahead.take(4, 0, 'b')).not.toBeNull();
    const failed = Promise.reject(new Error('closed'));
    ahead.start(3, 0, 'a', () => failed);
    await failed.catch(() => undefined);
    expect(ahead.take(3, 0, 'a')).toBeNull();
  });
});
