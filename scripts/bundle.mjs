// Bundle the CLI into one file, dist/clean-article.cjs, and make its V8 code cache; bin/ runs it through
// dist/cli/launch.js (see there). Loading ~40 ES modules one by one costs Node 20 more start-up time
// than parsing one file, and a script, unlike a module, can be compiled with a code cache. The library
// (dist/index.js) and the worker thread (dist/run/worker.js) stay as tsc wrote them. iconv-lite stays
// external: it is loaded only for non-UTF-8 input, from node_modules.
//
// The bundle is one function expression, `(function (require, importMeta) { ... return exports; })`,
// that dist/cli/launch.js compiles with `vm.Script` and calls; it ends with `//# build <id>`, a hash of
// the code, which a code cache must name to be used.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { build } from 'esbuild';

const OUT = 'dist/clean-article.cjs';
const SAMPLE = 'fixtures/statesman/input.txt';

/**
 * commander requires node:child_process at load, for subcommands run as executables, which this CLI
 * has none of; loading it (and net, dgram, streams behind it) cost every run ~5 ms. Require it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, ({ path }) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = fs.readFileSync(path, 'utf8');
      const uses = source.match(/childProcess\.\w+/g) ?? [];
      if (!source.includes(eager) || uses.some((u) => u !== 'childProcess.spawn')) {
        throw new Error(`${path}: commander changed: review the lazy child_process rewrite in scripts/bundle.mjs`);
      }
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

await build({
  entryPoints: ['dist/cli/main.js'],
  outfile: OUT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['iconv-lite', 'tsx/esm/api'],
  // `import.meta` becomes the second parameter; launch.js passes `{ url }` (the bundle's URL), the only
  // part the code reaches (`import.meta.resolve` is used only when running as TypeScript).
  define: { __BUNDLED__: 'true', 'import.meta': 'importMeta' },
  banner: {
    js: "(function (require, importMeta) {\n'use strict';\nconst module = { exports: {} };\nconst exports = module.exports;",
  },
  footer: { js: 'return module.exports;\n})' },
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});

const code = fs.readFileSync(OUT, 'utf8');
const id = createHash('sha256').update(code).digest('hex').slice(0, 32);
fs.writeFileSync(OUT, `${code}\n//# build ${id}\n`);

// The code cache: made by a fresh node (no V8 flags, as a user's run) after cleaning the sample article.
const cacheFile = `${OUT}.cache`;
fs.rmSync(cacheFile, { force: true });
if (fs.existsSync(SAMPLE)) {
  const run = (script) =>
    spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: process.cwd() });
  const made = run(
    `import { produceCodeCache } from './dist/cli/launch.js'; await produceCodeCache([${JSON.stringify(SAMPLE)}, '--no-config']);`,
  );
  const check = run(`import { loadCli } from './dist/cli/launch.js'; process.stdout.write(loadCli().cache);`);
  if (made.status !== 0 || check.stdout !== 'used') {
    fs.rmSync(cacheFile, { force: true });
    console.warn(
      `bundle: no code cache (${(made.stderr || check.stdout || check.stderr).trim().split('\n')[0]}); the CLI works without one`,
    );
  }
} else {
  console.warn(`bundle: ${SAMPLE} is missing: no code cache; the CLI works without one`);
}
