import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, cleanTracked, PLAIN_RANGES } from './clean-text';

describe('cleanText', () => {
  it('collapses and trims white space, including newlines and nbsp', () => {
    expect(cleanText('  路透\n\t北京 \u00a0 3月23日  ')).toBe('路透 北京 3月23日');
  });
  it('keeps a run of ideographic spaces as one, but trims them at the ends', () => {
    expect(cleanText('\u3000\u3000上映\u3000\u3000多伦多\u3000')).toBe('上映\u3000多伦多');
  });
  it('composes decomposed accents', () => {
    expect(cleanText('a\u0300 Old')).toBe('\u00e0 Old');
  });
  it('drops zero-width spaces and BOMs, also inside a white-space run', () => {
    expect(cleanText('\ufeff中\u200b文')).toBe('中文');
    expect(cleanText('中 \u200b 文')).toBe('中 文');
  });
  it('takes as plain only characters NFC keeps whatever stands beside them', () => {
    // A character that is second or later in some canonical decomposition may compose with the one before it.
    const composesWithPrevious = new Set<string>();
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const decomposed = [...String.fromCodePoint(code).normalize('NFD')];
      for (const later of decomposed.slice(1)) composesWithPrevious.add(later);
    }
    const wrong: string[] = [];
    for (const [from, to] of PLAIN_RANGES) {
      for (let code = from; code <= to; code++) {
        const char = String.fromCharCode(code);
        const decomposed = char.normalize('NFD');
        // NFC keeps it; nothing composes it with what stands before; it is a starter (a mark of class 240 before it would be moved after it otherwise).
        const plain = char.normalize('NFC') === char && !composesWithPrevious.has(char) && !composesWithPrevious.has(decomposed[0]!) && `\u0345${char}`.normalize('NFD') === `\u0345${decomposed}`;
        if (!plain || /\s/.test(char) !== (code === 0x20)) wrong.push(code.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('agrees with the regular-expression definition on any text', () => {
    const reference = (raw: string) =>
      raw
        .normalize('NFC')
        .replace(/[\u200b\ufeff]/g, '')
        .replace(/\s+/g, (run) => (/^\u3000+$/.test(run) ? '\u3000' : ' '))
        .trim();
    const alphabet = fc.constantFrom('a', '中', ' ', '\n', '\u3000', '\u00a0', '\u200b', '\ufeff', '\u0300', '\u0301', 'e', '\u2028', 'Å', '\ud83d\ude00', '\u1100', '\u1161', '\u11a8');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')),
        (raw) => {
          expect(cleanText(raw)).toBe(reference(raw));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('cleanTracked', () => {
  it('maps each cleaned unit to the raw units it came from', () => {
    const tracked = cleanTracked('  a \n b\u200bc');
    expect(tracked.text).toBe('a bc');
    expect([...tracked.from]).toEqual([2, 3, 6, 8]);
    expect([...tracked.to]).toEqual([3, 4, 7, 9]);
  });
  it('maps a collapsed run to a space in it, not to an ideographic space', () => {
    const tracked = cleanTracked('完\u3000\n下');
    expect(tracked.text).toBe('完 下');
    expect([tracked.from[1], tracked.to[1]]).toEqual([2, 3]);
  });
  it('composes conjoining Hangul jamo as NFC does', () => {
    expect(cleanText('\u1100\u1161\u11a8')).toBe('\u1100\u1161\u11a8'.normalize('NFC'));
    expect(cleanTracked('\u1100\u1161\u11a8').text).toBe('각');
  });
  it('maps a composed character to its whole decomposed cluster', () => {
    const tracked = cleanTracked('xa\u0300y');
    expect(tracked.text).toBe('x\u00e0y');
    expect([...tracked.from]).toEqual([0, 1, 3]);
    expect([...tracked.to]).toEqual([1, 3, 4]);
  });
  it('maps each unit to itself where cleaning changes nothing (the fast path for plain text, and any other)', () => {
    const alphabet = fc.constantFrom('a', '中', '，', '“', ' ', '\u00e9', '\ud83d\ude00', '\n');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')),
        (raw) => {
          fc.pre(cleanText(raw) === raw);
          const tracked = cleanTracked(raw);
          expect(tracked.text).toBe(raw);
          expect([...tracked.from]).toEqual(Array.from({ length: raw.length }, (_, i) => i));
          expect([...tracked.to]).toEqual(Array.from({ length: raw.length }, (_, i) => i + 1));
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('gives the same text as cleanText, and raw slices that clean to each character', () => {
    const alphabet = fc.constantFrom('a', '中', ' ', '\n', '\u3000', '\u200b', '\u0300', 'e', '\ud83d\ude00');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')),
        (raw) => {
          const tracked = cleanTracked(raw);
          expect(tracked.text).toBe(cleanText(raw));
          for (let i = 0; i < tracked.text.length; i++) {
            expect(tracked.from[i]).toBeLessThan(tracked.to[i]);
            if (i > 0) expect(tracked.from[i]).toBeGreaterThanOrEqual(tracked.from[i - 1]);
            const piece = raw.slice(tracked.from[i], tracked.to[i]);
            if (tracked.text[i] !== ' ' && tracked.text[i] !== '\u3000') expect(piece.normalize('NFC')).toContain(tracked.text[i]);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
