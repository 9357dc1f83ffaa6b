// dependency-cruiser: the import rules of Pizhu. `npm run lint:deps` checks them.
//
// Layers of src/ (a folder imports only the folders listed for it; tests, *.test.ts, are not cruised,
// so that a round trip may use both ends):
//   base        src/model, src/time, src/text, src/dom, src/i18n      -> base
//   annotation  src/annotation (records as valibot schemas, ids, ...)  -> base
//   reading     src/anchor, src/text-map, src/cite                     -> annotation, base
//               src/parse                                              -> text-map, annotation, base
//   store       src/store                                              -> annotation, base
//   search      src/search                                             -> annotation, base
//   library     src/library                                            -> search, annotation, base
//   collection  src/collection (archive folders, full-text search)    -> parse, search, text-map, annotation, base
//   transfer    src/export, src/import                                 -> store, anchor, annotation, base (not each other)
//   messages    src/messages                                           -> annotation, base
//   sync        src/sync (CouchDB documents, the replica bridge)       -> store, import, export, anchor, annotation, base
//   background  src/background                                         -> all of src but src/cli
//   cli         src/cli                                                -> parse, anchor, text-map, cite, annotation, base
// Outside src/: content-scripts/, popup/ and note/ may import src/ and lib/, never each other;
// lib/ may import src/ only; src/ imports none of them. Content scripts never reach the store.

const BASE = ['model', 'time', 'text', 'dom', 'i18n'];
const READING = ['anchor', 'parse', 'text-map', 'cite'];

/** src/ folder -> the src/ folders it may import (besides itself). */
const LAYERS = {
  ...Object.fromEntries(BASE.map((f) => [f, BASE])),
  annotation: BASE,
  ...Object.fromEntries(READING.map((f) => [f, ['annotation', ...BASE]])),
  parse: ['text-map', 'annotation', ...BASE],
  store: ['annotation', ...BASE],
  search: ['annotation', ...BASE],
  library: ['search', 'annotation', ...BASE],
  collection: ['parse', 'search', 'text-map', 'annotation', ...BASE],
  export: ['store', 'anchor', 'annotation', ...BASE],
  import: ['store', 'anchor', 'annotation', ...BASE],
  messages: ['annotation', ...BASE],
  sync: ['store', 'import', 'export', 'anchor', 'annotation', ...BASE],
  background: null, // everything in src/ but src/cli, see background-no-cli
  cli: [...READING, 'annotation', ...BASE],
};

const KNOWN = Object.keys(LAYERS);
const TEST = '\\.test\\.tsx?$';
const PRODUCT = '^(src|content-scripts|popup|note|reader|options|lib)/';
const either = (names) => `(${names.map((n) => n.replace('-', '\\-')).join('|')})`;

const layerRules = Object.entries(LAYERS)
  .filter(([, allowed]) => allowed !== null)
  .map(([folder, allowed]) => ({
    name: `layer-${folder}`,
    severity: 'error',
    comment: `src/${folder} may import only ${allowed.length ? allowed.map((f) => `src/${f}`).join(', ') : 'nothing else in src'} (and itself). See the layer list at the top of .dependency-cruiser.cjs.`,
    from: { path: `^src/${folder}/`, pathNot: TEST },
    to: { path: '^src/', pathNot: `^src/${either([folder, ...allowed])}/` },
  }));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module of src/ is part of an import cycle. Break it (move the shared part down a layer, or pass a function in).',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-circular-ui',
      severity: 'error',
      comment: 'A module of content-scripts/, popup/, note/ or lib/ is part of an import cycle.',
      from: { path: '^(content-scripts|popup|note|reader|options|lib)/' },
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      severity: 'error',
      scope: 'folder',
      comment: 'Two folders import each other, directly or through others: a folder of src/ imports only folders below it.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'layer-export-import',
      severity: 'error',
      comment: 'src/export and src/import must not import each other (a shared piece belongs in src/annotation).',
      from: { path: '^src/(export|import)/', pathNot: TEST },
      to: { path: '^src/(export|import)/', pathNot: '^src/$1/' },
    },
    {
      name: 'no-import-of-cli',
      severity: 'error',
      comment: 'src/cli is a Node command; nothing imports it.',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'layer-unlisted-folder',
      severity: 'error',
      comment: `A module of src/ outside the listed layers (${KNOWN.join(', ')}) imports src/: add its folder to LAYERS in .dependency-cruiser.cjs.`,
      from: { path: `^src/(?!${either(KNOWN)}/)`, pathNot: TEST },
      to: { path: '^src/' },
    },
    {
      name: 'src-no-ui',
      severity: 'error',
      comment: 'src/ is the core: it imports nothing from content-scripts/, popup/, note/ or lib/.',
      from: { path: '^src/' },
      to: { path: '^(content-scripts|popup|note|reader|options|lib)/' },
    },
    {
      name: 'src-no-browser-packages',
      severity: 'error',
      comment: 'Browser-only packages (the extension API, IndexedDB, Preact) stay out of src/, but for the background (extension API) and the stores (IndexedDB: the library, archive collections).',
      from: { path: '^src/', pathNot: '^src/(background|store|collection)/' },
      to: { path: '(^|/)node_modules/(webextension-polyfill|idb|preact|@tanstack)/' },
    },
    {
      name: 'src-no-node',
      severity: 'error',
      comment: 'Node modules (node:fs, ...) stay in src/cli: the rest of src/ runs in the extension.',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'content-no-store',
      severity: 'error',
      comment: 'A content script never opens the store: it asks the background. Nothing it imports, even indirectly, may be src/store or idb.',
      from: { path: '^content-scripts/' },
      to: { path: '^src/store/|(^|/)node_modules/idb/', reachable: true },
    },
    {
      name: 'ui-no-cross',
      severity: 'error',
      comment: 'content-scripts/, popup/, note/ and options/ do not import each other; share through lib/ (or src/).',
      from: { path: '^(content-scripts|popup|note|options)/' },
      to: { path: '^(content-scripts|popup|note|options)/', pathNot: '^$1/' },
    },
    {
      name: 'reader-page',
      severity: 'error',
      comment: "reader/ is Pizhu's reader page: the content scripts' reader view on an extension page. It may use content-scripts/ (and lib/, src/), nothing of popup/ or note/.",
      from: { path: '^reader/' },
      to: { path: '^(popup|note)/' },
    },
    {
      name: 'ui-not-to-reader',
      severity: 'error',
      comment: 'Nothing imports the reader page.',
      from: { path: '^(content-scripts|popup|note|lib|src)/' },
      to: { path: '^reader/' },
    },
    {
      name: 'lib-no-ui',
      severity: 'error',
      comment: 'lib/ is shared by content-scripts/, popup/ and note/: it imports none of them.',
      from: { path: '^lib/' },
      to: { path: '^(content-scripts|popup|note)/' },
    },
    {
      name: 'product-no-test-code',
      severity: 'error',
      comment: 'Product code imports no test, bench or script module.',
      from: { path: PRODUCT, pathNot: TEST },
      to: { path: `^(test|bench|scripts)/|${TEST}` },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import does not resolve to a file or a package.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: 'This package is not in package.json: add it, or do not import it.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'product-not-to-dev-dep',
      severity: 'error',
      comment: 'Product code (bundled into the extension) imports a devDependency: move the package to dependencies.',
      from: { path: PRODUCT, pathNot: `${TEST}|^src/cli/` },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-orphans',
      severity: 'warn',
      comment: 'No module imports this one and it is no entry point: remove it, or import it.',
      from: {
        orphan: true,
        pathNot: [
          '(^|/)\\.[^/]+\\.(js|cjs|mjs|ts|json)$', // dot files: configs
          '\\.d\\.ts$',
          '(^|/)tsconfig\\.json$',
          '^vitest\\.config\\.ts$',
          TEST,
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // A git worktree links node_modules to the main checkout's: packages keep their node_modules/ paths.
    preserveSymlinks: true,
    // Tests (*.test.ts) are left out of the graph: a round-trip test may import both ends, and a test importing
    // test/fixtures would make folder cycles that the product does not have. `npm run lint:deps` cruises
    // product code only; tsc and knip check tests, bench and scripts.
    exclude: { path: ['^(dist|test-results|node_modules)/', TEST] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
