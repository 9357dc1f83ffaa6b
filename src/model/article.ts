/** The one article model every input parses into (README, *The article model and its text*). */

export const SOURCES = ['reuters', 'nyt', 'bbc', 'voa', 'ft', 'rfi', 'dw', 'rfa', 'cdt'] as const;
export type Source = (typeof SOURCES)[number];
/** A known source, or "other" for an archive file from a site Pizhu has no rules for. */
export type ArticleSource = Source | 'other';

/** How a paragraph is set apart from running text; absent for plain paragraphs. */
export type ParagraphStyle = 'list-item' | 'editor-note' | 'lead' | 'quote' | 'caption';

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  style?: ParagraphStyle;
}

export interface HeadingBlock {
  type: 'heading';
  text: string;
}

export interface ImageBlock {
  type: 'image';
  /** Absolute http(s) URL as the input gave it; the reader loads only https ones. */
  src: string;
  caption: string | null;
  /** Photo credit when the input separates it from the caption. */
  credit?: string;
}

export type Block = ParagraphBlock | HeadingBlock | ImageBlock;

export interface Article {
  /** Host (without www.) and path of the canonical URL: the same for every copy of one article. */
  id: string;
  url: string;
  source: ArticleSource;
  title: string;
  /** ISO 8601 in UTC, or null. */
  publishedAt: string | null;
  /** Archive files: when the archive's feed saw the article (line 1); otherwise null. */
  archivedAt: string | null;
  byline: string | null;
  /** The site's section or channel, where the page names one (Reuters: "深度分析"). */
  section?: string;
  blocks: Block[];
  /** Where the model came from. */
  origin: 'archive' | 'page';
  /** Codes for what was wrong with the input (see ArticleProblem); empty when all is well. */
  problems: ArticleProblem[];
}

/** Text a reader sees in a block, for search and anchoring; images count by their caption. */
export function blockText(block: Block): string {
  return block.type === 'image' ? (block.caption ?? '') : block.text;
}

/** What can be wrong with an input that still parsed; the reader view names each in words. */
export const ARTICLE_PROBLEMS = ['missing-archive-time', 'missing-title', 'missing-url', 'missing-rule', 'empty-body', 'body-cut-off', 'no-text'] as const;
export type ArticleProblem = (typeof ARTICLE_PROBLEMS)[number];
