/**
 * The words our W3C Web Annotation JSON-LD uses beyond the model's own (https://www.w3.org/TR/annotation-model/):
 * what export writes, import reads and, later, a synced document holds.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The pizhu: vocabulary. We own no domain: `.invalid` is reserved never to resolve, so the IRI only names. */
export const PIZHU_NAMESPACE = 'https://pizhu.invalid/ns#';
/** Bumped when the meaning of a pizhu: field changes. */
export const PIZHU_FORMAT_VERSION = 1;

export const PIZHU_KEYS = {
  formatVersion: 'pizhu:formatVersion',
  articles: 'pizhu:articles',
  tombstones: 'pizhu:tombstones',
  articleId: 'pizhu:articleId',
  color: 'pizhu:color',
  parserVersion: 'pizhu:parserVersion',
} as const;

export const PIZHU_CONTEXT = {
  '@version': 1.1,
  pizhu: PIZHU_NAMESPACE,
  [PIZHU_KEYS.articles]: { '@type': '@json' },
  [PIZHU_KEYS.tombstones]: { '@type': '@json' },
};
