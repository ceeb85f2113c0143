/**
 * Which mode a command line asks for (one article, a batch, JSON Lines) and the options a mode cannot
 * take. Kept apart from `batch.ts`, `jsonl.ts` and `pool.ts` so that the CLI loads those (and worker
 * threads) only when a batch or a stream is asked for: cleaning one article starts no faster than it
 * must.
 */
import fs from 'node:fs';
import { UsageError } from '../core/errors.js';
import { isGlob } from '../io/glob.js';
import { sameFile } from '../io/files.js';

export interface ModeOptions {
  format: string;
  output?: string;
  outDir?: string;
  inPlace?: boolean;
  backup?: string;
  ext?: readonly string[];
  skipExisting?: boolean;
  report?: string;
}

/**
 * A batch: chosen by `--out-dir` or `--in-place`; several inputs, or a pattern, without either is a
 * batch too, which `planBatch` refuses with a message saying what to add.
 */
export function isBatch(inputs: readonly string[], options: ModeOptions): boolean {
  if (options.outDir !== undefined || options.inPlace === true || inputs.length > 1) return true;
  const [input] = inputs;
  return input !== undefined && input !== '-' && isGlob(input) && !fs.existsSync(input);
}

/** Refuse the batch-only options outside a batch (one file, stdin, `--jsonl`). */
export function checkNoBatchOptions(options: ModeOptions): void {
  const batchOnly: [string, boolean, string][] = [
    ['--backup', options.backup !== undefined, '--in-place'],
    ['--skip-existing', options.skipExisting === true, '--out-dir'],
    ['--report', options.report !== undefined, '--out-dir or --in-place'],
    ['--ext', options.ext !== undefined, '--out-dir or --in-place'],
  ];
  for (const [flag, given, needs] of batchOnly) if (given) throw new UsageError(`${flag}: only with ${needs}`);
}

/** Refuse what `--jsonl` cannot do; before any line is read. */
export function checkJsonlOptions(inputs: readonly string[], options: ModeOptions): void {
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
  if (inputs.length > 1) throw new UsageError('--jsonl: give one input file, or none to read stdin');
  const [input] = inputs;
  if (input !== undefined && input !== '-' && options.output !== undefined && sameFile(input, options.output)) {
    throw new UsageError(`-o ${options.output}: is the input file; refusing to overwrite it`);
  }
}
