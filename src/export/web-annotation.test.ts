import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXPORTED, SAMPLE_LIBRARY } from '../../test/fixtures/export/web-annotation.library';
import { toWebAnnotationCollection, webAnnotationJson } from './web-annotation';
import { ANNO_CONTEXT } from '../annotation/web-annotation-terms';

const GOLDEN = fileURLToPath(new URL('../../test/fixtures/export/web-annotation.golden.json', import.meta.url));

describe('W3C Web Annotation export', () => {
  it('writes the golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    const json = webAnnotationJson(SAMPLE_LIBRARY, { exported: EXPORTED, label: '批注 Pizhu' });
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, json);
    expect(json).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('does not depend on the order records come in', () => {
    const shuffled = { articles: [...SAMPLE_LIBRARY.articles].reverse(), annotations: [...SAMPLE_LIBRARY.annotations].reverse(), tombstones: [...SAMPLE_LIBRARY.tombstones] };
    expect(webAnnotationJson(shuffled, { exported: EXPORTED })).toBe(webAnnotationJson(SAMPLE_LIBRARY, { exported: EXPORTED }));
  });

  it('is a collection with one embedded page of annotations, as the model has it', () => {
    const collection = toWebAnnotationCollection(SAMPLE_LIBRARY, { exported: EXPORTED }) as any;
    expect(collection['@context'][0]).toBe(ANNO_CONTEXT);
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 3, label: 'Pizhu annotations', first: { type: 'AnnotationPage', startIndex: 0 } });
    expect(collection.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    // Articles by id (cn.nytimes… before cn.reuters…), then by place in the text.
    const [tagged, plain, withNote] = collection.first.items;
    expect(plain).toMatchObject({ id: 'urn:uuid:0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d', motivation: 'highlighting' });
    expect(plain.body).toBeUndefined();
    expect(withNote.motivation).toBe('commenting');
    expect(withNote.body).toEqual([
      { type: 'TextualBody', value: SAMPLE_LIBRARY.annotations[0]!.note, format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: '外交', purpose: 'tagging' },
      { type: 'TextualBody', value: '中美关系', purpose: 'tagging' },
    ]);
    expect(withNote.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(tagged).toMatchObject({ motivation: 'highlighting', target: { source: 'https://cn.nytimes.com/business/20231016/china-economy/' } });
  });

  it('exports an empty library as an empty, valid collection', () => {
    const collection = toWebAnnotationCollection({ articles: [], annotations: [], tombstones: [] }, { exported: EXPORTED }) as any;
    expect(collection).toMatchObject({ total: 0, first: { items: [] } });
  });
});
