import { describe, expect, it } from 'vitest';
import { cleanText } from './clean-text';

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
  it('drops zero-width spaces and BOMs', () => {
    expect(cleanText('\ufeff中\u200b文')).toBe('中文');
  });
});
