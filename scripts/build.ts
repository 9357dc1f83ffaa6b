// `npm run build`: writes two unpacked extensions from one source, dist/chrome and dist/firefox.
// Each script is its own self-contained bundle (content scripts cannot import modules); the popup
// is an extension page. Then manifests, icons and _locales are written beside them.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const CHROME = join(DIST, 'chrome');
const FIREFOX = join(DIST, 'firefox');

/** Classic-script bundles: [entry, output path inside the extension]. */
const SCRIPTS: [string, string][] = [
  ['content-scripts/detector.ts', 'content-scripts/detector.js'],
  ['content-scripts/reader/main.tsx', 'content-scripts/reader.js'],
  ['content-scripts/reuters.ts', 'content-scripts/reuters.js'],
  // The highlighting, run by the background in a frame once its page script shows an article.
  ['content-scripts/highlights/main.ts', 'content-scripts/highlights.js'],
  ['src/background/main.ts', 'background.js'],
];

/** Extension pages, each a folder of HTML pages (the popup's folder also holds the library page; reader/ shows archive articles opened through Pizhu; options/ the settings). */
const PAGES = ['popup', 'note', 'reader', 'options'];

const shared: InlineConfig = {
  configFile: false,
  root: ROOT,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': '"production"' },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
};

/**
 * The browsers manifest.json names as the oldest: their CSS is written as it is (light-dark() stays
 * itself instead of a fallback per colour, a few hundred bytes of each page script).
 */
const CSS_TARGET = ['chrome123', 'firefox140'];

async function buildScript(entry: string, out: string): Promise<void> {
  await build({
    ...shared,
    build: {
      outDir: CHROME,
      emptyOutDir: false,
      target: 'es2022',
      cssTarget: CSS_TARGET,
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry: join(ROOT, entry), formats: ['iife'], name: 'pizhu', fileName: () => out },
    },
  });
}

/** An extension page (the popup, the note editor's frame): its own folder, its HTML and assets. */
async function buildPage(dir: string): Promise<void> {
  await build({
    ...shared,
    root: join(ROOT, dir),
    base: './',
    // Workers are started as modules (`type: 'module'`), as the pages are.
    worker: { format: 'es' },
    build: {
      outDir: join(CHROME, dir),
      emptyOutDir: false,
      target: 'es2022',
      cssTarget: CSS_TARGET,
      minify: true,
      modulePreload: false,
      copyPublicDir: false,
      rollupOptions: {
        input: readdirSync(join(ROOT, dir))
          .filter((f) => f.endsWith('.html'))
          .map((f) => join(ROOT, dir, f)),
      },
    },
  });
}

type Manifest = Record<string, unknown> & { background?: unknown; browser_specific_settings?: unknown; minimum_chrome_version?: string };

function writeManifests(): void {
  const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Manifest;
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  // Each browser gets only the keys it reads: Chrome warns on gecko settings, Firefox on Chrome's.
  const { browser_specific_settings: gecko, minimum_chrome_version: minChrome, ...common } = source;
  const chrome = { ...common, version, minimum_chrome_version: minChrome, background: { service_worker: 'background.js' } };
  const firefox = { ...common, version, background: { scripts: ['background.js'] }, browser_specific_settings: gecko };
  writeFileSync(join(CHROME, 'manifest.json'), `${JSON.stringify(chrome, null, 2)}\n`);
  writeFileSync(join(FIREFOX, 'manifest.json'), `${JSON.stringify(firefox, null, 2)}\n`);
}

function report(): void {
  const popupAssets = PAGES.flatMap((page) => readdirSync(join(CHROME, page, 'assets')).map((f) => `${page}/assets/${f}`));
  console.log('bundle                                   bytes   gzip');
  for (const file of [...SCRIPTS.map(([, out]) => out), ...popupAssets]) {
    const bytes = readFileSync(join(CHROME, file));
    console.log(`${file.padEnd(38)} ${String(bytes.length).padStart(7)} ${String(gzipSync(bytes).length).padStart(6)}`);
  }
}

async function main(): Promise<void> {
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(CHROME, { recursive: true });
  for (const [entry, out] of SCRIPTS) await buildScript(entry, out);
  for (const page of PAGES) await buildPage(page);
  cpSync(join(ROOT, 'icons'), join(CHROME, 'icons'), { recursive: true });
  cpSync(join(ROOT, '_locales'), join(CHROME, '_locales'), { recursive: true });
  cpSync(CHROME, FIREFOX, { recursive: true });
  writeManifests();
  report();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
