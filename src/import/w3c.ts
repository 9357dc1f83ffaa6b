import * as v from 'valibot';
import { errorAt, finishDraft, readSelectors, type Outcome } from './draft';
import { describeIssues, PizhuFieldsSchema, W3cAnnotationSchema } from './schemas';
import { PIZHU_KEYS } from '../annotation/web-annotation-terms';

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Body purposes that name the annotation rather than comment on it. */
const TAG_PURPOSES = new Set(['tagging', 'classifying']);

/**
 * One W3C Web Annotation: ours (it carries pizhu: fields, and gives back the record exactly) or
 * another tool's. It must target a TextQuoteSelector: without one it is not a highlight of words,
 * and the file is refused as not meant for us.
 */
export function fromW3c(raw: unknown, index: number): Outcome {
  const parsed = v.safeParse(W3cAnnotationSchema, raw);
  if (!parsed.success) return errorAt(index, describeIssues(parsed.issues));
  const a = parsed.output;
  if (a.type !== undefined && !list(a.type).some((t) => t === 'Annotation' || t === 'oa:Annotation')) return errorAt(index, `type is ${JSON.stringify(a.type)}, not Annotation`);

  let own = null;
  if (PIZHU_KEYS.articleId in a) {
    const fields = v.safeParse(PizhuFieldsSchema, a);
    if (!fields.success) return errorAt(index, describeIssues(fields.issues));
    own = { articleId: fields.output[PIZHU_KEYS.articleId], color: fields.output[PIZHU_KEYS.color], parserVersion: fields.output[PIZHU_KEYS.parserVersion] };
  }

  // The first target that quotes words; other targets (a whole page, an image) are not ours to keep.
  const targets = list(a.target).flatMap((t) => (typeof t === 'string' ? [] : [t]));
  const target = targets.find((t) => list(t.selector).some((s) => s.type === 'TextQuoteSelector'));
  // Our own annotations always quote; another tool's note on a whole page is not a highlight: skipped, with why.
  if (!target) return own ? errorAt(index, 'target has no TextQuoteSelector') : { kind: 'skip', skip: { id: typeof a.id === 'string' ? a.id : `#${index}`, reason: 'page-note' } };
  const selectors = readSelectors(list(target.selector));
  if ('error' in selectors) return errorAt(index, selectors.error);

  const notes: string[] = a.bodyValue ? [a.bodyValue] : [];
  const tags: string[] = [];
  for (const body of list(a.body)) {
    if (typeof body === 'string' || body.value === undefined) continue; // a linked resource: nothing we can show
    if (list(body.purpose).some((p) => TAG_PURPOSES.has(p))) tags.push(body.value);
    else notes.push(body.value);
  }

  return finishDraft({
    index,
    fileId: a.id,
    source: typeof target.source === 'string' ? target.source : target.source.id,
    own,
    quote: selectors.quote,
    position: selectors.position,
    note: notes.join('\n\n'),
    tags,
    created: a.created,
    modified: a.modified,
  });
}
