// Every real archive file in ../shared/corpus parses into the contract's model, cleanly.
import { describe, expect, it } from 'vitest';
import { parseArchive } from '../../src/parse/parse-archive';
import { articleIdFromUrl } from '../../src/model/article-id';
import { SOURCES } from '../../src/model/article';
import { corpusFiles, readCorpus } from '../shared-data';

const files = corpusFiles();
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const TAG = /<\/?[a-z][a-z0-9-]*(\s[^>]*)?\/?>/i;
const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z]+);/i;

describe('the corpus', () => {
  it('has the files the contract describes', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
  });

  describe.each(files)('%s', (path) => {
    const text = readCorpus(path);
    const article = parseArchive(text);
    const dir = path.split('/')[0].replace(/-old$/, '');

    it('has the contract fields, with the source of its folder', () => {
      expect(SOURCES).toContain(article.source);
      expect(article.source).toBe(dir);
      expect(article.id).toBe(articleIdFromUrl(new URL(article.url)));
      expect(article.title.length).toBeGreaterThan(0);
      expect(article.archivedAt).toMatch(ISO_UTC);
      if (article.publishedAt !== null) expect(article.publishedAt).toMatch(ISO_UTC);
      expect(article.problems).toEqual([]);
    });

    it('reads the archive time from line 1', () => {
      const epoch = Number(/^<!--(\d+)-->/.exec(text)![1]);
      expect(Date.parse(article.archivedAt!)).toBe(epoch);
    });

    it('gives clean blocks: no tags, entities, feed footer or caption credits as text', () => {
      expect(article.blocks.length).toBeGreaterThan(0);
      for (const block of article.blocks) {
        const words = block.type === 'image' ? [block.caption ?? '', block.credit ?? ''] : [block.text];
        for (const text of words) {
          expect(text).not.toMatch(TAG);
          expect(text).not.toMatch(ENTITY);
          expect(text).not.toMatch(/获取更多RSS|feedx\.|^\s|\s$|\s{2}/);
        }
        if (block.type === 'image') expect(block.src).toMatch(/^https?:\/\//);
        else {
          expect(block.text.length).toBeGreaterThan(0);
          expect(block.text).not.toMatch(/^图像来源|^分享\s*:|^来自FT中文网的温馨提示|^©/);
        }
      }
    });

    if (dir === 'reuters') {
      it('reads Reuters markup: publication time, no ** left, the end mark last', () => {
        const stamp = /<div><i>([^<]+)<\/i><\/div>/.exec(text)![1];
        expect(article.publishedAt).toBe(new Date(stamp).toISOString());
        for (const block of article.blocks) if (block.type !== 'image') expect(block.text).not.toContain('**');
        const last = article.blocks.at(-1)!;
        // Table and chart articles may end on a data row; stories end with the end mark.
        if (/[（(]完[）)]/.test(text)) expect(last.type === 'paragraph' && /[（(]完[）)]$/.test(last.text)).toBe(true);
      });
    }
  });
});
