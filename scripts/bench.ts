/**
 * `npm run bench`: how fast clean-article is, and how much memory it takes, on real newspaper OCR.
 * A benchmark, not a test: it prints numbers and the targets beside them, and never fails on them.
 *
 * It measures the compiled library and bin (`dist/`, `bin/`), each in a child process of its own so
 * that this harness does not count in their time or memory:
 *
 * - pipeline: `cleanArticle` page by page over the Chronicling America 1916 front pages repeated to
 *   ~50 MB (one file, pages separated by form feeds, streamed), in one process on one core: MB/s of
 *   input and the peak RSS of that process; beside it a plain read of the same file, the I/O floor;
 * - scaling: one input of 0.1, 1, 4, 16 and 64 MB (the pages concatenated, a blank line apart), each
 *   cleaned in one `cleanArticle` call in a process of its own (after a warm-up call on the 0.1 MB
 *   text, so that every size meets compiled code): seconds, MB/s, peak RSS; the linearity ratio (the
 *   largest input's MB/s over 1 MB's) and peak RSS against 8 × the input + 150 MB;
 * - ftfy: when `python3 -c 'import ftfy'` works, `ftfy.fix_text` page by page on 10 MB of the same
 *   pages, alternately with our pipeline on that file, and our MB/s as a ratio to ftfy's (skipped
 *   with a note otherwise; never installed here);
 * - start-up: `node bin/clean-article.js fixtures/statesman/input.txt` against `node -e ""`, and
 *   where the time goes: the bundle loaded without running the CLI, `--version`, the word index
 *   read alone, and the bin without its code cache;
 * - batch: a folder of 2,000 article files (pages cut into articles, and the cases) through the CLI
 *   with `--jobs 1` and `--jobs 2`; the speed-up; a plain Node read-and-write copy of the same folder
 *   (the I/O floor); the speed-up again on 8,000 files; peak RSS of the batch at 1,000 and 10,000
 *   small files.
 *
 * Medians over several runs, the things compared run alternately so that a loaded machine slows
 * both alike; the load average is printed before and after. `--quick` for a smaller run, `--json`
 * for machines, `--only` for some sections, `--runs` for more runs (`--help`). The corpus is read from ../shared (beside the repository); without it the script says
 * so and exits 0.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { USAGE, parseBenchArgs, type BenchArgs, type Section } from './lib/bench-args.js';

const repo = path.join(import.meta.dirname, '..');
const shared = path.join(repo, '..', 'shared');
const pagesDir = path.join(shared, 'corpus', 'chronam-1916', 'pages');
const casesDir = path.join(shared, 'cases');
const bin = path.join(repo, 'bin', 'clean-article.js');
const library = pathToFileURL(path.join(repo, 'dist', 'index.js')).href;
const MB = 1e6;

let args: BenchArgs;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const { quick, json } = args;
const runs = (section: Section) => args.sections.includes(section);

/** Sizes of the run: the full one (the figures to report) and a quick look. */
const SIZE = quick
  ? { runs: 3, startupRuns: 5, pipelineBytes: 5 * MB, batchFiles: 400, rssFiles: [1000, 3000] }
  : { runs: 5, startupRuns: 10, pipelineBytes: 50 * MB, batchFiles: 2000, rssFiles: [1000, 10000] };
if (args.runs !== undefined) Object.assign(SIZE, { runs: args.runs, startupRuns: 2 * args.runs });

/** The targets (issues 3 and 13); reported against, never tuned for. */
const TARGETS = {
  pipelineMBps: 10,
  startupRatio: 1.5,
  speedup: 1.8,
  pipelineRssMB: 200,
  /** The largest input's MB/s at least this share of 1 MB's: within 25%. */
  linearity: 0.75,
  /** Peak RSS of one input at most this many times its size, plus `rssBaseMB`. */
  rssPerInput: 8,
  rssBaseMB: 150,
};

/** Shares of the pipeline's time a transform may take on the chronam pages (the OCR corrector: issue 15). */
const TRANSFORM_SHARE_TARGETS: Readonly<Record<string, number>> = { 'ocr-confusions': 0.3 };

if (!fs.existsSync(pagesDir)) {
  console.log(`bench: ${pagesDir} is missing: the benchmark needs ../shared beside the repository. Nothing measured.`);
  process.exit(0);
}
if (
  !fs.existsSync(path.join(repo, 'dist', 'index.js')) ||
  !fs.existsSync(path.join(repo, 'dist', 'clean-article.cjs'))
) {
  console.error('bench: dist/ is not built; run `npm run build` first');
  process.exit(1);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-bench-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const log = (message: string) => {
  if (!json) process.stderr.write(`bench: ${message}\n`);
};

/** A preload that writes the process's peak RSS (KB) and CPU time (µs), all threads, to $BENCH_RSS_FILE at exit. */
const rssHook = path.join(tmp, 'rss-hook.mjs');
fs.writeFileSync(
  rssHook,
  `import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';
if (isMainThread && process.env.BENCH_RSS_FILE) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime }));
  });
}
`,
);

interface ChildRun {
  ms: number;
  /** Peak RSS and CPU time (all threads), when asked for. */
  rssMB: number;
  cpuMs: number;
  stdout: string;
}

/** Run `node ...args` and time it (wall clock, start-up included); with `rss`, its peak RSS too. */
function node(argv: string[], options: { rss?: boolean } = {}): ChildRun {
  const rssFile = path.join(tmp, 'rss.txt');
  fs.rmSync(rssFile, { force: true });
  const execArgv = options.rss ? ['--import', pathToFileURL(rssHook).href] : [];
  const start = performance.now();
  const r = spawnSync(process.execPath, [...execArgv, ...argv], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${argv.join(' ')} exited with ${r.status}: ${r.stderr.slice(0, 500)}`);
  const usage = options.rss
    ? (JSON.parse(fs.readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpu: number })
    : undefined;
  return { ms, rssMB: usage ? usage.maxRSS / 1024 : NaN, cpuMs: usage ? usage.cpu / 1000 : NaN, stdout: r.stdout };
}

// ---------------------------------------------------------------------------------------------- inputs

const pages = fs
  .readdirSync(pagesDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => fs.readFileSync(path.join(pagesDir, f), 'utf8'));
const cases = fs.existsSync(casesDir)
  ? fs
      .readdirSync(casesDir)
      .sort()
      .map((c) => path.join(casesDir, c, 'input.txt'))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f, 'utf8'))
  : [];

/** Cut a page into pieces of about `size` characters, at line ends. */
function cut(text: string, size: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start + size);
    if (end === -1) end = text.length;
    pieces.push(text.slice(start, end + 1));
    start = end + 1;
  }
  return pieces;
}

/** `n` article files in folders of 100, cycling through the pieces. */
function articleFolder(name: string, n: number, pieceSize: number): { dir: string; bytes: number } {
  const pieces = [...pages.flatMap((p) => cut(p, pieceSize)), ...cases];
  const dir = path.join(tmp, name);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, String(Math.floor(i / 100)).padStart(3, '0'));
    if (i % 100 === 0) fs.mkdirSync(sub, { recursive: true });
    const text = pieces[i % pieces.length]!;
    fs.writeFileSync(path.join(sub, `article-${String(i).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, bytes };
}

// -------------------------------------------------------------------------------------------- pipeline

const PIPELINE_CHILD = `
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
const [library, file] = process.argv.slice(2);
const { cleanArticle, createEvidenceSource } = await import(library);
const evidence = createEvidenceSource();
let bytes = 0, ms = 0, pages = 0, pending = '';
const clean = (page) => {
  const t = performance.now();
  cleanArticle(page, { evidence });
  ms += performance.now() - t;
  bytes += Buffer.byteLength(page);
  pages++;
};
for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  pending += chunk;
  let start = 0, end;
  while ((end = pending.indexOf('\\f', start)) !== -1) { clean(pending.slice(start, end)); start = end + 1; }
  pending = pending.slice(start);
}
if (pending !== '') clean(pending);
process.stdout.write(JSON.stringify({ bytes, ms, pages }));
`;

const COPY_FILE_CHILD = `
import fs from 'node:fs';
const [from, to] = process.argv.slice(2);
const out = fs.createWriteStream(to);
for await (const chunk of fs.createReadStream(from, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
}
await new Promise((r) => out.end(r));
`;

const COPY_TREE_CHILD = `
import fs from 'node:fs';
import path from 'node:path';
const [from, to] = process.argv.slice(2);
for (const entry of fs.readdirSync(from, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const source = path.join(entry.parentPath, entry.name);
  const target = path.join(to, path.relative(from, source));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, fs.readFileSync(source, 'utf8'));
}
`;

/** One input, cleaned in one call, after a warm-up call on a small one. */
const ONE_CALL_CHILD = `
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
const [library, warmFile, file] = process.argv.slice(2);
const { cleanArticle, createEvidenceSource } = await import(library);
const evidence = createEvidenceSource();
let start = performance.now();
cleanArticle(fs.readFileSync(warmFile, 'utf8'), { evidence });
const warmMs = performance.now() - start;
const text = fs.readFileSync(file, 'utf8');
start = performance.now();
const { edits } = cleanArticle(text, { evidence });
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(text), ms, warmMs, edits: edits.length }));
`;

/** ftfy's fix_text page by page over the same file as the pipeline child (pages split at form feeds). */
const FTFY_CHILD = `
import json, sys, time
import ftfy
with open(sys.argv[1], encoding="utf-8") as f:
    data = f.read()
start = time.perf_counter()
for page in data.split("\\f"):
    ftfy.fix_text(page)
seconds = time.perf_counter() - start
print(json.dumps({"bytes": len(data.encode("utf-8")), "seconds": seconds, "version": getattr(ftfy, "__version__", "?")}))
`;

/** The bundle compiled and its top level run (no CLI), timed inside the process; with or without the code cache. */
const LOAD_CHILD = `
import { performance } from 'node:perf_hooks';
const [launch, noCache] = process.argv.slice(2);
const start = performance.now();
const { loadCli } = await import(launch);
const imported = performance.now();
const { cache } = loadCli(noCache === 'no-cache' ? { cache: new URL('file:///nonexistent/clean-article.cache') } : {});
const end = performance.now();
process.stdout.write(JSON.stringify({ importMs: imported - start, loadMs: end - imported, cache }));
`;

/** The bin's work without its code cache: the launcher told to use none. */
const NO_CACHE_BIN_CHILD = `
const [launch, ...argv] = process.argv.slice(2);
const { loadCli } = await import(launch);
process.exitCode = await loadCli({ cache: new URL('file:///nonexistent/clean-article.cache') }).main(argv);
`;

/** The word index read and indexed, timed inside the process. */
const LEXICON_CHILD = `
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
const [lexiconModule, file] = process.argv.slice(2);
const { Lexicon } = await import(lexiconModule);
const start = performance.now();
const bytes = fs.readFileSync(file);
const read = performance.now();
Lexicon.fromBinary(bytes);
const end = performance.now();
process.stdout.write(JSON.stringify({ readMs: read - start, indexMs: end - read, MB: bytes.length / 1e6 }));
`;

/**
 * Each transform's share of the pipeline's time on the chronam pages, page by page: every transform's
 * \`apply\` is timed (the pipeline runs the same objects the library exports), medians of \`runs\` passes.
 */
const TRANSFORMS_CHILD = `
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
const [library, dir, runs] = process.argv.slice(2);
const { cleanArticle, createEvidenceSource, TRANSFORMS } = await import(library);
const spent = new Map(TRANSFORMS.map((t) => [t.id, 0]));
for (const t of TRANSFORMS) {
  const apply = t.apply;
  t.apply = (...args) => { const start = performance.now(); try { return apply(...args); } finally { spent.set(t.id, spent.get(t.id) + performance.now() - start); } };
}
const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
for (const p of pages) cleanArticle(p, { evidence: createEvidenceSource() }); // warm-up
const passes = [];
for (let i = 0; i < Number(runs); i++) {
  for (const id of spent.keys()) spent.set(id, 0);
  // A fresh source per pass: what it remembers across documents (the corrector's candidates) is
  // learned on these pages, as a first batch over them would.
  const evidence = createEvidenceSource();
  const start = performance.now();
  for (const p of pages) cleanArticle(p, { evidence });
  passes.push({ totalMs: performance.now() - start, byTransform: Object.fromEntries(spent) });
}
passes.sort((a, b) => a.totalMs - b.totalMs);
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
process.stdout.write(JSON.stringify({ pages: pages.length, bytes, ...passes[Math.floor(passes.length / 2)] }));
`;

const scripts = {
  pipeline: ['pipeline.mjs', PIPELINE_CHILD],
  transforms: ['transforms.mjs', TRANSFORMS_CHILD],
  copyFile: ['copy-file.mjs', COPY_FILE_CHILD],
  copyTree: ['copy-tree.mjs', COPY_TREE_CHILD],
  oneCall: ['one-call.mjs', ONE_CALL_CHILD],
  ftfy: ['ftfy-pages.py', FTFY_CHILD],
  load: ['load-cli.mjs', LOAD_CHILD],
  noCacheBin: ['no-cache-bin.mjs', NO_CACHE_BIN_CHILD],
  lexicon: ['lexicon.mjs', LEXICON_CHILD],
} as const;
for (const [file, code] of Object.values(scripts)) fs.writeFileSync(path.join(tmp, file), code);
const script = (name: keyof typeof scripts) => path.join(tmp, scripts[name][0]);
const launcher = pathToFileURL(path.join(repo, 'dist', 'cli', 'launch.js')).href;

/** The pages repeated to `size` bytes or just over, one file, a form feed between pages. */
function buildLargeInput(size: number, name = 'large.txt'): { file: string; bytes: number; pages: number } {
  const file = path.join(tmp, name);
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let n = 0;
  while (bytes < size) {
    const page = pages[n % pages.length]!;
    fs.writeSync(fd, n === 0 ? page : `\f${page}`);
    bytes += Buffer.byteLength(page);
    n++;
  }
  fs.closeSync(fd);
  return { file, bytes, pages: n };
}

/**
 * One text of `size` bytes: the pages concatenated, a blank line apart, the last one cut at a line
 * end (so the text ends with a whole line).
 */
function buildOneText(size: number, name: string): { file: string; bytes: number } {
  const file = path.join(tmp, name);
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  for (let n = 0; bytes < size; n++) {
    let page = `${n === 0 ? '' : '\n\n'}${pages[n % pages.length]!.trimEnd()}`;
    const room = size - bytes;
    if (Buffer.byteLength(page) > room) {
      const end = page.lastIndexOf('\n', Math.max(1, room - 1));
      page = end > 0 ? page.slice(0, end + 1) : page;
    }
    fs.writeSync(fd, page);
    bytes += Buffer.byteLength(page);
    if (bytes >= size * 0.99) break;
  }
  fs.closeSync(fd);
  return { file, bytes };
}

interface Results {
  node: string;
  cpus: number;
  quick: boolean;
  runs: number;
  /** os.loadavg() (1, 5, 15 minutes) before and after: other work on the machine slows every number. */
  loadAverage: number[];
  loadAverageAfter?: number[];
  pipeline?: {
    inputMB: number;
    pages: number;
    MBps: number;
    samplesMBps: number[];
    peakRssMB: number;
    copyMs: number;
    cleanMs: number;
  };
  scaling?: {
    warmUp: string;
    sizes: {
      inputMB: number;
      seconds: number;
      MBps: number;
      peakRssMB: number;
      rssLimitMB: number;
      edits: number;
      runs: number;
    }[];
    /** MB/s of the largest input over MB/s of the 1 MB one. */
    linearity: number;
    largestMB: number;
  };
  /** Each transform's share of the pipeline's time on the chronam pages (the median pass). */
  transforms?: { pages: number; MB: number; totalMs: number; byTransform: Record<string, number> };
  ftfy?:
    | { available: false; note: string }
    | { available: true; version: string; inputMB: number; ftfyMBps: number; oursMBps: number; ratio: number };
  startup?: {
    binMs: number;
    nodeMs: number;
    ratio: number;
    versionMs: number;
    binNoCacheMs: number;
    ratioNoCache: number;
    /** Inside a process: importing the launcher, compiling the bundle and running its top level. */
    loadMs: number;
    loadNoCacheMs: number;
    launcherImportMs: number;
    cache: string;
    lexiconReadMs: number;
    lexiconIndexMs: number;
  };
  batch?: {
    files: number;
    inputMB: number;
    jobs1Ms: number;
    jobs2Ms: number;
    /** CPU time of the whole process, all threads: what the second worker costs in extra work. */
    jobs1CpuMs: number;
    jobs2CpuMs: number;
    speedup: number;
    copyMs: number;
    jobs1OverCopy: number;
    /** The same with four times the files (3 runs): how the speed-up grows once warm-up is spread. */
    long: { files: number; inputMB: number; jobs1Ms: number; jobs2Ms: number; speedup: number };
    peakRss: { files: number; jobs: number; MB: number; ms: number }[];
  };
}

function benchPipeline(): NonNullable<Results['pipeline']> {
  const input = buildLargeInput(SIZE.pipelineBytes);
  log(`pipeline: ${(input.bytes / MB).toFixed(1)} MB (${input.pages} pages), ${SIZE.runs} runs`);
  const runs = Array.from({ length: SIZE.runs }, () => {
    const r = node([script('pipeline'), library, input.file], { rss: true });
    const out = JSON.parse(r.stdout) as { bytes: number; ms: number; pages: number };
    return { MBps: out.bytes / MB / (out.ms / 1000), rssMB: r.rssMB, ms: out.ms };
  });
  const copy = Array.from(
    { length: SIZE.runs },
    () => node([script('copyFile'), input.file, path.join(tmp, 'large.copy')]).ms,
  );
  fs.rmSync(input.file);
  fs.rmSync(path.join(tmp, 'large.copy'), { force: true });
  return {
    inputMB: input.bytes / MB,
    pages: input.pages,
    MBps: median(runs.map((r) => r.MBps)),
    samplesMBps: runs.map((r) => Math.round(r.MBps * 100) / 100),
    peakRssMB: Math.max(...runs.map((r) => r.rssMB)),
    cleanMs: median(runs.map((r) => r.ms)),
    copyMs: median(copy),
  };
}

/** The runs of several commands, taken in turn (so that a change in the machine's load hits them alike). */
function alternate<K extends string>(n: number, commands: Record<K, () => number>): Record<K, number[]> {
  const out = Object.fromEntries(Object.keys(commands).map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < n; i++) for (const k of Object.keys(commands) as K[]) out[k].push(commands[k]());
  return out;
}

function benchStartup(): NonNullable<Results['startup']> {
  log(`start-up: ${SIZE.startupRuns} runs each`);
  const input = path.join(repo, 'fixtures', 'statesman', 'input.txt');
  const inside = (argv: string[]) => JSON.parse(node(argv).stdout) as Record<string, number | string>;
  node(['-e', '']); // warm the file cache
  node([bin, input]);
  const wall = alternate(SIZE.startupRuns, {
    node: () => node(['-e', '']).ms,
    bin: () => node([bin, input]).ms,
    version: () => node([bin, '--version']).ms,
    noCache: () => node([script('noCacheBin'), launcher, input]).ms,
  });
  const load = alternate(SIZE.startupRuns, {
    cached: () => inside([script('load'), launcher]).loadMs as number,
    uncached: () => inside([script('load'), launcher, 'no-cache']).loadMs as number,
    launcher: () => inside([script('load'), launcher]).importMs as number,
  });
  const lexiconModule = pathToFileURL(path.join(repo, 'dist', 'evidence', 'lexicon.js')).href;
  const lexiconFile = path.join(repo, 'dist', 'lexicon.bin');
  const lexicon = Array.from({ length: SIZE.startupRuns }, () =>
    inside([script('lexicon'), lexiconModule, lexiconFile]),
  );
  const nodeMs = median(wall.node);
  return {
    binMs: median(wall.bin),
    nodeMs,
    ratio: median(wall.bin) / nodeMs,
    versionMs: median(wall.version),
    binNoCacheMs: median(wall.noCache),
    ratioNoCache: median(wall.noCache) / nodeMs,
    loadMs: median(load.cached),
    loadNoCacheMs: median(load.uncached),
    launcherImportMs: median(load.launcher),
    cache: String(inside([script('load'), launcher]).cache),
    lexiconReadMs: median(lexicon.map((r) => r.readMs as number)),
    lexiconIndexMs: median(lexicon.map((r) => r.indexMs as number)),
  };
}

/**
 * One text per size cleaned in one call, each in a process of its own. Sizes up to 4 MB take the
 * median of the usual runs; larger ones (a minute or more each on a loaded machine) one run.
 */
function benchScaling(): NonNullable<Results['scaling']> {
  const warm = buildOneText(0.1 * MB, 'warm-up.txt');
  const sizes = args.sizesMB.map((sizeMB) => {
    const input = buildOneText(sizeMB * MB, `one-${sizeMB}.txt`);
    const n = sizeMB <= 4 ? SIZE.runs : 1;
    log(`scaling: ${(input.bytes / MB).toFixed(1)} MB in one call, ${n} run${n === 1 ? '' : 's'}`);
    const samples = Array.from({ length: n }, () => {
      const r = node([script('oneCall'), library, warm.file, input.file], { rss: true });
      return { ...(JSON.parse(r.stdout) as { bytes: number; ms: number; edits: number }), rssMB: r.rssMB };
    });
    fs.rmSync(input.file);
    const ms = median(samples.map((r) => r.ms));
    return {
      inputMB: input.bytes / MB,
      seconds: ms / 1000,
      MBps: input.bytes / MB / (ms / 1000),
      peakRssMB: Math.max(...samples.map((r) => r.rssMB)),
      rssLimitMB: TARGETS.rssPerInput * (input.bytes / MB) + TARGETS.rssBaseMB,
      edits: samples[0]!.edits,
      runs: n,
    };
  });
  const one = sizes.find((r) => Math.abs(r.inputMB - 1) < 0.05);
  const largest = sizes.reduce((a, b) => (b.inputMB > a.inputMB ? b : a));
  return {
    warmUp: `one call on ${(warm.bytes / MB).toFixed(2)} MB first`,
    sizes,
    linearity: one ? largest.MBps / one.MBps : NaN,
    largestMB: largest.inputMB,
  };
}

/** ftfy on the same pages as our pipeline, alternately; only where python3 can import it. */
function benchTransforms(): NonNullable<Results['transforms']> {
  log(`transforms: each transform's time on the chronam pages, ${SIZE.runs} runs`);
  const out = JSON.parse(node([script('transforms'), library, pagesDir, String(SIZE.runs)]).stdout) as {
    pages: number;
    bytes: number;
    totalMs: number;
    byTransform: Record<string, number>;
  };
  return { pages: out.pages, MB: out.bytes / MB, totalMs: out.totalMs, byTransform: out.byTransform };
}

function benchFtfy(): NonNullable<Results['ftfy']> {
  const probe = spawnSync('python3', ['-c', 'import ftfy'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    const why = probe.error ? 'no python3' : 'python3 cannot import ftfy';
    return { available: false, note: `${why}: skipped (pip install ftfy to compare)` };
  }
  const input = buildLargeInput(quick ? 2 * MB : 10 * MB, 'ftfy.txt');
  log(`ftfy: ${(input.bytes / MB).toFixed(1)} MB (${input.pages} pages), ftfy and ours, 3 runs each`);
  let version = '?';
  const samples = alternate(3, {
    ftfy: () => {
      const r = spawnSync('python3', [script('ftfy'), input.file], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (r.status !== 0) throw new Error(`ftfy run failed: ${r.stderr.slice(0, 500)}`);
      const out = JSON.parse(r.stdout) as { bytes: number; seconds: number; version: string };
      version = out.version;
      return out.bytes / MB / out.seconds;
    },
    ours: () => {
      const out = JSON.parse(node([script('pipeline'), library, input.file]).stdout) as { bytes: number; ms: number };
      return out.bytes / MB / (out.ms / 1000);
    },
  });
  fs.rmSync(input.file);
  const ftfyMBps = median(samples.ftfy);
  const oursMBps = median(samples.ours);
  return { available: true, version, inputMB: input.bytes / MB, ftfyMBps, oursMBps, ratio: oursMBps / ftfyMBps };
}

/**
 * A fresh output folder for each timed run, all removed only after the last one. Deleting a run's
 * 2,000 outputs just before the next run starts made every file the next run created cost ~0.25 ms of
 * kernel time on ext4 (the inode allocator steps over inodes freed in the last 30 seconds), the same
 * in every worker and serialised between them: the bench measured the file system's recent deletions,
 * not the cleaner.
 */
let outputs = 0;
const freshOutput = (): string => path.join(tmp, 'out', String(outputs++));
const removeOutputs = (): void => fs.rmSync(path.join(tmp, 'out'), { recursive: true, force: true });

function batchRun(dir: string, jobs: number, rss = false): ChildRun {
  return node([bin, dir, '--out-dir', freshOutput(), '--jobs', String(jobs), '--quiet'], { rss });
}

/**
 * Every thread that cleans compiles the pipeline's hot code itself (about 1.3 s of optimising compiler
 * time, measured with --trace-opt). With one thread the compiler runs on the idle second core; with two
 * workers it competes with them. A longer batch spreads that cost.
 */
function benchLongBatch(): NonNullable<Results['batch']>['long'] {
  const files = SIZE.batchFiles * 4;
  const { dir, bytes } = articleFolder('batch-long', files, 6000);
  log(`batch: ${files} files, ${(bytes / MB).toFixed(1)} MB, --jobs 1 and 2, 3 runs each`);
  const jobs1: number[] = [];
  const jobs2: number[] = [];
  for (let i = 0; i < 3; i++) {
    jobs1.push(batchRun(dir, 1).ms);
    jobs2.push(batchRun(dir, 2).ms);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    files,
    inputMB: bytes / MB,
    jobs1Ms: median(jobs1),
    jobs2Ms: median(jobs2),
    speedup: median(jobs1) / median(jobs2),
  };
}

function benchBatch(): NonNullable<Results['batch']> {
  const { dir, bytes } = articleFolder('batch', SIZE.batchFiles, 6000);
  log(`batch: ${SIZE.batchFiles} files, ${(bytes / MB).toFixed(1)} MB, --jobs 1 and 2, ${SIZE.runs} runs each`);
  const jobs1: ChildRun[] = [];
  const jobs2: ChildRun[] = [];
  const copy: number[] = [];
  for (let i = 0; i < SIZE.runs; i++) {
    jobs1.push(batchRun(dir, 1, true));
    jobs2.push(batchRun(dir, 2, true));
    copy.push(node([script('copyTree'), dir, freshOutput()]).ms);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const long = benchLongBatch();
  removeOutputs();
  const peakRss = SIZE.rssFiles.map((files) => {
    const small = articleFolder(`rss-${files}`, files, 1000);
    log(`batch memory: ${files} files of about 1 KB, --jobs 2`);
    const r = batchRun(small.dir, 2, true);
    removeOutputs();
    fs.rmSync(small.dir, { recursive: true, force: true });
    return { files, jobs: 2, MB: r.rssMB, ms: r.ms };
  });
  return {
    files: SIZE.batchFiles,
    inputMB: bytes / MB,
    jobs1Ms: median(jobs1.map((r) => r.ms)),
    jobs2Ms: median(jobs2.map((r) => r.ms)),
    jobs1CpuMs: median(jobs1.map((r) => r.cpuMs)),
    jobs2CpuMs: median(jobs2.map((r) => r.cpuMs)),
    speedup: median(jobs1.map((r) => r.ms)) / median(jobs2.map((r) => r.ms)),
    copyMs: median(copy),
    jobs1OverCopy: median(jobs1.map((r) => r.ms)) / median(copy),
    long,
    peakRss,
  };
}

// --------------------------------------------------------------------------------------------- report

const results: Results = {
  node: process.version,
  cpus: os.availableParallelism(),
  quick,
  runs: SIZE.runs,
  loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
};
if (runs('pipeline')) results.pipeline = benchPipeline();
if (runs('scaling')) results.scaling = benchScaling();
if (runs('transforms')) results.transforms = benchTransforms();
if (runs('ftfy')) results.ftfy = benchFtfy();
if (runs('startup')) results.startup = benchStartup();
if (runs('batch')) results.batch = benchBatch();
results.loadAverageAfter = os.loadavg().map((x) => Math.round(x * 100) / 100);

if (json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const f1 = (x: number) => x.toFixed(1);
  const f2 = (x: number) => x.toFixed(2);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  type Row = [string, string, string, string];
  const rows: Row[] = [];
  const p = results.pipeline;
  if (p) {
    rows.push(
      [
        `pipeline, 1 core (${f1(p.inputMB)} MB, ${p.pages} pages)`,
        `${f2(p.MBps)} MB/s`,
        `>= ${TARGETS.pipelineMBps} MB/s`,
        verdict(p.MBps >= TARGETS.pipelineMBps),
      ],
      ['pipeline runs (MB/s)', p.samplesMBps.join(', '), '', ''],
      [
        'pipeline peak RSS',
        `${f1(p.peakRssMB)} MB`,
        `< ${TARGETS.pipelineRssMB} MB`,
        verdict(p.peakRssMB < TARGETS.pipelineRssMB),
      ],
      [
        'pipeline time / plain read+write of the file',
        `${f1(p.cleanMs / p.copyMs)}x (${f1(p.cleanMs / 1000)} s / ${f2(p.copyMs / 1000)} s)`,
        '',
        '',
      ],
    );
  }
  const sc = results.scaling;
  if (sc) {
    for (const r of sc.sizes) {
      rows.push([
        `one call, ${r.inputMB >= 1 ? f1(r.inputMB) : f2(r.inputMB)} MB${r.runs === 1 ? ' (1 run)' : ''}`,
        `${f1(r.seconds)} s, ${f2(r.MBps)} MB/s, peak RSS ${Math.round(r.peakRssMB)} MB`,
        `RSS <= ${Math.round(r.rssLimitMB)} MB`,
        verdict(r.peakRssMB <= r.rssLimitMB),
      ]);
    }
    rows.push([
      `linearity: MB/s at ${f1(sc.largestMB)} MB / at 1 MB (${sc.warmUp})`,
      Number.isFinite(sc.linearity) ? `${f2(sc.linearity)}` : 'n/a (no 1 MB size)',
      `>= ${TARGETS.linearity}`,
      Number.isFinite(sc.linearity) ? verdict(sc.linearity >= TARGETS.linearity) : '',
    ]);
  }
  const tr = results.transforms;
  if (tr) {
    rows.push([
      `pipeline on the ${tr.pages} chronam pages (${f1(tr.MB)} MB), page by page`,
      `${f1(tr.totalMs)} ms (${f2(tr.MB / (tr.totalMs / 1000))} MB/s)`,
      '',
      '',
    ]);
    for (const [id, ms] of Object.entries(tr.byTransform)) {
      const share = ms / tr.totalMs;
      const target = TRANSFORM_SHARE_TARGETS[id];
      rows.push([
        `  ${id}`,
        `${f1(ms)} ms (${(share * 100).toFixed(1)}%)`,
        target === undefined ? '' : `<= ${target * 100}%`,
        target === undefined ? '' : verdict(share <= target),
      ]);
    }
  }
  const ft = results.ftfy;
  if (ft) {
    if (!ft.available) rows.push(['ftfy', ft.note, '', '']);
    else {
      rows.push(
        [`ftfy ${ft.version} fix_text, page by page (${f1(ft.inputMB)} MB)`, `${f2(ft.ftfyMBps)} MB/s`, '', ''],
        ['clean-article on the same pages', `${f2(ft.oursMBps)} MB/s (${ft.ratio.toPrecision(2)}x ftfy)`, '', ''],
      );
    }
  }
  const s = results.startup;
  if (s) {
    rows.push(
      ['start-up: node -e ""', `${f1(s.nodeMs)} ms`, '', ''],
      [
        'start-up: bin on statesman',
        `${f1(s.binMs)} ms (${f2(s.ratio)}x)`,
        `<= ${TARGETS.startupRatio}x`,
        verdict(s.ratio <= TARGETS.startupRatio),
      ],
      ['start-up: the same without the code cache', `${f1(s.binNoCacheMs)} ms (${f2(s.ratioNoCache)}x)`, '', ''],
      ['start-up: bin --version', `${f1(s.versionMs)} ms`, '', ''],
      [
        `  in process: bundle compiled + top level (cache ${s.cache})`,
        `${f1(s.loadMs)} ms (without cache ${f1(s.loadNoCacheMs)} ms)`,
        '',
        '',
      ],
      ['  in process: importing the launcher', `${f1(s.launcherImportMs)} ms`, '', ''],
      ['  in process: word index read + indexed', `${f1(s.lexiconReadMs)} ms + ${f1(s.lexiconIndexMs)} ms`, '', ''],
    );
  }
  const b = results.batch;
  if (b) {
    rows.push(
      [
        `batch --jobs 1 (${b.files} files, ${f1(b.inputMB)} MB)`,
        `${f2(b.jobs1Ms / 1000)} s (${f2(b.inputMB / (b.jobs1Ms / 1000))} MB/s), CPU ${f2(b.jobs1CpuMs / 1000)} s (${f2(b.jobs1CpuMs / b.jobs1Ms)} cores)`,
        '',
        '',
      ],
      [
        'batch --jobs 2',
        `${f2(b.jobs2Ms / 1000)} s (${f2(b.inputMB / (b.jobs2Ms / 1000))} MB/s), CPU ${f2(b.jobs2CpuMs / 1000)} s (${f2(b.jobs2CpuMs / b.jobs2Ms)} cores)`,
        '',
        '',
      ],
      [
        'batch speed-up, 2 workers',
        `${f2(b.speedup)}x`,
        `>= ${TARGETS.speedup}x`,
        verdict(b.speedup >= TARGETS.speedup),
      ],
      [
        `batch --jobs 1 / --jobs 2, ${b.long.files} files (${f1(b.long.inputMB)} MB, 3 runs)`,
        `${f2(b.long.jobs1Ms / 1000)} s / ${f2(b.long.jobs2Ms / 1000)} s (${f2(b.long.speedup)}x)`,
        '',
        '',
      ],
      ['batch: plain Node read+write copy', `${f2(b.copyMs / 1000)} s`, '', ''],
      ['batch --jobs 1 / copy', `${f1(b.jobs1OverCopy)}x`, '', ''],
      ...b.peakRss.map((r): Row => [
        `batch peak RSS, ${r.files} files, --jobs ${r.jobs}`,
        `${f1(r.MB)} MB (${f2(r.ms / 1000)} s)`,
        '',
        '',
      ]),
    );
  }
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...rows.map((r) => r[i]!.length), ['measure', 'value', 'target', ''][i]!.length),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const load = (l: number[] | undefined) => (l ? l.join(' ') : '?');
  console.log(
    `clean-article benchmark: node ${results.node}, ${results.cpus} CPUs, medians of ${results.runs} runs${quick ? ' (--quick)' : ''}; MB = 10^6 bytes; load average ${load(results.loadAverage)} before, ${load(results.loadAverageAfter)} after`,
  );
  console.log(line(['measure', 'value', 'target', '']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}
