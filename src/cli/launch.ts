/**
 * Start the bundled CLI with a V8 code cache. `bin/` calls `loadCli()`; the build calls
 * `produceCodeCache()` once after bundling.
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

/** The bundle and its cache, beside this module's folder (`dist/cli/launch.js` → `dist/`). */
export const BUNDLE_FILE = new URL('../clean-article.cjs', import.meta.url);
export const CACHE_FILE = new URL('../clean-article.cjs.cache', import.meta.url);

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

interface Compiled {
  script: import('node:vm').Script;
  cli: CliModule;
  cache: CacheStatus;
}

/** Compile the bundle (with its cache, when `useCache` and valid) and run its top level. */
function compile(bundle: URL, cacheFile: URL, useCache: boolean): Compiled {
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
  const factory = script.runInThisContext() as (require: NodeJS.Require, importMeta: { url: string }) => CliModule;
  const cli = factory(createRequire(bundle), { url: bundle.href });
  return { script, cli, cache };
}

/** The bundled CLI, compiled with its code cache when that is valid. */
export function loadCli(options: { bundle?: URL; cache?: URL } = {}): { main: CliModule['main']; cache: CacheStatus } {
  const { cli, cache } = compile(options.bundle ?? BUNDLE_FILE, options.cache ?? CACHE_FILE, true);
  return { main: cli.main, cache };
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
  const { script, cli } = compile(bundle, cacheFile, false);
  const build = buildIdOf(fs.readFileSync(bundle, 'utf8'));
  if (build === undefined) throw new Error(`${fileURLToPath(bundle)}: no build id at its end`);
  const sink = { write: () => true, isTTY: false } as unknown as CliIO['stdout'];
  const exitCode = await cli.main(argv, { stdin: process.stdin, stdout: sink, stderr: sink, env: {} });
  const file = encodeCodeCache(script.createCachedData(), build);
  const tmp = `${fileURLToPath(cacheFile)}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, file);
  fs.renameSync(tmp, cacheFile);
  return { bytes: file.length, exitCode };
}
