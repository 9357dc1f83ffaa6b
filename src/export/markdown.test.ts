import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { escapeLine, obsidianTag, toMarkdown, yamlString } from './markdown';
import { SAMPLE_LIBRARY, oneArticle } from '../../test/fixtures/export/sample-library';

const GOLDEN = new URL('../../test/fixtures/export/markdown.golden.md', import.meta.url);
const exported = new Date('2024-03-06T12:00:00.000Z');
const [reuters, nyt] = SAMPLE_LIBRARY.articles;

/** The front matter's fields; every value we write is a JSON-compatible YAML scalar or a list of them. */
function frontMatter(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  expect(match).not.toBeNull();
  const fields: Record<string, unknown> = {};
  let list: string | null = null;
  for (const line of match![1].split('\n')) {
    const item = /^ {2}- (.*)$/.exec(line);
    if (item && list) (fields[list] as unknown[]).push(JSON.parse(item[1]));
    else {
      const [, key, value] = /^(\w+):(?: (.*))?$/.exec(line)!;
      list = value === undefined ? key : null;
      fields[key] = value === undefined ? [] : JSON.parse(value);
    }
  }
  return fields;
}

describe('toMarkdown', () => {
  it('writes the whole library as the golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    const markdown = toMarkdown(SAMPLE_LIBRARY, { exported, lang: 'zh' });
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, markdown);
    expect(markdown).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('gives one article front matter of its own and a level-one title', () => {
    const markdown = toMarkdown(oneArticle(SAMPLE_LIBRARY, reuters.id), { exported, lang: 'en' });
    expect(frontMatter(markdown)).toEqual({
      title: reuters.title,
      source: 'Reuters',
      url: reuters.url,
      published: '2021-03-23T06:08:42.000Z',
      // When the archive copy was made, and its place in the archive: the reader's own file path stays out of a note meant to be shared.
      archived: '2021-03-23T07:00:05.000Z',
      archive_copy: 'articles/reuters/1040207.md',
      tags: ['中俄关系', '外交-政策', '分析', '经济'],
      exported: '2024-03-06T12:00:00.000Z',
    });
    expect(markdown).toContain(`\n# ${reuters.title}\n`);
    expect(markdown).not.toMatch(/^## /m);
    // Highlights in text order, whatever order the store gave them in.
    const colours = [...markdown.matchAll(/^> \[!quote\] (\w+)$/gm)].map((m) => m[1]);
    expect(colours).toEqual(['Yellow', 'Green', 'Pink']);
  });

  it('keeps a title that YAML or Markdown would misread', () => {
    const markdown = toMarkdown(oneArticle(SAMPLE_LIBRARY, nyt.id), { exported, lang: 'zh' });
    expect(frontMatter(markdown)).toMatchObject({ title: '#MeToo運動在中國：一場遲到的清算', source: '纽约时报', archived: '' });
    expect(markdown).toContain('\n# \\#MeToo運動在中國：一場遲到的清算\n');
  });

  it('prefixes every line of a multi-line quote, and shows the note, tags, date and link beneath', () => {
    const markdown = toMarkdown(oneArticle(SAMPLE_LIBRARY, reuters.id), { exported, lang: 'zh' });
    const block = markdown.slice(markdown.indexOf('> [!quote] 绿色'), markdown.indexOf('> [!quote] 粉色'));
    expect(block).toMatch(
      /^> \[!quote\] 绿色\n> "中俄\\\|美俄" 的关系 > 零和博弈，这一判断值得商榷。\n> 拉夫罗夫表示\n\n两种说法：\n\\- 零和\n\\- 非零和\n\n\\# 待查\n\n#外交-政策 #分析 · 2024-03-01 · \[原文\]\(https:\/\/cn\.reuters\.com\/[^\s()]+#:~:text=[^\s()]+\)\n\n$/,
    );
  });

  it('lists several articles under headings of their own, with the export as a whole in the front matter', () => {
    const markdown = toMarkdown(SAMPLE_LIBRARY, { exported, lang: 'en' });
    expect(frontMatter(markdown)).toMatchObject({ title: 'Pizhu export 2024-03-06', articles: 2, highlights: 6 });
    expect([...markdown.matchAll(/^## (.*)$/gm)].map((m) => m[1])).toEqual([reuters.title, '\\#MeToo運動在中國：一場遲到的清算']);
    expect(markdown).toContain('- Archived: 2021-03-23 07:00 UTC');
    expect(markdown).not.toContain('file:///');
    // The NYT article was never read from an archive copy.
    expect(markdown.match(/- Archived:/g)).toHaveLength(1);
  });

  it('leaves out articles without highlights and highlights without their article', () => {
    const lonely = { ...nyt, id: 'example.com/lonely', title: '无批注' };
    const stray = { ...SAMPLE_LIBRARY.annotations[0], id: 'stray', articleId: 'example.com/gone', quote: { ...SAMPLE_LIBRARY.annotations[0].quote, exact: '迷路的划线' } };
    const data = { ...SAMPLE_LIBRARY, articles: [...SAMPLE_LIBRARY.articles, lonely], annotations: [...SAMPLE_LIBRARY.annotations, stray] };
    const markdown = toMarkdown(data, { exported, lang: 'zh' });
    expect(markdown).not.toContain('无批注');
    expect(markdown).not.toContain('迷路的划线');
  });

  it('still writes a lone article that has no highlights', () => {
    const markdown = toMarkdown({ articles: [nyt], annotations: [], tombstones: [] }, { exported, lang: 'zh' });
    expect(frontMatter(markdown).tags).toEqual([]);
    expect(markdown.endsWith('\n# \\#MeToo運動在中國：一場遲到的清算\n')).toBe(true);
  });
});

describe('escapeLine', () => {
  it.each([
    ['# 标题', '\\# 标题'],
    ['> 引用', '\\> 引用'],
    ['- 列表', '\\- 列表'],
    ['+ 列表', '\\+ 列表'],
    ['1. 列表', '1\\. 列表'],
    ['1.5 倍', '1.5 倍'],
    ['---', '\\---'],
    ['a | b', 'a \\| b'],
    ['*强调* 和 _强调_', '\\*强调\\* 和 \\_强调\\_'],
    ['[[链接]]', '\\[\\[链接\\]\\]'],
    ['<b>html</b>', '\\<b>html\\</b>'],
    ['`代码`', '\\`代码\\`'],
    ['$100 和 $200', '\\$100 和 \\$200'],
    ['==高亮== ~~删除~~ %%注释%%', '\\==高亮\\== \\~~删除\\~~ \\%%注释\\%%'],
    ['&amp; 与 & 号', '&amp;amp; 与 & 号'],
    ['反斜杠 \\ 号', '反斜杠 \\\\ 号'],
    ['中国的#MeToo运动', '中国的\\#MeToo运动'],
    ['a > b', 'a > b'],
    // Addresses are autolinks, which no escape enters: Obsidian's link keeps its _ and #.
    ['参见 https://www.reuters.com/world/china/some_article_2021#top 一文', '参见 <https://www.reuters.com/world/china/some_article_2021#top> 一文'],
    ['见https://x.com/a_b。谢谢', '见<https://x.com/a_b>。谢谢'],
    ['他说“https://x.com/a”，又见https://x.com/b…', '他说“<https://x.com/a>”，又见<https://x.com/b>…'],
    ['(https://en.wikipedia.org/wiki/Foo_(bar)).', '(<https://en.wikipedia.org/wiki/Foo_(bar)>).'],
    // A sentence's and GFM's closing marks stay outside, as GFM leaves them.
    ['https://x.com/a?q=1&b=*2*, then _this_', '<https://x.com/a?q=1&b=*2>\\*, then \\_this\\_'],
    ['http://a.example/>x', '<http://a.example/>>x'],
  ])('%s', (line, escaped) => {
    expect(escapeLine(line)).toBe(escaped);
  });
});

describe('obsidianTag', () => {
  it.each([
    ['外交 政策', '外交-政策'],
    ['#分析', '分析'],
    ['##a  b', 'a-b'],
    ['中美/贸易', '中美/贸易'],
    ['a.b,c', 'a-b-c'],
    [' - ', ''],
  ])('%s → %s', (tag, cleaned) => {
    expect(obsidianTag(tag)).toBe(cleaned);
  });
});

describe('yamlString', () => {
  it('quotes and escapes so that a YAML (and JSON) reader gets the string back', () => {
    for (const value of ['普通', 'a: b #c', '"引号" \\ 反斜杠', '换\n行\t', '\u0007\u2028\ufeff', '- 列表', '']) {
      expect(JSON.parse(yamlString(value))).toBe(value);
    }
    expect(yamlString('中文')).toBe('"中文"');
  });
});

describe('what a GFM reader (micromark, as Obsidian reads GFM) makes of an escaped line', () => {
  const html = (line: string) => micromark(escapeLine(line), { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  const links = (line: string) => [...html(line).matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

  it('links an address in a note to itself, its _ and # kept', () => {
    expect(links('参见 https://www.reuters.com/world/china/some_article_2021#top 一文')).toEqual(['https://www.reuters.com/world/china/some_article_2021#top']);
    expect(links('见https://x.com/a_b。谢谢')).toEqual(['https://x.com/a_b']);
    expect(links('(https://en.wikipedia.org/wiki/Foo_(bar)).')).toEqual(['https://en.wikipedia.org/wiki/Foo_(bar)']);
  });

  it('shows the words around it as written', () => {
    const text = (line: string) =>
      html(line)
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .trim();
    for (const line of ['见https://x.com/a_b。谢谢', '*强调* 和 _强调_ https://x.com/?q=*2*', '# 标题 https://x.com/#a']) expect(text(line)).toBe(line);
  });
});
