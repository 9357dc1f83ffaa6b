import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanTitle, exportFileName } from './file-name';

// Late in the evening local time: the local date, not the UTC one, names the file.
const date = new Date(2024, 0, 5, 23, 30);

describe('exportFileName', () => {
  it('names an export of the library by the local date', () => {
    expect(exportFileName('md', { date })).toBe('pizhu-2024-01-05.md');
    expect(exportFileName('json', { date: new Date(2024, 11, 31, 0, 5) })).toBe('pizhu-2024-12-31.json');
  });

  it('puts an article’s title before the date', () => {
    expect(exportFileName('csv', { date, articleTitle: '综述：“守望相助” 中俄誓言' })).toBe('pizhu-综述：“守望相助” 中俄誓言-2024-01-05.csv');
  });

  it('drops what Windows, macOS or Linux forbid, and invisible marks', () => {
    expect(cleanTitle('a/b:c*d?"e"<f>|g\\h')).toBe('a b c d e f g h');
    expect(cleanTitle('tab\there\nnew line\u0000')).toBe('tab here new line');
    expect(cleanTitle('evil\u202Egpj.exe')).toBe('evil gpj.exe');
    expect(cleanTitle('zero\u200Bwidth')).toBe('zero width');
    expect(cleanTitle('half\ud800pair')).toBe('half pair');
    expect(cleanTitle('  ends with dots... ')).toBe('ends with dots');
    expect(exportFileName('md', { date, articleTitle: '///' })).toBe('pizhu-2024-01-05.md');
    expect(exportFileName('md', { date, articleTitle: '#MeToo運動在中國' })).toBe('pizhu-#MeToo運動在中國-2024-01-05.md');
  });

  it('cuts a long title to 80 characters, and a Chinese one to 200 bytes, whole characters only', () => {
    expect([...cleanTitle('a'.repeat(200))]).toHaveLength(80);
    const chinese = cleanTitle('中'.repeat(100));
    expect(new TextEncoder().encode(chinese).length).toBeLessThanOrEqual(200);
    expect(chinese).toBe('中'.repeat(66));
    const astral = cleanTitle('𠮷'.repeat(100));
    expect(astral).toBe('𠮷'.repeat(50));
  });

  it('always gives a portable name under 255 bytes (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('md', 'json', 'csv' as const), (title, ext) => {
        const name = exportFileName(ext as 'md' | 'json' | 'csv', { date, articleTitle: title });
        expect(name).toMatch(/^pizhu-(.+-)?2024-01-05\.(md|json|csv)$/);
        expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u007f\u202a-\u202e]/);
        expect(name).not.toMatch(/[\s.]-2024-01-05/);
        expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        expect(new TextEncoder().encode(name).length).toBeLessThan(255);
      }),
      { numRuns: 300 },
    );
  });
});
