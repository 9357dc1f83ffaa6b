// Archive files with markup nested 100,000 levels deep: the whole parse (header and body) finishes,
// through the parse command's own function and through the browser's DOM adapter, and keeps the text.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { liveDom } from '../../content-scripts/lib/live-dom';
import { readArchive } from '../../src/parse/archive-parser';
import { parseInput } from '../../src/parse/parse-input';
import { CORPUS_DIR } from '../shared-data';

const DEPTH = 100_000;
/** A real cn.reuters.com file's header: epoch line, title line, rule, blank line. */
const HEADER = readFileSync(join(CORPUS_DIR, 'reuters/1040207.md'), 'utf8').split('\n').slice(0, 4).join('\n') + '\n';
const PRELUDE = '<div><i>2021-03-23T06:08:42Z</i></div>';
const deepDivs = PRELUDE + '<div>'.repeat(DEPTH) + '<p>路透北京3月23日 - 最深处的段落。</p>' + '</div>'.repeat(DEPTH) + '<p>之后的段落。（完）</p>';
const deepBold = PRELUDE + '<p>路透北京3月23日 - ' + '<b>'.repeat(DEPTH) + '加粗的文字' + '</b>'.repeat(DEPTH) + '，段落的结尾。</p><p>（完）</p>';

const scratch = mkdtempSync(join(tmpdir(), 'pizhu-deep-'));
/** The parse command reads the file and hands its text to parseInput (src/cli/parse.ts). */
function parseFile(name: string, body: string) {
  const file = join(scratch, name);
  writeFileSync(file, HEADER + body);
  return parseInput(readFileSync(file, 'utf8'), file);
}

describe('an archive file nested 100,000 levels deep, through the parse command', () => {
  it('keeps the paragraph inside 100,000 <div>s', () => {
    const article = parseFile('divs.md', deepDivs);
    expect(article.source).toBe('reuters');
    expect(article.publishedAt).toBe('2021-03-23T06:08:42.000Z');
    expect(article.blocks).toEqual([
      { type: 'paragraph', text: '路透北京3月23日 - 最深处的段落。' },
      { type: 'paragraph', text: '之后的段落。（完）' },
    ]);
  }, 20_000);

  it('keeps the words inside 100,000 <b>s', () => {
    const article = parseFile('bold.md', deepBold);
    expect(article.blocks[0]).toEqual({ type: 'paragraph', text: '路透北京3月23日 - 加粗的文字，段落的结尾。' });
  }, 20_000);

  it('keeps a figure inside 100,000 <figure>s, a caption inside 100,000 <span>s, and list items 100,000 deep', () => {
    const body =
      PRELUDE +
      '<figure>'.repeat(DEPTH) +
      '<img src="https://static.reuters.com/a.jpg"><figcaption>图片说明。</figcaption>' +
      '</figure>'.repeat(DEPTH) +
      '<p>正文。</p><img src="https://static.reuters.com/b.jpg"><div><small>' +
      '<span>'.repeat(DEPTH) +
      '第二张图片的说明' +
      '</span>'.repeat(DEPTH) +
      '</small></div>' +
      '<ul><li>'.repeat(DEPTH) +
      '列表文字' +
      '</li></ul>'.repeat(DEPTH);
    expect(parseFile('figures.md', body).blocks).toEqual([
      { type: 'image', src: 'https://static.reuters.com/a.jpg', caption: '图片说明。' },
      { type: 'paragraph', text: '正文。' },
      { type: 'image', src: 'https://static.reuters.com/b.jpg', caption: '第二张图片的说明' },
      { type: 'paragraph', text: '列表文字', style: 'list-item' },
    ]);
  }, 30_000);
});

/**
 * The reader's path: the browser's DOM through `liveDom`, here linkedom's. The deep tree is built node
 * by node (a browser's parser builds it natively; linkedom's would spend its time in htmlparser2).
 */
describe('an archive body nested 100,000 levels deep, through the browser DOM adapter', () => {
  const build = (outer: string, inner: string, text: string): Node => {
    const document = new DOMParser().parseFromString(`<!doctype html><html><body>${PRELUDE}<p>路透北京3月23日 - </p><p>（完）</p></body></html>`, 'text/html') as unknown as Document;
    const body = document.body;
    let at: Node = document.createElement(outer);
    body.insertBefore(at, body.lastChild);
    for (let i = 1; i < DEPTH; i++) at = at.appendChild(document.createElement(inner));
    at.appendChild(document.createTextNode(text));
    return body;
  };
  const read = (body: Node) => readArchive(HEADER + '<p>deep</p>', { dom: liveDom, parse: () => body }, { map: true });

  it('keeps the text inside 100,000 <div>s, and maps it', () => {
    const { article, map } = read(build('div', 'div', '最深处的文字。'));
    expect(article.blocks.map((b) => b.type !== 'image' && b.text)).toEqual(['路透北京3月23日 -', '最深处的文字。', '（完）']);
    expect(map).not.toBeNull();
  }, 20_000);

  it('keeps the text inside 100,000 <b>s', () => {
    const { article } = read(build('p', 'b', '加粗的文字。'));
    expect(article.blocks.map((b) => b.type !== 'image' && b.text)).toEqual(['路透北京3月23日 -', '加粗的文字。', '（完）']);
  }, 20_000);
});
