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
 * - mojibake share: the `mojibake` transform alone against the whole pipeline on the 60 chronam-1916
 *   pages, one process (its time is the price every text pays for the encoding repair);
 * - start-up: `node bin/clean-article.js fixtures/statesman/input.txt` against `node -e ""`;
 * - batch: a folder of 2,000 article files (pages cut into articles, and the cases) through the CLI
 *   with `--jobs 1` and `--jobs 2`; the speed-up; a plain Node read-and-write copy of the same folder
 *   (the I/O floor); the speed-up again on 8,000 files; peak RSS of the batch at 1,000 and 10,000
 *   small files.
 *
 * Medians over several runs. `--quick` for a smaller run, `--json` for machines. The corpus is read
 * from ../shared (beside the repository); without it the script says so and exits 0.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const repo = path.join(import.meta.dirname, '..');
const shared = path.join(repo, '..', 'shared');
const pagesDir = path.join(shared, 'corpus', 'chronam-1916', 'pages');
const casesDir = path.join(shared, 'cases');
const bin = path.join(repo, 'bin', 'clean-article.js');
const library = pathToFileURL(path.join(repo, 'dist', 'index.js')).href;
const MB = 1e6;

const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (!['--quick', '--json', '--help', '-h'].includes(arg)) {
    console.error(`bench: unknown option ${arg}; use --quick, --json`);
    process.exit(2);
  }
}
if (args.has('--help') || args.has('-h')) {
  console.log('npm run bench [-- --quick] [-- --json]   throughput, start-up, batch speed-up and memory');
  process.exit(0);
}
const quick = args.has('--quick');
const json = args.has('--json');

/** Sizes of the run: the full one (the figures to report) and a quick look. */
const SIZE = quick
  ? { runs: 3, startupRuns: 5, pipelineBytes: 5 * MB, batchFiles: 400, rssFiles: [1000, 3000] }
  : { runs: 5, startupRuns: 10, pipelineBytes: 50 * MB, batchFiles: 2000, rssFiles: [1000, 10000] };

/** The targets of issue 3; reported against, never tuned for. */
const TARGETS = {
  pipelineMBps: 10,
  startupRatio: 2,
  speedup: 1.7,
  pipelineRssMB: 200,
};

if (!fs.existsSync(pagesDir)) {
  console.log(`bench: ${pagesDir} is missing: the benchmark needs ../shared beside the repository. Nothing measured.`);
  process.exit(0);
}
if (!fs.existsSync(path.join(repo, 'dist', 'index.js')) || !fs.existsSync(path.join(repo, 'dist', 'worker.js'))) {
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

/** The mojibake transform alone, then the whole pipeline, over the chronam pages: medians of `runs` passes. */
const MOJIBAKE_CHILD = `
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
const [library, dir, runs] = process.argv.slice(2);
const { cleanArticle, createEvidenceSource, TRANSFORMS } = await import(library);
const mojibake = TRANSFORMS.find((t) => t.id === 'mojibake');
const evidence = createEvidenceSource();
const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = Math.floor(s.length / 2); return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pass = (f) => { const t = performance.now(); for (const p of pages) f(p); return performance.now() - t; };
const alone = (p) => mojibake.apply(p, { evidence }, mojibake.defaults);
const whole = (p) => cleanArticle(p, { evidence });
pass(alone); pass(whole);
const a = [], w = [];
for (let i = 0; i < Number(runs); i++) { a.push(pass(alone)); w.push(pass(whole)); }
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
process.stdout.write(JSON.stringify({ pages: pages.length, bytes, mojibakeMs: median(a), pipelineMs: median(w) }));
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

const scripts = {
  pipeline: 'pipeline.mjs',
  mojibake: 'mojibake.mjs',
  copyFile: 'copy-file.mjs',
  copyTree: 'copy-tree.mjs',
};
fs.writeFileSync(path.join(tmp, scripts.pipeline), PIPELINE_CHILD);
fs.writeFileSync(path.join(tmp, scripts.mojibake), MOJIBAKE_CHILD);
fs.writeFileSync(path.join(tmp, scripts.copyFile), COPY_FILE_CHILD);
fs.writeFileSync(path.join(tmp, scripts.copyTree), COPY_TREE_CHILD);
const script = (name: keyof typeof scripts) => path.join(tmp, scripts[name]);

function buildLargeInput(): { file: string; bytes: number; pages: number } {
  const file = path.join(tmp, 'large.txt');
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let n = 0;
  while (bytes < SIZE.pipelineBytes) {
    const page = pages[n % pages.length]!;
    fs.writeSync(fd, n === 0 ? page : `\f${page}`);
    bytes += Buffer.byteLength(page);
    n++;
  }
  fs.closeSync(fd);
  return { file, bytes, pages: n };
}

interface Results {
  node: string;
  cpus: number;
  quick: boolean;
  runs: number;
  pipeline: {
    inputMB: number;
    pages: number;
    MBps: number;
    samplesMBps: number[];
    peakRssMB: number;
    copyMs: number;
    cleanMs: number;
  };
  mojibake: { pages: number; MB: number; ms: number; pipelineMs: number; share: number };
  startup: { binMs: number; nodeMs: number; ratio: number };
  batch: {
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

function benchPipeline(): Results['pipeline'] {
  const input = buildLargeInput();
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

function benchMojibake(): Results['mojibake'] {
  const runs = SIZE.runs * 4;
  log(`mojibake share: ${pages.length} chronam pages, ${runs} runs`);
  const out = JSON.parse(node([script('mojibake'), library, pagesDir, String(runs)]).stdout) as {
    pages: number;
    bytes: number;
    mojibakeMs: number;
    pipelineMs: number;
  };
  return {
    pages: out.pages,
    MB: out.bytes / MB,
    ms: out.mojibakeMs,
    pipelineMs: out.pipelineMs,
    share: out.mojibakeMs / out.pipelineMs,
  };
}

function benchStartup(): Results['startup'] {
  log(`start-up: ${SIZE.startupRuns} runs each`);
  const input = path.join(repo, 'fixtures', 'statesman', 'input.txt');
  const binMs: number[] = [];
  const nodeMs: number[] = [];
  node(['-e', '']); // warm the file cache
  node([bin, input]);
  for (let i = 0; i < SIZE.startupRuns; i++) {
    nodeMs.push(node(['-e', '']).ms);
    binMs.push(node([bin, input]).ms);
  }
  return { binMs: median(binMs), nodeMs: median(nodeMs), ratio: median(binMs) / median(nodeMs) };
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
function benchLongBatch(): Results['batch']['long'] {
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

function benchBatch(): Results['batch'] {
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
  pipeline: benchPipeline(),
  mojibake: benchMojibake(),
  startup: benchStartup(),
  batch: benchBatch(),
};

if (json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const { pipeline: p, mojibake: m, startup: s, batch: b } = results;
  const f1 = (x: number) => x.toFixed(1);
  const f2 = (x: number) => x.toFixed(2);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const rows: [string, string, string, string][] = [
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
    [
      `mojibake transform alone, chronam-1916 (${m.pages} pages, ${f2(m.MB)} MB)`,
      `${f2(m.ms)} ms of ${f1(m.pipelineMs)} ms for the pipeline (${(m.share * 100).toFixed(1)}%)`,
      '',
      '',
    ],
    ['start-up: bin on statesman', `${f1(s.binMs)} ms`, '', ''],
    ['start-up: node -e ""', `${f1(s.nodeMs)} ms`, '', ''],
    ['start-up ratio', `${f2(s.ratio)}x`, `<= ${TARGETS.startupRatio}x`, verdict(s.ratio <= TARGETS.startupRatio)],
    [
      `batch --jobs 1 (${b.files} files, ${f1(b.inputMB)} MB)`,
      `${f2(b.jobs1Ms / 1000)} s (${f2(b.inputMB / (b.jobs1Ms / 1000))} MB/s), CPU ${f2(b.jobs1CpuMs / 1000)} s`,
      '',
      '',
    ],
    [
      'batch --jobs 2',
      `${f2(b.jobs2Ms / 1000)} s (${f2(b.inputMB / (b.jobs2Ms / 1000))} MB/s), CPU ${f2(b.jobs2CpuMs / 1000)} s`,
      '',
      '',
    ],
    ['batch speed-up, 2 workers', `${f2(b.speedup)}x`, `>= ${TARGETS.speedup}x`, verdict(b.speedup >= TARGETS.speedup)],
    [
      `batch --jobs 1 / --jobs 2, ${b.long.files} files (${f1(b.long.inputMB)} MB, 3 runs)`,
      `${f2(b.long.jobs1Ms / 1000)} s / ${f2(b.long.jobs2Ms / 1000)} s (${f2(b.long.speedup)}x)`,
      '',
      '',
    ],
    ['batch: plain Node read+write copy', `${f2(b.copyMs / 1000)} s`, '', ''],
    ['batch --jobs 1 / copy', `${f1(b.jobs1OverCopy)}x`, '', ''],
    ...b.peakRss.map((r): [string, string, string, string] => [
      `batch peak RSS, ${r.files} files, --jobs ${r.jobs}`,
      `${f1(r.MB)} MB (${f2(r.ms / 1000)} s)`,
      '',
      '',
    ]),
  ];
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...rows.map((r) => r[i]!.length), ['measure', 'value', 'target', ''][i]!.length),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(
    `clean-article benchmark: node ${results.node}, ${results.cpus} CPUs, medians of ${results.runs} runs${quick ? ' (--quick)' : ''}; MB = 10^6 bytes`,
  );
  console.log(line(['measure', 'value', 'target', '']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}
