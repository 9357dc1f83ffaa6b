// `npm start`: builds, then opens a browser with the extension loaded on a corpus article, to try it.
// `npm start -- --firefox` uses Firefox through web-ext instead. Needs a display.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const article = resolve(ROOT, process.env.PIZHU_SHARED ?? '../shared', 'corpus/reuters/1040207.md');
const firefox = process.argv.includes('--firefox');

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT }).status ?? 1;

if (run('npm', ['run', '--silent', 'build']) !== 0) process.exit(1);
if (!existsSync(article)) console.warn(`No corpus article at ${article}; the browser opens without it.`);
const startUrl = pathToFileURL(article).href;

if (firefox) {
  const binary = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find(existsSync) ?? 'firefox';
  process.exit(run('npx', ['web-ext', 'run', '--source-dir', 'dist/firefox', `--firefox=${binary}`, '--start-url', startUrl]));
}

const chromium = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!chromium) {
  console.error('No Chromium found: install it (apt-get install chromium) or set CHROME_PATH.');
  process.exit(1);
}
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
  console.error('No display: npm start opens a visible browser. Load dist/chrome with "Load unpacked" on a desktop instead.');
  process.exit(1);
}
const extension = join(ROOT, 'dist/chrome');
process.exit(
  run(chromium, [`--user-data-dir=${mkdtempSync(join(tmpdir(), 'pizhu-start-'))}`, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-first-run', startUrl]),
);
