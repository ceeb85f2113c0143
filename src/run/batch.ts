/**
 * Batch mode: many inputs (files, folders walked recursively, quoted glob patterns), one output each,
 * mirrored under `--out-dir` or written back with `--in-place`. The file list is streamed (never read
 * up front) and each file is read, cleaned and written by a worker, so memory stays flat however many
 * files there are. A bad file is reported and skipped; the summary and the exit status tell.
 */
import type { CliOptions } from '../cli/options.js';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Progress, progressMode, type ProgressMode } from './progress.js';
import { EXIT_CHANGED, EXIT_CHECK_FAILED, EXIT_INPUT, EXIT_OK, UsageError, messageLine } from '../core/errors.js';
import { compileGlob, isGlob, type Glob } from '../io/glob.js';
import { walkFolder } from '../io/walk.js';
import { countDocument } from '../core/detect.js';
import { CollectionCounter, type CollectionWords } from '../evidence/collection.js';
import { createEvidenceSource } from '../io/data-files.js';
import { writeCollectionFile } from '../io/collection-file.js';
import {
  describe,
  notFound,
  openOutputStream,
  readInputFile,
  removeFile,
  removeStaleTemps,
  staleTempsOf,
  type OutputStream,
} from '../io/files.js';
import type { Output } from '../io/streams.js';
import { TRANSFORM_IDS } from '../transforms/index.js';
import { createRunner, defaultJobs, runOrdered, until } from './pool.js';
import type { Format } from '../render/index.js';
import { PreviousReport } from './previous-report.js';
import { Stop, type Signals } from './stop.js';
import { ReviewCollector, renderReview, unreviewedRow } from '../report/review.js';
import { writeFileAtomic } from '../io/files.js';
import { readFileList } from '../io/file-list.js';
import { toolName } from '../io/package-files.js';
import { fileResult, type EngineOptions, type FileResult, type FileTask, type TaskResult } from './tasks.js';

const NAME = 'clean-article';

/** Extensions a folder walk picks up when `--ext` is not given. */
export const DEFAULT_EXTENSIONS: readonly string[] = ['.txt'];

/** The extension of an output file, by format. */
export const OUTPUT_EXTENSIONS: Readonly<Record<Format, string>> = {
  text: '.txt',
  markdown: '.md',
  json: '.json',
  tei: '.xml',
};

export type BatchOptions = Pick<
  CliOptions,
  | 'format'
  | 'outDir'
  | 'inPlace'
  | 'backup'
  | 'ext'
  | 'jobs'
  | 'skipExisting'
  | 'report'
  | 'quiet'
  | 'output'
  | 'review'
  | 'filesFrom'
  | 'null'
  | 'base'
  | 'check'
  | 'stats'
  | 'diff'
  | 'dryRun'
  | 'explainOnly'
  | 'collectionWords'
  | 'collectionWordsOut'
>;

export interface BatchIO {
  /** Stdout, checked (`--dry-run`, `--diff` and `--explain-only` print there). */
  out: Output;
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Ctrl-C and SIGTERM stop the batch when given (the bin gives the process). */
  signals?: Signals;
  /** Where `--files-from -` reads its list. */
  stdin?: NodeJS.ReadableStream;
  /** How progress is shown (see `progressMode`); default: redrawn when stderr is a terminal, unless quiet. */
  progress?: ProgressMode;
  /** Stdout is a terminal (the progress line is cleared before each write there). */
  stdoutTTY?: boolean;
}

interface Root {
  /** The argument as given. */
  given: string;
  kind: 'file' | 'dir' | 'glob' | 'missing';
  /** Real absolute path of the file, the folder, or the folder a pattern is walked from. */
  abs: string;
  glob?: Glob;
  /** Why a missing input is missing. */
  error?: string;
}

export interface BatchPlan {
  roots: Root[];
  /** The folder whose tree is mirrored under `outDir`: the deepest folder that holds every input. */
  base: string;
  outDir?: string;
  /** Real absolute path of `outDir` (whether it exists yet or not). */
  outAbs?: string;
  inPlace: boolean;
  /** `--check`: each input is compared with its cleaned text; nothing is written. */
  check: boolean;
  extensions: string[];
  outputExtension: string;
  format: Format;
  backup?: string;
  /**
   * Remember each output to catch two inputs with one output (`a.txt` and `a.text` with two `--ext`,
   * overlapping arguments). Not needed, and not paid for, for one folder walked for one extension.
   */
  trackOutputs: boolean;
}

/** `--ext` values as lowercase suffixes with a leading dot. */
export function normaliseExtensions(values: readonly string[] | undefined): string[] {
  if (values === undefined) return [...DEFAULT_EXTENSIONS];
  return values.map((value) => {
    const ext = value.trim().toLowerCase();
    if (ext === '' || ext === '.' || /[/\\*?]/.test(ext)) {
      throw new UsageError(`--ext: "${value}" is not a file extension; expected e.g. .txt or txt`);
    }
    return ext.startsWith('.') ? ext : `.${ext}`;
  });
}

/** The real path of `p`, also when it does not exist yet (the real path of its nearest existing folder). */
function realPath(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realPath(parent), path.basename(abs));
  }
}

function isInside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

function commonFolder(folders: readonly string[]): string {
  const split = folders.map((f) => f.split(path.sep));
  const first = split[0] ?? [];
  let n = 0;
  while (n < first.length && split.every((s) => s[n] === first[n])) n++;
  return first.slice(0, n).join(path.sep) || path.sep;
}

/** What an input is; `literal` (a path of a `--files-from` list) is never taken as a pattern. */
function classify(given: string, literal = false): Root {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(given);
  } catch (error) {
    if (!literal && isGlob(given)) {
      const glob = compileGlob(given);
      return { given, kind: 'glob', abs: realPath(glob.root), glob };
    }
    return { given, kind: 'missing', abs: realPath(given), error: notFound(given, error) };
  }
  return { given, kind: stat.isDirectory() ? 'dir' : 'file', abs: realPath(given) };
}

/** The folder a root's walk starts from, if it is walked. */
function walkedFolder(root: Root): string | undefined {
  return root.kind === 'dir' || root.kind === 'glob' ? root.abs : undefined;
}

/** The report may not be written over an input: one named, or one a folder walk would pick up. */
function checkReport(report: string, roots: readonly Root[], extensions: readonly string[], flag = '--report'): void {
  const reportAbs = realPath(report);
  const name = path.basename(reportAbs).toLowerCase();
  const isInput = (root: Root): boolean => {
    if (root.kind === 'file') return root.abs === reportAbs;
    if (root.kind === 'missing' || !isInside(reportAbs, root.abs)) return false;
    if (root.glob) return root.glob.matches(path.relative(root.abs, reportAbs).split(path.sep).join('/'));
    return extensions.some((ext) => name.endsWith(ext));
  };
  const input = roots.find(isInput);
  if (input) throw new UsageError(`${flag} ${report}: would be written over the input ${input.given}`);
}

/** The message for an input that `--in-place -f FORMAT` would fill with another format than its name says. */
export function wrongFormatInPlace(input: string, format: Format): string {
  const ext = OUTPUT_EXTENSIONS[format];
  return `--in-place -f ${format}: would write ${format} into ${input}, whose name says otherwise; use --out-dir DIR (outputs get ${ext}), or name ${ext} files only`;
}

/**
 * In place, a format other than text goes only into files named with its extension (`-f markdown`
 * into `.md` files): Markdown in a `.txt` file is refused, not written without a word. Folders are
 * checked by the extensions they are walked for; a pattern's files one by one, as they are found.
 */
function checkInPlaceFormat(roots: readonly Root[], extensions: readonly string[], format: Format): void {
  const ext = OUTPUT_EXTENSIONS[format];
  for (const root of roots) {
    if (root.kind === 'file' && path.extname(root.given).toLowerCase() !== ext) {
      throw new UsageError(wrongFormatInPlace(root.given, format));
    }
    if (root.kind === 'dir' && extensions.some((e) => e !== ext)) {
      throw new UsageError(wrongFormatInPlace(`the ${extensions.join(', ')} files of ${root.given}`, format));
    }
  }
}

/**
 * Check the inputs (their kinds, not their text) against the options, which `checkOptions` has checked
 * among themselves, and decide where each output goes. Every problem is a UsageError, raised before any
 * file is read.
 */
export function planBatch(inputs: readonly string[], options: BatchOptions, listed: readonly string[] = []): BatchPlan {
  const { outDir, inPlace = false } = options;
  const extensions = normaliseExtensions(options.ext);
  const roots = [...inputs.map((input) => classify(input)), ...listed.map((input) => classify(input, true))];
  let outAbs: string | undefined;
  if (outDir !== undefined) {
    outAbs = realPath(outDir);
    if (fs.existsSync(outAbs) && !fs.statSync(outAbs).isDirectory()) {
      throw new UsageError(`--out-dir ${outDir}: exists and is not a folder`);
    }
    for (const root of roots) {
      if (root.kind !== 'missing' && isInside(root.abs, outAbs)) {
        throw new UsageError(
          `--out-dir ${outDir}: holds the input ${root.given}, which an output could overwrite; choose a folder outside the inputs, or use --in-place`,
        );
      }
      // Inside a walked folder, the outputs would be inputs of the next run, and inputs already in
      // it would be skipped or overwritten by outputs of the same name: refused, as above.
      const walked = walkedFolder(root);
      if (walked !== undefined && isInside(outAbs, walked)) {
        const folder = root.glob
          ? `${root.glob.root}, the folder the pattern ${root.given} walks`
          : `the input folder ${root.given}`;
        throw new UsageError(
          `--out-dir ${outDir}: is inside ${folder}, where outputs and inputs would mix; choose a folder outside the inputs`,
        );
      }
    }
  }
  if (options.report !== undefined) checkReport(options.report, roots, extensions);
  if (options.review !== undefined) checkReport(options.review, roots, extensions, '--review');
  if (options.collectionWordsOut !== undefined) {
    checkReport(options.collectionWordsOut, roots, extensions, '--collection-words-out');
  }
  if (inPlace && options.format !== 'text') checkInPlaceFormat(roots, extensions, options.format);
  const base =
    options.base !== undefined
      ? baseFolder(options.base, roots)
      : commonFolder(roots.map((r) => (r.kind === 'file' || r.kind === 'missing' ? path.dirname(r.abs) : r.abs)));
  return {
    roots,
    base,
    outDir,
    outAbs,
    inPlace,
    check: options.check === true,
    extensions,
    outputExtension: OUTPUT_EXTENSIONS[options.format],
    format: options.format,
    backup: options.backup,
    trackOutputs: roots.length > 1 || extensions.length > 1 || roots.some((r) => r.kind === 'glob'),
  };
}

/**
 * `--base DIR`: outputs go to the same place whichever inputs a call was given (a batch split over
 * several calls gives the tree one call gives). Every input must be inside DIR.
 */
function baseFolder(base: string, roots: readonly Root[]): string {
  const abs = realPath(base);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) throw new UsageError(`--base ${base}: is not a folder`);
  const outside = roots.find((r) => !isInside(r.abs, abs));
  if (outside) throw new UsageError(`--base ${base}: does not hold the input ${outside.given}`);
  return abs;
}

function withExtension(file: string, extension: string): string {
  const current = path.extname(file);
  return (current === '' ? file : file.slice(0, -current.length)) + extension;
}

interface WalkWarning {
  kind: 'warning';
  input: string;
  warning: string;
}

type WalkItem = FileTask | { kind: 'error'; input: string; error: string } | WalkWarning;

/**
 * Every input of the plan as a task (or an error or warning to report), in order. With `sweep`, the
 * temporary files killed in-place runs left beside the inputs are removed on the way.
 */
export async function* walkInputs(plan: BatchPlan, sweep = false): AsyncGenerator<WalkItem> {
  const outputs = plan.trackOutputs ? new Map<string, string>() : undefined;
  const isBackup = (name: string) => plan.backup !== undefined && name.endsWith(plan.backup);
  // In place, a link found in a folder replaces the file it points to: once, and not when the batch
  // reaches that file by its own name too (it would be cleaned twice).
  const linkedFiles = new Set<string>();
  const walkedAsItself = (real: string) =>
    plan.roots.some((root) => {
      if (root.kind === 'file') return root.abs === real;
      const folder = walkedFolder(root);
      if (folder === undefined || !isInside(real, folder)) return false;
      const rel = path.relative(folder, real).split(path.sep).join('/');
      const parts = rel.split('/');
      if (parts.some((p) => p.startsWith('.')) || parts.length - 1 > (root.glob ? root.glob.maxDepth : Infinity)) {
        return false;
      }
      const name = parts[parts.length - 1]!;
      return (
        !isBackup(name) &&
        (root.glob ? root.glob.matches(rel) : plan.extensions.some((ext) => name.toLowerCase().endsWith(ext)))
      );
    });
  const task = (display: string, abs: string): WalkItem | undefined => {
    if (plan.inPlace && path.extname(abs).toLowerCase() !== plan.outputExtension && plan.format !== 'text') {
      return { kind: 'error', input: display, error: wrongFormatInPlace(display, plan.format) };
    }
    const output =
      plan.inPlace || plan.check
        ? display
        : path.join(plan.outDir!, withExtension(path.relative(plan.base, abs), plan.outputExtension));
    if (outputs) {
      const key = plan.inPlace ? abs : path.resolve(output);
      const earlier = outputs.get(key);
      if (earlier === abs) return undefined; // the same file named twice
      if (earlier !== undefined) {
        return { kind: 'error', input: display, error: `has the same output ${output} as ${earlier}; skipped` };
      }
      outputs.set(key, abs);
    }
    return { kind: 'file', input: display, output };
  };

  for (const root of plan.roots) {
    if (root.kind === 'missing') {
      yield { kind: 'error', input: root.given, error: root.error ?? 'no such file' };
      continue;
    }
    if (root.kind === 'file') {
      const item = task(root.given, root.abs);
      if (item) yield item;
      continue;
    }
    const glob = root.glob;
    const found = walkFolder(root.abs, glob ? glob.root : root.given, '', 0, {
      sweep,
      maxDepth: glob ? glob.maxDepth : Infinity,
      accept: (rel, name) =>
        !isBackup(name) && (glob ? glob.matches(rel) : plan.extensions.some((ext) => name.toLowerCase().endsWith(ext))),
    });
    let count = 0;
    for await (const file of found) {
      if ('error' in file) {
        count++; // an input by its name, or a folder that could not be read: not "no files"
        yield { kind: 'error', input: file.display, error: file.error };
        continue;
      }
      if (plan.inPlace && file.link) {
        let real: string;
        try {
          real = fs.realpathSync(file.abs);
        } catch (error) {
          yield { kind: 'error', input: file.display, error: describe(error) };
          continue;
        }
        if (walkedAsItself(real) || linkedFiles.has(real)) {
          count++; // it is cleaned, under its own name or another link's
          continue;
        }
        linkedFiles.add(real);
      }
      const item = task(file.display, file.abs);
      if (item) {
        count++;
        yield item;
      }
    }
    if (count === 0 && glob) yield { kind: 'error', input: root.given, error: 'matches no file' };
    else if (count === 0) {
      yield { kind: 'warning', input: root.given, warning: `has no ${plan.extensions.join(', ')} files` };
    }
  }
}

/** The `--report` record of one file. */
function reportLine(r: FileResult): string {
  const { input, output, status, error, warning, encoding, encodingReason, bytes, edits, editsByTransform, ms, stats } =
    r;
  const record = {
    input,
    output,
    status,
    error,
    warning,
    encoding,
    encodingReason,
    bytes,
    edits,
    editsByTransform,
    ms,
  };
  return `${JSON.stringify({ ...record, ...(stats !== undefined && { stats }), ...(r.changed !== undefined && { changed: r.changed }) })}\n`;
}

/**
 * The `--report` file of a run: each file's line is written as the file is done, to a temporary file
 * beside the report, which replaces the report at the end of the run, also of a run stopped by Ctrl-C
 * or SIGTERM. A run killed outright leaves that temporary file, with every line written so far; a
 * resumed run (`--skip-existing`) takes the records of the inputs it skips from it and from the
 * report it replaces, then removes it.
 */
class ReportFile {
  private readonly stream: OutputStream;
  private readonly previous: PreviousReport | undefined;
  private readonly leftovers: string[];

  constructor(file: string, resume: boolean) {
    this.leftovers = staleTempsOf(file);
    this.previous = resume ? new PreviousReport([file, ...this.leftovers]) : undefined;
    try {
      this.stream = openOutputStream(file);
    } catch (error) {
      this.previous?.close();
      throw error;
    }
  }

  write(result: FileResult): void {
    const earlier = result.status === 'skipped' ? this.previous?.recordOf(result.input, result.output) : undefined;
    this.stream.write(earlier !== undefined ? `${earlier}\n` : reportLine(result));
  }

  commit(): void {
    this.previous?.close();
    this.stream.commit();
    for (const file of this.leftovers) removeFile(file);
  }

  abort(): void {
    this.previous?.close();
    this.stream.abort();
  }
}

/**
 * The size of a file, 0 when it cannot be told (it is then reported as it is cleaned). Synchronous:
 * a few microseconds, where an asynchronous stat would give the counting walk one file per turn of
 * the event loop, which a batch in the main thread (`--jobs 1`) takes only between files.
 */
function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Run a batch; resolves to the exit status. `engine` options are already validated. */
/**
 * `--collection-words`, the first pass: the words and the signs of OCR of every input the batch will
 * clean, each file read as its cleaning will read it. A file that cannot be read is left out here,
 * and reported when the batch reaches it.
 */
async function countBatchWords(plan: BatchPlan, engine: EngineOptions): Promise<CollectionWords> {
  const counter = new CollectionCounter();
  const evidence = createEvidenceSource(engine.words);
  for await (const item of walkInputs(plan)) {
    if (item.kind !== 'file') continue;
    let text: string;
    try {
      text = readInputFile(item.input, { encoding: engine.encoding, maxSize: engine.maxSize }).text;
    } catch {
      continue;
    }
    countDocument(counter, text, evidence);
  }
  return counter.finish();
}

export async function runBatch(
  inputs: readonly string[],
  options: BatchOptions,
  engineOptions: EngineOptions,
  io: BatchIO,
): Promise<number> {
  const listed =
    options.filesFrom !== undefined
      ? await readFileList(options.filesFrom, options.null === true, io.stdin ?? process.stdin)
      : [];
  const plan = planBatch(inputs, options, listed);
  const start = performance.now();
  const quiet = options.quiet === true;
  const progress = new Progress(
    io.stderr,
    io.progress ?? progressMode({ option: undefined, quiet, stderrTTY: io.stderr.isTTY === true, term: undefined }),
    { stdoutTTY: io.stdoutTTY === true },
  );
  const say = (line: string) => progress.print(messageLine(line));
  if (options.collectionWords === true) {
    const collection = await countBatchWords(plan, engineOptions);
    if (options.collectionWordsOut !== undefined) writeCollectionFile(options.collectionWordsOut, collection);
    engineOptions = { ...engineOptions, collection: collection.toData() };
    if (!quiet) {
      say(
        `--collection-words: counted ${collection.documents} files; ${collection.size} words are written by two or more`,
      );
    }
  }

  if (plan.outAbs !== undefined) {
    const removed = removeStaleTemps(plan.outAbs);
    if (removed > 0 && !quiet) say(`${plan.outDir}: removed ${removed} temporary files left by an interrupted run`);
  }
  const report =
    options.report !== undefined ? new ReportFile(options.report, options.skipExisting === true) : undefined;

  let finished = false;
  if (progress.enabled) {
    // A second, cheap walk (names and sizes) counts the files while the first is being cleaned.
    void (async () => {
      for await (const item of walkInputs(plan)) {
        if (finished) return;
        if (item.kind === 'warning') continue;
        progress.found++;
        if (item.kind === 'file') progress.totalBytes += sizeOf(item.input);
      }
      progress.counted = true;
    })().catch(() => undefined);
  }

  const review =
    options.review !== undefined
      ? new ReviewCollector(
          [...inputs, ...(options.filesFrom !== undefined ? [`--files-from ${options.filesFrom}`] : [])].join(' '),
          toolName(),
        )
      : undefined;
  const counts = { ok: 0, skipped: 0, failed: 0 };
  let changed = 0;
  const edits = new Map<string, number>();
  const runner = createRunner(
    {
      ...engineOptions,
      skipExisting: options.skipExisting,
      inPlace: plan.inPlace,
      backup: plan.backup,
      ...(review && { review: true }),
    },
    options.jobs ?? defaultJobs(),
  );
  const stop = new Stop(io.signals, () => runner.cancel());
  try {
    await runOrdered(
      until(walkInputs(plan, !plan.check), stop.stopped),
      async (item): Promise<TaskResult | WalkWarning> => {
        if (item.kind === 'file') return runner.run(item);
        if (item.kind === 'error') return fileResult(item.input, null, 'failed', item.error);
        return item;
      },
      runner.window,
      async (result) => {
        if (result.kind === 'cancelled' || result.kind === 'record') return;
        if (result.kind === 'warning') {
          if (!quiet) say(`${result.input}: warning: ${result.warning}`);
          return;
        }
        counts[result.status]++;
        progress.done++;
        if (result.status === 'ok') progress.bytes += result.bytes;
        // Done without being cleaned: its size is done too, or the estimate would wait for it.
        else if (progress.enabled) progress.settledBytes += sizeOf(result.input);
        if (result.status === 'failed') {
          progress.failed++;
          say(`${result.input}: ${result.error}`);
        } else if (result.warning !== undefined && !quiet) {
          say(`${result.input}: warning: ${result.warning}`);
        }
        report?.write(result);
        review?.add(
          result.review ??
            unreviewedRow(
              result.input,
              result.output,
              result.status === 'ok' ? 'skipped' : result.status,
              result.error,
            ),
        );
        if (result.changed) {
          changed++;
          // The names on stdout, one a line (for xargs), unless a diff or explanation fills stdout.
          if (!result.reports?.stdout) {
            progress.beforeStdout();
            await io.out.write(`${result.input}\n`);
          }
        }
        if (result.reports?.stdout) {
          progress.beforeStdout();
          await io.out.write(result.reports.stdout);
        }
        if (result.reports?.stderr) progress.print(result.reports.stderr);
        for (const [id, n] of Object.entries(result.editsByTransform)) edits.set(id, (edits.get(id) ?? 0) + n);
        progress.draw();
      },
    );
    report?.commit();
  } catch (error) {
    report?.abort();
    throw error;
  } finally {
    finished = true;
    stop.dispose();
    await runner.close();
    progress.stop();
  }
  // The page is written whole at the end (also of a stopped run: it shows the files done). A failure
  // to write it is one line and exit status 1; the outputs and the report are written already.
  if (review) writeFileAtomic(options.review!, renderReview(review.data()));

  const total = counts.ok + counts.skipped + counts.failed;
  const tally = plan.check
    ? `${changed} would change, ${counts.ok - changed} unchanged, ${counts.failed} failed`
    : `${counts.ok} processed, ${counts.skipped} skipped, ${counts.failed} failed`;
  if (stop.signal !== undefined) {
    const resume = plan.inPlace
      ? 'the files not reached are as they were'
      : 'run the same command with --skip-existing to resume';
    io.stderr.write(messageLine(`stopped by ${stop.signal} after ${total} files (${tally}); ${resume}`));
    return stop.exitCode!;
  }
  if (!quiet) {
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    io.stderr.write(`${NAME}: ${total} files: ${tally} (${seconds} s)\n`);
    const byTransform = TRANSFORM_IDS.filter((id) => edits.has(id)).map((id) => `${id} ${edits.get(id)}`);
    io.stderr.write(`${NAME}: edits: ${byTransform.length > 0 ? byTransform.join(', ') : 'none'}\n`);
  }
  // With --check, a file that could not be checked wins over those that would change (prettier, black).
  if (counts.failed > 0) return plan.check ? EXIT_CHECK_FAILED : EXIT_INPUT;
  return changed > 0 ? EXIT_CHANGED : EXIT_OK;
}
