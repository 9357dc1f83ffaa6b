import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchKey } from './match-key';

/** The definition, one code point at a time: what the fast paths must agree with. */
function reference(text: string) {
  const same: Record<string, string> = { '“': '"', '”': '"', '「': '"', '」': '"', '‘': "'", '’': "'", '、': ',', '。': '.', '—': '-', '…': '...' };
  let key = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; ) {
    const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
    const char = text.slice(i, i + width);
    if (!/\s/u.test(char) && char !== '\u200b' && char !== '\ufeff') {
      const folded = (same[char] ?? char.normalize('NFKC')).toLowerCase();
      for (let k = 0; k < folded.length; k++) {
        from.push(i);
        to.push(i + width);
      }
      key += folded;
    }
    i += width;
  }
  return { key, from, to };
}

describe('matchKey', () => {
  it('drops white space, folds width, quotation marks and case, and maps each key unit back to the text', () => {
    const key = matchKey('王毅 称：“ＡＢ，c…”\n中俄');
    expect(key.key).toBe('王毅称:"ab,c..."中俄');
    expect([...key.from].slice(0, 4)).toEqual([0, 1, 3, 4]);
    expect(key.to[key.key.length - 1]).toBe('王毅 称：“ＡＢ，c…”\n中俄'.length);
  });

  it('agrees with its definition on any text (the fast paths change nothing)', () => {
    const pieces = fc.constantFrom('中', '國', 'A', 'z', ' ', '\n', '\t', '，', '。', '“', '”', '…', 'Ａ', '１', '𠀋', 'é', 'ﬁ', '\u200b', '—', '、', '\u3000', 'Ⅻ');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const key = matchKey(text);
        const expected = reference(text);
        expect(key.key).toBe(expected.key);
        expect([...key.from]).toEqual(expected.from);
        expect([...key.to]).toEqual(expected.to);
      }),
      { numRuns: 500 },
    );
  });
});
