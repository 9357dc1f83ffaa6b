// parse: every corpus file, our archive parser as the parse command runs it, against Mozilla Readability
// on linkedom over the same body HTML (what a developer would reach for), and against a bare
// htmlparser2 pass over it (the floor: no extractor can be faster than building the tree).
import { Readability } from '@mozilla/readability';
import { Parser, parseDocument } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { parseArchive } from '../src/parse/parse-archive';
import { parseArchiveHeader } from '../src/parse/archive-header';
import { corpusFiles, readCorpus } from './lib/corpus';
import { moreIsBetter, type BenchModule, type Result } from './lib/result';
import { medianMs } from './lib/stats';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

interface Input {
  file: string;
  /** The whole archive file, as the parse command reads it. */
  text: string;
  /** The body HTML in a minimal document with the title: what a developer hands Readability. */
  page: string;
  /** The body HTML alone. */
  body: string;
}

function inputs(): Input[] {
  return corpusFiles().map((file) => {
    const text = readCorpus(file);
    const header = parseArchiveHeader(text);
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(header.title ?? '')}</title></head><body>${header.body}</body></html>`;
    return { file, text, page, body: header.body };
  });
}

export function ours(corpus: Input[]): number {
  let blocks = 0;
  for (const { text } of corpus) blocks += parseArchive(text).blocks.length;
  return blocks;
}

export function readability(corpus: Input[]): number {
  let chars = 0;
  for (const { page } of corpus) {
    const { document } = parseHTML(page);
    const article = new Readability(document as unknown as Document).parse();
    chars += article?.textContent?.length ?? 0;
  }
  return chars;
}

export function htmlparser2Tree(corpus: Input[]): number {
  let nodes = 0;
  for (const { body } of corpus) nodes += parseDocument(body).children.length;
  return nodes;
}

export function htmlparser2Tokens(corpus: Input[]): number {
  let tags = 0;
  for (const { body } of corpus) {
    const parser = new Parser({ onopentagname: () => void tags++ });
    parser.end(body);
  }
  return tags;
}

export const parse: BenchModule = {
  id: 'parse',
  async run(): Promise<Result[]> {
    const corpus = inputs();
    const files = corpus.length;
    const ms = await medianMs([
      { name: 'ours', fn: () => ours(corpus) },
      { name: 'readability', fn: () => readability(corpus) },
      { name: 'tree', fn: () => htmlparser2Tree(corpus) },
      { name: 'tokens', fn: () => htmlparser2Tokens(corpus) },
    ]);
    // Throughput: files per second over the whole corpus (one round = every file once).
    const rate = (name: string) => (files / ms.get(name)!) * 1000;
    const unit = `files/s (${files} corpus files a round)`;
    return [
      moreIsBetter('parse', unit, rate('ours'), rate('readability'), 'readability (linkedom)'),
      moreIsBetter('parse', unit, rate('ours'), rate('tree'), 'htmlparser2 (bare parse)'),
      moreIsBetter('parse', unit, rate('ours'), rate('tokens'), 'htmlparser2 (tokenizer only, no tree)'),
    ];
  },
};
