// The shared corpus, found as the tests find it (test/shared-data.ts): ../shared beside the clone, or PIZHU_SHARED.
export { CORPUS_DIR, corpusFiles, readCorpus } from '../../test/shared-data';
