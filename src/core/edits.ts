/**
 * "Replace and record": the only way a transform changes text. A transform proposes replacements
 * against its input; `finish()` builds the output from them. Text therefore changes exactly when
 * edits were recorded, and replaying the edits on the input reproduces the output.
 */
import type { Edit, TransformResult } from './types.js';

/** Runs of edits in offset order `overlaps` searches before it merges them into one. */
const MAX_RUNS = 8;

export class EditRecorder<Rule extends string = string> {
  private readonly edits: Edit[] = [];
  private spans: readonly number[] | undefined;
  /**
   * The edits as runs in offset order, for `overlaps`: a transform records in text order, pass after
   * pass, so each pass is one run, and a query is a binary search per run. Too many runs (edits out of
   * order) are merged into one.
   */
  private runs: Edit[][] = [];

  constructor(
    readonly input: string,
    readonly transform: string,
    /** Sorted [start, end) pairs no edit may touch (`protectedSpans`), or how to find them when first needed. */
    private readonly protect: readonly number[] | (() => readonly number[]) = [],
  ) {}

  /** `[start, end)` touches a protected span. */
  isProtected(start: number, end: number): boolean {
    const spans = (this.spans ??= typeof this.protect === 'function' ? this.protect() : this.protect);
    for (let i = 0; i < spans.length; i += 2) {
      if (spans[i]! >= end) return false;
      if (start < spans[i + 1]!) return true;
    }
    return false;
  }

  /**
   * Replace `before`, which must be found at `offset` in the input, by `after`. No-op when equal or
   * when the text is protected.
   */
  replace(offset: number, before: string, after: string, rule: Rule, reason: string): void {
    if (before === after || this.isProtected(offset, offset + Math.max(1, before.length))) return;
    if (!this.input.startsWith(before, offset)) {
      throw new Error(`${this.transform}/${rule}: edit at ${offset} does not match the input`);
    }
    const edit: Edit = { transform: this.transform, rule, offset, before, after, reason };
    this.edits.push(edit);
    const run = this.runs[this.runs.length - 1];
    if (run !== undefined && run[run.length - 1]!.offset <= offset) run.push(edit);
    else if (this.runs.length < MAX_RUNS) this.runs.push([edit]);
    else this.runs = [[...this.edits].sort((a, b) => a.offset - b.offset)];
  }

  /** Edits recorded so far touch `[start, end)`? Lets a rule skip text another rule already changed. */
  overlaps(start: number, end: number): boolean {
    for (const run of this.runs) {
      // Recorded edits do not overlap one another, so in a run sorted by offset their ends rise too:
      // find the first that ends after `start`; only it can begin before `end`.
      let low = 0;
      let high = run.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        const e = run[mid]!;
        if (e.offset + e.before.length > start) high = mid;
        else low = mid + 1;
      }
      // A zero-length edit (an insertion) at `start` ends at `start`, as the old scan read it: not touching.
      const e = run[low];
      if (e !== undefined && e.offset < end && start < e.offset + e.before.length) return true;
    }
    return false;
  }

  get count(): number {
    return this.edits.length;
  }

  finish(): TransformResult {
    const edits = [...this.edits].sort((a, b) => a.offset - b.offset);
    return { text: applyEdits(this.input, edits), edits };
  }
}

/** Apply non-overlapping edits (sorted by offset) to `input`. */
export function applyEdits(input: string, edits: readonly Edit[]): string {
  let out = '';
  let cursor = 0;
  for (const edit of edits) {
    if (edit.offset < cursor) {
      throw new Error(`${edit.transform}/${edit.rule}: overlapping edits at ${edit.offset}`);
    }
    out += input.slice(cursor, edit.offset) + edit.after;
    cursor = edit.offset + edit.before.length;
  }
  return out + input.slice(cursor);
}
