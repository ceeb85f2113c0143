/**
 * Reading the edits a pipeline run recorded. An edit's offset is into its own transform's input, so to
 * see an edit in context we rebuild each step's input by replaying the steps before it.
 */
import { applyEdits } from '../../src/core/edits.js';
import type { Edit, Step } from '../../src/index.js';

/** `input` with `edits` (sorted by offset, non-overlapping, as every step records them) applied. */
export const replayEdits = applyEdits;

/**
 * The text each step saw: `inputs[i]` is the input of `steps[i]`. Throws when replaying the edits does
 * not give `output`, which would mean the offsets are not what this script assumes.
 */
export function stepInputs(input: string, steps: readonly Step[], output: string): string[] {
  const inputs: string[] = [];
  let text = input;
  for (const step of steps) {
    inputs.push(text);
    text = replayEdits(text, step.edits);
  }
  if (text !== output) throw new Error('replaying the recorded edits does not reproduce the pipeline output');
  return inputs;
}

export interface EditContext {
  /** Where the whole tokens the edit touches start and end in the step's input. */
  start: number;
  end: number;
  /** Those tokens before the edit and after it. */
  before: string;
  after: string;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);

/**
 * The edit widened to whole whitespace-delimited tokens of its step's input: `homes ,` -> `homes,`
 * for a punctuation edit whose own `before` is just ` ,`; `U.S.led` -> `U.S.-led` for an insertion.
 */
export function editContext(input: string, edit: Edit): EditContext {
  let start = edit.offset;
  while (start > 0 && !isSpace(input[start - 1])) start--;
  let end = edit.offset + edit.before.length;
  while (end < input.length && !isSpace(input[end])) end++;
  const before = input.slice(start, end);
  const after = input.slice(start, edit.offset) + edit.after + input.slice(edit.offset + edit.before.length, end);
  return { start, end, before, after };
}

/**
 * The edit removes whole lines: it starts at a line start and its `before` runs to the end of a line.
 * Returns how many non-blank lines it removed (0 for any other edit).
 */
export function linesRemoved(input: string, edit: Edit): number {
  if (edit.after.trim() !== '' || edit.before.trim() === '') return 0;
  const atLineStart = edit.offset === 0 || input[edit.offset - 1] === '\n';
  const end = edit.offset + edit.before.length;
  const toLineEnd = edit.before.endsWith('\n') || end === input.length || input[end] === '\n';
  if (!atLineStart || !toLineEnd) return 0;
  return edit.before.split('\n').filter((line) => line.trim() !== '').length;
}

/** `transform/rule`, the name every report uses for a rule. */
export const ruleId = (edit: Pick<Edit, 'transform' | 'rule'>): string => `${edit.transform}/${edit.rule}`;
