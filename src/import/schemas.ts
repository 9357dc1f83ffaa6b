import * as v from 'valibot';
import { PIZHU_KEYS } from '../annotation/web-annotation-terms';
import { AnnotationRecordSchema, LIMITS } from '../annotation/records';

/**
 * What an import file may hold. The records we store are checked with the library's own schemas
 * (src/annotation/records.ts), so an import can write nothing a page could not; the outer shapes
 * (W3C, Hypothesis) are loose objects: other tools add fields of their own, which we leave alone.
 */

// The list first: valibot's object schemas take an array too (it is an object), and would empty it.
const oneOrMany = <S extends v.GenericSchema>(schema: S) => v.union([v.array(schema), schema]);

// ---- W3C Web Annotation ----

export const SelectorSchema = v.looseObject({ type: v.string() });
export const TextQuoteSelectorSchema = v.looseObject({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1, 'the quote is empty')),
  prefix: v.optional(v.string()),
  suffix: v.optional(v.string()),
});
export const TextPositionSelectorSchema = v.looseObject({
  type: v.literal('TextPositionSelector'),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

const BodySchema = v.union([
  v.string(), // an IRI: a body we cannot show, left out
  v.looseObject({
    type: v.optional(v.union([v.string(), v.array(v.string())])),
    value: v.optional(v.string()),
    purpose: v.optional(oneOrMany(v.string())),
  }),
]);

const TargetSchema = v.union([
  v.string(), // a whole resource: no words to highlight
  v.looseObject({
    source: v.union([v.string(), v.looseObject({ id: v.string() })]),
    selector: v.optional(oneOrMany(SelectorSchema)),
  }),
]);

/** Our own export's annotation (it carries pizhu: fields): checked as strictly as the library's records. */
export const OwnAnnotationSchema = v.looseObject({
  id: v.optional(v.string()),
  type: v.optional(oneOrMany(v.string())),
  created: v.optional(v.string()),
  modified: v.optional(v.string()),
  body: v.optional(oneOrMany(BodySchema)),
  bodyValue: v.optional(v.string()),
  target: oneOrMany(TargetSchema),
});

/** Who made one of our annotations, as our export and the sync documents write it: `{ type: 'Person', name }`. */
export const CreatorSchema = v.object({ name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.creator)) });

/** The fields our own export adds to each annotation. */
export const PizhuFieldsSchema = v.object({
  [PIZHU_KEYS.articleId]: AnnotationRecordSchema.entries.articleId,
  [PIZHU_KEYS.color]: AnnotationRecordSchema.entries.color,
  [PIZHU_KEYS.parserVersion]: AnnotationRecordSchema.entries.parserVersion,
});

// ---- Hypothesis: API rows, an API search response's rows, the client's export's annotations ----

export const HypothesisAnnotationSchema = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1)),
  created: v.optional(v.string()),
  updated: v.optional(v.string()),
  uri: v.optional(v.string()),
  text: v.optional(v.string(), ''),
  tags: v.optional(v.array(v.string()), []),
  references: v.optional(v.array(v.string())),
  target: v.optional(v.array(v.looseObject({ source: v.optional(v.string()) })), []),
  document: v.optional(v.looseObject({ title: v.optional(oneOrMany(v.string())) })),
});

/** "where: what" for the first problem valibot found. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'not valid';
  const path = v.getDotPath(first);
  // A pipe may say the same thing twice of one value (a time that fails both its pattern and its date check).
  const others = new Set(issues.map((i) => `${v.getDotPath(i)}\n${i.message}`));
  others.delete(`${path}\n${first.message}`);
  const more = others.size ? ` (and ${others.size} more problem${others.size > 1 ? 's' : ''})` : '';
  return `${path ? `${path}: ` : ''}${first.message}${more}`;
}
