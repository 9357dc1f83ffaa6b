// Property tests of the offset maps over every corpus file and both Reuters templates: model ranges
// map to DOM ranges that read back as the model's text, and DOM ranges map to the model text they hold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { AnyNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { cheerioDom, cheerioHtml, parseHtml } from '../../src/dom/cheerio-adapter';
import { DomOrder } from '../../src/dom/dom-order';
import type { DomRange } from '../../src/dom/dom-adapter';
import { readArchive } from '../../src/parse/archive-parser';
import { parseReutersPage } from '../../src/parse/reuters-page-parser';
import { articleText } from '../../src/text/article-text';
import { cleanText } from '../../src/text/clean-text';
import type { ArticleMap } from '../../src/text-map/article-map';
import { domToModel } from '../../src/text-map/dom-to-model';
import { modelRangeToDomPieces } from '../../src/text-map/model-to-dom';
import { corpusFiles, readCorpus, REPO_DIR, REUTERS_PAGE } from '../shared-data';
import { mappedOffsets, rangeText, textNodes } from './text-map-helpers';

interface Subject {
  name: string;
  root: AnyNode;
  map: ArticleMap<AnyNode>;
  text: string;
  /** The title came from the file's header, not from the DOM. */
  titleFromHeader: boolean;
}

const subjects: Subject[] = [
  ...corpusFiles().map((file) => {
    const { article, root, map } = readArchive(readCorpus(file), cheerioHtml, { map: true });
    return { name: file, root, map: map!, text: articleText(article).text, titleFromHeader: true };
  }),
  ...[
    ['saved cn.reuters.com page', readFileSync(REUTERS_PAGE, 'utf8'), 'https://cn.reuters.com/article/x'],
    ['Arc fixture', readFileSync(join(REPO_DIR, 'test/fixtures/arc-article.html'), 'utf8'), 'https://www.reuters.com/world/x/'],
  ].map(([name, html, url]) => {
    const root = parseHtml(html);
    const parsed = parseReutersPage(cheerioDom, root, url, { map: true })!;
    return { name, root, map: parsed.map!, text: articleText(parsed.article).text, titleFromHeader: false };
  }),
];

/** Offsets in the article text, ordered, possibly equal. */
const offsetPair = (length: number) => fc.tuple(fc.nat(length), fc.nat(length)).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);

describe.each(subjects)('offset maps: $name', ({ root, map, text, titleFromHeader }) => {
  const mapped = mappedOffsets(map);

  it('hold the article text (src/text/article-text.ts), and map every character of every block that is not white space', () => {
    expect(map.text).toBe(text);
    const unmapped: string[] = [];
    map.parts.forEach(({ start, mapped: part }, index) => {
      if (index === 0 && titleFromHeader) return;
      for (let i = 0; i < part.text.length; i++) if (/\S/.test(part.text[i]) && !mapped.has(start + i)) unmapped.push(`${index}:${i}:${part.text[i]}`);
    });
    expect(unmapped).toEqual([]);
  });

  it('model range → DOM ranges that read back, cleaned, as the model text, and cover every mapped character', () => {
    fc.assert(
      fc.property(offsetPair(text.length), ([start, end]) => {
        const pieces = modelRangeToDomPieces(map, start, end);
        const covered = new Set<number>();
        for (const piece of pieces) {
          expect(cleanText(rangeText(cheerioDom, root, piece.range))).toBe(cleanText(text.slice(piece.from, piece.to)));
          for (let i = piece.from; i < piece.to; i++) covered.add(i);
        }
        for (let i = start; i < end; i++) if (mapped.has(i)) expect(covered.has(i)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('DOM range → the model offsets of exactly the mapped characters inside it', () => {
    const nodes = textNodes(cheerioDom, root);
    const order = new DomOrder(cheerioDom);
    // Indices, not nodes: a failing case must print small (a node prints its whole tree).
    const place = fc.nat(nodes.length - 1).chain((i) => fc.tuple(fc.constant(i), fc.nat(cheerioDom.textData(nodes[i]).length)));
    fc.assert(
      fc.property(place, place, ([i, x], [j, y]) => {
        const a = { node: nodes[i], offset: x };
        const b = { node: nodes[j], offset: y };
        const range: DomRange<AnyNode> = order.compare(a, b) <= 0 ? { start: a, end: b } : { start: b, end: a };
        // Brute force: every mapped character whose DOM place lies inside the range.
        const inside = [...mapped.entries()].filter(([, at]) => order.compare(range.start, at.start) <= 0 && order.compare(at.end, range.end) <= 0).map(([i]) => i);
        const result = domToModel(cheerioDom, map, range);
        if (!inside.length) expect(result).toBeNull();
        else expect(result).toEqual({ start: Math.min(...inside), end: Math.max(...inside) + 1 });
      }),
      { numRuns: 40 },
    );
  });

  it('round trip: each DOM range of a model range maps back to the article characters it shows', () => {
    fc.assert(
      fc.property(offsetPair(text.length), ([start, end]) => {
        for (const piece of modelRangeToDomPieces(map, start, end)) {
          const shown = [...mapped.keys()].filter((i) => i >= piece.from && i < piece.to);
          expect(domToModel(cheerioDom, map, piece.range)).toEqual({ start: Math.min(...shown), end: Math.max(...shown) + 1 });
        }
      }),
      { numRuns: 40 },
    );
  });
});
