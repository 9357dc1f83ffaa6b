import type { ArticleSource } from '../model/article';
import type { TextPositionSelector, TextQuoteSelector } from '../anchor/selectors';

export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type Color = (typeof COLORS)[number];

/** An article as the store keeps it: the model's metadata and every address it was read at. */
export interface ArticleRecord {
  id: string;
  url: string;
  title: string;
  source: ArticleSource;
  publishedAt: string | null;
  /** When the archive copy was made (its first line), if one was read; absent in records from before it was kept. */
  archivedAt?: string | null;
  /** Every URL the article was seen at: archive files on disk, the live page, its later template. */
  seenAt: string[];
  /** When a highlight of it was last made, changed or deleted (ISO); null before the first. */
  annotatedAt: string | null;
}

/** A highlight, with its note and tags; selectors over the article text (CONTRACT §3). */
export interface AnnotationRecord {
  id: string;
  articleId: string;
  color: Color;
  position: TextPositionSelector;
  quote: TextQuoteSelector;
  /** The parser version the selectors were taken with. */
  parserVersion: number;
  note: string;
  tags: string[];
  created: string;
  modified: string;
}

/** What is left of a deleted highlight: enough that no import or sync brings it back. */
export interface Tombstone {
  id: string;
  articleId: string;
  deleted: string;
}

/** Highlights in the order their words stand in the article text (then the earlier one first). */
export function inTextOrder(a: AnnotationRecord, b: AnnotationRecord): number {
  return a.position.start - b.position.start || a.position.end - b.position.end || (a.created < b.created ? -1 : a.created > b.created ? 1 : 0);
}
