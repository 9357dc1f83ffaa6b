import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, readJson } from './read-json';

describe('readJson', () => {
  it('reads JSON, with or without a byte-order mark', () => {
    expect(readJson('{"a": [1, "二"]}')).toEqual({ ok: true, value: { a: [1, '二'] } });
    expect(readJson('\uFEFF[]')).toEqual({ ok: true, value: [] });
  });

  it('says a file is empty', () => {
    expect(readJson('')).toEqual({ ok: false, error: 'the file is empty' });
    expect(readJson(' \n\t')).toEqual({ ok: false, error: 'the file is empty' });
  });

  it('says a cut-off file ends too early, wherever it was cut', () => {
    const whole = JSON.stringify({ items: [{ exact: '火药味 "十足" \\ ', n: 1 }] });
    for (const cut of [5, 12, 20, whole.length - 1]) expect(readJson(whole.slice(0, cut))).toMatchObject({ ok: false, error: expect.stringContaining('ends too early') });
  });

  it('says where other damage is', () => {
    expect(readJson('{\n  "a": 1,\n  "b" 2\n}')).toEqual({ ok: false, error: 'the file is not JSON (line 3, column 7)' });
    expect(readJson('<html></html>')).toMatchObject({ ok: false, error: expect.stringMatching(/^the file is not JSON \(/) });
  });

  it('refuses a file over the size limit', () => {
    const result = readJson(' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(result).toEqual({ ok: false, error: 'the file is too large (256 MB; at most 256 MB)' });
  });
});
