import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { READWISE_COLUMNS, readwiseDate, readwiseNote, toReadwiseCsv } from './readwise-csv';
import { SAMPLE_LIBRARY } from '../../test/fixtures/export/sample-library';

const GOLDEN = new URL('../../test/fixtures/export/readwise.golden.csv', import.meta.url);

function rows(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...READWISE_COLUMNS]);
  return parsed.data;
}

describe('toReadwiseCsv', () => {
  const csv = toReadwiseCsv(SAMPLE_LIBRARY);

  it('writes the golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, csv);
    expect(csv).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('starts with a BOM and exactly Readwise’s header', () => {
    expect(csv.startsWith('\uFEFFHighlight,Title,Author,URL,Note,Location,Date\r\n')).toBe(true);
  });

  it('gives one row per highlight, by article then text order, that parses back', () => {
    const parsed = rows(csv);
    expect(parsed.map((row) => Number(row.Location))).toEqual([42, 101, 154, 31, 61, 100]);
    const byId = new Map(SAMPLE_LIBRARY.annotations.map((a) => [a.position.start, a]));
    for (const row of parsed) {
      const annotation = byId.get(Number(row.Location))!;
      const article = SAMPLE_LIBRARY.articles.find((a) => a.id === annotation.articleId)!;
      expect(row.Highlight.replace(/^'/, '')).toBe(annotation.quote.exact);
      expect(row.Title).toBe(article.title);
      expect(row.URL).toBe(article.url);
      expect(row.Date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    expect(parsed.map((row) => row.Author)).toEqual(['路透社', '路透社', '路透社', '纽约时报', '纽约时报', '纽约时报']);
  });

  it('keeps quotes, newlines and separators inside a cell', () => {
    const row = rows(csv).find((r) => r.Location === '101')!;
    expect(row.Highlight).toBe('"中俄|美俄" 的关系 > 零和博弈，这一判断值得商榷。\n拉夫罗夫表示');
    expect(row.Note).toBe('.外交-政策 .分析 两种说法：\n- 零和\n- 非零和\n\n# 待查');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const parsed = rows(csv);
    expect(parsed.find((r) => r.Location === '154')!.Highlight).toBe("'-3.5% 是俄罗斯去年的经济增速");
    expect(parsed.find((r) => r.Location === '61')!.Note).toBe('\'=HYPERLINK("http://example.com","x")');
    for (const row of parsed) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('names sources in English on request', () => {
    expect(rows(toReadwiseCsv(SAMPLE_LIBRARY, { lang: 'en' }))[0].Author).toBe('Reuters');
  });
});

describe('readwiseNote', () => {
  it('puts tags first as Readwise inline tags, without spaces or leading marks', () => {
    expect(readwiseNote({ note: '  笔记 ', tags: ['外交 政策', '#分析', '.经济', '分析'] })).toBe('.外交-政策 .分析 .经济 笔记');
    expect(readwiseNote({ note: '', tags: [] })).toBe('');
    expect(readwiseNote({ note: '只有笔记', tags: [' '] })).toBe('只有笔记');
  });
});

describe('readwiseDate', () => {
  it('writes UTC as YYYY-MM-DD HH:MM:SS', () => {
    expect(readwiseDate('2024-03-01T09:30:05.123Z')).toBe('2024-03-01 09:30:05');
    expect(readwiseDate('2024-03-01T09:30:05+08:00')).toBe('2024-03-01 01:30:05');
    expect(readwiseDate('garbage')).toBe('');
  });
});
