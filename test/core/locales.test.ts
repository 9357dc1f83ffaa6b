// Every visible string goes through i18n: each key the UI asks for exists in every locale.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_PROBLEMS, SOURCES } from '../../src/model/article';
import { REPO_DIR as REPO } from '../shared-data';

const locales = readdirSync(join(REPO, '_locales'));
const messages = Object.fromEntries(locales.map((l) => [l, JSON.parse(readFileSync(join(REPO, '_locales', l, 'messages.json'), 'utf8')) as Record<string, { message: string }>]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Literal keys: t('key'); keys built from values: every value they can take. */
const literalKeys = ['content-scripts', 'popup', 'note', 'lib', 'src']
  .flatMap((d) => sourceFiles(join(REPO, d)))
  .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('([A-Za-z_]+)'/g)].map((m) => m[1]));
const builtKeys = [
  ...[...SOURCES, 'other'].map((s) => `source_${s}`),
  ...ARTICLE_PROBLEMS.map((p) => `problem_${p.replace(/-/g, '_')}`),
  ...['auto', 'light', 'dark'].map((theme) => `theme_${theme}`),
];
const manifestKeys = [...readFileSync(join(REPO, 'manifest.json'), 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);

describe('locales', () => {
  it('are English and Simplified Chinese', () => {
    expect(locales.sort()).toEqual(['en', 'zh_CN']);
  });
  it('find the UI keys', () => {
    expect(literalKeys.length).toBeGreaterThan(10);
  });
  it.each(locales)('%s has every key the UI and the manifest use, and the same keys as the others', (locale) => {
    for (const key of [...literalKeys, ...builtKeys, ...manifestKeys]) expect(messages[locale][key]?.message, key).toBeTruthy();
    expect(Object.keys(messages[locale]).sort()).toEqual(Object.keys(messages.en).sort());
  });
});
