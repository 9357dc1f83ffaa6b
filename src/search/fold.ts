import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSPhrases from 'opencc-js/dict/TSPhrases';

/*
 * Text folded so that a search matches across scripts and widths: NFKC (full-width Latin and digits
 * become half-width, compatibility ideographs unified), lower case, Traditional characters turned
 * Simplified one character at a time, and CJK quotation marks made plain. Only OpenCC's small
 * Traditional-to-Simplified tables are used (about 40 KB, not the 1 MB converter): a search compares folded
 * strings with `includes`, so folding only has to be the same function on both sides, not good
 * Simplified Chinese. It does not preserve length; nothing maps offsets back.
 */

type Table = Map<string, string>;

/** "a b|c d" → [["a","b"],["c","d"]]; a few entries list several targets, the first is the usual one. */
function entries(dictionary: string): [string, string][] {
  return dictionary.split('|').map((entry) => {
    const [from, to] = entry.split(' ');
    return [from, to];
  });
}

function buildTable(): Table {
  const map: Table = new Map(entries(TSCharacters));
  // Taiwan and Hong Kong forms (為, 著, 裡) map to OpenCC's standard form first, then to Simplified.
  for (const [variant, standard] of [...entries(TWVariantsRev), ...entries(HKVariantsRev)]) {
    const simplified = map.get(standard) ?? standard;
    if (!map.has(variant) && simplified !== variant) map.set(variant, simplified);
  }
  // A few characters simplify only inside phrases (復甦 → 复苏, 瞭解 → 了解, 彷彿 → 仿佛); for search
  // they may as well always simplify, both sides fold alike.
  for (const [traditional, simplified] of entries(TSPhrases)) {
    const from = [...traditional];
    const to = [...simplified];
    if (from.length !== to.length) continue;
    from.forEach((ch, i) => {
      if (ch !== to[i] && !map.has(ch)) map.set(ch, to[i]);
    });
  }
  for (const quote of '“”„‟「」『』﹁﹂﹃﹄') map.set(quote, '"');
  for (const quote of '‘’‚‛') map.set(quote, "'");
  // Follow chains to their end so folding twice changes nothing; drop a mapping that cycles.
  for (const [from, to] of map) if (from === to) map.delete(from);
  for (const [from] of map) {
    const seen = new Set([from]);
    let to = map.get(from)!;
    while (map.has(to) && !seen.has(to)) {
      seen.add(to);
      to = map.get(to)!;
    }
    if (seen.has(to)) map.delete(from);
    else map.set(from, to);
  }
  return map;
}

/**
 * The table as the loop reads it: for a character of the Basic Multilingual Plane, its replacement's
 * code unit (0: unchanged; WIDE: a replacement outside the BMP, in `wide`); pairs in `wide` too.
 * A typed array is seven times faster here than a regular expression calling into a Map.
 */
interface Lookup {
  bmp: Uint16Array;
  wide: Map<string, string>;
}
const WIDE = 1;
let lookup: Lookup | null = null;

function buildLookup(): Lookup {
  const bmp = new Uint16Array(0x10000);
  const wide = new Map<string, string>();
  for (const [from, to] of buildTable()) {
    if (from.length === 1 && to.length === 1) bmp[from.charCodeAt(0)] = to.charCodeAt(0);
    else {
      if (from.length === 1) bmp[from.charCodeAt(0)] = WIDE;
      wide.set(from, to);
    }
  }
  return { bmp, wide };
}

/** Below this nothing is mapped: ASCII, Latin, Greek, Cyrillic are left to NFKC and toLowerCase. */
const FIRST_MAPPED = 0x2000;

export function foldForSearch(text: string): string {
  lookup ??= buildLookup();
  const { bmp, wide } = lookup;
  const s = text.normalize('NFKC').toLowerCase();
  let out = '';
  let copied = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < FIRST_MAPPED) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const to = wide.get(s.slice(i, i + 2));
      if (to !== undefined) {
        out += s.slice(copied, i) + to;
        copied = i + 2;
      }
      i++;
      continue;
    }
    const to = bmp[c];
    if (to === 0) continue;
    out += s.slice(copied, i) + (to === WIDE ? wide.get(s[i])! : String.fromCharCode(to));
    copied = i + 1;
  }
  return copied === 0 ? s : out + s.slice(copied);
}
