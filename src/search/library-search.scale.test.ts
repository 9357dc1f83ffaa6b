import { describe, expect, it } from 'vitest';
import { LibrarySearch, type SearchQuery } from './library-search';
import { foldForSearch } from './fold';
import { type AnnotationRecord, type ArticleRecord, COLORS } from '../annotation/records';

// A library the size the popup must stay quick at: 1,000 articles, 10,000 highlights, made from a
// seeded generator so every run builds the same one.
const WORDS = '中国 台湾 臺灣 经济 經濟 贸易 政策 外交 美国 俄罗斯 选举 疫情 央行 利率 出口 芯片 审查 人权 香港 军事 能源 气候 股市 汇率'.split(' ');
const TAGS = ['经济', '外交', '人权', '待查', '科技 政策', '#重要'];

function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

function makeLibrary() {
  const next = random(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join('，');
  const articles: ArticleRecord[] = [];
  const annotations: AnnotationRecord[] = [];
  for (let i = 0; i < 1000; i++) {
    const id = `example.com/news/${i}`;
    const day = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString();
    articles.push({ id, url: `https://${id}`, title: `${sentence(3)}报道${i}`, source: 'other', publishedAt: null, seenAt: [], annotatedAt: day });
    for (let j = 0; j < 10; j++) {
      const exact = sentence(25).slice(0, 100);
      annotations.push({
        id: `${i}-${j}`,
        articleId: id,
        color: pick(COLORS),
        position: { type: 'TextPositionSelector', start: (10 - j) * 200, end: (10 - j) * 200 + exact.length },
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        parserVersion: 1,
        note: next() < 0.3 ? `笔记：${sentence(4)}` : '',
        tags: next() < 0.5 ? [pick(TAGS)] : [],
        created: day,
        modified: day,
      });
    }
  }
  return { articles, annotations };
}

/** The same semantics, written as plainly as possible, to check the real one against. */
function reference(articles: ArticleRecord[], annotations: AnnotationRecord[], query: SearchQuery): string[] {
  const words = foldForSearch(query.text).split(/\s+/).filter(Boolean);
  const has = (text: string, word: string) => foldForSearch(text).includes(word);
  const out: string[] = [];
  const sorted = [...articles].sort((a, b) => (a.annotatedAt! < b.annotatedAt! ? 1 : -1));
  for (const article of sorted) {
    const own = annotations.filter((a) => a.articleId === article.id).sort((a, b) => a.position.start - b.position.start);
    const titleHit = words.every((w) => has(article.title, w));
    const kept = own.filter(
      (a) =>
        (!query.colors?.length || query.colors.includes(a.color)) &&
        (query.tag === undefined || a.tags.includes(query.tag)) &&
        (titleHit || words.every((w) => has(a.quote.exact, w) || has(a.note, w) || a.tags.some((t) => has(`#${t}`, w)) || has(article.title, w))),
    );
    if (kept.length) out.push(`${article.id}: ${kept.map((a) => a.id).join(' ')}`);
  }
  return out;
}

describe('LibrarySearch at 10,000 highlights', () => {
  const { articles, annotations } = makeLibrary();
  let started = performance.now();
  const search = new LibrarySearch(articles, annotations);
  const coldMs = performance.now() - started;
  // Again, with the folding table built and the code warm, as when the popup opens a second time.
  started = performance.now();
  new LibrarySearch(articles, annotations);
  const buildMs = performance.now() - started;
  console.log(`LibrarySearch, 10,000 highlights: first build ${coldMs.toFixed(1)} ms, next ${buildMs.toFixed(1)} ms`);

  it.each<SearchQuery>([
    { text: '' },
    { text: '臺灣' },
    { text: '经济 芯片' },
    { text: '報道99' },
    { text: '笔记 外交', colors: ['pink', 'blue'] },
    { text: '', tag: '科技 政策' },
    { text: '#重要 香港' },
    { text: '不存在' },
  ])('agrees with the plain reading for %j', (query) => {
    started = performance.now();
    const hits = search.search(query);
    const searchMs = performance.now() - started;
    console.log(`LibrarySearch, 10,000 highlights: ${JSON.stringify(query)} in ${searchMs.toFixed(2)} ms, ${hits.length} articles`);
    expect(hits.map((hit) => `${hit.article.id}: ${hit.annotations.map((a) => a.id).join(' ')}`)).toEqual(reference(articles, annotations, query));
  });

  it('lists all 1,000 articles and 10,000 highlights for an empty query', () => {
    const hits = search.search({ text: '' });
    expect(hits).toHaveLength(1000);
    expect(hits.reduce((n, hit) => n + hit.annotations.length, 0)).toBe(10_000);
    expect(hits[0].article.id).toBe('example.com/news/999');
    expect(search.tags()).toHaveLength(TAGS.length);
  });
});
