import { describe, expect, it } from 'vitest';
import { GLIMPSE_LENGTH, glimpseOf, shorten } from './glimpse';

describe('glimpseOf: a few words that name an annotation the import left out', () => {
  it('is its quote first, from any target, a refining selector included', () => {
    const raw = {
      target: [{ source: 'https://example.com/a', selector: { type: 'FragmentSelector', value: 'p1', refinedBy: { type: 'TextQuoteSelector', exact: '外交\n政策' } } }],
      body: { type: 'TextualBody', value: '一条笔记' },
    };
    expect(glimpseOf(raw)).toBe('“外交 政策”');
  });

  it('else its note: a W3C body, bodyValue, or a Hypothesis row’s text', () => {
    expect(
      glimpseOf({
        target: 'https://example.com/a',
        body: [
          { type: 'TextualBody', value: '  ' },
          { type: 'TextualBody', value: '页面笔记' },
        ],
      }),
    ).toBe('页面笔记');
    expect(glimpseOf({ target: 'https://example.com/a', bodyValue: 'a note' })).toBe('a note');
    expect(glimpseOf({ uri: 'https://example.com/a', text: '回复', references: ['x'], target: [{ source: 'https://example.com/a' }] })).toBe('回复');
    // An empty quote names nothing: the note does.
    expect(glimpseOf({ target: [{ source: 'https://example.com/a', selector: [{ type: 'TextQuoteSelector', exact: '' }] }], text: 'why' })).toBe('why');
  });

  it('else the page it is on', () => {
    expect(glimpseOf({ target: { source: { id: 'https://example.com/img.png' }, selector: { type: 'SvgSelector' } } })).toBe('https://example.com/img.png');
    expect(glimpseOf({ target: 'https://example.com/page' })).toBe('https://example.com/page');
    expect(glimpseOf({ uri: 'https://example.com/h', target: [] })).toBe('https://example.com/h');
  });

  it('is undefined for what names nothing', () => {
    for (const raw of [null, 'text', 3, [], {}, { target: [{ selector: { type: 'TextQuoteSelector', exact: 5 } }] }]) expect(glimpseOf(raw)).toBeUndefined();
  });
});

describe('shorten', () => {
  it(`keeps one line of at most ${GLIMPSE_LENGTH} characters, never half a surrogate pair`, () => {
    expect(shorten(' a\n\tb ')).toBe('a b');
    expect(shorten(' \n')).toBeUndefined();
    const long = '𠀀'.repeat(GLIMPSE_LENGTH + 1);
    const cut = shorten(long)!;
    expect([...cut]).toHaveLength(GLIMPSE_LENGTH);
    expect(cut).toBe(`${'𠀀'.repeat(GLIMPSE_LENGTH - 1)}…`);
    expect(shorten('中'.repeat(GLIMPSE_LENGTH))).toBe('中'.repeat(GLIMPSE_LENGTH));
  });
});
