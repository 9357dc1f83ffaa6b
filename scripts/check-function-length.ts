// `npm run lint:functions`: lists every function, method, accessor or arrow in product code (src/, content-scripts/,
// popup/, note/, lib/; tests left out) longer than MAX_LINES, counted from its first line to its last, as ESLint's
// max-lines-per-function counts them (blank and comment lines included; an inner function counts in the outer one too).
// Biome's noExcessiveLinesPerFunction is not used: it counts the newlines between tokens of the body, so a line of
// JSX text or a comment's inner lines are not counted, and a 156-line Preact component measures 103.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const MAX_LINES = 80;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PRODUCT = ['src', 'content-scripts', 'popup', 'note', 'reader', 'options', 'lib'];
const SOURCE = /\.tsx?$/;
const SKIP = /\.test\.tsx?$|\.d\.ts$/;

interface LongFunction {
  file: string;
  line: number;
  lines: number;
  name: string;
}

function productFiles(): string[] {
  return PRODUCT.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => SOURCE.test(f) && !SKIP.test(f))
      .map((f) => join(dir, f))
      .sort(),
  );
}

function nameOf(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name) return parent.name.getText(source);
  return '(anonymous)';
}

function longFunctions(file: string): LongFunction[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > MAX_LINES) found.push({ file, line: first + 1, lines, name: nameOf(node as ts.FunctionLikeDeclaration, source) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const found = productFiles().flatMap(longFunctions);
for (const f of found) console.log(`${f.file}:${f.line}  ${f.name}  ${f.lines} lines`);
if (found.length > 0) {
  console.error(`\n${found.length} function(s) over ${MAX_LINES} lines in product code.`);
  process.exit(1);
}
