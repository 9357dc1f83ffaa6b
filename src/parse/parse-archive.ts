import type { Article } from '../model/article';
import { cheerioHtml } from '../dom/cheerio-adapter';
import { readArchive } from './archive-parser';

/** An archive file's model, parsed with cheerio (Node: the parse command, tests, benchmarks). */
export function parseArchive(text: string): Article {
  return readArchive(text, cheerioHtml).article;
}
