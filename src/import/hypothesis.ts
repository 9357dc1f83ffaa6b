import * as v from 'valibot';
import { errorAt, finishDraft, readSelectors, type Outcome } from './draft';
import { describeIssues, HypothesisAnnotationSchema } from './schemas';

/**
 * One annotation of the Hypothesis client's JSON export: `{export_date, export_userid,
 * client_version, annotations: [{id, created, updated, uri, text, tags, target: [{source,
 * selector}], document: {title: [...]}, references?}]}`. Replies and page notes are not
 * highlights: they are skipped with a reason, not a refusal. Its `text` is Markdown, kept as written.
 */
export function fromHypothesis(raw: unknown, index: number): Outcome {
  const parsed = v.safeParse(HypothesisAnnotationSchema, raw);
  if (!parsed.success) return errorAt(index, describeIssues(parsed.issues));
  const a = parsed.output;
  if (a.references?.length) return { kind: 'skip', skip: { id: a.id, reason: 'reply' } };
  const target = a.target.find((t) => t.selector?.some((s) => s.type === 'TextQuoteSelector'));
  if (!target) return { kind: 'skip', skip: { id: a.id, reason: 'page-note' } };
  const selectors = readSelectors(target.selector ?? []);
  if ('error' in selectors) return errorAt(index, selectors.error);
  const title = a.document?.title;

  return finishDraft({
    index,
    fileId: a.id,
    source: target.source ?? a.uri ?? '',
    own: null,
    quote: selectors.quote,
    position: selectors.position,
    note: a.text,
    tags: a.tags,
    created: a.created,
    modified: a.updated,
    title: Array.isArray(title) ? title[0] : title,
  });
}

/** The client's export: an object with a list of `annotations` and no W3C `type`. */
export function isHypothesisExport(value: object): value is { annotations: unknown[] } {
  return !('type' in value) && Array.isArray((value as { annotations?: unknown }).annotations);
}
