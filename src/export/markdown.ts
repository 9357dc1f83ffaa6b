import { passageLink } from './passage-link';
import { type UiLang, uiMessage } from '../i18n/ui-messages';
import type { LibraryData } from '../annotation/library-data';
import { inTextOrder } from '../annotation/order';
import type { AnnotationRecord, ArticleRecord, Color } from '../annotation/records';
import { groupByArticle } from '../annotation/library-data';
import { articleArchivePath, webAddress } from '../annotation/archive-path';
import { utcDateTime, utcDay } from '../annotation/time';
import { siteName } from '../annotation/site';

/*
 * Markdown for Obsidian (and any CommonMark reader).
 *
 * One article: YAML front matter (title, source, url, published, archived, tags, exported), then
 * `# title` and its highlights. Several articles: front matter for the export as a whole (title,
 * exported, counts, the union of tags), `# title of the export`, then per article `## title`, a list
 * of its metadata, and its highlights. Articles keep the order the caller gives (a search result's
 * order); an article without highlights is left out of a several-article export.
 *
 * A highlight is an Obsidian callout, `> [!quote] 黄色`: it renders as a framed quote titled with
 * the colour's name in Obsidian, and as a plain block quote whose first line names the colour
 * elsewhere. Its note follows as paragraphs, then one line: tags as `#tags`, the date it was made
 * (UTC, so one library exports the same file anywhere) and a link back to the passage.
 * Quotes, notes and titles are escaped so that what the reader typed or read shows as written.
 * Addresses on the reader's disk never appear: an archive copy is named by its place in the archive
 * (`articles/reuters/1040207.md`); an article without a web address has no URL line, one without a
 * title the UI's "untitled".
 */

export interface MarkdownOptions {
  exported: Date;
  lang: UiLang;
}

/** A colour's name as the extension's own UI gives it. */
export const colorName = (color: Color, lang: UiLang) => uiMessage(lang, `color${color[0]!.toUpperCase()}${color.slice(1)}`);

/** A source's name as the extension's own UI gives it; "other" names the host. */
export function sourceName(article: Pick<ArticleRecord, 'source' | 'url'>, lang: UiLang): string {
  return article.source === 'other' ? siteName(article.url) : uiMessage(lang, `source_${article.source}`);
}

const LABELS = {
  zh: { colon: '：', export: '批注导出', source: '来源', url: '网址', published: '发表', archived: '存档', copy: '存档副本', tags: '标签', link: '原文' },
  en: { colon: ': ', export: 'Pizhu export', source: 'Source', url: 'URL', published: 'Published', archived: 'Archived', copy: 'Archive copy', tags: 'Tags', link: 'original' },
};

export function toMarkdown(data: LibraryData, options: MarkdownOptions): string {
  const byArticle = groupByArticle(data.annotations);
  for (const group of byArticle.values()) group.sort(inTextOrder);
  if (data.articles.length === 1) {
    const article = data.articles[0];
    return singleArticle(article, byArticle.get(article.id) ?? [], options);
  }
  const articles = data.articles.filter((article) => byArticle.has(article.id));
  return severalArticles(articles, byArticle, options);
}

function singleArticle(article: ArticleRecord, annotations: AnnotationRecord[], options: MarkdownOptions): string {
  const copy = articleArchivePath(article);
  const front = frontMatter([
    ['title', article.title],
    ['source', sourceName(article, options.lang)],
    ['url', webAddress(article)],
    ['published', article.publishedAt ?? ''],
    ['archived', article.archivedAt ?? ''],
    ...(copy ? [['archive_copy', copy] as [string, string]] : []),
    ['tags', tagUnion(annotations)],
    ['exported', options.exported.toISOString()],
  ]);
  return joinBlocks([front, `# ${heading(article, options.lang)}`, ...annotations.map((a) => highlight(article, a, options.lang))]);
}

/** The article's title as a heading: one line, escaped; the UI's "untitled" when it has none. */
function heading(article: ArticleRecord, lang: UiLang): string {
  return escapeLine(article.title.trim() || uiMessage(lang, 'untitled'));
}

function severalArticles(articles: ArticleRecord[], byArticle: Map<string, AnnotationRecord[]>, options: MarkdownOptions): string {
  const all = articles.flatMap((article) => byArticle.get(article.id) ?? []);
  const blocks = severalHead(articles.length, all.length, tagUnion(all), options);
  for (const article of articles) blocks.push(...articleSection(article, byArticle.get(article.id) ?? [], options.lang));
  return joinBlocks(blocks);
}

/** The head of a several-article export: front matter (counts, the union of tags) and the title. */
export function severalHead(articles: number, highlights: number, tags: string[], options: MarkdownOptions): string[] {
  const title = `${LABELS[options.lang].export} ${dayOf(options.exported.toISOString())}`;
  const front = frontMatter([
    ['title', title],
    ['exported', options.exported.toISOString()],
    ['articles', articles],
    ['highlights', highlights],
    ['tags', tags],
  ]);
  return [front, `# ${escapeLine(title)}`];
}

/** One article of a several-article export: its heading, its metadata, its highlights (in text order). */
export function articleSection(article: ArticleRecord, annotations: AnnotationRecord[], lang: UiLang): string[] {
  return [`## ${heading(article, lang)}`, metadataList(article, annotations, lang), ...annotations.map((a) => highlight(article, a, lang))];
}

function metadataList(article: ArticleRecord, annotations: AnnotationRecord[], lang: UiLang): string {
  const labels = LABELS[lang];
  const tags = tagUnion(annotations);
  const item = (label: string, value: string) => (value ? `- ${label}${labels.colon}${value}` : '');
  const url = webAddress(article);
  const items = [
    item(labels.source, escapeLine(sourceName(article, lang))),
    item(labels.url, url ? autolink(url) : ''),
    item(labels.published, article.publishedAt ? minuteOf(article.publishedAt) : ''),
    item(labels.archived, article.archivedAt ? minuteOf(article.archivedAt) : ''),
    item(labels.copy, escapeLine(articleArchivePath(article) ?? '')),
    item(labels.tags, tags.map((tag) => `#${tag}`).join(' ')),
  ];
  return items.filter(Boolean).join('\n');
}

function highlight(article: ArticleRecord, annotation: AnnotationRecord, lang: UiLang): string {
  const quoteLines = annotation.quote.exact.split(LINE_BREAK).map((line) => escapeLine(line.trim()));
  const callout = [`> [!quote] ${colorName(annotation.color, lang)}`, ...quoteLines.map((line) => (line ? `> ${line}` : '>'))].join('\n');
  const note = annotation.note.trim() ? escapeNote(annotation.note.trim()) : '';
  const link = passageLink(webAddress(article), annotation.quote);
  const meta = [
    uniqueTags(annotation.tags)
      .map((tag) => `#${tag}`)
      .join(' '),
    dayOf(annotation.created),
    link ? `[${LABELS[lang].link}](${markdownDestination(link)})` : '',
  ].filter(Boolean);
  return [callout, note, meta.join(' · ')].filter(Boolean).join('\n\n');
}

/**
 * An Obsidian tag: letters, digits, `_`, `-` and `/` only, so spaces and other marks become `-`;
 * a leading `#` is dropped. Empty when nothing is left.
 */
export function obsidianTag(tag: string): string {
  return tag
    .trim()
    .replace(/^#+/, '')
    .replace(/[^\p{L}\p{N}\p{M}_/-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags.map(obsidianTag).filter(Boolean))];
}

function tagUnion(annotations: AnnotationRecord[]): string[] {
  return uniqueTags(annotations.flatMap((annotation) => annotation.tags));
}

type FrontValue = string | number | string[];

/** YAML front matter; every string double-quoted, so titles starting with "#" or holding ": " stay strings. */
function frontMatter(fields: [string, FrontValue][]): string {
  const lines = ['---'];
  for (const [key, value] of fields) {
    if (typeof value === 'number') lines.push(`${key}: ${value}`);
    else if (typeof value === 'string') lines.push(`${key}: ${yamlString(value)}`);
    else if (value.length === 0) lines.push(`${key}: []`);
    else lines.push(`${key}:`, ...value.map((item) => `  - ${yamlString(item)}`));
  }
  lines.push('---');
  return lines.join('\n');
}

/** A YAML double-quoted scalar: Chinese as is; quotes, backslashes and control characters escaped. */
export function yamlString(value: string): string {
  const escaped = value.replace(/["\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => {
    if (c === '"') return '\\"';
    if (c === '\\') return '\\\\';
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

/**
 * One line of text as Markdown that shows it as written: marks that open emphasis, code, links,
 * HTML, math, tags, tables, Obsidian highlights (==), comments (%%) and strikes (~~) are escaped
 * with a backslash, and so is a start that would make a heading, list, quote or rule.
 */
export function escapeLine(line: string): string {
  // A line break inside would start a new, unescaped line: CommonMark ends a line at \r too.
  const flat = line.replace(LINE_BREAK, ' ');
  let text = '';
  let done = 0;
  for (const found of flat.matchAll(ADDRESS)) {
    const address = trimAddress(found[0]);
    text += escapeMarks(flat.slice(done, found.index)) + `<${address}>`;
    done = found.index + address.length;
  }
  text += escapeMarks(flat.slice(done));
  // These open a quote, a list, a rule or a setext heading at the start of a line.
  return text.replace(/^([-+=>])/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

function escapeMarks(text: string): string {
  return text
    .replace(/[\\`*_[\]<#|$]/g, '\\$&')
    .replace(/([=~%])(?=\1)/g, '\\$1')
    .replace(/&(?=#?\w+;)/g, '&amp;');
}

/**
 * A web address in the text (a note's source): written as an autolink, `<https://…>`, which no
 * escape can enter. Escaped as text, its `\_` and `\#` would stay in the link Obsidian and other
 * GFM readers make of a bare address. It ends at a space, at quotation marks, dashes and ellipses,
 * at Chinese punctuation or letters ("见https://x.com/a。", "他说“https://x.com/a”"), and before the
 * punctuation that closes a sentence or a bracket. An address pasted from a browser has its Chinese
 * percent-encoded; one typed with Chinese in its path is cut there, as a Chinese sentence after it would be.
 */
const ADDRESS = /https?:\/\/[^\s<>"\u2010-\u205e\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/gi;

function trimAddress(address: string): string {
  let out = address.replace(/[.,:;!?'"*_~]+$/, '');
  // A closing bracket is the address's own only if it opened one ("…/Foo_(bar)").
  while (out.endsWith(')') && out.split('(').length < out.split(')').length) out = out.slice(0, -1).replace(/[.,:;!?'"*_~]+$/, '');
  return out;
}

/** Every way a line ends, for CommonMark (\n, \r\n, a lone \r) and for editors that also end one at U+2028/U+2029. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/** A note keeps its lines; leading spaces become no-break spaces so no line turns into code. */
function escapeNote(note: string): string {
  return note
    .split(LINE_BREAK)
    .map((line) => {
      const indent = /^[ \t]*/.exec(line)![0];
      return '\u00a0'.repeat(indent.replace(/\t/g, '  ').length) + escapeLine(line.slice(indent.length).trimEnd());
    })
    .join('\n');
}

/**
 * A link destination that Markdown reads to its end, whatever the address holds: whitespace and
 * control characters (a line break would end the link and start a reference definition), angle
 * brackets, parentheses and backslashes percent-encoded; half a surrogate pair becomes U+FFFD.
 */
export function markdownDestination(url: string): string {
  return url.replace(/[\s\u0000-\u001f\u007f-\u009f<>()\\]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => {
    if (c.length === 1 && c >= '\ud800' && c <= '\udfff') return '%EF%BF%BD';
    return [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  });
}

/** `<url>`: an autolink that no escaping inside the address can break. */
function autolink(url: string): string {
  return `<${markdownDestination(url)}>`;
}

/** Dates in the file are UTC, so one library exports the same file wherever it is exported. */
const dayOf = (iso: string) => utcDay(new Date(iso));
const minuteOf = (iso: string) => {
  const text = utcDateTime(new Date(iso), 'minutes');
  return text ? `${text} UTC` : iso;
};

/** Blocks separated by one blank line; the file ends with a newline. */
export function joinBlocks(blocks: string[]): string {
  return `${blocks.filter(Boolean).join('\n\n')}\n`;
}
