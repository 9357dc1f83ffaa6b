// `npm run --silent parse -- FILE`: the article model of FILE (src/model/article.ts) as one JSON object.
// `-- --text FILE`: its article text, what highlights count in. `-- --summary FILE…`: one line per file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../model/article';
import { parseInput, UnrecognizedInput } from '../parse/parse-input';
import { articleText } from '../text/article-text';
import { summaryLine } from './summary-line';

const USAGE = 'usage: npm run --silent parse -- [--text] FILE | --summary FILE…\n';

function read(file: string): Article | string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return `${file}: not UTF-8 text`;
  }
  try {
    return parseInput(text, pathToFileURL(resolve(file)).href);
  } catch (error) {
    const reason = error instanceof UnrecognizedInput ? error.message : `parser failed: ${String(error)}`;
    return `${file}: ${reason.replace(/\s+/g, ' ')}`;
  }
}

function main(args: string[]): number {
  const flags = new Set(args.filter((a) => a.startsWith('--') && a !== '--'));
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--text' && f !== '--summary');
  if (!files.length || unknown.length || flags.size > 1 || (!flags.has('--summary') && files.length > 1)) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (flags.has('--summary')) {
    let failed = 0;
    for (const file of files) {
      const result = read(file);
      if (typeof result === 'string') {
        failed++;
        process.stdout.write(`${file}\tERROR\t${result}\n`);
      } else process.stdout.write(`${summaryLine(file, result)}\n`);
    }
    return failed ? 1 : 0;
  }
  const result = read(files[0]);
  if (typeof result === 'string') {
    process.stderr.write(`${result}\n`);
    return 1;
  }
  process.stdout.write(flags.has('--text') ? `${articleText(result).text}\n` : `${JSON.stringify(result)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
