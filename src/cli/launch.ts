/**
 * Start the bundled CLI, and its worker threads, with a V8 code cache. `bin/` calls `loadCli()`, a
 * worker thread of the bundled CLI `runWorker()` (see `run/pool.ts`); the build calls
 * `produceCodeCache()` and `produceWorkerCodeCache()` once after bundling.
 *
 * Node 20 keeps no code cache for ES modules (`module.enableCompileCache()` arrived in Node 22.1), so
 * every run parsed the 330 KB bundle and compiled each function it called, about a third of the bin's
 * own start-up. Here the bundle (`dist/clean-article.cjs`, written by `scripts/bundle.mjs`) is one
 * function expression, compiled with `vm.Script` and the `cachedData` that the build produced after a
 * run on the sample article, so the functions a run needs arrive compiled.
 *
 * A cache is used only when it was made for this very bundle (the build id the bundler writes at its
 * end), by this Node (version and architecture), and its bytes are intact (CRC-32; V8 checks no
 * checksum of its own in release builds); otherwise it is ignored and the bundle is compiled from
 * source, which gives the same results, only later. V8 rejects a cache of other flags by itself.
 */
import { createRequire } from 'node:module';
import type { CliIO, main as Main } from './main.js';

// Built-ins through require: an ES module import of node:fs builds its whole namespace, which loads
// fs streams and more that a run may never use.
const require = createRequire(import.meta.url);
const fs = require('node:fs') as typeof import('node:fs');
const vm = require('node:vm') as typeof import('node:vm');
const { fileURLToPath } = require('node:url') as typeof import('node:url');

export interface CliModule {
  main: typeof Main;
}

/** What happened to the code cache: `used`, or why it was not. */
export type CacheStatus = 'used' | 'missing' | 'rejected by V8' | `invalid: ${string}`;

/** The bundles and their caches, beside this module's folder (`dist/cli/launch.js` → `dist/`). */
export const BUNDLE_FILE = new URL('../clean-article.cjs', import.meta.url);
export const CACHE_FILE = new URL('../clean-article.cjs.cache', import.meta.url);
/** A worker thread's code (`run/worker.ts` and what it imports), bundled the same way. */
export const WORKER_BUNDLE_FILE = new URL('../worker.cjs', import.meta.url);
export const WORKER_CACHE_FILE = new URL('../worker.cjs.cache', import.meta.url);

/** The line the bundler ends the bundle with: `//# build <id>`, the id a hash of everything before it. */
export const BUILD_ID_MARK = '\n//# build ';
const MAGIC = 'CA-V8-CACHE 1\n';

/** The build id written at the end of a bundle, or undefined. */
export function buildIdOf(source: string): string | undefined {
  const at = source.lastIndexOf(BUILD_ID_MARK);
  if (at === -1) return undefined;
  const id = source.slice(at + BUILD_ID_MARK.length).trim();
  return /^[0-9a-f]{16,64}$/.test(id) ? id : undefined;
}

interface Header {
  build: string;
  node: string;
  arch: string;
  bytes: number;
  crc32: number;
}

/** CRC-32 of `bytes`; undefined on a Node without `zlib.crc32` (before 20.15), where no cache is trusted. */
function crc32(bytes: Uint8Array): number | undefined {
  const zlib = require('node:zlib') as { crc32?: (data: Uint8Array) => number };
  return zlib.crc32?.(bytes);
}

/** A cache file: a magic line, a JSON header line, then V8's bytes. */
export function encodeCodeCache(data: Buffer, build: string): Buffer {
  const sum = crc32(data);
  if (sum === undefined) throw new Error('this Node has no zlib.crc32 (20.15 or later): no code cache made');
  const header: Header = { build, node: process.version, arch: process.arch, bytes: data.length, crc32: sum };
  return Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`), data]);
}

/** V8's bytes from a cache file made for the bundle `build`, or why they cannot be used. */
export function decodeCodeCache(file: Buffer, build: string | undefined): Buffer | `invalid: ${string}` {
  if (build === undefined) return 'invalid: the bundle has no build id';
  if (file.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return 'invalid: not a code cache file';
  const end = file.indexOf(10, MAGIC.length);
  if (end === -1) return 'invalid: no header';
  let header: Partial<Header>;
  try {
    header = JSON.parse(file.subarray(MAGIC.length, end).toString('utf8')) as Partial<Header>;
  } catch {
    return 'invalid: unreadable header';
  }
  if (header.build !== build) return 'invalid: made for another build of the bundle';
  if (header.node !== process.version || header.arch !== process.arch) {
    return `invalid: made by Node ${header.node} ${header.arch}, this is ${process.version} ${process.arch}`;
  }
  const data = file.subarray(end + 1);
  if (data.length !== header.bytes) return 'invalid: truncated';
  const sum = crc32(data);
  if (sum === undefined) return 'invalid: this Node cannot check it (no zlib.crc32)';
  if (sum !== header.crc32) return 'invalid: damaged (CRC-32 differs)';
  return data;
}

function readOrUndefined(file: URL): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

interface Compiled<T> {
  script: import('node:vm').Script;
  exports: T;
  cache: CacheStatus;
}

/** Compile the bundle (with its cache, when `useCache` and valid) and run its top level. */
function compile<T>(bundle: URL, cacheFile: URL, useCache: boolean): Compiled<T> {
  const source = fs.readFileSync(bundle, 'utf8');
  let cache: CacheStatus = 'missing';
  let cachedData: Buffer | undefined;
  const file = useCache ? readOrUndefined(cacheFile) : undefined;
  if (file !== undefined) {
    const decoded = decodeCodeCache(file, buildIdOf(source));
    if (typeof decoded === 'string') cache = decoded;
    else cachedData = decoded;
  }
  const filename = fileURLToPath(bundle);
  const script = new vm.Script(source, { filename, ...(cachedData && { cachedData }) });
  if (cachedData) cache = script.cachedDataRejected ? 'rejected by V8' : 'used';
  // The bundle is `(function (require, importMeta) { ...; return exports; })`: see scripts/bundle.mjs.
  const factory = script.runInThisContext() as (require: NodeJS.Require, importMeta: { url: string }) => T;
  return { script, exports: factory(createRequire(bundle), { url: bundle.href }), cache };
}

/** The bundled CLI, compiled with its code cache when that is valid. */
export function loadCli(options: { bundle?: URL; cache?: URL } = {}): { main: CliModule['main']; cache: CacheStatus } {
  const { exports, cache } = compile<CliModule>(options.bundle ?? BUNDLE_FILE, options.cache ?? CACHE_FILE, true);
  return { main: exports.main, cache };
}

/**
 * Build time: compile the bundle without a cache, run the CLI on `argv` (output discarded), then write
 * the cache, which then holds every function that run compiled. Run it in a fresh `node` with no
 * V8 flags: V8 accepts a cache only under the flags it was made with.
 */
export async function produceCodeCache(
  argv: readonly string[],
  options: { bundle?: URL; cache?: URL } = {},
): Promise<{ bytes: number; exitCode: number }> {
  const bundle = options.bundle ?? BUNDLE_FILE;
  const cacheFile = options.cache ?? CACHE_FILE;
  const { script, exports: cli } = compile<CliModule>(bundle, cacheFile, false);
  const build = buildIdOf(fs.readFileSync(bundle, 'utf8'));
  if (build === undefined) throw new Error(`${fileURLToPath(bundle)}: no build id at its end`);
  // A real stream that drops what it is given: main() listens for the errors of its outputs.
  const { Writable } = require('node:stream') as typeof import('node:stream');
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() }) as unknown as CliIO['stdout'];
  const exitCode = await cli.main(argv, { stdin: process.stdin, stdout: sink, stderr: sink, env: {} });
  const bytes = writeCache(cacheFile, script.createCachedData(), build);
  return { bytes, exitCode };
}

function writeCache(cacheFile: URL, data: Buffer, build: string): number {
  const file = encodeCodeCache(data, build);
  const tmp = `${fileURLToPath(cacheFile)}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, file);
  fs.renameSync(tmp, cacheFile);
  return file.length;
}

/**
 * In a worker thread of the bundled CLI: compile the worker bundle with its cache and run it (it then
 * answers the pool's tasks). Each thread compiles its own code; the cache spares every worker the
 * parsing and first compiling of ~40 modules.
 */
export function runWorker(options: { bundle?: URL; cache?: URL } = {}): CacheStatus {
  return compile<unknown>(options.bundle ?? WORKER_BUNDLE_FILE, options.cache ?? WORKER_CACHE_FILE, true).cache;
}

/**
 * Build time: start a worker on the worker bundle without a cache, give it `tasks` (as the pool
 * does), then write the cache of what it compiled meanwhile. As `produceCodeCache`, in a fresh `node`.
 */
export async function produceWorkerCodeCache(
  workerData: unknown,
  tasks: readonly unknown[],
  options: { bundle?: URL; cache?: URL } = {},
): Promise<{ bytes: number }> {
  const bundle = options.bundle ?? WORKER_BUNDLE_FILE;
  const cacheFile = options.cache ?? WORKER_CACHE_FILE;
  const build = buildIdOf(fs.readFileSync(bundle, 'utf8'));
  if (build === undefined) throw new Error(`${fileURLToPath(bundle)}: no build id at its end`);
  const { Worker, MessageChannel } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { port1, port2 } = new MessageChannel();
  // In the worker: compile without a cache, run; when asked on the port, send the cache back.
  // (Only import(): eval code is a script or a module, as the parent was started.)
  const code = `Promise.all([import('node:worker_threads'), import(${JSON.stringify(import.meta.url)})]).then(([{ workerData }, launch]) => {
  const script = launch.compileForCache(${JSON.stringify(bundle.href)});
  workerData.cachePort.once('message', () => workerData.cachePort.postMessage(script.createCachedData()));
});`;
  const worker = new Worker(code, {
    eval: true,
    workerData: { ...(workerData as object), cachePort: port2 },
    transferList: [port2],
  });
  try {
    const results = new Map<number, (value: unknown) => void>();
    worker.on('message', ({ id, result }: { id: number; result: unknown }) => results.get(id)?.(result));
    const failed = new Promise<never>((_, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the worker exited with status ${code}`)));
    });
    for (const [id, task] of tasks.entries()) {
      const done = new Promise((resolve) => results.set(id, resolve));
      worker.postMessage({ id, task });
      await Promise.race([done, failed]);
    }
    const data = new Promise<Uint8Array>((resolve) => port1.once('message', resolve));
    port1.postMessage('cache');
    const bytes = writeCache(cacheFile, Buffer.from(await Promise.race([data, failed])), build);
    return { bytes };
  } finally {
    port1.close();
    await worker.terminate();
  }
}

/** For `produceWorkerCodeCache`, in its worker: the worker bundle compiled without a cache, and run. */
export function compileForCache(bundle: string): import('node:vm').Script {
  return compile<unknown>(new URL(bundle), new URL('file:///nonexistent'), false).script;
}
