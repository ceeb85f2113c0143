/**
 * The command line's options: one type for everything commander parses (`CliOptions`), the parsers
 * of its values, which mode a command line asks for (one article, a batch, JSON Lines), and every check
 * of the options against each other, made in one place before any text is read. Kept apart from
 * `run/` so that the CLI loads batches, streams and worker threads only when they are asked for.
 */
import fs from 'node:fs';
import { UsageError } from '../core/errors.js';
import { selectTransforms } from '../core/pipeline.js';
import { TRANSFORMS } from '../transforms/index.js';
import type { PresetChoice } from '../core/presets.js';
import { checkEncoding } from '../core/decode.js';
import { sameFile } from '../io/files.js';
import { isGlob } from '../io/glob.js';
import type { Format } from '../render/index.js';
import type { DiffMode } from '../report/diff/index.js';
import type { ReportFormat } from '../report/reports.js';

export interface CliOptions {
  format: Format;
  /** `-o`: the one output file. */
  output?: string;
  only?: string[];
  skip?: string[];
  enable?: string[];
  /** `--words` files. */
  words?: string[];
  encoding?: string;
  maxSize?: number;
  listTransforms?: boolean;
  outDir?: string;
  inPlace?: boolean;
  backup?: string;
  /** Extensions a folder walk picks up (`--ext`), with or without the dot. */
  ext?: string[];
  /** Worker threads; default one per CPU. */
  jobs?: number;
  skipExisting?: boolean;
  report?: string;
  quiet?: boolean;
  jsonl?: boolean;
  /** `--article-key`: where `--jsonl` adds the article's parts. */
  articleKey?: string;
  /** `--collection-words`: a first pass counts the words of every input; the second cleans with them. */
  collectionWords?: boolean;
  /** `--collection-words-from FILE`: clean with the counts in FILE instead of counting. */
  collectionWordsFrom?: string;
  /** `--collection-words-out FILE`: with `--collection-words`, also write the counts to FILE. */
  collectionWordsOut?: string;
  explain?: ReportFormat;
  explainOnly?: ReportFormat;
  diff?: DiffMode;
  dryRun?: boolean;
  stats?: ReportFormat;
  preset?: PresetChoice;
  /** A file, or `false` for `--no-config`. */
  config?: string | false;
  /** `--review`: the HTML page to write about the run. */
  review?: string;
  /** `--files-from`: a file (or `-`, stdin) listing inputs of a batch; `-0`: NUL-separated. */
  filesFrom?: string;
  null?: boolean;
  /** `--base`: the folder outputs are placed relative to, instead of the inputs' common folder. */
  base?: string;
  /** `--provenance`: outputs say which tool, preset and encoding made them, from which input. */
  provenance?: boolean;
  /** `--explain-rules`: the transforms, rules or `transform/rule`s to explain. */
  explainRules?: string[];
  /** `--check`: write nothing; exit 1 if cleaning would change an input, 2 if one could not be checked. */
  check?: boolean;
  /** `--color`: when the diff is coloured. */
  color?: 'auto' | 'always' | 'never';
  /** `--progress` (true) / `--no-progress` (false); undefined: on a terminal only. */
  progress?: boolean;
}

/** A comma-separated list, repeatable: `--skip a,b --skip c`. */
export const list = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
];

/** `--max-size`: bytes, or a number with K, M or G. */
export function byteSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-size: "${value}" is not a size; expected bytes or a number with K, M or G`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.floor(Number(m[1]) * unit);
}

export function positiveInteger(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
      throw new UsageError(`${flag}: "${value}" is not a whole number of 1 or more`);
    }
    return Number(value);
  };
}

/** `--ext` values; empty ones are kept, for the batch to refuse with the value named. */
export const extensions = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',')];

/** `-o -` is stdout, as in ftfy and pandoc (a file named `-` is `./-`). */
export const toStdout = (output: string | undefined): boolean => output === undefined || output === '-';

export type Mode = 'list' | 'jsonl' | 'batch' | 'one';

/**
 * The mode a command line asks for. A batch is chosen by `--out-dir` or `--in-place`; several inputs,
 * or a pattern, without either is a batch too, which `checkOptions` refuses with a message saying
 * what to add.
 */
export function chooseMode(inputs: readonly string[], options: CliOptions): Mode {
  if (options.listTransforms) return 'list';
  if (options.jsonl) return 'jsonl';
  if (options.outDir !== undefined || options.inPlace === true || inputs.length > 1) return 'batch';
  if (options.filesFrom !== undefined) return 'batch';
  const [input] = inputs;
  if (input === undefined || input === '-') return 'one';
  // `--check scans/` checks every file below the folder.
  if (options.check && isDirectory(input)) return 'batch';
  return isGlob(input) && !fs.existsSync(input) ? 'batch' : 'one';
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Check the options against each other for `mode`, and the values every mode shares (transform ids,
 * the encoding). Throws a UsageError naming the flag; reads no input.
 */
export function checkOptions(mode: Mode, inputs: readonly string[], options: CliOptions): void {
  for (const [flag, ids] of [
    ['--only', options.only],
    ['--skip', options.skip],
    ['--enable', options.enable],
  ] as const) {
    if (ids !== undefined && ids.length === 0) {
      throw new UsageError(`${flag}: no transform id given; expected ids such as ${flag} whitespace,unwrap`);
    }
  }
  checkSelection({ only: options.only, skip: options.skip, enable: options.enable });
  if (options.encoding) checkEncoding(options.encoding);
  if (options.check) checkCheck(mode, options);
  if (options.progress === true && options.quiet) throw new UsageError('--progress and --quiet: choose one');
  if (options.explainRules !== undefined) checkExplainRules(options);
  if (mode === 'jsonl') checkJsonl(inputs, options);
  else if (mode === 'batch') checkBatch(inputs, options);
  if (options.review !== undefined) checkReview(mode, inputs, options);
  if (options.provenance && options.format === 'text' && mode !== 'jsonl' && options.review === undefined) {
    throw new UsageError(
      '--provenance: plain text has no place for it; choose -f markdown or -f json (or --jsonl, --review)',
    );
  }
  if (options.collectionWords === true) checkCollectionWords(mode, inputs);
  if (options.collectionWordsFrom !== undefined && options.collectionWords === true) {
    throw new UsageError(
      '--collection-words and --collection-words-from: choose one (count the inputs, or read counts)',
    );
  }
  if (options.collectionWordsOut !== undefined && options.collectionWords !== true) {
    throw new UsageError('--collection-words-out: only with --collection-words (it writes the counts that pass makes)');
  }
  if (mode === 'one') {
    checkNoBatchOptions(options);
    if (options.articleKey !== undefined) throw new UsageError('--article-key: only with --jsonl');
  }
}

/**
 * Check a selection of transforms (from the flags, or the flags over the configuration): unknown ids
 * are an error, and so is a selection that leaves nothing to run (`--only X --skip X`).
 */
export function checkSelection(selection: {
  only?: readonly string[];
  skip?: readonly string[];
  enable?: readonly string[];
}): void {
  if (selectTransforms(selection).length === 0) {
    const given = [
      selection.only && `only ${selection.only.join(',') || '(none)'}`,
      selection.skip && `skip ${selection.skip.join(',')}`,
    ].filter(Boolean);
    throw new UsageError(`no transform left to run (${given.join(', ')}); nothing would be cleaned`);
  }
}

/** `--explain-rules`: with an explanation, and every id a transform, a rule or `transform/rule`. */
function checkExplainRules(options: CliOptions): void {
  if (options.explain === undefined && options.explainOnly === undefined) {
    throw new UsageError('--explain-rules: only with --explain or --explain-only');
  }
  if (options.explainRules!.length === 0) {
    throw new UsageError('--explain-rules: no id given; expected ids such as hyphens,split-words');
  }
  const known = new Set<string>();
  for (const t of TRANSFORMS) {
    known.add(t.id);
    for (const rule of t.rules) known.add(rule).add(`${t.id}/${rule}`);
  }
  for (const id of options.explainRules!) {
    if (!known.has(id)) {
      throw new UsageError(
        `--explain-rules: unknown transform or rule "${id}"; valid: transform ids (${TRANSFORMS.map((t) => t.id).join(', ')}), their rule ids, or transform/rule (see --explain)`,
      );
    }
  }
}

/** `--check` writes nothing and compares each input with its cleaned text. */
function checkCheck(mode: Mode, options: CliOptions): void {
  const refused: [string, boolean][] = [
    ['--jsonl', mode === 'jsonl'],
    ['-o', options.output !== undefined],
    ['--out-dir', options.outDir !== undefined],
    ['--in-place', options.inPlace === true],
    ['--dry-run', options.dryRun === true],
    ['--skip-existing', options.skipExisting === true],
  ];
  for (const [flag, given] of refused) {
    if (given) throw new UsageError(`--check: writes nothing, so not with ${flag}`);
  }
  if (options.format !== 'text') {
    throw new UsageError(`--check: compares each input with its cleaned text; not with -f ${options.format}`);
  }
}

/**
 * `--collection-words` counts the words of every input before cleaning any: it needs several inputs
 * (a batch) or a JSON Lines file, which is read twice (stdin cannot be).
 */
function checkCollectionWords(mode: Mode, inputs: readonly string[]): void {
  if (mode === 'one') {
    throw new UsageError(
      '--collection-words: counts words across many inputs; only with a batch (--out-dir, --in-place, --check on a folder) or --jsonl FILE',
    );
  }
  const [input] = inputs;
  if (mode === 'jsonl' && (input === undefined || input === '-')) {
    throw new UsageError(
      '--collection-words: reads the JSON Lines input twice (words first, then the records); give a file, not stdin',
    );
  }
}

/** Refuse the batch-only options outside a batch (one file, stdin, `--jsonl`). */
function checkNoBatchOptions(options: CliOptions): void {
  const batchOnly: [string, boolean, string][] = [
    ['--backup', options.backup !== undefined, '--in-place'],
    ['--skip-existing', options.skipExisting === true, '--out-dir'],
    ['--report', options.report !== undefined, '--out-dir or --in-place'],
    ['--ext', options.ext !== undefined, '--out-dir or --in-place'],
    ['--files-from', options.filesFrom !== undefined, '--out-dir or --in-place'],
    ['-0', options.null === true, '--files-from'],
    ['--base', options.base !== undefined, '--out-dir'],
    ['--progress', options.progress === true, '--out-dir, --in-place or --check on several files (a batch)'],
  ];
  for (const [flag, given, needs] of batchOnly) if (given) throw new UsageError(`${flag}: only with ${needs}`);
}

function checkJsonl(inputs: readonly string[], options: CliOptions): void {
  if (options.format === 'json') {
    throw new UsageError('--jsonl: records are JSON already; choose -f text or -f markdown for their "text" field');
  }
  for (const [flag, given] of [
    ['--out-dir', options.outDir !== undefined],
    ['--in-place', options.inPlace === true],
  ] as const) {
    if (given) throw new UsageError(`--jsonl: ${flag} is for files; JSON Lines go from one stream to one stream`);
  }
  checkNoBatchOptions(options);
  if (options.articleKey !== undefined && (options.articleKey === '' || options.articleKey === 'text')) {
    throw new UsageError(
      `--article-key: "${options.articleKey}" cannot hold the article's parts; expected a key such as "article" (not "text")`,
    );
  }
  if (inputs.length > 1) throw new UsageError('--jsonl: give one input file, or none to read stdin');
  const [input] = inputs;
  if (input !== undefined && input !== '-' && !toStdout(options.output) && sameFile(input, options.output!)) {
    throw new UsageError(`-o ${options.output}: is the input file; refusing to overwrite it`);
  }
  const counts = options.collectionWordsOut;
  if (counts !== undefined && input !== undefined && input !== '-' && sameFile(input, counts)) {
    throw new UsageError(`--collection-words-out ${counts}: is the input file; refusing to overwrite it`);
  }
  for (const [flag, given] of [
    ['--explain', options.explain ?? options.explainOnly],
    ['--diff', options.diff],
    ['--dry-run', options.dryRun],
    ['--stats', options.stats],
  ] as const) {
    if (given) throw new UsageError(`--jsonl: ${flag} reports on files or one article, not on JSON Lines records`);
  }
}

function checkBatch(inputs: readonly string[], options: CliOptions): void {
  const { outDir, inPlace = false } = options;
  if (options.articleKey !== undefined) throw new UsageError('--article-key: only with --jsonl');
  if (outDir !== undefined && inPlace) throw new UsageError('--out-dir and --in-place: choose one');
  if (outDir === undefined && !inPlace && !options.check) {
    const what = inputs.length > 1 ? 'several inputs' : `${inputs[0]}: a pattern`;
    throw new UsageError(`${what}: add --out-dir DIR (one output per input) or --in-place (replace each input)`);
  }
  if (options.output !== undefined) {
    throw new UsageError(`-o ${options.output}: one output file cannot hold a batch; use --out-dir DIR`);
  }
  if (options.backup !== undefined && !inPlace) throw new UsageError('--backup: only with --in-place');
  if (options.backup !== undefined && (options.backup === '' || /[/\\]/.test(options.backup))) {
    throw new UsageError(`--backup: "${options.backup}" is not a file name suffix; expected e.g. .orig`);
  }
  if (options.skipExisting && inPlace) {
    throw new UsageError('--skip-existing: only with --out-dir (in place, every output is its own input)');
  }
  if (options.null && options.filesFrom === undefined) throw new UsageError('-0: only with --files-from');
  if (options.base !== undefined && outDir === undefined) throw new UsageError('--base: only with --out-dir');
  if (options.stats === 'json') {
    const other = [
      ['--diff', options.diff !== undefined],
      ['--dry-run', options.dryRun === true],
      ['--explain-only', options.explainOnly !== undefined],
      ['--check', options.check === true],
    ].find(([, given]) => given);
    if (other) {
      throw new UsageError(
        `--stats=json: a batch prints it on stdout, which ${other[0]} uses too; use --report FILE (each line has the file's stats)`,
      );
    }
  }
  if (inputs.length === 0 && options.filesFrom === undefined) {
    throw new UsageError('no input: give the files or folders to clean');
  }
  if (inputs.includes('-')) throw new UsageError('"-" (stdin) cannot be part of a batch; give files or folders');
}

/** `--review FILE`: a page about files or one article, written, so not with `--dry-run`; never over the input. */
function checkReview(mode: Mode, inputs: readonly string[], options: CliOptions): void {
  const file = options.review!;
  if (mode === 'jsonl') throw new UsageError('--review: reviews files or one article, not JSON Lines records');
  if (options.dryRun) throw new UsageError('--review: writes a file, and --dry-run writes nothing; choose one');
  if (options.check) throw new UsageError('--review: writes a file, and --check writes nothing; choose one');
  if (file === '' || file === '-')
    throw new UsageError(`--review: "${file}" is not a file name; expected e.g. review.html`);
  const [input] = inputs;
  if (mode === 'one' && input !== undefined && input !== '-' && sameFile(input, file)) {
    throw new UsageError(`--review ${file}: is the input file; refusing to overwrite it`);
  }
  if (mode === 'one' && options.output !== undefined && !toStdout(options.output) && sameFile(options.output, file)) {
    throw new UsageError(`--review ${file}: is the -o file too; choose another name`);
  }
}
