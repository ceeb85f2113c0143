/**
 * Which edits change what a reader gets. Every edit is recorded (and `--explain=json` lists them all),
 * but one kind is undone by rendering: `whitespace` trims the text's final line break, and every
 * format ends with one again. An already clean file would otherwise report "1 edit (whitespace 1)".
 * Counts (`--stats`, the batch summary and report, `--dry-run`) and the text form of `--explain`
 * leave such edits out.
 */
import type { Edit } from '../core/types.js';

/** The final line break trimmed by `whitespace` (offset 0 would be a text that is one line break). */
export function undoneByRendering(edit: Pick<Edit, 'transform' | 'rule' | 'before' | 'after' | 'offset'>): boolean {
  return (
    edit.transform === 'whitespace' &&
    edit.rule === 'trim' &&
    edit.before === '\n' &&
    edit.after === '' &&
    edit.offset > 0
  );
}

/** Edits per transform that change the output, transforms without any left out, in pipeline order. */
export function changesByTransform(
  steps: readonly { transform: string; edits: readonly Edit[] }[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const step of steps) {
    const n = step.edits.filter((e) => !undoneByRendering(e)).length;
    if (n > 0) counts[step.transform] = (counts[step.transform] ?? 0) + n;
  }
  return counts;
}

/** How many edits change the output. */
export function changeCount(edits: readonly Edit[]): number {
  return edits.filter((e) => !undoneByRendering(e)).length;
}

/**
 * `--check`: whether writing `output` in place of the input would change the file. The bytes are the
 * same exactly when the text is and the input was read as UTF-8 without a byte-order mark (the file
 * would be written as UTF-8 without one).
 */
export function wouldChange(decoded: { text: string; encoding: string; reason: string }, output: string): boolean {
  const plainUtf8 = decoded.encoding === 'utf-8' && decoded.reason !== 'UTF-8 byte-order mark';
  return !plainUtf8 || decoded.text !== output;
}
