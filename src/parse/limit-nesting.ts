/**
 * Markup nested deeper than any article needs, flattened before it is parsed. Browsers' HTML
 * parsers take time growing with the square of the depth on such markup (Chromium's DOMParser:
 * 100,000 nested `<div>` or `<b>` take over a minute), while they keep no more than a few hundred
 * levels of it anyway. Tags opened past `maxDepth` are left out with their closing tags (a tag nested
 * in itself a little earlier, so that what it holds keeps its own tags); their text stays where it
 * was. One pass over the tags, so linear in the length of the markup.
 */

/** Deeper than any article's markup, and below the depth a browser's parser keeps (Chromium: 512). */
export const MAX_NESTING = 400;

/** Only markup this long can nest that deep; shorter bodies are parsed as they are. */
const LONG_ENOUGH = 4 * MAX_NESTING;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Levels kept free for other tags inside a run of one tag nested in itself: the paragraph inside 100,000 `<div>`s stays a paragraph. */
const HEADROOM = 16;
/** How far down the open tags a closing tag is looked for: markup that closes tags out of order is left as it is. */
const LOOK_DOWN = 32;
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/g;

export function limitNesting(html: string, maxDepth = MAX_NESTING): string {
  if (html.length < LONG_ENOUGH || fewerOpeningTags(html, maxDepth - HEADROOM + 1)) return html;
  /** The open tags: their names, and whether each was kept. */
  const open: { name: string; kept: boolean }[] = [];
  let kept = 0;
  let out = '';
  let copied = 0;
  const drop = (from: number, to: number) => {
    out += html.slice(copied, from);
    copied = to;
  };
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      const at = findOpen(open, name);
      if (at < 0) continue;
      const closed = open.splice(at);
      kept -= closed.filter((tag) => tag.kept).length;
      if (!closed[0]!.kept) drop(m.index, m.index + m[0].length);
    } else if (!m[3] && !VOID.has(name)) {
      const nested = open.at(-1)?.name === name;
      const keep = kept < (nested ? maxDepth - HEADROOM : maxDepth);
      open.push({ name, kept: keep });
      if (keep) kept++;
      else drop(m.index, m.index + m[0].length);
    }
  }
  TAG.lastIndex = 0;
  return copied === 0 ? html : out + html.slice(copied);
}

/**
 * Whether the markup opens fewer than `count` tags (a '<' and a letter, as TAG reads an opening tag):
 * so few can never pass the depth at which a tag is left out, and the pass above would copy the
 * markup as it is. One search for '<' after another, far cheaper than TAG over the whole body.
 */
function fewerOpeningTags(html: string, count: number): boolean {
  let seen = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    const next = html.charCodeAt(at + 1) | 0x20;
    if (next >= 0x61 && next <= 0x7a && ++seen >= count) return false;
  }
  return true;
}

function findOpen(open: readonly { name: string }[], name: string): number {
  for (let i = open.length - 1; i >= Math.max(0, open.length - LOOK_DOWN); i--) if (open[i]!.name === name) return i;
  return -1;
}
