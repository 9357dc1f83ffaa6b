import type { Article } from '../model/article';
import { cheerioDom, parseHtml } from '../dom/cheerio-adapter';
import { looksLikeArchive } from './archive-header';
import { parseArchive } from './parse-archive';
import { parseReutersPage } from './reuters-page-parser';

export class UnrecognizedInput extends Error {}

/**
 * Parses a file of either kind Pizhu reads: an archive file or a saved Reuters article page.
 * Throws UnrecognizedInput, with a one-line reason, for anything else.
 */
export function parseInput(text: string, location: string): Article {
  if (looksLikeArchive(text)) return parseArchive(text);
  if (!/<html[\s>]|<body[\s>]|<!doctype html/i.test(text.slice(0, 5000))) {
    throw new UnrecognizedInput('not an archive file (no <!--time--> / [title](url) header) and not an HTML page');
  }
  const page = parseReutersPage(cheerioDom, parseHtml(text), location);
  if (!page) throw new UnrecognizedInput('an HTML page, but not a Reuters article (no StandardArticle body, no Arc paragraphs)');
  return page.article;
}
