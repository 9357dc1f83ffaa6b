/**
 * The text as anchoring compares it: no white space, full-width forms as their half-width twins
 * (NFKC: "，" is ",", "Ａ" is "A"), Chinese and Western quotation marks alike, lower case. Each unit of
 * the key remembers the text units [from, to) it came from, so a match in the key is a range of the text.
 */
export interface MatchKey {
  key: string;
  from: Int32Array;
  to: Int32Array;
}

const SAME_AS: Record<string, string> = {
  '“': '"',
  '”': '"',
  '„': '"',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '«': '"',
  '»': '"',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '、': ',',
  '。': '.',
  '—': '-',
  '–': '-',
  '―': '-',
  '…': '...',
};

export function matchKey(text: string): MatchKey {
  const parts: string[] = [];
  // Most units map to one key unit: room for that, grown on the rare expansion (NFKC, "…").
  let from = new Int32Array(text.length);
  let to = new Int32Array(text.length);
  let length = 0;
  const push = (folded: string, at: number, width: number) => {
    if (length + folded.length > from.length) {
      from = grow(from, length + folded.length);
      to = grow(to, length + folded.length);
    }
    for (let k = 0; k < folded.length; k++) {
      from[length] = at;
      to[length++] = at + width;
    }
    parts.push(folded);
  };
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    // Fast paths: ASCII, and the CJK ideographs that NFKC and lower-casing leave as they are.
    if (code < 0x80) {
      if (code !== 0x20 && (code < 0x09 || code > 0x0d)) push(code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : text[i]!, i, 1);
      i += 1;
      continue;
    }
    if (code >= 0x4e00 && code <= 0x9fff) {
      push(text[i]!, i, 1);
      i += 1;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    const width = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    const char = text.slice(i, i + width);
    if (!/\s/u.test(char) && char !== '\u200b' && char !== '\ufeff') push((SAME_AS[char] ?? char.normalize('NFKC')).toLowerCase(), i, width);
    i += width;
  }
  return { key: parts.join(''), from: from.slice(0, length), to: to.slice(0, length) };
}

function grow(array: Int32Array, needed: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}
