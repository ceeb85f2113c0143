/**
 * `--dry-run`: what cleaning one input would write, without writing it. Pure: the caller reads the
 * input, cleans it, and prints `formatDryRun(dryRun(...))` (and a diff if asked) instead of writing.
 */
import { lineChanges } from './diff/index.js';

export interface DryRun {
  /** The input's name (a path or `<stdin>`). */
  input: string;
  /** Where the output would go: a path, or `<stdout>`. */
  target: string;
  /** The output differs from the input text. */
  changed: boolean;
  /** Bytes that would be written (UTF-8). */
  bytes: number;
  edits: number;
  /** Lines of the input the output no longer has, and lines it has that the input had not. */
  linesDeleted: number;
  linesInserted: number;
}

/** Describe writing `output` (cleaned from `inputText` with `edits` edits) to `target`. */
export function dryRun(
  input: string,
  inputText: string,
  output: string,
  edits: number,
  target: string | undefined,
): DryRun {
  const { deleted, inserted } = lineChanges(inputText, output);
  return {
    input,
    target: target ?? '<stdout>',
    changed: output !== inputText,
    bytes: Buffer.byteLength(output, 'utf8'),
    edits,
    linesDeleted: deleted,
    linesInserted: inserted,
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line: `dry run: a.txt -> out.txt: would write 2345 bytes (48 edits; -30 +14 lines); nothing written`. */
export function formatDryRun(run: DryRun): string {
  const what = run.changed
    ? `would write ${plural(run.bytes, 'byte')} (${plural(run.edits, 'edit')}; -${run.linesDeleted} +${run.linesInserted} lines)`
    : `would write ${plural(run.bytes, 'byte')}, unchanged from the input`;
  return `dry run: ${run.input} -> ${run.target}: ${what}; nothing written\n`;
}
