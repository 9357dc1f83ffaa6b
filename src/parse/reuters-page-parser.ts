import type { Article } from '../model/article';
import { articleIdFromUrl, parseHttpUrl } from '../model/article-id';
import { type DomAdapter, findAll, findFirst, is, textContent } from '../dom/dom-adapter';
import { cleanText } from '../text/clean-text';
import { joinMapped, unmapped, type MappedText } from '../text/mapped-text';
import { buildArticleMap, type ArticleMap } from '../text-map/article-map';
import { parseZonedDate } from '../time/parse-time';
import { BYLINE_CREDIT } from './credits';
import { applyReutersMarkup } from './sources/reuters-markup';
import { isReutersNoise } from './sources/reuters-noise';
import { walkBlocks } from './walk/block-walker';
import { draftReadingText, toBlock, type DraftBlock } from './walk/draft-block';

/** The model of a page and, when asked for, the map from its article text to the page's text nodes. */
export interface ParsedPage<N> {
  article: Article;
  map: ArticleMap<N> | null;
}

export interface PageOptions {
  /** Build the map (the live page, where highlights are painted). */
  map?: boolean;
}

/** Bylines that name nobody. */
const GENERIC_BYLINE = /^(Reuters Staff|Reuters Editorial|路透)$/i;
const SITE_SUFFIX = /\s*[-|–]\s*(路透中文网|路透|Reuters)\s*$/i;

/**
 * Parses a Reuters article page: the StandardArticle template (cn.reuters.com and www.reuters.com,
 * about 2018-2022) or the later Arc template (`data-testid`). Returns null for any other page.
 */
export function parseReutersPage<N>(dom: DomAdapter<N>, root: N, pageUrl: string, options: PageOptions = {}): ParsedPage<N> | null {
  const standardBody = findFirst(dom, root, is(dom, 'div', 'StandardArticleBody_body'));
  if (standardBody) return parseStandardArticle(dom, root, standardBody, pageUrl, options.map ?? false);
  const arcParagraph = findFirst(dom, root, isArcParagraph(dom));
  if (arcParagraph) return parseArcArticle(dom, root, pageUrl, options.map ?? false);
  return null;
}

function parseStandardArticle<N>(dom: DomAdapter<N>, root: N, body: N, pageUrl: string, track: boolean): ParsedPage<N> {
  const headline = findFirst(dom, root, is(dom, 'h1', 'ArticleHeader_headline'));
  const channel = findFirst(dom, root, is(dom, 'div', 'ArticleHeader_channel'));
  const bylineBar = findFirst(dom, root, is(dom, null, 'BylineBar_byline'));

  // The credit line is the body's first paragraph when it is one: the byline, not article text.
  const firstParagraph = dom.children(body).find((n) => dom.isElement(n) && dom.tagName(n) === 'p');
  const credit = firstParagraph ? cleanText(textContent(dom, firstParagraph)) : '';
  const creditNode = firstParagraph && BYLINE_CREDIT.test(credit) ? firstParagraph : null;

  const walked = walkBlocks(body, {
    dom,
    baseUrl: pageUrl,
    track,
    skip: (node) => node === creditNode || isReutersNoise(dom, node),
  });
  const blocks = applyReutersMarkup(walked.map(fullSizeImage));
  const barText = bylineBar ? cleanText(textContent(dom, bylineBar)) : '';
  const byline = creditNode ? credit : barText && !GENERIC_BYLINE.test(barText) ? barText : null;

  return pageArticle(dom, root, pageUrl, {
    headline,
    timeKeys: ['og:article:published_time', 'article:published_time'],
    byline,
    section: channel ? cleanText(textContent(dom, channel)) : undefined,
    blocks,
    track,
  });
}

const isArcParagraph =
  <N>(dom: DomAdapter<N>) =>
  (node: N) =>
    /^paragraph-\d+$/.test(dom.attr(node, 'data-testid') ?? '');

function parseArcArticle<N>(dom: DomAdapter<N>, root: N, pageUrl: string, track: boolean): ParsedPage<N> {
  const headline = findFirst(dom, root, (n) => dom.tagName(n) === 'h1' && dom.attr(n, 'data-testid') === 'Heading');
  const paragraph = isArcParagraph(dom);
  const isHeading = (n: N) => dom.tagName(n) === 'h2' && dom.attr(n, 'data-testid') === 'Heading';
  const isFigure = (n: N) => dom.tagName(n) === 'figure' && !!findFirst(dom, n, (c) => dom.tagName(c) === 'img');
  const blocks: DraftBlock<N>[] = [];
  for (const node of findAll(dom, root, (n) => paragraph(n) || isHeading(n) || isFigure(n))) {
    const walked = walkBlocks(node, { dom, baseUrl: pageUrl, track, pageLineBreaks: true });
    if (isFigure(node)) {
      blocks.push(...walked.filter((w) => w.type === 'image'));
      continue;
    }
    // One part is one block, whatever its inner markup: its text pieces join with a space.
    const text = joinMapped(walked.filter((w) => w.type !== 'image').map(draftReadingText), ' ');
    if (text.text) blocks.push(isHeading(node) ? { type: 'heading', text } : { type: 'paragraph', text });
  }
  const authors = [
    ...new Set(
      findAll(dom, root, (n) => dom.tagName(n) === 'a' && dom.attr(n, 'rel') === 'author')
        .map((a) => cleanText(textContent(dom, a)))
        .filter(Boolean),
    ),
  ];
  return pageArticle(dom, root, pageUrl, {
    headline,
    timeKeys: ['article:published_time', 'og:article:published_time'],
    byline: authors.length ? authors.join(', ') : null,
    blocks: applyReutersMarkup(blocks),
    track,
  });
}

interface PageParts<N> {
  headline: N | null;
  /** Metadata names of the publication time, in order of trust. */
  timeKeys: string[];
  byline: string | null;
  section?: string;
  blocks: DraftBlock<N>[];
  track: boolean;
}

/** What both templates share: identity, title, time, and the model around their blocks. */
function pageArticle<N>(dom: DomAdapter<N>, root: N, pageUrl: string, parts: PageParts<N>): ParsedPage<N> {
  const title = parts.headline ? headlineText(dom, parts.headline, parts.track) : unmapped<N>(pageTitle(dom, root));
  return {
    article: {
      ...pageIdentity(dom, root, pageUrl),
      title: title.text,
      publishedAt: publishedTime(dom, root, parts.timeKeys),
      archivedAt: null,
      byline: parts.byline,
      ...(parts.section ? { section: parts.section } : {}),
      blocks: parts.blocks.map(toBlock),
      origin: 'page',
      problems: parts.blocks.length ? [] : ['no-text'],
    },
    map: parts.track ? buildArticleMap(title, parts.blocks.map(draftReadingText)) : null,
  };
}

/** The headline's text, with its map: the title is article text a reader can highlight too. */
function headlineText<N>(dom: DomAdapter<N>, headline: N, track: boolean): MappedText<N> {
  return joinMapped(
    walkBlocks(headline, { dom, baseUrl: null, track })
      .filter((w) => w.type !== 'image')
      .map(draftReadingText),
    ' ',
  );
}

/**
 * The canonical URL names the article; the address bar may carry tracking parameters. A page's own
 * script can write either tag, so canonical and `og:url` count only on Reuters' own hosts: a
 * cn.reuters.com page cannot pose as another site's article.
 */
function pageIdentity<N>(dom: DomAdapter<N>, root: N, pageUrl: string): Pick<Article, 'id' | 'url' | 'source'> {
  const canonical = findFirst(dom, root, (n) => dom.tagName(n) === 'link' && (dom.attr(n, 'rel') ?? '').split(/\s+/).includes('canonical'));
  const named = [canonical ? dom.attr(canonical, 'href') : null, metaContent(dom, root, 'og:url')];
  const claimed = named.map((c) => (c ? parseHttpUrl(c, pageUrl) : null)).find((u) => u !== null && isReutersHost(u.hostname)) ?? null;
  const url = claimed ?? parseHttpUrl(pageUrl, pageUrl);
  return { id: url ? articleIdFromUrl(url) : pageUrl, url: url?.href ?? pageUrl, source: 'reuters' };
}

/** reuters.com or a subdomain of it: not "evilreuters.com", not "reuters.com.evil.org". */
export function isReutersHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'reuters.com' || host.endsWith('.reuters.com');
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
    const raw = dom
      .children(script)
      .map((c) => dom.textData(c))
      .join('');
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
  return title
    ? cleanText(
        dom
          .children(title)
          .map((c) => dom.textData(c))
          .join(''),
      ).replace(SITE_SUFFIX, '')
    : '';
}

/** The lead image's src is a 20-pixel placeholder (`&w=20`); the same URL without `w` is the full image. */
function fullSizeImage<N>(block: DraftBlock<N>): DraftBlock<N> {
  if (block.type !== 'image') return block;
  const src = block.src.replace(/([?&])w=\d+(&|$)/, (_, lead: string, tail: string) => (tail ? lead : '')).replace(/[?&]$/, '');
  return { ...block, src };
}
