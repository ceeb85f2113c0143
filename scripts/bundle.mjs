// Bundle the CLI into one file, dist/clean-article.js, which bin/ runs. Loading ~40 ES modules one by
// one costs Node 20 more start-up time than parsing one file; the library (dist/index.js) and the
// worker thread (dist/run/worker.js) stay as tsc wrote them. iconv-lite stays external: it is loaded only
// for non-UTF-8 input, from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/cli/main.js'],
  outfile: 'dist/clean-article.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['iconv-lite', 'tsx/esm/api'],
  define: { __BUNDLED__: 'true' },
  // commander is CommonJS: give the bundle a require() for the Node built-ins it asks for.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
