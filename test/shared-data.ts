import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const REPO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** ../shared beside the clone (README, *Set up*): read in place, never copied into the repository. */
export const SHARED_DIR = resolve(process.env.PIZHU_SHARED ?? join(dirname(fileURLToPath(import.meta.url)), '../../shared'));
export const CORPUS_DIR = join(SHARED_DIR, 'corpus');
export const REUTERS_PAGE = join(SHARED_DIR, 'pages/cn-reuters-weekly-wrapup-global-fx-brexit-1108-idCNKBS1XJ077.html');

if (!existsSync(CORPUS_DIR)) {
  throw new Error(`The shared corpus is missing at ${CORPUS_DIR}: tests read ../shared beside the clone (or set PIZHU_SHARED).`);
}

/** Every archive file in the corpus, as paths relative to corpus/ ("reuters/1040207.md"). */
export function corpusFiles(): string[] {
  const out: string[] = [];
  for (const dir of readdirSync(CORPUS_DIR)) {
    const full = join(CORPUS_DIR, dir);
    if (!statSync(full).isDirectory()) continue;
    for (const file of readdirSync(full)) if (file.endsWith('.md')) out.push(relative(CORPUS_DIR, join(full, file)));
  }
  return out.sort();
}

export const readCorpus = (path: string) => readFileSync(join(CORPUS_DIR, path), 'utf8');
