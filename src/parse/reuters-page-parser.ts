import type { Article, Block } from '../model/article';
import { articleIdFromUrl, parseHttpUrl } from '../model/article-id';
import { type DomAdapter, findAll, findFirst, hasClass, is, textContent } from '../dom/dom-adapter';
import { cleanText } from '../text/clean-text';
import { parseZonedDate } from '../time/parse-time';
import { walkBlocks } from './block-walker';
import { applyReutersMarkup } from './reuters-markup';

/** The model of a page, and for each block the element it came from (where highlights are painted). */
export interface ParsedPage<N> {
  article: Article;
  origins: N[];
}

/** A credit line opening the body: "整理 李爽", "编译：王兴亮", "记者 …". */
const CREDIT_LINE = /^(整理|编译|撰稿|记者|采写|文)\s*[:：]?\s*\S.{0,30}$/;
/** Bylines that name nobody. */
const GENERIC_BYLINE = /^(Reuters Staff|Reuters Editorial|路透)$/i;
const SITE_SUFFIX = /\s*[-|–]\s*(路透中文网|路透|Reuters)\s*$/i;

/**
 * Parses a Reuters article page: the StandardArticle template (cn.reuters.com and www.reuters.com,
 * about 2018-2022) or the later Arc template (`data-testid`). Returns null for any other page.
 */
export function parseReutersPage<N>(dom: DomAdapter<N>, root: N, pageUrl: string): ParsedPage<N> | null {
  const standardBody = findFirst(dom, root, is(dom, 'div', 'StandardArticleBody_body'));
  if (standardBody) return parseStandardArticle(dom, root, standardBody, pageUrl);
  const arcParagraph = findFirst(dom, root, isArcParagraph(dom));
  if (arcParagraph) return parseArcArticle(dom, root, pageUrl);
  return null;
}

function parseStandardArticle<N>(dom: DomAdapter<N>, root: N, body: N, pageUrl: string): ParsedPage<N> {
  const headline = findFirst(dom, root, is(dom, 'h1', 'ArticleHeader_headline'));
  const channel = findFirst(dom, root, is(dom, 'div', 'ArticleHeader_channel'));
  const bylineBar = findFirst(dom, root, is(dom, null, 'BylineBar_byline'));

  // The credit line is the body's first paragraph when it is one: the byline, not article text.
  const firstParagraph = dom.children(body).find((n) => dom.isElement(n) && dom.tagName(n) === 'p');
  const credit = firstParagraph ? cleanText(textContent(dom, firstParagraph)) : '';
  const creditNode = firstParagraph && CREDIT_LINE.test(credit) ? firstParagraph : null;

  const noise = ['Attribution_container', 'StandardArticleBody_trustBadgeContainer', 'Image_expand-button', 'StandardArticleBody_dianomi-container'];
  const walked = walkBlocks(body, {
    dom,
    baseUrl: pageUrl,
    skip: (node) => node === creditNode || noise.some((c) => hasClass(dom, node, c)),
  });
  const blocks = applyReutersMarkup(walked.map((w) => fullSizeImage(w.block)));
  const barText = bylineBar ? cleanText(textContent(dom, bylineBar)) : '';
  const byline = creditNode ? credit : barText && !GENERIC_BYLINE.test(barText) ? barText : null;

  return pageArticle(dom, root, pageUrl, {
    headline,
    timeKeys: ['og:article:published_time', 'article:published_time'],
    byline,
    section: channel ? cleanText(textContent(dom, channel)) : undefined,
    blocks,
    origins: walked.map((w) => w.origin),
  });
}

const isArcParagraph = <N>(dom: DomAdapter<N>) => (node: N) => /^paragraph-\d+$/.test(dom.attr(node, 'data-testid') ?? '');

function parseArcArticle<N>(dom: DomAdapter<N>, root: N, pageUrl: string): ParsedPage<N> {
  const headline = findFirst(dom, root, (n) => dom.tagName(n) === 'h1' && dom.attr(n, 'data-testid') === 'Heading');
  const paragraph = isArcParagraph(dom);
  const parts = findAll(
    dom,
    root,
    (n) => paragraph(n) || (dom.tagName(n) === 'h2' && dom.attr(n, 'data-testid') === 'Heading') || (dom.tagName(n) === 'figure' && !!findFirst(dom, n, (c) => dom.tagName(c) === 'img')),
  );
  const blocks: Block[] = [];
  const origins: N[] = [];
  for (const node of parts) {
    if (dom.tagName(node) === 'figure') {
      for (const w of walkBlocks(node, { dom, baseUrl: pageUrl })) if (w.block.type === 'image') {
        blocks.push(w.block);
        origins.push(node);
      }
      continue;
    }
    const text = cleanText(textContent(dom, node));
    if (!text) continue;
    blocks.push(dom.tagName(node) === 'h2' ? { type: 'heading', text } : { type: 'paragraph', text });
    origins.push(node);
  }
  const authors = [...new Set(findAll(dom, root, (n) => dom.tagName(n) === 'a' && dom.attr(n, 'rel') === 'author').map((a) => cleanText(textContent(dom, a))).filter(Boolean))];
  return pageArticle(dom, root, pageUrl, {
    headline,
    timeKeys: ['article:published_time', 'og:article:published_time'],
    byline: authors.length ? authors.join(', ') : null,
    blocks: applyReutersMarkup(blocks),
    origins,
  });
}

interface PageParts<N> {
  headline: N | null;
  /** Metadata names of the publication time, in order of trust. */
  timeKeys: string[];
  byline: string | null;
  section?: string;
  blocks: Block[];
  origins: N[];
}

/** What both templates share: identity, title, time, and the model around their blocks. */
function pageArticle<N>(dom: DomAdapter<N>, root: N, pageUrl: string, parts: PageParts<N>): ParsedPage<N> {
  return {
    article: {
      ...pageIdentity(dom, root, pageUrl),
      title: parts.headline ? cleanText(textContent(dom, parts.headline)) : pageTitle(dom, root),
      publishedAt: publishedTime(dom, root, parts.timeKeys),
      archivedAt: null,
      byline: parts.byline,
      ...(parts.section ? { section: parts.section } : {}),
      blocks: parts.blocks,
      origin: 'page',
      problems: parts.blocks.length ? [] : ['no-text'],
    },
    origins: parts.origins,
  };
}

/** The canonical URL names the article; the address bar may carry tracking parameters. */
function pageIdentity<N>(dom: DomAdapter<N>, root: N, pageUrl: string): Pick<Article, 'id' | 'url' | 'source'> {
  const canonical = findFirst(dom, root, (n) => dom.tagName(n) === 'link' && (dom.attr(n, 'rel') ?? '').split(/\s+/).includes('canonical'));
  const candidates = [canonical ? dom.attr(canonical, 'href') : null, metaContent(dom, root, 'og:url'), pageUrl];
  const url = candidates.map((c) => (c ? parseHttpUrl(c, pageUrl) : null)).find((u) => u !== null) ?? null;
  return { id: url ? articleIdFromUrl(url) : pageUrl, url: url?.href ?? pageUrl, source: 'reuters' };
}

function metaContent<N>(dom: DomAdapter<N>, root: N, key: string): string | null {
  const meta = findFirst(dom, root, (n) => dom.tagName(n) === 'meta' && (dom.attr(n, 'property') === key || dom.attr(n, 'name') === key));
  return meta ? dom.attr(meta, 'content') : null;
}

/** Metadata first; the JSON-LD is read with a pattern because Reuters' is not valid JSON (single quotes). */
function publishedTime<N>(dom: DomAdapter<N>, root: N, keys: string[]): string | null {
  for (const key of keys) {
    const value = metaContent(dom, root, key);
    const time = value ? parseZonedDate(value) : null;
    if (time) return time;
  }
  for (const script of findAll(dom, root, (n) => dom.tagName(n) === 'script')) {
    const type = dom.attr(script, 'type') ?? '';
    if (type !== 'application/ld+json' && dom.attr(script, 'id') !== 'fusion-metadata') continue;
    const raw = dom.children(script).map((c) => dom.textData(c)).join('');
    const match = /"(?:datePublished|published_time|display_date)"\s*:\s*"([^"]+)"/.exec(raw);
    const time = match ? parseZonedDate(match[1]) : null;
    if (time) return time;
  }
  return null;
}

function pageTitle<N>(dom: DomAdapter<N>, root: N): string {
  const og = metaContent(dom, root, 'og:title');
  if (og) return cleanText(og);
  const title = findFirst(dom, root, (n) => dom.tagName(n) === 'title');
  return title ? cleanText(dom.children(title).map((c) => dom.textData(c)).join('')).replace(SITE_SUFFIX, '') : '';
}

/** The lead image's src is a 20-pixel placeholder (`&w=20`); the same URL without `w` is the full image. */
function fullSizeImage(block: Block): Block {
  if (block.type !== 'image') return block;
  const src = block.src.replace(/([?&])w=\d+(&|$)/, (_, lead: string, tail: string) => (tail ? lead : '')).replace(/[?&]$/, '');
  return { ...block, src };
}
