// `npm run --silent parse -- FILE`: prints the article model of FILE as one JSON object (CONTRACT §3).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseInput, UnrecognizedInput } from '../parse/parse-input';

function main(args: string[]): number {
  const file = args.find((a) => a !== '--');
  if (!file) {
    process.stderr.write('usage: npm run --silent parse -- FILE\n');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    process.stderr.write(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 1;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    process.stderr.write(`${file}: not UTF-8 text\n`);
    return 1;
  }
  try {
    const article = parseInput(text, pathToFileURL(resolve(file)).href);
    process.stdout.write(`${JSON.stringify(article)}\n`);
    return 0;
  } catch (error) {
    const reason = error instanceof UnrecognizedInput ? error.message : `parser failed: ${String(error)}`;
    process.stderr.write(`${file}: ${reason.replace(/\s+/g, ' ')}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
