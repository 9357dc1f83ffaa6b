import Papa from 'papaparse';
import { sourceName } from './markdown';
import type { LibraryData } from '../annotation/library-data';
import type { AnnotationRecord, ArticleRecord } from '../annotation/records';
import { inTextOrder } from '../annotation/order';
import { utcDateTime } from '../annotation/time';
import { type UiLang, uiMessage } from '../i18n/ui-messages';
import { webAddress } from '../annotation/archive-path';

/** Readwise's CSV import columns (readwise.io/import_bulk), in its order. */
export const READWISE_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'] as const;

/**
 * Highlights as a CSV that Readwise imports: one row per highlight, articles in the order given and
 * highlights in text order. Author is the source's name (news articles rarely name one); Location
 * the highlight's start in the article text; Date its creation in UTC. Tags ride in the note as
 * Readwise's inline tags (`.tag1 .tag2 ` before the note's text). Cells a spreadsheet would run as
 * formulas get a leading apostrophe (FORMULA_START); UTF-8 BOM so Excel reads Chinese. URL is the
 * article's web address only, never a file on the reader's disk; an article without a title has
 * the UI's "untitled".
 */
export function toReadwiseCsv(data: LibraryData, options: { lang?: UiLang } = {}): string {
  const lang = options.lang ?? 'zh';
  const articles = new Map(data.articles.map((article) => [article.id, article]));
  const rows: (string | number)[][] = [];
  const order = new Map(data.articles.map((article, index) => [article.id, index]));
  const annotations = data.annotations.filter((annotation) => articles.has(annotation.articleId)).sort((a, b) => order.get(a.articleId)! - order.get(b.articleId)! || inTextOrder(a, b));
  for (const annotation of annotations) rows.push(readwiseRow(articles.get(annotation.articleId)!, annotation, lang));
  return `\uFEFF${Papa.unparse({ fields: [...READWISE_COLUMNS], data: rows }, { escapeFormulae: FORMULA_START })}`;
}

/** One highlight's row, in READWISE_COLUMNS order. */
export function readwiseRow(article: ArticleRecord, annotation: AnnotationRecord, lang: UiLang): (string | number)[] {
  const title = article.title.trim() || uiMessage(lang, 'untitled');
  return [annotation.quote.exact, title, sourceName(article, lang), webAddress(article), readwiseNote(annotation), annotation.position.start, readwiseDate(annotation.created)];
}

/**
 * A cell a spreadsheet would read as a formula: one starting with =, +, -, @ after any leading
 * whitespace or line breaks (spreadsheets skip them), or with a tab or a carriage return.
 * papaparse's own pattern (`/^[=+\-@\t\r].*$/`) misses a cell with a line break in it, as `.`
 * stops at one, and a formula behind spaces.
 */
export const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/** Readwise reads a note that starts with `.word` as a tag; tags may hold no spaces. */
export function readwiseTag(tag: string): string {
  return tag
    .trim()
    .replace(/^[#.]+/, '')
    .replace(/\s+/g, '-');
}

export function readwiseNote(annotation: Pick<AnnotationRecord, 'note' | 'tags'>): string {
  const tags = [...new Set(annotation.tags.map(readwiseTag).filter(Boolean))].map((tag) => `.${tag}`);
  return [...tags, annotation.note.trim()].filter(Boolean).join(' ');
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, as Readwise's import reads it; empty for a date that does not parse. */
export function readwiseDate(iso: string): string {
  return utcDateTime(new Date(iso), 'seconds');
}
