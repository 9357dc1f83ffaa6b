import type { Article, ArticleProblem } from '../model/article';
import { articleIdFromUrl, parseHttpUrl, sourceFromUrl } from '../model/article-id';
import { unmapped } from '../text/mapped-text';
import { buildArticleMap, type ArticleMap } from '../text-map/article-map';
import { parseEpochMs } from '../time/parse-time';
import { parseArchiveHeader } from './archive-header';
import type { HtmlParser } from './html-parser';
import { SOURCE_RULES } from './sources';
import { TreeText } from './tree-text';
import { commonFinish, dedupeByline, settleTime } from './sources/common';
import { walkBlocks } from './walk/block-walker';
import { draftReadingText, draftText, toBlock, type DraftBlock } from './walk/draft-block';
import { limitNesting } from './limit-nesting';

export interface ReadArchiveOptions {
  /** Build the map from the article text to the body's DOM (only where that DOM is shown). */
  map?: boolean;
}

export interface ReadArchive<N> {
  article: Article;
  /** The body's tree, and with `map` the article text's map onto it (the title comes from the header: unmapped). */
  root: N;
  map: ArticleMap<N> | null;
}

/**
 * Parses an archive file (the header src/parse/archive-header.ts reads, then the body's HTML) into
 * the article model (src/model/article.ts), with whichever HTML parser the platform has. Never throws: a damaged file gives what could be read and names what was wrong.
 */
export function readArchive<N>(text: string, html: HtmlParser<N>, options: ReadArchiveOptions = {}): ReadArchive<N> {
  const header = parseArchiveHeader(text);
  const problems: ArticleProblem[] = [...header.problems];
  const url = header.url ? parseHttpUrl(header.url) : null;
  if (header.url && !url && !problems.includes('missing-url')) problems.push('missing-url');
  const source = (url && sourceFromUrl(url)) ?? 'other';
  const rules = SOURCE_RULES[source];

  const { dom } = html;
  // Flattened past any article's depth first: a browser's own parser slows with the square of it.
  const root = html.parse(limitNesting(header.body));
  const meta = rules.meta(dom, root);
  // A few nodes at most (the time, the byline); captions, where a source names them.
  const consumed = meta.consumed;
  const captions = meta.captions?.length ? new Set(meta.captions) : null;
  const tree = new TreeText(dom);
  const walked = walkBlocks(root, {
    dom,
    baseUrl: url?.href ?? null,
    track: options.map,
    tree,
    skip: (node) => consumed.includes(node) || rules.skip(dom, node, tree),
    isCaption: captions ? (node) => captions.has(node) : undefined,
    isFigure: rules.isFigure ? (node) => rules.isFigure!(dom, node) : undefined,
  });
  const own = rules.finish(walked, meta.byline);
  const { blocks: drafts, byline } = commonFinish(own.blocks, own.byline);

  if (header.body && !drafts.length) problems.push('no-text');
  if (header.body && looksCutOff(header.body)) problems.push('body-cut-off');

  const title = rules.title(header.title ?? firstLine(drafts) ?? '', url);
  const archivedAt = header.epochMs ? parseEpochMs(header.epochMs) : null;
  const article: Article = {
    id: url ? articleIdFromUrl(url) : `archive/${hash(`${header.epochMs}|${title}|${header.body.slice(0, 200)}`)}`,
    url: url?.href ?? '',
    source,
    title,
    publishedAt: settleTime(meta, archivedAt),
    archivedAt,
    byline: dedupeByline(byline),
    blocks: drafts.map(toBlock),
    origin: 'archive',
    problems,
  };
  const map = options.map ? buildArticleMap(unmapped<N>(title), drafts.map(draftReadingText)) : null;
  return { article, root, map };
}

/** The archive writer ends every body with a closing tag; anything else means the file was cut. */
function looksCutOff(body: string): boolean {
  // From the end, past white space (a regular expression would try every '>' of the body).
  let end = body.length;
  while (end > 0 && /\s/.test(body[end - 1]!)) end--;
  return body[end - 1] !== '>';
}

/** A title for a file whose title line is gone: the start of its first text block. */
function firstLine<N>(blocks: DraftBlock<N>[]): string | null {
  for (const block of blocks) if (block.type !== 'image') return draftText(block).slice(0, 80);
  return null;
}

/** FNV-1a: a stable id for a file that names no URL. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
