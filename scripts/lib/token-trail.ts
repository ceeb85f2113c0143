/**
 * Follow tokens of a pipeline's input through its steps: where each token ends up in the output, and
 * which edits changed it on the way. An edit's offset is into its own step's input (see `edits.ts`),
 * so a token's span is mapped step by step; a step changed the token when the token reads
 * differently afterwards (`readToken` of its span) or is no longer a whole whitespace-delimited token
 * (something was joined to it, or it was split). The edit blamed is one that overlaps the span, or,
 * when none does, one that touches its edge (the space `split-words` removes between `collec` and
 * `ting`).
 */
import type { Edit, Step } from '../../src/index.js';
import { readToken, type TokenSpan } from './metrics.js';

export interface TokenChange {
  /** Index of the step in the run. */
  step: number;
  edit: Edit;
}

export interface TokenTrail {
  token: TokenSpan;
  /** The span it maps to in the output (empty when it was deleted). */
  outStart: number;
  outEnd: number;
  /** One entry per step that changed it, in pipeline order. */
  changes: TokenChange[];
  /** It comes out as the same whole token it went in as. */
  intact: boolean;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);

/** How a span reads in a text: its token text, and whether whitespace (or the text's edge) bounds it. */
function readSpan(text: string, start: number, end: number): string {
  const left = start === 0 || isSpace(text[start - 1]);
  const right = end === text.length || isSpace(text[end]);
  return `${left ? '' : '<'}${readToken(text.slice(start, end))}${right ? '' : '>'}`;
}

/** Index of the first edit whose end (offset + before.length) is at least `p`. */
function firstEndingAtOrAfter(edits: readonly Edit[], p: number): number {
  let lo = 0;
  let hi = edits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const e = edits[mid]!;
    if (e.offset + e.before.length < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Map a span [start, end) of a step's input to its output. `shift[i]` is the output offset minus the
 * input offset for text just before edit i. Text an edit inserts at the span's start is outside it,
 * at its end outside it too; an edit reaching into the span pulls its whole `after` in.
 */
function mapSpan(edits: readonly Edit[], shift: Int32Array, start: number, end: number): [number, number] {
  const delta = (i: number) => shift[i]!;
  // Start: edits ending at or before it (insertions at it included) lie before it.
  let i = firstEndingAtOrAfter(edits, start);
  while (i < edits.length && edits[i]!.offset + edits[i]!.before.length === start) i++;
  let outStart: number;
  const e = edits[i];
  if (e && e.offset < start) outStart = e.offset + delta(i);
  else outStart = start + delta(i);
  // End: edits that end at or before it and are not insertions at it lie before it.
  let j = firstEndingAtOrAfter(edits, end);
  while (j < edits.length) {
    const f = edits[j]!;
    const fEnd = f.offset + f.before.length;
    if (fEnd === end && f.before.length > 0 && f.offset < end) j++;
    else break;
  }
  let outEnd: number;
  const f = edits[j];
  if (f && f.offset < end && f.offset + f.before.length > end) outEnd = f.offset + delta(j) + f.after.length;
  else outEnd = end + delta(j);
  return [outStart, Math.max(outStart, outEnd)];
}

/**
 * The span without whitespace at either end: an edit that pulls its whole `after` into a span may
 * bring the whitespace around the word with it (` con-⏎cerns` -> `⏎concerns`).
 */
function trim(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return [start, end];
}

/** The edit to blame for a change of the span [start, end): one overlapping it, else one at its edge. */
function blame(edits: readonly Edit[], start: number, end: number): Edit | undefined {
  let touching: Edit | undefined;
  for (let i = firstEndingAtOrAfter(edits, start); i < edits.length; i++) {
    const e = edits[i]!;
    if (e.offset > end) break;
    const eEnd = e.offset + e.before.length;
    if (eEnd < start) continue;
    const overlaps = e.before.length > 0 ? e.offset < end && eEnd > start : e.offset > start && e.offset < end;
    if (overlaps) return e;
    touching ??= e;
  }
  return touching;
}

/**
 * Where each of `tokens` (spans in `input`, sorted) goes through `steps`; `inputs[i]` is the input of
 * step i (`stepInputs`) and `output` the last step's output.
 */
export function followTokens(
  tokens: readonly TokenSpan[],
  steps: readonly Step[],
  inputs: readonly string[],
  output: string,
): TokenTrail[] {
  const input = inputs[0] ?? output;
  const trails: TokenTrail[] = tokens.map((token) => ({
    token,
    outStart: token.start,
    outEnd: token.end,
    changes: [],
    intact: true,
  }));
  const first = trails.map((t) => readSpan(input, t.outStart, t.outEnd));
  const current = first.slice();
  steps.forEach((step, s) => {
    const edits = step.edits;
    if (edits.length === 0) return;
    const text = s + 1 < inputs.length ? inputs[s + 1]! : output;
    const shift = new Int32Array(edits.length + 1);
    for (let i = 0; i < edits.length; i++) shift[i + 1] = shift[i]! + edits[i]!.after.length - edits[i]!.before.length;
    trails.forEach((trail, t) => {
      const [start, end] = trim(text, ...mapSpan(edits, shift, trail.outStart, trail.outEnd));
      // Only an edit that overlaps the span or touches its edge can change how it reads.
      const edit = blame(edits, trail.outStart, trail.outEnd);
      if (edit) {
        const reads = readSpan(text, start, end);
        if (reads !== current[t]) {
          trail.changes.push({ step: s, edit });
          current[t] = reads;
        }
      }
      trail.outStart = start;
      trail.outEnd = end;
    });
  });
  trails.forEach((trail, t) => {
    trail.intact = current[t] === first[t];
  });
  return trails;
}
