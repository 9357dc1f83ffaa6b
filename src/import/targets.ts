import * as v from 'valibot';
import type { SkipReason } from '../store/merge';
import { describeIssues, TextPositionSelectorSchema, TextQuoteSelectorSchema } from './schemas';

/**
 * What one target of another tool's annotation selects, read the way the W3C Web Annotation model
 * describes targets (https://www.w3.org/TR/annotation-model/#specific-resources): words we can
 * keep (a TextQuoteSelector, at the top or inside `refinedBy`), or why it is not a highlight.
 */
export type TargetReading =
  | { kind: 'quote'; source: string | null; quote: { exact: string; prefix?: string; suffix?: string }; position: { start: number; end: number } | null }
  | { kind: 'skip'; reason: SkipReason }
  | { kind: 'error'; error: string };

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
export const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Target types that stand for several resources at once. */
const SEVERAL = new Set(['Composite', 'List', 'Independents']);
const IMAGE_TYPES = new Set(['Image', 'dctypes:StillImage', 'StillImage']);
const MEDIA_TYPES = new Set(['Video', 'Sound', 'Audio', 'Dataset', 'dctypes:MovingImage', 'dctypes:Sound', 'dctypes:Dataset']);

/** Every selector of a target, those that refine another included; an IRI naming a selector elsewhere is the string. */
export function flattenSelectors(selector: unknown): (Record<string, unknown> | string)[] {
  const out: (Record<string, unknown> | string)[] = [];
  const pending = list(selector as unknown[]);
  // Iterative, depth-bounded: a file could nest refinements without end.
  for (let i = 0; i < pending.length && out.length < 100; i++) {
    const s = pending[i];
    if (typeof s === 'string') out.push(s);
    else if (isObject(s)) {
      out.push(s);
      if (s.refinedBy !== undefined) pending.push(...list(s.refinedBy as unknown[]));
    }
  }
  return out;
}

/** The page a target is on: `source` (an IRI or a resource with an `id`); null when it names none. */
export function targetSource(target: Record<string, unknown>): string | null {
  const { source } = target;
  if (typeof source === 'string') return source;
  if (isObject(source) && typeof source.id === 'string') return source.id;
  return null;
}

export function readTarget(target: unknown): TargetReading {
  // An IRI: the whole resource, a note on a page rather than a highlight in it.
  if (typeof target === 'string') return { kind: 'skip', reason: 'page-note' };
  if (!isObject(target)) return { kind: 'error', error: `target is ${target === null ? 'null' : `a ${typeof target}`}, not a resource` };
  if (list(target.type as string[]).some((t) => SEVERAL.has(t))) return { kind: 'skip', reason: 'multiple-targets' };
  const selectors = flattenSelectors(target.selector);
  const rawQuote = selectors.find((s) => typeof s !== 'string' && s.type === 'TextQuoteSelector');
  if (!rawQuote) return { kind: 'skip', reason: withoutQuote(target, selectors) };
  const quote = v.safeParse(TextQuoteSelectorSchema, rawQuote);
  if (!quote.success) {
    // A quote of nothing (real Hypothesis data has `exact: ""`) selects no words: skipped, not an error.
    if (typeof (rawQuote as { exact?: unknown }).exact === 'string') return { kind: 'skip', reason: 'no-quote' };
    return { kind: 'error', error: `TextQuoteSelector: ${describeIssues(quote.issues)}` };
  }
  // Only a position over the whole page is ours: one that refines an XPath counts within its element.
  const topLevel = list(target.selector as unknown[]).find((s) => isObject(s) && s.type === 'TextPositionSelector');
  const position = topLevel ? v.safeParse(TextPositionSelectorSchema, topLevel) : null;
  return { kind: 'quote', source: targetSource(target), quote: quote.output, position: position?.success ? position.output : null };
}

/** Why a target without a quote is not a highlight: an image region, a part of media or data, words not quoted, or the whole page. */
function withoutQuote(target: Record<string, unknown>, selectors: (Record<string, unknown> | string)[]): SkipReason {
  const resource = isObject(target.source) ? target.source : target;
  const types = [...list(target.type as string[]), ...list(resource.type as string[])];
  const format = [target.format, resource.format].find((f) => typeof f === 'string') as string | undefined;
  const id = [target.id, resource.id, target.source].find((x) => typeof x === 'string') as string | undefined;
  const fragment = (s: Record<string, unknown> | string) => (typeof s === 'string' ? '' : s.type === 'FragmentSelector' && typeof s.value === 'string' ? s.value : '');
  if (types.some((t) => IMAGE_TYPES.has(t)) || format?.startsWith('image/') || /#xywh=/.test(id ?? '')) return 'image-region';
  if (selectors.some((s) => (typeof s !== 'string' && s.type === 'SvgSelector') || /^xywh=/.test(fragment(s)))) return 'image-region';
  if (types.some((t) => MEDIA_TYPES.has(t)) || /^(video|audio)\//.test(format ?? '') || /#t=/.test(id ?? '')) return 'not-text';
  if (selectors.some((s) => (typeof s !== 'string' && s.type === 'DataPositionSelector') || /^t=/.test(fragment(s)))) return 'not-text';
  return selectors.length ? 'no-quote' : 'page-note';
}

/**
 * Of several targets' readings, the one to keep: the first that quotes words; else the first error;
 * else the most telling reason to skip (an image or media part before a page note).
 */
export function bestReading(readings: TargetReading[]): TargetReading {
  const quote = readings.find((r) => r.kind === 'quote');
  if (quote) return quote;
  const error = readings.find((r) => r.kind === 'error');
  if (error) return error;
  const skips = readings.filter((r): r is Extract<TargetReading, { kind: 'skip' }> => r.kind === 'skip');
  const rank: SkipReason[] = ['multiple-targets', 'image-region', 'not-text', 'no-quote', 'page-note'];
  skips.sort((a, b) => rank.indexOf(a.reason) - rank.indexOf(b.reason));
  return skips[0] ?? { kind: 'skip', reason: 'page-note' };
}
