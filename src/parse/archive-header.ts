/**
 * The archive file's header, its first lines:
 *   <!--1616481063000-->
 *   [title](https://…)
 *   ------
 *   (blank line, then the body)
 * Kept free of runtime imports: the detector that runs on every file:// page bundles this and nothing else.
 */
import type { ArticleProblem } from '../model/article';

export interface ArchiveHeader {
  /** Line 1's epoch milliseconds as written, or null when the line is missing. */
  epochMs: string | null;
  title: string | null;
  url: string | null;
  /** Everything after the header: the body's HTML. */
  body: string;
  /** What was missing or malformed in the header. */
  problems: ArticleProblem[];
}

const EPOCH_LINE = /^<!--\s*(\d{10,15})\s*-->$/;
/** Greedy title: titles may hold brackets and parentheses; the URL is the last "](…)" on the line. */
const TITLE_LINE = /^\[(.*)\]\(\s*(\S*?)\s*\)$/;
const RULE_LINE = /^-{3,}$/;
/** Without the epoch line, only an http(s) URL tells an archive header from a Markdown heading link. */
const HTTP_TITLE_LINE = /^\[(.*)\]\(\s*https?:\/\/\S+?\s*\)$/i;

/** Strips a BOM and turns CRLF/CR line ends into LF. */
export function normalizeNewlines(text: string): string {
  const body = text.replace(/^\ufeff/, '');
  // (Most files have no carriage return: no pass over the whole text for them.)
  return body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
}

/**
 * True when the text starts like an archive file: the epoch comment, or a title line with an
 * http(s) URL followed by the rule (a file whose first line was lost). Cheap: it looks at the first three lines only.
 */
export function looksLikeArchive(text: string): boolean {
  const lines = normalizeNewlines(text.slice(0, 4096))
    .split('\n', 3)
    .map((l) => l.trim());
  if (EPOCH_LINE.test(lines[0] ?? '')) return lines.length < 2 || lines[1] === '' || TITLE_LINE.test(lines[1]) || RULE_LINE.test(lines[1]);
  return HTTP_TITLE_LINE.test(lines[0] ?? '') && RULE_LINE.test(lines[1] ?? '');
}

/** Splits a file into header fields and body. Lenient: a damaged header yields problems, not an exception. */
export function parseArchiveHeader(text: string): ArchiveHeader {
  const { lines, rest } = headerLines(normalizeNewlines(text));
  const problems: ArticleProblem[] = [];
  let i = 0;
  let epochMs: string | null = null;
  const epoch = EPOCH_LINE.exec((lines[i] ?? '').trim());
  if (epoch) {
    epochMs = epoch[1];
    i++;
  } else problems.push('missing-archive-time');

  let title: string | null = null;
  let url: string | null = null;
  const titleLine = TITLE_LINE.exec((lines[i] ?? '').trim());
  if (titleLine) {
    title = unescapeMarkdown(titleLine[1]).trim() || null;
    url = titleLine[2] || null;
    i++;
  } else problems.push('missing-title');
  if (!url && titleLine) problems.push('missing-url');

  if (RULE_LINE.test((lines[i] ?? '').trim())) i++;
  else if (i < lines.length) problems.push('missing-rule');

  const body = rest(i).trim();
  if (!body) problems.push('empty-body');
  return { epochMs, title, url, body, problems };
}

/** Lines read before the body: the epoch, the title, the rule. */
const HEADER_LINES = 3;

/**
 * The header's lines (at most the first three), and `rest(i)`: the text from line `i` on, as
 * `split('\n').slice(i).join('\n')` would give it, without splitting the body into its lines.
 */
function headerLines(text: string): { lines: string[]; rest: (line: number) => string } {
  const starts = [0];
  for (let k = 0; k < HEADER_LINES; k++) {
    const end = text.indexOf('\n', starts[k]!);
    if (end < 0) break;
    starts.push(end + 1);
  }
  const lines: string[] = [];
  for (let k = 0; k < starts.length && k < HEADER_LINES; k++) lines.push(text.slice(starts[k], k + 1 < starts.length ? starts[k + 1]! - 1 : text.length));
  return { lines, rest: (line) => (line < starts.length ? text.slice(starts[line]) : '') };
}

/** The archive writes some titles with Markdown escapes (`\“`): a backslash before punctuation is not text. */
function unescapeMarkdown(title: string): string {
  return title.replace(/\\([\p{P}\p{S}])/gu, '$1');
}
