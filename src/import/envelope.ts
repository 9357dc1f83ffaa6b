import { hypothesisList, isHypothesisRow } from './hypothesis';
import { isObject } from './targets';
import { PIZHU_FORMAT_VERSION, PIZHU_KEYS } from '../annotation/web-annotation-terms';

/** How to read one item of the file: as a W3C Web Annotation or a Hypothesis annotation. */
export type ItemFormat = 'w3c' | 'hypothesis';

/** Where a file keeps its annotations, and, in our own export, its articles and tombstones. */
export type Envelope = { ok: true; items: unknown[]; formats: ItemFormat[]; articles: unknown[]; tombstones: unknown[] } | { ok: false; error: string; notAnnotations?: boolean };

export const NOT_ANNOTATIONS = 'this is not an annotation file (Pizhu reads W3C Web Annotation JSON: an annotation, a list, a page or a collection of them; and Hypothesis exports and API responses)';

function types(value: Record<string, unknown>): unknown[] {
  return Array.isArray(value.type) ? value.type : [value.type];
}

const w3c = (items: unknown[], articles: unknown[] = [], tombstones: unknown[] = []): Envelope => ({ ok: true, items, formats: items.map(() => 'w3c'), articles, tombstones });
const hypothesis = (items: unknown[]): Envelope => ({ ok: true, items, formats: items.map(() => 'hypothesis'), articles: [], tombstones: [] });

/**
 * Takes: a single Annotation, a list of them, an AnnotationPage, an AnnotationCollection with its
 * annotations in `first.items` (or, loosely, `items`); the Hypothesis client's export
 * (`{export_date, annotations}`), an API search response (`{total, rows}`) or its rows as a bare list.
 */
export function findAnnotations(value: unknown): Envelope {
  // A bare list: Hypothesis API rows are told apart from W3C annotations one by one.
  if (Array.isArray(value)) return { ok: true, items: value, formats: value.map((item) => (isHypothesisRow(item) ? 'hypothesis' : 'w3c')), articles: [], tombstones: [] };
  if (!isObject(value)) return { ok: false, error: `${NOT_ANNOTATIONS}; it holds ${value === null ? 'null' : `a ${typeof value}`}`, notAnnotations: true };
  const rows = hypothesisList(value);
  if (rows) return hypothesis(rows);
  const kinds = types(value);
  if (kinds.includes('AnnotationCollection')) return collection(value);
  if (kinds.includes('AnnotationPage')) {
    if (!Array.isArray(value.items)) return { ok: false, error: 'the AnnotationPage has no list of items' };
    if (value.next !== undefined) return { ok: false, error: 'the AnnotationPage goes on in other pages, which are not in the file' };
    return w3c(value.items);
  }
  if (isHypothesisRow(value)) return hypothesis([value]);
  if ('target' in value) return w3c([value]);
  return { ok: false, error: NOT_ANNOTATIONS, notAnnotations: true };
}

function collection(value: Record<string, unknown>): Envelope {
  const version = value[PIZHU_KEYS.formatVersion];
  if (typeof version === 'number' && version > PIZHU_FORMAT_VERSION) return { ok: false, error: `the file was made by a newer Pizhu (format ${version}); update Pizhu to import it` };
  const { first } = value;
  if (typeof first === 'string') return { ok: false, error: `the collection's annotations are not in the file (its first page is a link: ${first})` };
  if (isObject(first) && first.next !== undefined) return { ok: false, error: 'the collection goes on in other pages, which are not in the file' };
  const items = isObject(first) ? first.items : value.items;
  const articles = value[PIZHU_KEYS.articles] ?? [];
  const tombstones = value[PIZHU_KEYS.tombstones] ?? [];
  if (!Array.isArray(articles)) return { ok: false, error: `${PIZHU_KEYS.articles} is not a list` };
  if (!Array.isArray(tombstones)) return { ok: false, error: `${PIZHU_KEYS.tombstones} is not a list` };
  if (items === undefined && (value.total === undefined || value.total === 0)) return w3c([], articles, tombstones);
  if (!Array.isArray(items)) return { ok: false, error: 'the collection has no list of items' };
  return w3c(items, articles, tombstones);
}
