import * as v from 'valibot';
import { errorAt, finishDraft, type Outcome, type ReadContext, skip } from './draft';
import { describeIssues, HypothesisAnnotationSchema } from './schemas';
import { bestReading, isObject, readTarget } from './targets';

/**
 * One Hypothesis annotation, as the h server's API gives it (a row of `/api/search`, or a bare
 * list of rows) and the client's JSON export keeps it: `{id, created, updated, uri, text, tags,
 * target: [{source, selector}], document: {title: [...]}, references?}`. Its note (`text`, Markdown,
 * kept as written), tags and edit time (`updated`) come along. Replies and page notes are not
 * highlights: they are skipped with a reason, as is a quote of nothing (`exact: ""`).
 */
export function fromHypothesis(raw: unknown, context: ReadContext): Outcome {
  const parsed = v.safeParse(HypothesisAnnotationSchema, raw);
  if (!parsed.success) return errorAt(context.index, describeIssues(parsed.issues));
  const a = parsed.output;
  if (a.references?.length) return skip(a.id, 'reply');
  // A page note has a target with a source and no selector.
  const reading = a.target.length ? bestReading(a.target.map(readTarget)) : ({ kind: 'skip', reason: 'page-note' } as const);
  if (reading.kind === 'error') return errorAt(context.index, reading.error);
  if (reading.kind === 'skip') return skip(a.id, reading.reason);
  const title = a.document?.title;

  return finishDraft(
    {
      fileId: a.id,
      source: reading.source ?? a.uri ?? null,
      own: null,
      quote: reading.quote,
      position: reading.position,
      note: a.text,
      tags: a.tags,
      created: a.created,
      modified: a.updated,
      title: Array.isArray(title) ? title[0] : title,
    },
    context,
  );
}

/** The client's export (`{export_date, annotations}`) or an API search response (`{total, rows}`): the list, or null. */
export function hypothesisList(value: Record<string, unknown>): unknown[] | null {
  if ('type' in value || '@context' in value) return null;
  if (Array.isArray(value.annotations)) return value.annotations;
  if (Array.isArray(value.rows) && (typeof value.total === 'number' || value.rows.every(isHypothesisRow))) return value.rows;
  return null;
}

/**
 * A row of the h server's API: an object with an id, a list of targets and the fields only
 * Hypothesis writes (`uri`, `user`, `links`), and no W3C `type`. A bare list of them is an API
 * response saved as is.
 */
export function isHypothesisRow(value: unknown): boolean {
  if (!isObject(value) || 'type' in value || '@context' in value) return false;
  return typeof value.id === 'string' && Array.isArray(value.target) && ('uri' in value || 'user' in value || 'links' in value);
}
