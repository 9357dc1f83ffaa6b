import * as v from 'valibot';
import { errorAt, finishDraft, type Outcome, type ReadContext, skip } from './draft';
import { CreatorSchema, describeIssues, OwnAnnotationSchema, PizhuFieldsSchema, TextPositionSelectorSchema, TextQuoteSelectorSchema } from './schemas';
import { bestReading, isObject, list, readTarget } from './targets';
import { PIZHU_KEYS } from '../annotation/web-annotation-terms';

/** Body purposes that name the annotation rather than comment on it. */
const TAG_PURPOSES = new Set(['tagging', 'classifying']);
/** Target types of a W3C annotation; Rebus Ink's API writes its highlights as `Note`s. */
const ANNOTATION_TYPES = new Set(['Annotation', 'oa:Annotation', 'Note']);

/**
 * One W3C Web Annotation: ours (it carries pizhu: fields, is checked strictly and gives back the
 * record exactly) or another tool's, read loosely: a highlight of words is kept, and anything else
 * (an image region, a page note, a reply, a target without an address) is skipped with its reason.
 */
export function fromW3c(raw: unknown, context: ReadContext): Outcome {
  if (isObject(raw) && PIZHU_KEYS.articleId in raw) return fromOwn(raw, context);
  return fromForeign(raw, context);
}

function fromOwn(raw: Record<string, unknown>, context: ReadContext): Outcome {
  const { index } = context;
  const parsed = v.safeParse(OwnAnnotationSchema, raw);
  if (!parsed.success) return errorAt(index, describeIssues(parsed.issues));
  const fields = v.safeParse(PizhuFieldsSchema, raw);
  if (!fields.success) return errorAt(index, describeIssues(fields.issues));
  const a = parsed.output;
  const own = { articleId: fields.output[PIZHU_KEYS.articleId], color: fields.output[PIZHU_KEYS.color], parserVersion: fields.output[PIZHU_KEYS.parserVersion] };
  // Our own annotations always quote: a target without a quote is a damaged file.
  const targets = list(a.target).flatMap((t) => (typeof t === 'string' ? [] : [t]));
  const target = targets.find((t) => list(t.selector).some((s) => s.type === 'TextQuoteSelector'));
  if (!target) return errorAt(index, 'target has no TextQuoteSelector');
  const selectors = list(target.selector);
  const quote = v.safeParse(
    TextQuoteSelectorSchema,
    selectors.find((s) => s.type === 'TextQuoteSelector'),
  );
  if (!quote.success) return errorAt(index, `TextQuoteSelector: ${describeIssues(quote.issues)}`);
  const rawPosition = selectors.find((s) => s.type === 'TextPositionSelector');
  const position = rawPosition ? v.safeParse(TextPositionSelectorSchema, rawPosition) : null;
  if (position && !position.success) return errorAt(index, `TextPositionSelector: ${describeIssues(position.issues)}`);
  const { notes, tags } = readBodies(a);
  const source = typeof target.source === 'string' ? target.source : target.source.id;
  let creator: string | undefined;
  if (raw.creator !== undefined) {
    const named = v.safeParse(CreatorSchema, raw.creator);
    if (!named.success) return errorAt(index, `creator: ${describeIssues(named.issues)}`);
    creator = named.output.name;
  }
  return finishDraft(
    { fileId: a.id, source, own, quote: quote.output, position: position?.output ?? null, note: notes.join('\n\n'), tags, created: a.created, modified: a.modified, ...(creator ? { creator } : {}) },
    context,
  );
}

function fromForeign(raw: unknown, context: ReadContext): Outcome {
  const { index } = context;
  const id = isObject(raw) && typeof raw.id === 'string' ? raw.id : `#${index}`;
  // Another tool's own objects (Zotero's, a list of anything): not annotations, whatever their fields.
  if (!isObject(raw) || !('target' in raw)) return skip(id, 'not-annotation');
  if (raw.type !== undefined && !list(raw.type as unknown[]).some((t) => typeof t === 'string' && ANNOTATION_TYPES.has(t))) return skip(id, 'not-annotation');
  if (list(raw.motivation as unknown[]).includes('replying')) return skip(id, 'reply');
  const reading = bestReading(list(raw.target as unknown[]).map(readTarget));
  if (reading.kind === 'error') return errorAt(index, reading.error);
  if (reading.kind === 'skip') return skip(id, reading.reason);

  const created = raw.created ?? raw.published;
  const modified = raw.modified ?? raw.updated;
  for (const [name, time] of [
    ['created', created],
    ['modified', modified],
  ] as const) {
    if (time !== undefined && typeof time !== 'string') return errorAt(index, `${name} is not a time (${JSON.stringify(time)})`);
  }
  const { notes, tags } = readBodies(raw);
  return finishDraft(
    {
      fileId: typeof raw.id === 'string' ? raw.id : undefined,
      source: reading.source,
      own: null,
      quote: reading.quote,
      position: reading.position,
      note: notes.join('\n\n'),
      tags,
      created: created as string | undefined,
      modified: modified as string | undefined,
    },
    context,
  );
}

/**
 * Notes and tags from the bodies: a TextualBody's `value` (Rebus Ink's `content`), a tag where
 * its purpose is tagging or classifying; a body that is a link or a choice of resources is left out.
 */
function readBodies(a: { bodyValue?: unknown; body?: unknown }): { notes: string[]; tags: string[] } {
  const notes: string[] = typeof a.bodyValue === 'string' && a.bodyValue ? [a.bodyValue] : [];
  const tags: string[] = [];
  for (const body of list(a.body as unknown[])) {
    if (!isObject(body)) continue;
    const value = typeof body.value === 'string' ? body.value : typeof body.content === 'string' ? body.content : undefined;
    if (value === undefined) continue;
    if (list(body.purpose as unknown[]).some((p) => typeof p === 'string' && TAG_PURPOSES.has(p))) tags.push(value);
    else if (value) notes.push(value);
  }
  return { notes, tags };
}
