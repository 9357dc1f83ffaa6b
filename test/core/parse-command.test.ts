// `npm run --silent parse -- FILE`, run as a user runs it: one JSON object on stdout, or a one-line reason and a non-zero exit.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, REPO_DIR, REUTERS_PAGE } from '../shared-data';

const parse = (...args: string[]) => {
  const run = spawnSync('npm', ['run', '--silent', 'parse', '--', ...args], { cwd: REPO_DIR, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')) };
};
const scratch = mkdtempSync(join(tmpdir(), 'pizhu-parse-'));

describe('the parse command', () => {
  it('prints an archive file as one JSON object', () => {
    const { status, stdout } = parse(join(CORPUS_DIR, 'reuters/1040207.md'));
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'cn.reuters.com/article/wrapup-china-russia-diplomacy-meeting-03-idCNKBS2BF0GS', source: 'reuters', archivedAt: '2021-03-23T06:31:03.000Z' });
  }, 30_000);

  it('prints a saved Reuters page', () => {
    const { status, stdout } = parse(REUTERS_PAGE);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ byline: '整理 李爽', archivedAt: null });
  }, 30_000);

  it.each([
    ['notes.md', '# notes\n'],
    ['page.html', '<html><body><p>not reuters</p></body></html>'],
    ['binary.bin', Buffer.from([0xff, 0xfe, 0x00, 0x81])],
  ])(
    'refuses %s with a one-line reason and a non-zero exit',
    (name, content) => {
      const file = join(scratch, name);
      writeFileSync(file, content);
      const { status, stdout, stderr } = parse(file);
      expect(status).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toHaveLength(1);
    },
    30_000,
  );

  it('prints the article text with --text: the title, then each block, one line each', () => {
    const { status, stdout } = parse('--text', join(CORPUS_DIR, 'reuters/1040207.md'));
    expect(status).toBe(0);
    const lines = stdout.replace(/\n$/, '').split('\n');
    expect(lines[0]).toBe('综述：“守望相助” 中俄誓言在核心利益问题上做彼此坚强后盾');
    expect(lines[1]).toMatch(/^路透北京3月23日 - /);
    // The image's caption is its reading text.
    expect(lines[2]).toMatch(/^第三方图片：/);
    expect(lines).toHaveLength(1 + 25);
  }, 30_000);

  it('prints one line per file with --summary, and names the files it could not read', () => {
    const files = ['reuters/1040207.md', 'nyt/1041950.md', 'bbc/1041700.md'].map((f) => join(CORPUS_DIR, f));
    const { status, stdout } = parse('--summary', ...files, join(scratch, 'nope.md'));
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0].split('\t').slice(1, 5)).toEqual(['reuters', '2021-03-23T06:08Z', 'p22 h2 i1', 'by:-']);
    expect(lines[1]).toContain('by:储百亮, CATIE EDMONDSON');
    expect(lines[3]).toMatch(/nope\.md\tERROR\tcannot read/);
    expect(status).toBe(1);
  }, 30_000);

  it('refuses a missing file', () => {
    const { status, stderr } = parse(join(scratch, 'nope.md'));
    expect(status).not.toBe(0);
    expect(stderr[0]).toMatch(/cannot read/);
  }, 30_000);
});
