// `npm run bench`: every benchmark, one after another (never two at once: two cores), a table
// on stdout, bench/results.json, and the results section of bench/README.md rewritten.
// `npm run bench -- parse anchor` runs only those modules and updates only their lines.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchor } from './anchor';
import { archive } from './archive';
import { importBench } from './import';
import type { BenchModule, Result } from './lib/result';
import { livePage } from './live-page';
import { memory } from './memory';
import { pageCost } from './page-cost';
import { parse } from './parse';
import { popup } from './popup';
import { seed } from './seed';
import { sync } from './sync';
import { browserMissing } from '../test/e2e/browser';

/** The modules, in the order they run. Adding a benchmark is one line here. */
const MODULES: BenchModule[] = [
  parse,
  anchor,
  importBench, // import of 100,000 highlights against putting the same records in one transaction
  pageCost,
  livePage, // a Reuters article page changing its DOM 100 times a second: the main thread's share with and without the extension
  seed,
  popup, // first list of the popup and the library page at 10 and 10,000 highlights, everything read, search latency
  memory, // service worker and popup JS heap with 10,000 highlights stored against 10
  archive, // a folder of 10,000 archive files read into a collection, and its full-text search at 10,000 against 10
  sync, // first push and first pull of 10,000 highlights through a PouchDB Server on loopback, against importing the export
];

const HERE = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(HERE, 'results.json');
const README = join(HERE, 'README.md');

function machine(): string {
  let chromium = 'no Chromium';
  try {
    chromium = execFileSync(process.env.PIZHU_CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // The Node benchmarks run without it.
  }
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${chromium}`;
}

function fmt(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '–';
  if (Number.isInteger(value)) return value.toLocaleString('en');
  const abs = Math.abs(value);
  return abs >= 100 ? Math.round(value).toLocaleString('en') : abs >= 1 ? value.toFixed(2) : value.toPrecision(2);
}

const COLUMNS = ['name', 'unit', 'ours', 'baseline', 'baselineName', 'ratio'] as const;
const cells = (r: Result) => [r.name, r.unit, fmt(r.ours), fmt(r.baseline), r.baselineName ?? '–', r.ratio === null ? '–' : `${fmt(r.ratio)}×`];

function textTable(results: Result[]): string {
  const rows = [COLUMNS.map(String), ...results.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const numeric = new Set([2, 3, 5]);
  return rows
    .map((row) =>
      row
        .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function markdownTable(results: Result[]): string {
  const escapePipes = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${COLUMNS.join(' | ')} |`,
    `| ${COLUMNS.map((_, i) => ([2, 3, 5].includes(i) ? '---:' : '---')).join(' | ')} |`,
    ...results.map((r) => `| ${cells(r).map(escapePipes).join(' | ')} |`),
  ].join('\n');
}

/** Replaces the README's results section (between its markers) with this run's table. */
function updateReadme(results: Result[], about: string): void {
  if (!existsSync(README)) return;
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const text = readFileSync(README, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return;
  const section = `${start}\n${about}\n\n${markdownTable(results)}\n${end}`;
  writeFileSync(README, text.slice(0, from) + section + text.slice(to + end.length));
}

async function main(args: string[]): Promise<number> {
  const wanted = args.filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((id) => !MODULES.some((m) => m.id === id));
  if (unknown.length) {
    console.error(`unknown benchmark ${unknown.join(', ')}; there are: ${MODULES.map((m) => m.id).join(', ')}`);
    return 2;
  }
  const modules = wanted.length ? MODULES.filter((m) => wanted.includes(m.id)) : MODULES;
  const about = `Machine: ${machine()}. Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
  console.log(about);

  const results: Result[] = [];
  const byModule: Result[][] = [];
  const failed: string[] = [];
  for (const module of modules) {
    const started = performance.now();
    console.log(`${module.id}…`);
    try {
      // A browser benchmark needs dist/ and Chromium: say which is missing rather than fail inside.
      const missing = module.browser ? browserMissing() : null;
      if (missing) throw new Error(missing);
      const lines = await module.run();
      results.push(...lines);
      byModule.push(lines);
      console.log(`  ${module.id} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failed.push(module.id);
      console.error(`  ${module.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // A partial run keeps the other modules' lines from the last run, and puts each module's fresh lines
  // where its old ones stood.
  let all = results;
  if (modules !== MODULES && existsSync(RESULTS)) {
    const old = JSON.parse(readFileSync(RESULTS, 'utf8')) as Result[];
    const moduleOf = new Map<string, number>();
    byModule.forEach((lines, i) => {
      for (const r of lines) moduleOf.set(r.name, i);
    });
    const placed = new Set<number>();
    all = [];
    for (const r of old) {
      const i = moduleOf.get(r.name);
      if (i === undefined) all.push(r);
      else if (!placed.has(i)) {
        placed.add(i);
        all.push(...byModule[i]);
      }
    }
    byModule.forEach((lines, i) => {
      if (!placed.has(i)) all.push(...lines);
    });
  }
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
  if (!failed.length && modules === MODULES) updateReadme(all, about);
  console.log(`\n${textTable(results)}\n`);
  console.log(`ratio: peer / ours for times and sizes, ours / peer for throughput and right answers; above 1 is better for us.`);
  console.log(`wrote ${RESULTS}${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
  return failed.length ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
