import { describe, expect, it } from 'vitest';
import { isOpenableAddress } from './openable';
import { hostOf, pageMaySpeakFor, registrableDomain, siteName } from './site';

describe('registrableDomain', () => {
  it('takes the site of a host', () => {
    expect(registrableDomain('cn.reuters.com')).toBe('reuters.com');
    expect(registrableDomain('www.reuters.com')).toBe('reuters.com');
    expect(registrableDomain('reuters.com')).toBe('reuters.com');
    expect(registrableDomain('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(registrableDomain('WWW.FTChinese.com')).toBe('ftchinese.com');
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
    expect(registrableDomain('localhost')).toBe('localhost');
  });
});

describe('hostOf', () => {
  it('reads the host of an article id or a URL', () => {
    expect(hostOf('cn.reuters.com/article/x')).toBe('cn.reuters.com');
    expect(hostOf('reuters.com/world/china/x')).toBe('reuters.com');
    expect(hostOf('https://www.reuters.com/world/x')).toBe('www.reuters.com');
    expect(hostOf('archive/abc123')).toBeNull();
    expect(hostOf('')).toBeNull();
  });
});

describe('pageMaySpeakFor', () => {
  const reuters = ['cn.reuters.com/article/x', 'https://cn.reuters.com/article/x'];
  it('lets a web page speak for articles of its own site, the Reuters hosts as one', () => {
    expect(pageMaySpeakFor('https://cn.reuters.com/article/x', reuters)).toBe(true);
    expect(pageMaySpeakFor('https://www.reuters.com/world/y', reuters)).toBe(true);
    expect(pageMaySpeakFor('https://www.reuters.com/world/y', ['reuters.com/world/y', 'https://www.reuters.com/world/y'])).toBe(true);
  });
  it("refuses a web page speaking for another site's article", () => {
    expect(pageMaySpeakFor('https://cn.reuters.com/article/x', ['bbc.com/zhongwen/simp/world-1', 'https://www.bbc.com/zhongwen/simp/world-1'])).toBe(false);
    // One address on the site is not enough: every id and address must be.
    expect(pageMaySpeakFor('https://cn.reuters.com/article/x', ['cn.reuters.com/a', 'https://www.bbc.com/a'])).toBe(false);
    expect(pageMaySpeakFor('https://evilreuters.com/a', reuters)).toBe(false);
    expect(pageMaySpeakFor('https://reuters.com.evil.example/a', reuters)).toBe(false);
    expect(pageMaySpeakFor('https://cn.reuters.com/article/x', ['archive/abc'])).toBe(false);
  });
  it('lets a file:// page speak for any archived article, and no other kind of page for any', () => {
    expect(pageMaySpeakFor('file:///home/reader/1040207.md', ['bbc.com/zhongwen/x', 'https://www.bbc.com/zhongwen/x'])).toBe(true);
    expect(pageMaySpeakFor('file:///home/reader/x.md', ['archive/abc', ''])).toBe(true);
    expect(pageMaySpeakFor('chrome-extension://id/note/index.html', reuters)).toBe(false);
    expect(pageMaySpeakFor('data:text/html,x', reuters)).toBe(false);
    expect(pageMaySpeakFor(undefined, reuters)).toBe(false);
  });
});

describe('isOpenableAddress', () => {
  it('opens the web and files on this disk, nothing else', () => {
    for (const ok of ['https://cn.reuters.com/a', 'http://x.example/', 'HTTPS://X', 'file:///home/a.md']) expect(isOpenableAddress(ok)).toBe(true);
    for (const bad of ['', 'data:text/html,x', 'javascript:alert(1)', 'file://evil.example/share/a.md', 'chrome://settings', ' https://x']) expect(isOpenableAddress(bad)).toBe(false);
  });
});

describe('siteName', () => {
  it('is the host without www., and empty for what is no address', () => {
    expect(siteName('https://www.boingboing.net/2017/06/05/nyet.html')).toBe('boingboing.net');
    expect(siteName('http://communication.revues.org/5986')).toBe('communication.revues.org');
    expect(siteName('')).toBe('');
    expect(siteName('not a url')).toBe('');
  });
});
