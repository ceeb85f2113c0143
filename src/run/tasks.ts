/**
 * The unit of work of a batch or a JSON Lines stream: clean one file, or one record. The same code
 * runs in the main thread (`--jobs 1`) and in each worker thread; tasks and results are plain data so
 * that they can cross between threads. A task never throws: a failure is a result.
 */
import { performance } from 'node:perf_hooks';
import { InputError } from '../core/errors.js';
import { CollectionWords, type CollectionData } from '../evidence/collection.js';
import type { EvidenceSource } from '../evidence/source.js';
import { createEvidenceSource } from '../io/data-files.js';
import { backupFile, isUpToDate, readInputFile, writeFileAtomicAsync } from '../io/files.js';
import { articleJson } from '../render/json.js';
import { provenanceOf, withProvenance } from '../render/provenance.js';
import type { Format } from '../render/index.js';
import { computeStats, type Stats } from '../report/stats.js';
import { reportsFor, type ReportOptions } from '../report/reports.js';
import { reviewFile, type FileReview } from '../report/review.js';
import { changeCount, changesByTransform, wouldChange } from '../report/changes.js';
import { cleanWith, type CleanOptions, type CleanResult } from '../core/clean.js';
import { members, spliceRecord } from './record.js';

/** What every task of one run shares; validated by the CLI before any task runs. */
export interface EngineOptions {
  format: Format;
  /** Preset, transform selection and options, protect patterns: flags over configuration over preset. */
  clean: Pick<CleanOptions, 'preset' | 'only' | 'skip' | 'enable' | 'transformOptions' | 'protect'>;
  /** `--explain`, `--diff`, `--dry-run`, `--stats`: reported per file, in input order. */
  reports?: ReportOptions;
  /** False with `--dry-run`, `--diff` or `--explain-only`: nothing is written. */
  writesArticle?: boolean;
  /** The configuration file used, for `--explain`. */
  configFile?: string;
  /** Colour the `--diff` output. */
  color?: boolean;
  /** Extra words, already read from the `--words` files. */
  words: string[];
  encoding?: string;
  maxSize?: number;
  /** Skip an input whose output exists and is newer. */
  skipExisting?: boolean;
  /** Keep the original beside a file replaced in place, under its name plus this suffix. */
  backup?: string;
  /** Replace files in place (the file replaced keeps its permissions, as every replaced file does). */
  inPlace?: boolean;
  /** `--jsonl`: the key the article's parts are added under (default `article`). */
  articleKey?: string;
  /** `--review`: each file's result carries its review data. */
  review?: boolean;
  /** `--provenance`: the tool's name and version, for the provenance added to each output. */
  provenance?: { name: string; version: string };
  /** `--check`: say whether each file would change (nothing is written). */
  check?: boolean;
  /** `--collection-words`: the word counts of the whole batch, counted before any task runs. */
  collection?: CollectionData;
}

/** The key `--jsonl` adds the article's parts under, unless `--article-key` names another. */
export const DEFAULT_ARTICLE_KEY = 'article';

/** The options, the word lists and the batch's word counts, loaded once per thread. */
export interface Engine {
  options: EngineOptions;
  evidence: EvidenceSource;
  collection?: CollectionWords;
}

export function createEngine(options: EngineOptions): Engine {
  return {
    options,
    evidence: createEvidenceSource(options.words),
    ...(options.collection !== undefined && { collection: CollectionWords.fromData(options.collection) }),
  };
}

export interface FileTask {
  kind: 'file';
  /** The input as the user will recognise it (the path given, joined with the path found below it). */
  input: string;
  output: string;
}

export interface RecordTask {
  kind: 'record';
  line: string;
  /** 1-based line number in the input stream, for messages. */
  lineNo: number;
  /** Why the line was refused as it was read (over the size limit, not UTF-8): reported in its place. */
  error?: string;
}

export type Task = FileTask | RecordTask;

export type FileStatus = 'ok' | 'skipped' | 'failed';

/** One line of the `--report` file. */
export interface FileResult {
  kind: 'file';
  input: string;
  /** `null` when no output was planned (a missing input, a folder that cannot be read). */
  output: string | null;
  status: FileStatus;
  /** Why the file failed; names the output or backup file when that was the problem. */
  error?: string;
  /** A problem that did not stop the file (an empty input). */
  warning?: string;
  /** The encoding the input was read with (`null` when it was not read). */
  encoding: string | null;
  /** Why that encoding. */
  encodingReason: string | null;
  edits: number;
  /** Edits per transform id, in pipeline order; transforms that made none are left out. */
  editsByTransform: Record<string, number>;
  /** Input size in bytes (0 when it was not read). */
  bytes: number;
  /** Milliseconds to read, clean and write the file, up to the wait for the disk to sync it. */
  ms: number;
  /** With `--stats`: the file's quality signals. */
  stats?: Stats;
  /** With `--check`: cleaning would change the file. */
  changed?: boolean;
  /** What `--explain`, `--diff`, `--dry-run` and `--stats` print about the file, in input order. */
  reports?: { stdout: string; stderr: string };
  /** With `--review`: the file's row, rule counts, sampled edits and diff. */
  review?: FileReview;
}

export interface RecordResult {
  kind: 'record';
  lineNo: number;
  /** The cleaned record as one line of JSON (no newline), or `undefined` when the line was bad. */
  line?: string;
  error?: string;
}

/** A task dropped before it started, because the run was stopped (Ctrl-C): reported by no one. */
export interface CancelledResult {
  kind: 'cancelled';
}

export type TaskResult = FileResult | RecordResult | CancelledResult;

function clean(text: string, engine: Engine): CleanResult {
  const { format, clean: options } = engine.options;
  const collection = engine.collection;
  return cleanWith(text, { format, ...options, ...(collection !== undefined && { collection }) }, engine.evidence);
}

function messageOf(error: unknown, input: string): string {
  if (error instanceof InputError) return error.file === input ? error.message : `${error.file}: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message.split('\n')[0]}`;
}

/** A file result with nothing read or written. */
export function fileResult(input: string, output: string | null, status: FileStatus, error?: string): FileResult {
  return {
    kind: 'file',
    input,
    output,
    status,
    ...(error === undefined ? {} : { error }),
    encoding: null,
    encodingReason: null,
    edits: 0,
    editsByTransform: {},
    bytes: 0,
    ms: 0,
  };
}

/** The result of a task that could not run (its worker died). */
export function failedResult(task: Task, error: string): TaskResult {
  return task.kind === 'file'
    ? fileResult(task.input, task.output, 'failed', error)
    : { kind: 'record', lineNo: task.lineNo, error };
}

/**
 * Clean one file into its output (atomically). The cleaning runs at once; the promise settles when the
 * output is on disk, and the thread is free meanwhile.
 */
export async function cleanFile(task: FileTask, engine: Engine): Promise<FileResult> {
  const start = performance.now();
  const { input, output } = task;
  const ms = () => Math.round((performance.now() - start) * 100) / 100;
  const { options } = engine;
  let written: Promise<void> | undefined;
  try {
    if (options.skipExisting && isUpToDate(input, output)) return { ...fileResult(input, output, 'skipped'), ms: ms() };
    const decoded = readInputFile(input, {
      encoding: options.encoding,
      maxSize: options.maxSize,
      hash: options.provenance !== undefined,
    });
    const cleaned = clean(decoded.text, engine);
    const result = options.provenance
      ? {
          ...cleaned,
          output: withProvenance(
            cleaned.output,
            options.format,
            provenanceOf(options.provenance, cleaned.source, decoded, decoded.sha256),
          ),
        }
      : cleaned;
    if (options.writesArticle !== false) {
      if (options.backup !== undefined) backupFile(input, input + options.backup);
      // A link is followed: the file it points to is replaced and keeps its permissions.
      written = writeFileAtomicAsync(output, result.output);
      written.catch(() => undefined); // awaited below, after the reports
    }
    const asked = options.reports ?? {};
    const stats =
      asked.stats !== undefined || options.review === true
        ? computeStats(decoded.text, result, engine.evidence)
        : undefined;
    const review =
      options.review === true ? reviewFile(input, output, decoded.text, decoded, result, stats!) : undefined;
    const reports = reportsFor(
      asked,
      { name: input, decoded, result, evidence: engine.evidence, output, stats },
      { configFile: options.configFile, color: options.color === true, batch: true },
    );
    const elapsed = ms();
    await written;
    const warnings = [
      ...(decoded.text.trim() === '' ? ['empty input'] : []),
      ...(decoded.warning !== undefined ? [decoded.warning] : []),
    ];
    return {
      kind: 'file',
      input,
      output,
      status: 'ok',
      ...(warnings.length > 0 && { warning: warnings.join('; ') }),
      encoding: decoded.encoding,
      encodingReason: decoded.reason,
      edits: changeCount(result.edits),
      editsByTransform: changesByTransform(result.steps),
      bytes: decoded.bytes,
      ms: elapsed,
      ...(stats !== undefined && asked.stats !== undefined && { stats }),
      ...(review !== undefined && { review }),
      ...(options.check === true && { changed: wouldChange(decoded, result.output) }),
      ...((reports.stdout !== '' || reports.stderr !== '') && { reports }),
    };
  } catch (error) {
    await written?.catch(() => undefined); // a started write settles before the file is reported
    return { ...fileResult(input, output, 'failed', messageOf(error, input)), ms: ms() };
  }
}

/**
 * Clean one JSON Lines record: the value of `text` is replaced by the cleaned article in the chosen
 * format and the article's parts are added under one key (`article`, or `--article-key`); every other
 * byte of the line is passed through as it came (see `record.ts`). A record that has that key already
 * is refused, never overwritten.
 */
export function cleanRecord(task: RecordTask, engine: Engine): RecordResult {
  const { line, lineNo } = task;
  const fail = (error: string): RecordResult => ({ kind: 'record', lineNo, error });
  if (task.error !== undefined) return fail(task.error);
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return fail('not a JSON object');
  const { text } = record as { text?: unknown };
  if (!Object.hasOwn(record, 'text') || typeof text !== 'string') return fail('"text" is missing or not a string');
  const key = engine.options.articleKey ?? DEFAULT_ARTICLE_KEY;
  if (Object.hasOwn(record, key)) {
    return fail(`has a "${key}" field already; not overwritten (name another key with --article-key)`);
  }
  try {
    const result = clean(text, engine);
    const found = members(line);
    // JSON.parse keeps the last of duplicate keys: so is the member replaced.
    const textMember = found.findLast((m) => m.key === 'text')!;
    const tool = engine.options.provenance;
    const added = JSON.stringify(
      tool
        ? { ...articleJson(result.article), provenance: provenanceOf(tool, result.source) }
        : articleJson(result.article),
    );
    return { kind: 'record', lineNo, line: spliceRecord(line, found, textMember, result.output, key, added) };
  } catch (error) {
    return fail(messageOf(error, ''));
  }
}

export async function runTask(task: Task, engine: Engine): Promise<TaskResult> {
  return task.kind === 'file' ? cleanFile(task, engine) : cleanRecord(task, engine);
}
