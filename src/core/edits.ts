/**
 * "Replace and record": the only way a transform changes text. A transform proposes replacements
 * against its input; `finish()` builds the output from them. Text therefore changes exactly when
 * edits were recorded, and replaying the edits on the input reproduces the output.
 */
import type { Edit, TransformResult } from './types.js';

export class EditRecorder<Rule extends string = string> {
  private readonly edits: Edit[] = [];
  private spans: readonly number[] | undefined;

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
    this.edits.push({ transform: this.transform, rule, offset, before, after, reason });
  }

  /** Edits recorded so far touch `[start, end)`? Lets a rule skip text another rule already changed. */
  overlaps(start: number, end: number): boolean {
    return this.edits.some((e) => start < e.offset + e.before.length && e.offset < end);
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
