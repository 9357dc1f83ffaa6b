import type { Article, ArticleProblem, Block } from '../model/article';
import { articleIdFromUrl, parseHttpUrl, sourceFromUrl } from '../model/article-id';
import { cheerioDom, parseHtml } from '../dom/cheerio-adapter';
import { parseEpochMs } from '../time/parse-time';
import { parseArchiveHeader } from './archive-header';
import { walkBlocks } from './block-walker';
import { SOURCE_RULES } from './source-rules';

/**
 * Parses an archive file (CONTRACT §1) into the article model. Never throws: a damaged file gives
 * what could be read and names what was wrong in `problems`.
 */
export function parseArchive(text: string): Article {
  const header = parseArchiveHeader(text);
  const problems: ArticleProblem[] = [...header.problems];
  const url = header.url ? parseHttpUrl(header.url) : null;
  if (header.url && !url && !problems.includes('missing-url')) problems.push('missing-url');
  const source = (url && sourceFromUrl(url)) ?? 'other';
  const rules = SOURCE_RULES[source];

  const dom = cheerioDom;
  const root = parseHtml(header.body);
  const meta = rules.meta(dom, root);
  const consumed = new Set(meta.consumed);
  const captions = new Set(meta.captions ?? []);
  const walked = walkBlocks(root, {
    dom,
    baseUrl: url?.href ?? 'https://invalid.invalid/',
    skip: (node) => consumed.has(node) || rules.skip(dom, node),
    isCaption: (node) => captions.has(node),
  });
  const byline = { byline: meta.byline };
  const blocks = rules.finish(walked.map((w) => w.block), byline);

  if (header.body && !blocks.length) problems.push('no-text');
  if (header.body && looksCutOff(header.body)) problems.push('body-cut-off');

  const title = header.title ?? firstLine(blocks) ?? '';
  return {
    id: url ? articleIdFromUrl(url) : `archive/${hash(`${header.epochMs}|${title}|${header.body.slice(0, 200)}`)}`,
    url: url?.href ?? '',
    source,
    title,
    publishedAt: meta.publishedAt,
    archivedAt: header.epochMs ? parseEpochMs(header.epochMs) : null,
    byline: byline.byline,
    blocks,
    origin: 'archive',
    problems,
  };
}

/** The archive writer ends every body with a closing tag; anything else means the file was cut. */
function looksCutOff(body: string): boolean {
  return !/>\s*$/.test(body);
}

/** A title for a file whose title line is gone: the start of its first text block. */
function firstLine(blocks: Block[]): string | null {
  for (const block of blocks) if (block.type !== 'image') return block.text.slice(0, 80);
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
