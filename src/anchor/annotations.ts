import { anchorQuote } from './anchor';
import { describeRange } from './selectors';
import type { AnnotationRecord, Color } from '../annotation/records';

/** The parser version selectors are taken with: a later parser that changes the article text bumps it. */
export const PARSER_VERSION = 1;

/** A new highlight of article text [start, end). */
export function createAnnotation(fields: { id: string; articleId: string; text: string; start: number; end: number; color: Color; now: string }): AnnotationRecord {
  const { position, quote } = describeRange(fields.text, fields.start, fields.end);
  return { id: fields.id, articleId: fields.articleId, color: fields.color, position, quote, parserVersion: PARSER_VERSION, note: '', tags: [], created: fields.now, modified: fields.now };
}

export interface Placed {
  annotation: AnnotationRecord;
  start: number;
  end: number;
}

/** Where each highlight stands in this copy's article text; those that cannot be placed are orphans, kept and listed. */
export function placeAnnotations(text: string, annotations: readonly AnnotationRecord[]): { placed: Placed[]; orphans: AnnotationRecord[] } {
  const placed: Placed[] = [];
  const orphans: AnnotationRecord[] = [];
  for (const annotation of annotations) {
    const found = anchorQuote(text, annotation.quote, annotation.position);
    if (found) placed.push({ annotation, start: found.start, end: found.end });
    else orphans.push(annotation);
  }
  return { placed, orphans };
}
