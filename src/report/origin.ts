/**
 * Where a piece of text came from: map offsets in a transform's output back to its input, and through
 * every earlier step to the original input, then to line and column. Used by `--explain`.
 *
 * Each step's edits are sorted and do not overlap (see `EditRecorder.finish`). Text outside edits maps
 * one to one. The start of an edit's `after` maps to the start of its `before`; inside `after`, the
 * part it shares with `before` at the start or the end maps exactly (in `con-\ncerns` -> `\nconcerns`,
 * `cerns` keeps its place); the changed middle maps to where the change starts in `before`.
 */
import type { Edit } from '../core/types.js';

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** An offset inside `edit.after` (relative to its start) mapped to an offset in the step's input. */
function insideEdit(edit: Edit, relative: number): number {
  const prefix = commonPrefix(edit.before, edit.after);
  if (relative < prefix || relative === 0) return edit.offset + relative;
  const suffix = commonSuffix(edit.before, edit.after, Math.min(edit.before.length, edit.after.length) - prefix);
  const fromEnd = edit.after.length - relative;
  if (fromEnd <= suffix) return edit.offset + edit.before.length - fromEnd;
  return edit.offset + prefix;
}

/**
 * Map offsets in the output of one step back to its input. `offsets` must be sorted ascending and
 * `edits` sorted by offset (as a step records them); the result is sorted too. Linear time.
 */
export function mapOffsetsBack(offsets: readonly number[], edits: readonly Edit[]): number[] {
  const out: number[] = [];
  let e = 0;
  /** Output offset minus input offset for text before edit `e`. */
  let delta = 0;
  for (const offset of offsets) {
    for (;;) {
      const edit = edits[e];
      if (!edit) {
        out.push(offset - delta);
        break;
      }
      const outStart = edit.offset + delta;
      const outEnd = outStart + edit.after.length;
      if (offset < outStart) {
        out.push(offset - delta);
        break;
      }
      if (offset < outEnd) {
        out.push(insideEdit(edit, offset - outStart));
        break;
      }
      delta += edit.after.length - edit.before.length;
      e++;
    }
  }
  return out;
}

/** One offset in a step's output mapped back to that step's input. */
export function mapOffsetBack(offset: number, edits: readonly Edit[]): number {
  return mapOffsetsBack([offset], edits)[0]!;
}

/**
 * For every edit of every step (pipeline order; within a step by offset), the offset of the edit in
 * the original input of the first step.
 */
export function originalOffsets(steps: readonly { edits: readonly Edit[] }[]): number[][] {
  return steps.map((step, k) => {
    let offsets = step.edits.map((e) => e.offset);
    for (let j = k - 1; j >= 0; j--) offsets = mapOffsetsBack(offsets, steps[j]!.edits);
    return offsets;
  });
}

/** 1-based line and column. Columns count characters (code points), not UTF-16 units. */
export interface LineCol {
  line: number;
  col: number;
}

/**
 * Line and column of offsets in `text`. Lines end at LF, CRLF or a lone CR (as editors count them);
 * an offset inside a CRLF counts as the end of its line.
 */
export function lineColumns(text: string, offsets: readonly number[]): LineCol[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return offsets.map((offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = starts[lo]!;
    let col = 1;
    for (let i = lineStart; i < offset && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff && i > lineStart && isHighSurrogate(text.charCodeAt(i - 1))) continue;
      col++;
    }
    return { line: lo + 1, col };
  });
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
