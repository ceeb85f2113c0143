/**
 * `--diff`: what cleaning changed, as a unified diff of lines (`lines`, patch-compatible) or of words
 * (`words`: changes marked inline as `[-old-]{+new+}`). Pure; colour is asked for by the caller.
 *
 * `myers.ts` is the differ; `unified.ts` and `words.ts` format its edit scripts.
 */
import { unifiedDiff, type DiffOptions } from './unified.js';
import { wordDiff } from './words.js';

export { diffSequences, type DiffOp, type SequenceDiffOptions } from './myers.js';
export { lineChanges, unifiedDiff, type DiffOptions } from './unified.js';
export { tokenize, wordDiff } from './words.js';

export const DIFF_MODES = ['lines', 'words'] as const;
export type DiffMode = (typeof DIFF_MODES)[number];

/** The diff of `a` and `b` in `mode`. */
export function diff(a: string, b: string, mode: DiffMode, options: DiffOptions): string {
  return mode === 'words' ? wordDiff(a, b, options) : unifiedDiff(a, b, options);
}
