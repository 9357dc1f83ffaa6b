// Property tests: the parsers never throw, and never leave markup or entities in block text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArchive } from '../../src/parse/parse-archive';
import { parseReutersPage } from '../../src/parse/reuters-page-parser';
import { cheerioDom, parseHtml } from '../../src/dom/cheerio-adapter';
import { blockText } from '../../src/model/article';

const header = '<!--1616481063000-->\n[标题](https://cn.reuters.com/article/x-idCN1)\n------\n\n';

/** Words with no markup characters: whatever the parser outputs must be made of these and spaces. */
const word = fc.stringMatching(/^[a-z0-9中文路透北京（）“”。，\u3000 ]{1,12}$/);
/** Entities that decode to characters outside the markup alphabet. */
const entity = fc.constantFrom('&nbsp;', '&#20013;', '&#x6587;', '&quot;', '&ldquo;', '&hellip;');
const tag = fc.constantFrom(
  'p',
  'div',
  'span',
  'b',
  'i',
  'small',
  'section',
  'h2',
  'ul',
  'li',
  'figure',
  'figcaption',
  'a',
  'script',
  'style',
  'iframe',
  'svg',
  'noscript',
  'share-button',
  'table',
  'td',
);
const attr = fc.constantFrom('', ' class="x"', ' onclick="alert(1)"', ' style="display:none"', ' href="javascript:alert(1)"', ' data-src="https://a/b.jpg"', ' data-cy=\'[{"a":1}]\'');

/** HTML built from well-formed pieces, some of them nested, unclosed or self-closed. */
const html: fc.Arbitrary<string> = fc
  .letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      word,
      entity,
      fc.constantFrom('<br>', '<img src="https://a/x.jpg">', '<img src="javascript:x">', '<hr>', '</p>', '<p>'),
      fc.tuple(tag, attr, fc.array(tie('node'), { maxLength: 4 })).map(([t, a, kids]) => `<${t}${a}>${kids.join('')}</${t}>`),
    ),
  }))
  .node.map((s) => s);

const markupFree = (text: string) => !/[<>]/.test(text) && !/&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text);

describe('parseArchive properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        parseArchive(s);
        parseArchive(header + s);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no tags or entities in block text', () => {
    fc.assert(
      fc.property(fc.array(html, { maxLength: 6 }), (parts) => {
        const article = parseArchive(header + parts.join(''));
        for (const block of article.blocks) {
          expect(markupFree(blockText(block))).toBe(true);
          if (block.type === 'image') expect(block.src).toMatch(/^https?:\/\//);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never lets script or style text through', () => {
    fc.assert(
      fc.property(word, fc.constantFrom('script', 'style', 'template', 'iframe', 'noscript'), (secret, t) => {
        const article = parseArchive(`${header}<p>正文</p><${t}>SECRET${secret}</${t}>`);
        expect(article.blocks.map(blockText).join(' ')).not.toContain('SECRET');
      }),
    );
  });
});

describe('parseReutersPage properties', () => {
  it('never throws, and gives markup-free text when it recognizes a page', () => {
    fc.assert(
      fc.property(fc.array(html, { maxLength: 6 }), fc.boolean(), (parts, standard) => {
        const body = standard ? `<div class="StandardArticleBody_body">${parts.join('')}</div>` : parts.map((p, i) => `<p data-testid="paragraph-${i}">${p}</p>`).join('');
        const page = parseReutersPage(cheerioDom, parseHtml(`<html><body>${body}</body></html>`), 'https://cn.reuters.com/article/x');
        for (const block of page?.article.blocks ?? []) expect(markupFree(blockText(block))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
