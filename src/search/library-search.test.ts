import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describeRange } from '../anchor/selectors';
import { LibrarySearch, type SearchQuery } from './library-search';
import { SAMPLE_LIBRARY } from '../../test/fixtures/export/sample-library';
import type { AnnotationRecord, ArticleRecord } from '../annotation/records';

const search = new LibrarySearch(SAMPLE_LIBRARY.articles, SAMPLE_LIBRARY.annotations);
/** Each hit as "article id: annotation ids", for short assertions. */
const ids = (query: SearchQuery, on = search) => on.search(query).map((hit) => `${hit.article.id.split('/')[0]}: ${hit.annotations.map((a) => a.id).join(' ')}`);

describe('LibrarySearch', () => {
  it('lists everything for an empty query: most recently annotated first, highlights in text order', () => {
    expect(ids({ text: '' })).toEqual(['cn.nytimes.com: b1 b2 b3', 'cn.reuters.com: a1 a2 a3']);
    expect(ids({ text: '   ' })).toEqual(ids({ text: '' }));
  });

  it('lists every highlight of an article whose title matches', () => {
    expect(ids({ text: 'metoo' })).toEqual(['cn.nytimes.com: b1 b2 b3']);
    expect(ids({ text: '守望相助' })).toEqual(['cn.reuters.com: a1 a2 a3']);
  });

  it('otherwise lists only the highlights that match, in quote, note or tags', () => {
    expect(ids({ text: '桂林' })).toEqual(['cn.reuters.com: a1']);
    expect(ids({ text: '待查' })).toEqual(['cn.reuters.com: a2']);
    expect(ids({ text: '经济' })).toEqual(['cn.reuters.com: a3']);
    expect(ids({ text: '#经济' })).toEqual(['cn.reuters.com: a3']);
    expect(ids({ text: 'weibo' })).toEqual(['cn.nytimes.com: b1']);
    expect(ids({ text: '不存在的词' })).toEqual([]);
  });

  it('needs every word, each anywhere in the highlight or its article’s title', () => {
    expect(ids({ text: '桂林 王毅' })).toEqual(['cn.reuters.com: a1']);
    expect(ids({ text: '桂林 零和' })).toEqual([]);
    // 守望相助 only in the title, 桂林 only in one quote.
    expect(ids({ text: '守望相助 桂林' })).toEqual(['cn.reuters.com: a1']);
    expect(ids({ text: '中俄关系' })).toEqual(['cn.nytimes.com: b1', 'cn.reuters.com: a1']);
  });

  it('matches across Traditional and Simplified, widths and case', () => {
    expect(ids({ text: '审查者' })).toEqual(['cn.nytimes.com: b3']);
    expect(ids({ text: '審查' })).toEqual(['cn.nytimes.com: b3']);
    expect(ids({ text: '中國外長' })).toEqual(['cn.reuters.com: a1']);
    expect(ids({ text: 'ＭｅＴｏｏ' })).toEqual(['cn.nytimes.com: b1 b2 b3']);
    expect(ids({ text: '「这不是' })).toEqual(['cn.nytimes.com: b2']);
  });

  it('filters by colour and by exact tag, with or without text', () => {
    expect(ids({ text: '', colors: ['yellow'] })).toEqual(['cn.nytimes.com: b3', 'cn.reuters.com: a1']);
    expect(ids({ text: '', colors: ['green', 'purple'] })).toEqual(['cn.nytimes.com: b2', 'cn.reuters.com: a2']);
    expect(ids({ text: '', colors: [] })).toEqual(ids({ text: '' }));
    expect(ids({ text: '', tag: '中俄关系' })).toEqual(['cn.nytimes.com: b1', 'cn.reuters.com: a1']);
    expect(ids({ text: '', tag: '中俄' })).toEqual([]);
    expect(ids({ text: '', tag: '外交 政策' })).toEqual(['cn.reuters.com: a2']);
    // A matching title still lists only highlights that pass the filters.
    expect(ids({ text: 'metoo', colors: ['yellow'] })).toEqual(['cn.nytimes.com: b3']);
    expect(ids({ text: '中俄关系', colors: ['blue'] })).toEqual(['cn.nytimes.com: b1']);
  });

  it('lists tags by how often they are used, then by name', () => {
    expect(search.tags()).toEqual(['中俄关系', '#分析', 'MeToo', '外交 政策', '审查', '经济']);
  });

  it('skips articles without highlights and highlights without an article', () => {
    const lonely: ArticleRecord = { ...SAMPLE_LIBRARY.articles[0], id: 'example.com/lonely', annotatedAt: '2030-01-01T00:00:00.000Z' };
    const stray: AnnotationRecord = { ...SAMPLE_LIBRARY.annotations[0], id: 'stray', articleId: 'example.com/gone' };
    const wider = new LibrarySearch([...SAMPLE_LIBRARY.articles, lonely], [...SAMPLE_LIBRARY.annotations, stray]);
    expect(ids({ text: '' }, wider)).toEqual(ids({ text: '' }));
  });

  it('breaks ties on the newest annotation, and orders an article without annotatedAt by it', () => {
    const [reuters, nyt] = SAMPLE_LIBRARY.articles;
    const same = '2024-03-05T14:30:00.000Z';
    const tied = new LibrarySearch([{ ...reuters, annotatedAt: same }, nyt], SAMPLE_LIBRARY.annotations);
    // Both were annotated "at" the same time; the NYT's newest annotation (b2, 14:30) beats Reuters' (09:15).
    expect(ids({ text: '' }, tied)).toEqual(['cn.nytimes.com: b1 b2 b3', 'cn.reuters.com: a1 a2 a3']);
    const imported = new LibrarySearch([reuters, { ...nyt, annotatedAt: null }], SAMPLE_LIBRARY.annotations);
    expect(ids({ text: '' }, imported)[0]).toBe('cn.nytimes.com: b1 b2 b3');
  });
});

// Simplified news text of our own: the pool the properties draw quotes from.
const SIMPLIFIED = [
  '国务院新闻办公室周三发表白皮书，介绍过去十年台湾海峡两岸经济往来的情况。',
  '发言人说，这些数据说明两岸关系的发展符合双方民众的根本利益，并表示将继续推动贸易与投资。',
  '分析人士认为，后疫情时代的复苏仍面临诸多挑战，出口增速或将放缓，央行可能进一步降息。',
  '报道称，该公司发布的新款手机采用国产芯片，这在业内引起了广泛关注和讨论。',
];

function library(paragraphs: string[], ranges: [number, number, number][]) {
  const articles: ArticleRecord[] = paragraphs.map((_, i) => ({
    id: `example.com/${i}`,
    url: `https://example.com/${i}`,
    title: `第${i}篇`,
    source: 'other',
    publishedAt: null,
    seenAt: [],
    annotatedAt: null,
  }));
  const annotations: AnnotationRecord[] = ranges.map(([p, start, end], i) => ({
    id: `h${i}`,
    articleId: articles[p].id,
    color: 'yellow',
    ...describeRange(paragraphs[p], start, end),
    parserVersion: 1,
    note: '',
    tags: [],
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z',
  }));
  return { articles, annotations };
}

/** Paragraph index, then a range inside it. */
const range = (paragraphs: string[]) =>
  fc
    .nat(paragraphs.length - 1)
    .chain((p) => fc.nat(paragraphs[p].length - 1).chain((start) => fc.integer({ min: start + 1, max: paragraphs[p].length }).map((end) => [p, start, end] as [number, number, number])));

describe('LibrarySearch properties', () => {
  it('finds a highlight by any part of its quote', () => {
    const alphabet = fc.constantFrom(...'中国台湾臺灣发發经濟济ＡＢＣabcXYZ019１２ ，。-「」');
    const paragraphs = fc.array(
      fc.array(alphabet, { minLength: 1, maxLength: 60 }).map((cs) => cs.join('')),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(
        paragraphs.chain((ps) => fc.tuple(fc.constant(ps), fc.array(range(ps), { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), fc.nat())),
        ([ps, ranges, which, a, b]) => {
          const { articles, annotations } = library(ps, ranges);
          const target = annotations[which % annotations.length];
          const exact = target.quote.exact;
          const from = a % exact.length;
          const part = exact.slice(from, from + 1 + (b % (exact.length - from)));
          const hits = new LibrarySearch(articles, annotations).search({ text: part });
          return part.trim() === '' || hits.some((hit) => hit.annotations.includes(target));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds a Simplified quote by its Traditional form, and the other way round', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const traditional = SIMPLIFIED.map(toTraditional);
    expect(traditional[0]).toContain('臺灣');
    fc.assert(
      fc.property(range(SIMPLIFIED), ([p, start, end]) => {
        const simplified = library(SIMPLIFIED, [[p, start, end]]);
        const query = toTraditional(SIMPLIFIED[p].slice(start, end));
        const found = new LibrarySearch(simplified.articles, simplified.annotations).search({ text: query });
        expect(found.map((hit) => hit.annotations.map((a) => a.id))).toEqual([['h0']]);
        // A Traditional article's highlight, found by the Simplified words.
        const inTraditional = library(traditional, [[p, start, end]]);
        const back = new LibrarySearch(inTraditional.articles, inTraditional.annotations).search({ text: SIMPLIFIED[p].slice(start, end) });
        expect(back.map((hit) => hit.annotations.map((a) => a.id))).toEqual([['h0']]);
      }),
      { numRuns: 500 },
    );
  });
});
