import * as v from 'valibot';
import { errorAt, finishDraft, type Outcome } from './draft';
import { describeIssues, HypothesisAnnotationSchema, TextPositionSelectorSchema, TextQuoteSelectorSchema } from './schemas';

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
  const selectors = target.selector ?? [];
  const quote = v.safeParse(TextQuoteSelectorSchema, selectors.find((s) => s.type === 'TextQuoteSelector'));
  if (!quote.success) return errorAt(index, `TextQuoteSelector: ${describeIssues(quote.issues)}`);
  const rawPosition = selectors.find((s) => s.type === 'TextPositionSelector');
  const position = rawPosition ? v.safeParse(TextPositionSelectorSchema, rawPosition) : null;
  if (position && !position.success) return errorAt(index, `TextPositionSelector: ${describeIssues(position.issues)}`);
  const title = a.document?.title;

  return finishDraft({
    index,
    fileId: a.id,
    source: target.source ?? a.uri ?? '',
    own: null,
    quote: quote.output,
    position: position?.output ?? null,
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
