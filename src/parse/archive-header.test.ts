import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeArchive, parseArchiveHeader } from './archive-header';

const sample = '<!--1616481063000-->\n[综述：“守望相助” (更新)[1]](https://cn.reuters.com/article/x-idCNKBS2BF0GS)\n------\n\n<p>正文</p>\n';

describe('looksLikeArchive', () => {
  it('accepts the header, with a BOM and CRLF line ends too', () => {
    expect(looksLikeArchive(sample)).toBe(true);
    expect(looksLikeArchive('\ufeff' + sample.replace(/\n/g, '\r\n'))).toBe(true);
  });
  it('accepts a file cut off after its first line, or missing it', () => {
    expect(looksLikeArchive('<!--1616481063000-->')).toBe(true);
    expect(looksLikeArchive('[标题](https://a.b/c)\n------\n')).toBe(true);
  });
  it('rejects other text files', () => {
    expect(looksLikeArchive('# README\n\nhello')).toBe(false);
    expect(looksLikeArchive('<!-- a comment -->\n<p>x</p>')).toBe(false);
    expect(looksLikeArchive('[link](https://a.b)\nnot a rule')).toBe(false);
    // A Markdown file that opens with a link underlined as a heading: no epoch line, no web address.
    expect(looksLikeArchive('[My notes](notes.md)\n---\n\ntext')).toBe(false);
    expect(looksLikeArchive('[My notes](#top)\n------\n')).toBe(false);
    expect(looksLikeArchive('[标题](ftp://a.b/c)\n------\n')).toBe(false);
    expect(looksLikeArchive('')).toBe(false);
  });
});

describe('parseArchiveHeader', () => {
  it('reads time, a title holding brackets and parentheses, URL and body', () => {
    const h = parseArchiveHeader(sample);
    expect(h).toEqual({
      epochMs: '1616481063000',
      title: '综述：“守望相助” (更新)[1]',
      url: 'https://cn.reuters.com/article/x-idCNKBS2BF0GS',
      body: '<p>正文</p>',
      problems: [],
    });
  });
  it('drops Markdown escapes from titles', () => {
    expect(parseArchiveHeader('<!--1602103614000-->\n[中国品牌\\“囚爱\\“](http://www.bbc.com/x)\n------\n\n<p>a</p>').title).toBe('中国品牌“囚爱“');
  });
  it('names what is missing instead of throwing', () => {
    expect(parseArchiveHeader('<!--1616481063000-->').problems).toEqual(['missing-title', 'empty-body']);
    expect(parseArchiveHeader('[t](https://a.b/c)\n------\n\n<p>x</p>').problems).toEqual(['missing-archive-time']);
  });
  it('takes the body as splitting the file into lines and joining them again would (the old way), without doing it', () => {
    const line = fc.constantFrom('<!--1616481063000-->', '[标题](https://a.b/c)', '[t]()', '------', '', ' ', '<p>正文</p>', '\r', '\ufeff');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (lines, end) => {
        const text = lines.join(end);
        const header = parseArchiveHeader(text);
        // The body starts after the lines read: the epoch and the title where found, then a rule.
        const all = text
          .replace(/^\ufeff/, '')
          .replace(/\r\n?/g, '\n')
          .split('\n');
        let read = (header.problems.includes('missing-archive-time') ? 0 : 1) + (header.problems.includes('missing-title') ? 0 : 1);
        if (/^-{3,}$/.test((all[read] ?? '').trim())) read++;
        expect(header.body).toBe(all.slice(read).join('\n').trim());
      }),
    );
  });
});
