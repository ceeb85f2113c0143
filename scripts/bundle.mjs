// Bundle the CLI and its worker thread into one file each, dist/clean-article.cjs and dist/worker.cjs,
// and make their V8 code caches; bin/ runs the CLI, and the CLI's pool its workers, through
// dist/cli/launch.js (see there). Loading ~40 ES modules one by one costs Node 20 more start-up time
// than parsing one file, and a script, unlike a module, can be compiled with a code cache. The library
// (dist/index.js) and dist/run/worker.js stay as tsc wrote them. iconv-lite stays external: it is
// loaded only for non-UTF-8 input, from node_modules.
//
// A bundle is one function expression, `(function (require, importMeta) { ... return exports; })`,
// that dist/cli/launch.js compiles with `vm.Script` and calls; it ends with `//# build <id>`, a hash of
// the code, which a code cache must name to be used.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const CLI = 'dist/clean-article.cjs';
const WORKER = 'dist/worker.cjs';
const SAMPLE = 'fixtures/statesman/input.txt';

/**
 * commander requires node:child_process at load, for subcommands run as executables, which this CLI
 * has none of; loading it (and net, dgram, streams behind it) cost every run ~5 ms. Require it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, ({ path: file }) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = fs.readFileSync(file, 'utf8');
      const uses = source.match(/childProcess\.\w+/g) ?? [];
      if (!source.includes(eager) || uses.some((u) => u !== 'childProcess.spawn')) {
        throw new Error(`${file}: commander changed: review the lazy child_process rewrite in scripts/bundle.mjs`);
      }
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

async function bundle(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
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
  const code = fs.readFileSync(outfile, 'utf8');
  const id = createHash('sha256').update(code).digest('hex').slice(0, 32);
  fs.writeFileSync(outfile, `${code}\n//# build ${id}\n`);
  fs.rmSync(`${outfile}.cache`, { force: true });
}

await bundle('dist/cli/main.js', CLI);
await bundle('dist/run/worker.js', WORKER);

// The code caches: made by a fresh node (no V8 flags, as a user's run) after cleaning the sample article,
// the CLI's in its main thread, the worker's in a worker thread given one file and one JSON Lines record.
const node = (script) =>
  spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: process.cwd() });
const firstLine = (r) => (r.stderr || r.stdout || '').trim().split('\n')[0];
if (!fs.existsSync(SAMPLE)) {
  console.warn(`bundle: ${SAMPLE} is missing: no code caches; the CLI works without them`);
} else {
  const made = node(
    `import { produceCodeCache } from './dist/cli/launch.js'; await produceCodeCache([${JSON.stringify(SAMPLE)}, '--no-config']);`,
  );
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-bundle-'));
  const engine = { format: 'text', clean: { preset: 'auto' }, words: [], writesArticle: true };
  const tasks = [
    { kind: 'file', input: SAMPLE, output: path.join(out, 'sample.txt') },
    { kind: 'record', line: JSON.stringify({ id: 1, text: fs.readFileSync(SAMPLE, 'utf8') }), lineNo: 1 },
  ];
  const madeWorker = node(
    `import { produceWorkerCodeCache } from './dist/cli/launch.js'; await produceWorkerCodeCache(${JSON.stringify(engine)}, ${JSON.stringify(tasks)});`,
  );
  fs.rmSync(out, { recursive: true, force: true });
  // Each cache must be accepted by a run like the user's.
  const check = node(`import { Worker } from 'node:worker_threads';
import { loadCli } from './dist/cli/launch.js';
const cli = loadCli().cache;
const launcher = JSON.stringify(new URL('dist/cli/launch.js', 'file://' + process.cwd() + '/').href);
const code = \`Promise.all([import('node:worker_threads'), import(\${launcher})]).then(([w, l]) => w.parentPort.postMessage(l.runWorker()))\`;
const worker = new Worker(code, { eval: true, workerData: ${JSON.stringify(engine)} });
const status = await new Promise((resolve) => worker.once('message', resolve));
await worker.terminate();
process.stdout.write(JSON.stringify({ cli, worker: status }));`);
  let status = {};
  try {
    status = JSON.parse(check.stdout);
  } catch {}
  for (const [name, file, result] of [
    ['cli', CLI, made],
    ['worker', WORKER, madeWorker],
  ]) {
    if (result.status !== 0 || status[name] !== 'used') {
      fs.rmSync(`${file}.cache`, { force: true });
      console.warn(
        `bundle: no code cache for ${file} (${result.status !== 0 ? firstLine(result) : (status[name] ?? firstLine(check))}); it works without one`,
      );
    }
  }
}
