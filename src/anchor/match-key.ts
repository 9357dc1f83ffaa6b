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
  '“': '"', '”': '"', '„': '"', '「': '"', '」': '"', '『': '"', '』': '"', '«': '"', '»': '"',
  '‘': "'", '’': "'", '‚': "'",
  '、': ',', '。': '.', '—': '-', '–': '-', '―': '-', '…': '...',
};

export function matchKey(text: string): MatchKey {
  let key = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const char = text.slice(i, i + width);
    if (!/\s/u.test(char) && char !== '\u200b' && char !== '\ufeff') {
      const folded = (SAME_AS[char] ?? char.normalize('NFKC')).toLowerCase();
      for (let k = 0; k < folded.length; k++) {
        from.push(i);
        to.push(i + width);
      }
      key += folded;
    }
    i += width;
  }
  return { key, from: Int32Array.from(from), to: Int32Array.from(to) };
}
