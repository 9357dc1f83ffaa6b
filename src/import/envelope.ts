import { isHypothesisExport } from './hypothesis';
import { PIZHU_FORMAT_VERSION, PIZHU_KEYS } from '../annotation/web-annotation-terms';

/** Where a file keeps its annotations, and, in our own export, its articles and tombstones. */
export type Envelope =
  | { ok: true; format: 'w3c' | 'hypothesis'; items: unknown[]; articles: unknown[]; tombstones: unknown[] }
  | { ok: false; error: string };

const NOT_AN_EXPORT = 'the file is not an annotation export (expected W3C Web Annotation JSON: an annotation, a list or a collection; or a Hypothesis export)';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function types(value: Record<string, unknown>): unknown[] {
  return Array.isArray(value.type) ? value.type : [value.type];
}

/**
 * Takes: a single Annotation, a list of them, an AnnotationPage, an AnnotationCollection with its
 * annotations in `first.items` (or, loosely, `items`), or the Hypothesis client's export.
 */
export function findAnnotations(value: unknown): Envelope {
  if (Array.isArray(value)) return { ok: true, format: 'w3c', items: value, articles: [], tombstones: [] };
  if (!isObject(value)) return { ok: false, error: `${NOT_AN_EXPORT}; it holds ${value === null ? 'null' : `a ${typeof value}`}` };
  if (isHypothesisExport(value)) return { ok: true, format: 'hypothesis', items: value.annotations, articles: [], tombstones: [] };
  const kinds = types(value);
  if (kinds.includes('AnnotationCollection')) return collection(value);
  if (kinds.includes('AnnotationPage')) {
    if (!Array.isArray(value.items)) return { ok: false, error: 'the AnnotationPage has no list of items' };
    if (value.next !== undefined) return { ok: false, error: 'the AnnotationPage goes on in other pages, which are not in the file' };
    return { ok: true, format: 'w3c', items: value.items, articles: [], tombstones: [] };
  }
  if (kinds.includes('Annotation') || kinds.includes('oa:Annotation') || 'target' in value) return { ok: true, format: 'w3c', items: [value], articles: [], tombstones: [] };
  return { ok: false, error: NOT_AN_EXPORT };
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
  if (items === undefined && (value.total === undefined || value.total === 0)) return { ok: true, format: 'w3c', items: [], articles, tombstones };
  if (!Array.isArray(items)) return { ok: false, error: 'the collection has no list of items' };
  return { ok: true, format: 'w3c', items, articles, tombstones };
}
