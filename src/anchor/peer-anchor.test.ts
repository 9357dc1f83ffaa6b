// The anchoring cases of other annotation tools (the Hypothesis client, Apache Annotator,
// dom-anchor-text-quote, rehype-annotate), read in place from ../shared/peer-anchor beside the repository
// (or $PIZHU_SHARED/peer-anchor); its README says where each file came from. Each case is run through our
// anchoring on the case's text. Nothing may be placed on other words than the peer expects; where we
// differ on purpose, the case is listed in DIFFERENCES by name, with the reason.
//
// The HTML of a case is turned into text as the peers do: the text nodes of the document (or of the test's
// container) in order, which is what textContent gives. linkedom parses it; no layout is needed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { parse as parse5 } from 'parse5';
import { describe, expect, it } from 'vitest';
import { anchorQuote } from './anchor';
import { describeRange, type TextPositionSelector, type TextQuoteSelector } from './selectors';

const HERE = dirname(fileURLToPath(import.meta.url));
const PEER_DIR = join(resolve(process.env.PIZHU_SHARED ?? join(HERE, '../../../shared')), 'peer-anchor');
if (!existsSync(PEER_DIR)) throw new Error(`The peers' anchoring cases are missing at ${PEER_DIR}: tests read ../shared beside the clone (or set PIZHU_SHARED).`);
const read = (path: string) => readFileSync(join(PEER_DIR, path), 'utf8');
const readJson = <T>(path: string) => JSON.parse(read(path)) as T;

/**
 * Where we differ from a peer on purpose. `orphan`: they place it, we do not (the reason says which rule).
 * `places`: they find nothing, we place it on the quote's own words (the only ones in the text).
 * `bounds`: we place it on the same words, one end a character or two apart.
 */
const DIFFERENCES: Record<string, { we: 'orphan' | 'places' | 'bounds'; why: string }> = {
  // Our floor: a near match needs most of the quote (errors at most a fifth), and a quote stored
  // without context (so with nothing else to go by) is placed only when changed by at most a tenth.
  'hypothesis matchQuote: finds best approximate match if there is no exact match': { we: 'orphan', why: '"some years later" for "Many years later" changes 4 of 14 key units: beyond a fifth' },
  'hypothesis matchQuote: scores matches based on quote similarity (Some years later)': { we: 'orphan', why: '4 of 14 key units changed (case folded): beyond a fifth' },
  'hypothesis matchQuote: scores matches based on quote similarity (Some years after)': { we: 'orphan', why: 'more than half the quote changed' },
  'hypothesis matchQuote: uses `hint` as a tie-breaker to choose between matches with close scores (hint 305)': {
    we: 'orphan',
    why: '"befor us" without context differs by one of 7 key units, more than a tenth: a context-less quote changed that much is not placed',
  },
  'hypothesis matchQuote: uses `hint` as a tie-breaker to choose between matches with close scores (hint 331)': { we: 'orphan', why: 'as above' },
  'hypothesis matchQuote: uses `hint` as a tie-breaker to choose between matches with close scores (no hint)': { we: 'orphan', why: 'as above' },
  'dom-anchor-text-quote: finds a close exact quote': {
    we: 'orphan',
    why: '"commodo cites" without context differs from "commodo vitae" by 2 of 12: more than a tenth, and no context to vouch for it',
  },
  // Our floor: a short quote (under 16 key units) is placed only where its context agrees, even when
  // its words stand once in the text: short words recur, and a cut sentence must not move onto them.
  'hypothesis matchQuote: matches when prefix length is greater than the match start offset': {
    we: 'orphan',
    why: 'the prefix "It used to be many" agrees with "Many" only: a short quote whose context disagrees is not placed',
  },
  'hypothesis matchQuote: matches when match ends at end of text and there is a non-empty suffix': {
    we: 'orphan',
    why: '"text" with the suffix "missing" at the very end of the text: its only context disagrees',
  },
  'hypothesis matchQuote: finds match with best context match (3)': {
    we: 'orphan',
    why: 'the prefix "we had nout" agrees with neither "we had nothing" nor "we had everything" enough (over 4 of 9 letters differ): a short quote whose context disagrees is not placed',
  },
  'hypothesis matchQuote: finds match with best context match (7)': {
    we: 'orphan',
    why: 'the suffix "nutting" differs from "nothing" in 2 of 7 letters, under the three quarters a side must agree: a short quote whose context disagrees is not placed',
  },
  'dom-anchor-text-quote: succeeds with the best match even if the context fails': { we: 'orphan', why: 'both sides "bogomips": a short quote whose context disagrees is not placed' },
  // Our context allows edits (the page around a highlight changes) and our key ignores white space
  // (copies of an article differ in it): a context that mostly agrees is enough.
  'annotator text-quote match: with prefix, no matches': { we: 'places', why: 'the prefix "oopsum " agrees with "ipsum " in its last four letters: over half of it' },
  'annotator text-quote match: with suffix, no matches': { we: 'places', why: 'the suffix " amot" agrees with " amet" in its first two letters: half of it' },
  'annotator text-quote match: with suffix, no matches due to whitespace': { we: 'places', why: 'the key ignores white space: "dolor" is followed by "a" there' },
  'rehype-annotate: http://example.com/annotations1-inexact': { we: 'bounds', why: 'the quote ends "heirloom?" and so does the text: we take the "?", rehype-annotate stops before it' },
};

/** The listed differences whose case ran: each must, or the list names a case that is not there. */
const judged = new Set<string>();

/** A placement judged against the ranges the peer accepts (empty: it finds none). */
function judge(name: string, text: string, found: { start: number; end: number } | null, accepted: [number, number][], exact: string) {
  const difference = DIFFERENCES[name];
  judged.add(name);
  if (difference?.we === 'orphan') {
    expect(found, `${name}: we orphan it (${difference.why})`).toBeNull();
    return;
  }
  if (difference?.we === 'places') {
    expect(found && text.slice(found.start, found.end).replace(/\s/g, ''), `${name}: ${difference.why}`).toBe(exact.replace(/\s/g, ''));
    return;
  }
  if (difference?.we === 'bounds') {
    const [start, end] = accepted[0]!;
    expect(found, `${name}: placed`).not.toBeNull();
    expect(Math.abs(found!.start - start) + Math.abs(found!.end - end), `${name}: ${difference.why}`).toBeLessThanOrEqual(2);
    return;
  }
  if (!accepted.length) return expect(found, name).toBeNull();
  expect(found, `${name}: placed`).not.toBeNull();
  expect(accepted, `${name}: placed on the words the peer expects`).toContainEqual([found!.start, found!.end]);
}

const quoteOf = (exact: string, prefix = '', suffix = ''): TextQuoteSelector => ({ type: 'TextQuoteSelector', exact, prefix, suffix });
const positionOf = (start: number, end: number): TextPositionSelector => ({ type: 'TextPositionSelector', start, end });

/** The text nodes under `root`, in document order, each with its offset in root's text. */
function textNodes(root: Node): { node: Node; at: number }[] {
  const out: { node: Node; at: number }[] = [];
  let at = 0;
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        out.push({ node: child, at });
        at += child.nodeValue!.length;
      } else walk(child);
    }
  };
  walk(root);
  return out;
}

/** The offset in root's text of a DOM boundary point (a text node and a character, or an element and a child). */
function offsetOf(root: Node, container: Node, offset: number): number {
  let at = 0;
  let result = -1;
  const walk = (node: Node): boolean => {
    if (node === container) {
      result =
        node.nodeType === 3
          ? at + offset
          : at +
            Array.from(node.childNodes)
              .slice(0, offset)
              .reduce((sum, child) => sum + textOf(child).length, 0);
      return true;
    }
    if (node.nodeType === 3) at += node.nodeValue!.length;
    else for (const child of Array.from(node.childNodes)) if (walk(child)) return true;
    return false;
  };
  walk(root);
  if (result < 0) throw new Error('the boundary is not under the root');
  return result;
}

/** The text of a node's text nodes, joined (textContent, but also for a document). */
const textOf = (root: Node): string =>
  root.nodeType === 3
    ? root.nodeValue!
    : textNodes(root)
        .map((n) => n.node.nodeValue)
        .join('');

/** `//tag/text()[n]` (Annotator's expected ranges): the n-th text child of the first such element. */
function annotatorNode(document: Document, xpath: string): Node {
  const match = /^\/\/(\w+)\/text\(\)(?:\[(\d+)\])?$/.exec(xpath);
  if (!match) throw new Error(`unexpected XPath ${xpath}`);
  const element = document.getElementsByTagName(match[1]!)[0]!;
  return Array.from(element.childNodes).filter((n) => n.nodeType === 3)[Number(match[2] ?? 1) - 1]!;
}

/** A child path relative to the fixture (`/p/strong`, `/div[2]/text()[2]`) or a text node's index (Hypothesis' range specs). */
function hypothesisNode(fixture: Element, path: string | number): Node {
  if (typeof path === 'number') return textNodes(fixture)[path]!.node;
  let node: Node = fixture;
  for (const step of path.split('/').filter(Boolean)) {
    const match = /^([\w-]+|text\(\))(?:\[(\d+)\])?$/.exec(step)!;
    const nth = Number(match[2] ?? 1) - 1;
    const children = Array.from(node.childNodes).filter((child) => (match[1] === 'text()' ? child.nodeType === 3 : child.nodeType === 1 && (child as Element).tagName.toLowerCase() === match[1]));
    node = children[nth]!;
  }
  return node;
}

describe('Hypothesis client: matchQuote', () => {
  interface Case {
    test: string;
    text?: string;
    textLiteral?: string;
    quote: string;
    prefix?: string;
    suffix?: string;
    hint?: number;
    expect: null | { slice?: string; start?: number; overlaps?: [number, number] };
  }
  const data = readJson<{ texts: Record<string, string>; cases: Case[] }>('hypothesis-client/match-quote-cases.json');
  const names = new Map<string, number>();
  const named = data.cases.map((c) => {
    let name = `hypothesis matchQuote: ${c.test}`;
    if (c.test.startsWith('scores matches based on quote similarity')) name += ` (${c.quote})`;
    if (c.test.startsWith('uses `hint`')) name += c.hint === undefined ? ' (no hint)' : ` (hint ${c.hint})`;
    names.set(name, (names.get(name) ?? 0) + 1);
    return { name: names.get(name)! > 1 ? `${name} #${names.get(name)}` : name, c };
  });

  it.each(named)('$name', ({ name, c }) => {
    const text = c.textLiteral ?? data.texts[c.text!]!;
    const position = c.hint === undefined ? undefined : positionOf(c.hint, c.hint + c.quote.length);
    const found = anchorQuote(text, quoteOf(c.quote, c.prefix, c.suffix), position);
    const difference = DIFFERENCES[name];
    if (difference || c.expect === null) return judge(name, text, found, [], c.quote);
    expect(found, `${name}: placed`).not.toBeNull();
    const { slice, start, overlaps } = c.expect;
    if (slice !== undefined) expect(text.slice(found!.start, found!.end)).toBe(slice);
    if (start !== undefined) expect(found!.start).toBe(start);
    if (overlaps) expect(Math.min(found!.end, overlaps[1]) - Math.max(found!.start, overlaps[0])).toBeGreaterThan(0);
  });
});

describe('Hypothesis client: html range specs, described as the client does, anchored back', () => {
  interface Spec {
    description: string;
    range: { startContainer: string | number; startOffset: number; endContainer: string | number; endOffset: number };
    quote: string;
  }
  const { document } = parseHTML(`<html><body><div id="fixture">${read('hypothesis-client/html-anchoring-fixture.html')}</div></body></html>`);
  const fixture = document.getElementById('fixture')!;
  const text = textOf(fixture);
  const specs = readJson<Spec[]>('hypothesis-client/html-range-specs.json').map((spec, i) => ({ name: `#${i} ${spec.description}`, spec }));

  it.each(specs)('$name', ({ spec }) => {
    const { range } = spec;
    const start = offsetOf(fixture, hypothesisNode(fixture, range.startContainer), range.startOffset);
    const end = offsetOf(fixture, hypothesisNode(fixture, range.endContainer), range.endOffset);
    // The range resolves to the spec's own quote: our reading of the fixture is the client's.
    expect(text.slice(start, end)).toBe(spec.quote);
    const { position, quote } = describeRange(text, start, end);
    for (const found of [anchorQuote(text, quote), anchorQuote(text, quote, position)]) expect(found && [found.start, found.end]).toEqual([start, end]);
  });
});

describe('Hypothesis client: html baselines (annotations saved on the page, the page unchanged)', () => {
  interface Baseline {
    rows: { id: string; target: { selector: { type: string }[] }[] }[];
  }
  interface Parse5Node {
    nodeName: string;
    value?: string;
    childNodes?: Parse5Node[];
  }
  // The whole page goes through parse5, the HTML standard's parsing as a browser does it (where content
  // after </body> goes, for one); the text is the body's, as in the client's test.
  const bodyText = (html: string) => {
    const child = (node: Parse5Node, name: string) => node.childNodes!.find((n) => n.nodeName === name)!;
    const text = (node: Parse5Node): string => (node.nodeName === '#text' ? node.value! : (node.childNodes ?? []).map(text).join(''));
    return text(child(child(parse5(html) as Parse5Node, 'html'), 'body'));
  };
  const cases = ['minimal', 'wikipedia-regression-testing'].flatMap((page) => {
    // As the client's test: addresses broken so nothing loads.
    const text = bodyText(read(`hypothesis-client/html-baselines/${page}.html`).replace(/src=/g, 'data-src=').replace(/href=/g, 'data-href='));
    return readJson<Baseline>(`hypothesis-client/html-baselines/${page}.json`).rows.map((row) => {
      const selectors = row.target[0]!.selector;
      const position = selectors.find((s) => s.type === 'TextPositionSelector') as TextPositionSelector;
      const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as TextQuoteSelector;
      return { name: `${page} ${row.id}`, text, position, quote: { ...quote, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' } };
    });
  });

  it.each(cases)('$name', ({ text, position, quote }) => {
    // Where the words stand: at the saved position, unless our reading of the page and the browser's part
    // before it (by 5 characters, before the wikipedia page's footer): then where they stand after their prefix.
    const at = text.slice(position.start, position.end) === quote.exact ? position.start : text.indexOf(quote.prefix + quote.exact) + quote.prefix.length;
    expect(text.slice(at, at + quote.exact.length)).toBe(quote.exact);
    for (const found of [anchorQuote(text, quote, position), anchorQuote(text, quote)]) expect(found && [found.start, found.end]).toEqual([at, at + quote.exact.length]);
  });
});

interface AnnotatorRange {
  startContainerXPath: string;
  startOffset: number;
  endContainerXPath: string;
  endOffset: number;
}

/** A document of an Annotator case: its text (every text node, the head's too) and a range resolver. */
function annotatorDocument(html: string) {
  const { document } = parseHTML(html.includes('<html') ? html : `<html>${html.startsWith('<head>') ? html : `<body>${html}</body>`}</html>`);
  const root = document.documentElement;
  const text = textOf(root);
  const rangeOf = (r: AnnotatorRange): [number, number] => [
    offsetOf(root, annotatorNode(document, r.startContainerXPath), r.startOffset),
    offsetOf(root, annotatorNode(document, r.endContainerXPath), r.endOffset),
  ];
  return { text, rangeOf };
}

describe('Apache Annotator: text-quote match', () => {
  type Case = { html: string; selector: { exact: string; prefix?: string; suffix?: string }; expected: AnnotatorRange[] };
  const cases = Object.entries(readJson<Record<string, Case>>('incubator-annotator/text-quote-match-cases.json'));
  // An empty quote marks no words: we keep no highlight of nothing (anchorQuote gives null for it).
  it.each(cases.filter(([, c]) => !c.selector.exact))('%s (an empty quote: we place no highlight of nothing)', (_, c) => {
    const { text } = annotatorDocument(c.html);
    expect(anchorQuote(text, quoteOf('', c.selector.prefix, c.selector.suffix))).toBeNull();
  });

  it.each(cases.filter(([, c]) => c.selector.exact))('%s', (name, c) => {
    const { text, rangeOf } = annotatorDocument(c.html);
    const accepted = c.expected.map(rangeOf);
    const { exact, prefix, suffix } = c.selector;
    judge(`annotator text-quote match: ${name}`, text, anchorQuote(text, quoteOf(exact, prefix, suffix)), accepted, exact);
  });
});

describe('Apache Annotator: text-quote describe, inverted (the selector Annotator writes leads back to its range)', () => {
  type Case = { html: string; range: AnnotatorRange; expected: TextQuoteSelector };
  const groups = readJson<Record<string, Record<string, Case>>>('incubator-annotator/text-quote-describe-cases.json');
  const cases = Object.entries(groups).flatMap(([group, byName]) => Object.entries(byName).map(([name, c]) => [`${group}: ${name}`, c] as const));
  it.each(cases.filter(([, c]) => !c.expected.exact))('%s (an empty quote: we place no highlight of nothing)', (_, c) => {
    const { text } = annotatorDocument(c.html);
    expect(anchorQuote(text, quoteOf('', c.expected.prefix, c.expected.suffix))).toBeNull();
  });

  it.each(cases.filter(([, c]) => c.expected.exact))('%s', (name, c) => {
    const { text, rangeOf } = annotatorDocument(c.html);
    const range = rangeOf(c.range);
    expect(text.slice(...range)).toBe(c.expected.exact);
    const { exact, prefix, suffix } = c.expected;
    judge(`annotator text-quote describe: ${name}`, text, anchorQuote(text, quoteOf(exact, prefix, suffix)), [range], exact);
  });
});

describe('Apache Annotator: text-position match, with the quote beside the position', () => {
  type Case = { html: string; selector: { start: number; end: number }; expected: AnnotatorRange[] };
  const cases = Object.entries(readJson<Record<string, Case>>('incubator-annotator/text-position-match-cases.json'));
  // Position alone: we never trust a position without its words (the text may have changed), so a
  // TextPositionSelector by itself places nothing. With the expected range's words as the quote, it must
  // land on them, wherever Annotator's code-point offsets and our UTF-16 ones part.
  it.each(cases)('%s, position only (we need the quote: nothing is placed)', (_, c) => {
    const { text } = annotatorDocument(c.html);
    expect(anchorQuote(text, quoteOf(''), positionOf(c.selector.start, c.selector.end))).toBeNull();
  });

  it.each(cases)('%s, + the quote', (name, c) => {
    const { text, rangeOf } = annotatorDocument(c.html);
    const [start, end] = rangeOf(c.expected[0]!);
    const exact = text.slice(start, end);
    if (!exact) return expect(anchorQuote(text, quoteOf(exact), positionOf(c.selector.start, c.selector.end))).toBeNull();
    const found = anchorQuote(text, quoteOf(exact), positionOf(c.selector.start, c.selector.end));
    judge(`annotator text-position: ${name}`, text, found, [[start, end]], exact);
  });
});

describe('dom-anchor-text-quote: toRange', () => {
  interface Case {
    test: string;
    exact: string;
    prefix?: string;
    suffix?: string;
    hint?: 'first' | 'last';
    expect: null | { slice?: string; withinText?: string; start?: 'first' | 'last' };
  }
  const { document } = parseHTML(`<html><body><div id="root">${read('dom-anchor-text-quote/test.html')}</div></body></html>`);
  const text = textOf(document.getElementById('root')!);
  const cases = readJson<{ cases: Case[] }>('dom-anchor-text-quote/to-range-cases.json').cases;

  it.each(cases.map((c) => [c.test, c] as const))('%s', (test, c) => {
    const name = `dom-anchor-text-quote: ${test}`;
    const at = (which: 'first' | 'last') => (which === 'first' ? text.indexOf(c.exact) : text.lastIndexOf(c.exact));
    const position = c.hint ? positionOf(at(c.hint), at(c.hint) + c.exact.length) : undefined;
    // The hint as dom-anchor-text-quote means it: a place to prefer, not the words' place. Our position
    // selector is the words' place, so the hint is given one unit off, where the words do not stand.
    if (position) position.start += 1;
    const found = anchorQuote(text, quoteOf(c.exact, c.prefix, c.suffix), position);
    if (DIFFERENCES[name] || c.expect === null) return judge(name, text, found, [], c.exact);
    expect(found, `${name}: placed`).not.toBeNull();
    if (c.expect.slice !== undefined) expect(text.slice(found!.start, found!.end)).toBe(c.expect.slice);
    if (c.expect.withinText) {
      const within = text.indexOf(c.expect.withinText);
      expect(found!.start).toBeGreaterThanOrEqual(within);
      expect(found!.end).toBeLessThanOrEqual(within + c.expect.withinText.length);
    }
    if (c.expect.start) expect(found!.start).toBe(at(c.expect.start));
  });
});

describe('rehype-annotate: text-quote', () => {
  interface Item {
    id: string;
    target: { selector: { type: string; exact: string; prefix?: string; suffix?: string } };
  }
  const input = parseHTML(read('rehype-annotate/text-quote.input.html')).document;
  const output = parseHTML(read('rehype-annotate/text-quote.output.html')).document;
  const text = textOf(output.documentElement);
  const items = readJson<{ items: Item[] }>('rehype-annotate/text-quote.annotations.json').items;

  // The highlights are placed on the output's text: the input's but for a line break the output file starts with.
  it('marks the words without changing the text', () => {
    expect(text.trimStart()).toBe(textOf(input.documentElement).trimStart());
  });

  it.each(items.map((item) => [item.id, item] as const))('%s', (id, item) => {
    // Expected: the span of the text inside the elements that carry this annotation's id in the output.
    const root = output.documentElement;
    const marked = textNodes(root).filter(({ node }) => {
      for (let n: Node | null = node.parentNode; n; n = n.parentNode) if (n.nodeType === 1 && (n as Element).getAttribute('data-annotation-id') === id) return true;
      return false;
    });
    const accepted: [number, number][] = marked.length ? [[marked[0]!.at, marked.at(-1)!.at + marked.at(-1)!.node.nodeValue!.length]] : [];
    const { exact, prefix, suffix } = item.target.selector;
    judge(`rehype-annotate: ${id}`, text, anchorQuote(text, quoteOf(exact, prefix, suffix)), accepted, exact);
  });
});

describe('the list of differences', () => {
  it('names only cases that ran (this file runs its tests in order: this one last)', () => {
    expect(Object.keys(DIFFERENCES).filter((name) => !judged.has(name))).toEqual([]);
  });
});
