import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AnnotationRecordSchema } from '../annotation/records';
import { pageAskWith } from './page-ask';
import { annotationRecord, isGetArticle, pageReply, parsePageMessage, refusal, type PageRequestType } from './page-guards';
import { parseMessage } from './protocol';
import { askWith, REPLY_SCHEMAS, RefusalSchema, type BackgroundRequest } from './replies';

/** The valibot schema's answer, in the guards' terms: the output, or null. */
const bySchema = (schema: v.GenericSchema, value: unknown) => {
  const result = v.safeParse(schema, value);
  return result.success ? result.output : null;
};

const RUNS = { numRuns: 3000 };

/** Values near the edge of what a field takes: right ones, wrong ones, and the wrong type. */
const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.double(), fc.boolean(), fc.string({ maxLength: 4 }), fc.constant([]), fc.constant({}));
const idLike = fc.oneof(
  fc.uuid(),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.stringMatching(/^[0-9a-fA-F-]{6,66}$/),
  junk,
);
const articleIdLike = fc.oneof(fc.constant('cn.reuters.com/article/x'), fc.constant(''), fc.string({ maxLength: 3 }), fc.constant('a'.repeat(2048)), fc.constant('a'.repeat(2049)), junk);
const offsetLike = fc.oneof(fc.nat(100), fc.constant(10_000_000), fc.constant(10_000_001), fc.constant(-1), fc.double({ min: 0, max: 100 }), fc.constant(Number.NaN), junk);
const timeLike = fc.oneof(
  fc.constant('2026-01-01T00:00:00.000Z'),
  fc.constant('2026-01-01T08:00+08:00'),
  fc.constant('2026-02-30T00:00Z'),
  fc.constant('2026-13-01T00:00Z'),
  fc.constant('2026-01-01'),
  fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString()),
  junk,
);
const textLike = (max: number) => fc.oneof(fc.string({ maxLength: 3 }), fc.constant(''), fc.constant('字'.repeat(max)), fc.constant('x'.repeat(max + 1)), junk);
/** An object with some of `fields`, maybe an extra one, maybe one missing. */
const shape = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.record(fields), fc.option(fc.tuple(fc.constantFrom('extra', 'html', 'toString'), junk)), fc.boolean())
    .map(([some, all, extra, whole]) => ({ ...(whole ? all : some), ...(extra ? { [extra[0]]: extra[1] } : {}) }));

const position = fc.oneof(shape({ type: fc.constantFrom('TextPositionSelector', 'TextQuoteSelector'), start: offsetLike, end: offsetLike }), junk);
const quote = fc.oneof(shape({ type: fc.constantFrom('TextQuoteSelector', 'TextPositionSelector'), exact: textLike(100_000), prefix: textLike(64), suffix: textLike(64) }), junk);
const annotation = shape({
  id: idLike,
  articleId: articleIdLike,
  color: fc.constantFrom('yellow', 'green', 'blue', 'pink', 'purple', 'red', undefined),
  position,
  quote,
  parserVersion: fc.oneof(fc.constantFrom(1, 2, 0, 1.5), junk),
  note: textLike(100_000),
  tags: fc.oneof(fc.array(textLike(100), { maxLength: 3 }), fc.constant(Array.from({ length: 101 }, () => 't')), junk),
  created: timeLike,
  modified: timeLike,
  creator: textLike(200),
});
/** Mostly records that pass, so both sides are compared on acceptance as much as on refusal. */
const valid = fc
  .record({
    id: fc.uuid(),
    start: fc.nat(1000),
    length: fc.integer({ min: 1, max: 50 }),
    color: fc.constantFrom('yellow', 'green', 'blue', 'pink', 'purple'),
    exact: fc.string({ minLength: 1, maxLength: 20 }),
    note: fc.string({ maxLength: 20 }),
    tags: fc.array(fc.string({ minLength: 1, maxLength: 5 }), { maxLength: 3 }),
    time: fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }),
    extra: fc.option(fc.string()),
  })
  .map(({ id, start, length, color, exact, note, tags, time, extra }) => ({
    id,
    articleId: 'cn.reuters.com/article/x',
    color,
    position: { type: 'TextPositionSelector', start, end: start + length },
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    parserVersion: 1,
    note,
    tags,
    created: time.toISOString(),
    modified: time.toISOString().replace('Z', '+00:00'),
    ...(extra === null ? {} : { html: extra }),
  }));
const anyAnnotation = fc.oneof(valid, annotation);

const PAGE_TYPES = ['get-article', 'highlight-selection', 'reveal-annotation', 'annotations-changed', 'note-frame'];
const message = shape({
  type: fc.constantFrom(...PAGE_TYPES, 'archive-detected', 'article-seen', 'placement', 'note-open', 'nope', undefined),
  id: idLike,
  articleId: articleIdLike,
  action: fc.constantFrom('saved', 'deleted', 'closed', 'kept', 'resize', 'opened', undefined),
  height: fc.oneof(fc.constantFrom(0, 2000, 2001, -1, 12.5), junk),
});
/** Messages of one type with the fields that type has, more or fewer. */
const typed = fc
  .constantFrom(...PAGE_TYPES)
  .chain((type) => shape({ id: idLike, articleId: articleIdLike, action: fc.constantFrom('saved', 'resize', 'opened'), height: fc.oneof(fc.nat(2001), junk) }).map((rest) => ({ ...rest, type })));

describe('page guards, against the schemas', () => {
  let accepted = 0;
  it('annotationRecord takes what AnnotationRecordSchema takes, with its output', () => {
    fc.assert(
      fc.property(anyAnnotation, (value) => {
        const ours = annotationRecord(value);
        if (ours) accepted++;
        expect(ours).toEqual(bySchema(AnnotationRecordSchema, value));
      }),
      RUNS,
    );
    // Both sides are compared on records they take, not only on ones they refuse.
    expect(accepted).toBeGreaterThan(RUNS.numRuns / 5);
  });

  it('parsePageMessage takes what MessageSchema takes of the messages a page hears, and nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(message, typed, junk), (value) => {
        const parsed = parseMessage(value);
        expect(parsePageMessage(value)).toEqual(parsed && PAGE_TYPES.includes(parsed.type) ? parsed : null);
      }),
      RUNS,
    );
  });

  it("isGetArticle takes what MessageSchema takes as the popup's get-article, and nothing else", () => {
    fc.assert(
      fc.property(fc.oneof(message, typed, junk, fc.constant({ type: 'get-article' }), fc.constant({ type: 'get-article', id: 'x' })), (value) => {
        expect(isGetArticle(value)).toBe(parseMessage(value)?.type === 'get-article');
      }),
      RUNS,
    );
  });

  it('refusal and pageReply take what RefusalSchema and REPLY_SCHEMAS take, for each request of a page', () => {
    const types: PageRequestType[] = ['article-seen', 'placement', 'save-annotation', 'undo-delete', 'note-token', 'load-highlighting'];
    const reply = shape({
      ok: fc.constantFrom(true, false, 'true', undefined),
      error: textLike(4096),
      annotations: fc.oneof(fc.array(anyAnnotation, { maxLength: 3 }), junk),
      reveal: idLike,
      token: fc.oneof(fc.stringMatching(/^[0-9a-fA-F]{30,33}$/), junk),
    });
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.oneof(reply, junk), (type, value) => {
        expect(refusal(value)).toEqual(bySchema(RefusalSchema, value));
        expect(pageReply(type, value)).toEqual(bySchema(REPLY_SCHEMAS[type], value));
      }),
      RUNS,
    );
  });

  it('pageAskWith answers and fails as askWith does', async () => {
    const answers = [{ ok: true }, { ok: true, annotations: [] }, { ok: false, error: 'no' }, { ok: true, token: 'f'.repeat(32) }, undefined, { ok: true, extra: 1 }];
    const requests: BackgroundRequest<'placement' | 'note-token'>[] = [
      { type: 'placement', articleId: 'a', orphans: [] },
      { type: 'note-token', articleId: 'a', id: '0b7a8e4c-1111-4222-8333-944455556666' },
    ];
    for (const answer of answers) {
      for (const request of requests) {
        const outcome = (ask: (m: BackgroundRequest<'placement' | 'note-token'>) => Promise<unknown>) =>
          ask(request).then(
            (reply) => ({ reply }),
            (error: Error & { reason?: string }) => ({ error: error.name, message: error.message }),
          );
        expect(await outcome(pageAskWith(async () => answer))).toEqual(await outcome(askWith(async () => answer)));
      }
    }
    const failing = () => Promise.reject(new Error('Receiving end does not exist'));
    await expect(pageAskWith(failing)({ type: 'placement', articleId: 'a', orphans: [] })).rejects.toThrow('Receiving end does not exist');
  });
});
