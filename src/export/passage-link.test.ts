import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeRange } from '../anchor/selectors';
import { encodeTerm, passageLink, textDirective } from './passage-link';
import { REUTERS_TEXT, REUTERS_URL, SAMPLE_LIBRARY } from '../../test/fixtures/export/sample-library';

/** The directive's terms, decoded: { prefix, start, end, suffix } as the Text Fragments grammar reads them. */
function parseDirective(directive: string) {
  expect(directive.startsWith('text=')).toBe(true);
  const parts = directive.slice('text='.length).split(',');
  // Outside the syntax's own "-" and ",", no term may hold a raw -, & or , (they are percent-encoded).
  const raw = { prefix: '', start: '', end: '', suffix: '' };
  if (parts[0].endsWith('-')) raw.prefix = parts.shift()!.slice(0, -1);
  if (parts[parts.length - 1].startsWith('-')) raw.suffix = parts.pop()!.slice(1);
  expect(parts.length === 1 || parts.length === 2).toBe(true);
  raw.start = parts[0];
  raw.end = parts[1] ?? '';
  for (const term of Object.values(raw)) expect(term).not.toMatch(/[-,&#\s()]/);
  const decoded = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, decodeURIComponent(value)]));
  return decoded as typeof raw;
}

const quoteOf = (exact: string, text = REUTERS_TEXT) => {
  const start = text.indexOf(exact);
  return describeRange(text, start, start + exact.length).quote;
};

describe('passageLink', () => {
  it('links a short quote whole, after the URL without its own fragment', () => {
    const link = passageLink(`${REUTERS_URL}#top`, quoteOf('拉夫罗夫表示'))!;
    expect(link.startsWith(`${REUTERS_URL}#:~:text=`)).toBe(true);
    const terms = parseDirective(link.split('#:~:')[1]);
    expect(terms.start).toBe('拉夫罗夫表示');
    expect(terms.end).toBe('');
    // The quote opens its paragraph: the line start is a boundary, the whole previous line is not wanted.
    expect(terms.prefix).toBe('');
    // The suffix stops at the first comma, where a word certainly ends.
    expect(terms.suffix).toBe('，');
  });

  it('cuts a long quote to its first and last ten characters', () => {
    const exact = '中国外长王毅周二在桂林与俄罗斯外长拉夫罗夫会谈，双方誓言在涉及核心利益的问题上相互支持';
    const terms = parseDirective(textDirective(quoteOf(exact)));
    expect(terms.start).toBe('中国外长王毅周二在桂');
    expect(terms.end).toBe('核心利益的问题上相互支持'.slice(-10));
    expect(terms.prefix).toBe('-');
    expect(terms.suffix).toBe('。');
  });

  it('keeps each term inside one block for a quote over two paragraphs', () => {
    const annotation = SAMPLE_LIBRARY.annotations.find((a) => a.id === 'a2')!;
    const terms = parseDirective(textDirective(annotation.quote));
    expect(terms.start).toBe('"中俄|美俄" 的关');
    expect(terms.end).toBe('拉夫罗夫表示');
    expect(terms.prefix).toBe('一位分析师说，');
    expect(terms.suffix).toBe('，');
  });

  it('leaves out context that does not start or end on a certain word boundary', () => {
    const text = `${'甲'.repeat(40)}中国外长王毅${'乙'.repeat(40)}`;
    const terms = parseDirective(textDirective(quoteOf('中国外长王毅', text)));
    expect(terms).toEqual({ prefix: '', start: '中国外长王毅', end: '', suffix: '' });
  });

  it('percent-encodes the syntax characters and what would end a Markdown link', () => {
    expect(encodeTerm('a-b,c&d')).toBe('a%2Db%2Cc%26d');
    expect(encodeTerm('(x) 100%')).toBe('%28x%29%20100%25');
    const text = 'Intro line\nPrices rose - again, & again (and again)\nEnd';
    const terms = parseDirective(textDirective(quoteOf('rose - again, & again', text)));
    expect(terms.start).toBe('rose - again, & again');
    expect(terms.prefix).toBe('Prices');
    expect(terms.suffix).toBe('(and');
  });
});

describe('passageLink: long and awkward quotes', () => {
  it('does not cut a Latin word in two', () => {
    const text = 'Title\nThe extraordinarily long sentence continues with remarkable determination';
    const terms = parseDirective(textDirective(quoteOf('extraordinarily long sentence continues with remarkable determination', text)));
    expect(terms.start).toBe('extraordinarily');
    expect(terms.end).toBe('determination');
  });

  it('gives no link for addresses a browser cannot open from a note', () => {
    expect(passageLink('file:///home/reader/a.md', quoteOf('拉夫罗夫表示'))).toBeNull();
    expect(passageLink('not a url', quoteOf('拉夫罗夫表示'))).toBeNull();
    expect(passageLink(REUTERS_URL, { exact: ' \n ', prefix: '', suffix: '' })).toBe(REUTERS_URL);
  });

  it('never splits a surrogate pair', () => {
    const exact = '𠮷'.repeat(30);
    const terms = parseDirective(textDirective({ exact, prefix: '𠮷。', suffix: '。𠮷' }));
    expect(terms.start).toBe('𠮷'.repeat(10));
    expect(terms.end).toBe('𠮷'.repeat(10));
  });

  it('always yields well-formed terms taken from the quote and its context (property)', () => {
    const alphabet = fc.constantFrom(..."中国外长王毅臺灣台湾的，。“”「」 -,&#%()\nabcXYZ019𠮷.'");
    const text = fc.array(alphabet, { minLength: 1, maxLength: 120 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (body, a, b) => {
        const start = a % body.length;
        const end = start + 1 + (b % (body.length - start));
        // Ranges never start or end inside a surrogate pair.
        fc.pre(!/[\udc00-\udfff]/.test(body[start]) && !/[\udc00-\udfff]/.test(body[end] ?? ''));
        const { quote } = describeRange(body, start, end);
        const directive = textDirective(quote);
        if (!quote.exact.trim()) return directive === '';
        const terms = parseDirective(directive);
        const lines = quote.exact
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        expect(lines[0].startsWith(terms.start)).toBe(true);
        if (terms.end) expect(lines[lines.length - 1].endsWith(terms.end)).toBe(true);
        else expect(lines).toEqual([terms.start]);
        if (terms.prefix) expect(quote.prefix.split('\n').pop()!.trimEnd().endsWith(terms.prefix)).toBe(true);
        if (terms.suffix) expect(quote.suffix.split('\n')[0].trimStart().startsWith(terms.suffix)).toBe(true);
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
