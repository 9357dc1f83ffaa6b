import { load } from 'cheerio/slim';
import render from 'dom-serializer';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusFiles, readCorpus, REUTERS_PAGE } from '../../test/shared-data';
import { cheerioDom, parseHtml } from './cheerio-adapter';
import { textContent } from './dom-adapter';

const cheerioTree = (html: string) => load(html, null, false).root()[0];

describe('parseHtml', () => {
  it.each([
    '<p>one<p>two<div>three</div>four</p>',
    '<ul><li>a<li>b</ul><table><tr><td>x<td>y</table>',
    '<b><i>crossed</b></i> after',
    '</span>stray close<br/>line</br>end</p>',
    '<svg><path d="M0"/><text>in svg</text></svg><p>after<img src=x>',
    '<select><option>a<option>b</select><dl><dt>t<dd>d</dl>',
    '<div><small>unclosed caption<p>paragraph</div>',
    '<imgsrc="data:x" srcset="a.jpg"><sourcetype="image/webp">',
    '<p>' + '<b>'.repeat(50) + 'deep' + '</b>'.repeat(30),
  ])('builds the same tree as cheerio: %s', (html) => {
    expect(render(parseHtml(html))).toBe(render(cheerioTree(html)));
  });

  it('builds the same tree as cheerio for archive bodies and the saved page', () => {
    const files = corpusFiles().filter((_, i) => i % 25 === 0);
    for (const html of [...files.map(readCorpus), readFileSync(REUTERS_PAGE, 'utf8')]) expect(render(parseHtml(html))).toBe(render(cheerioTree(html)));
  });

  it('parses 100,000 nested elements, keeping the text inside them', () => {
    const depth = 100_000;
    const root = parseHtml('<p>' + '<b>'.repeat(depth) + 'deep' + '</b>'.repeat(depth) + '</p><p>' + '<div>'.repeat(depth) + 'deeper');
    expect(textContent(cheerioDom, root)).toBe('deepdeeper');
  }, 20_000);
});
