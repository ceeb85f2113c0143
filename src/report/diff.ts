/**
 * `--diff`: what cleaning changed, as a unified diff of lines (`lines`, patch-compatible) or of words
 * (`words`: changes marked inline as `[-old-]{+new+}`). Pure; colour is asked for by the caller.
 *
 * The differ is Myers' O(ND) algorithm in its linear-space form ("An O(ND) Difference Algorithm and
 * Its Variations", 1986, section 4b): the middle snake splits the problem in two until one side is
 * empty; common prefixes and suffixes are stripped first. Time O((N+M)·D), memory O(N+M). Line diffs
 * first match lines unique to both sides (as `git diff --patience` does), which keeps a removed heading
 * from being paired with an unrelated line; word diffs diff the words of each changed block of lines.
 * A search that runs over its budget reports the block as replaced whole: coarse, still correct.
 */
import util from 'node:util';
import { visible } from './visible.js';

export const DIFF_MODES = ['lines', 'words'] as const;
export type DiffMode = (typeof DIFF_MODES)[number];

/** Search steps a line diff spends before it shows the whole text as replaced (pathological inputs only). */
const LINE_DIFF_BUDGET = 200_000_000;

/**
 * Search steps a word diff spends on one changed block before it shows the block as replaced whole
 * (a few hundred milliseconds; a block that large is a rewrite, not a list of word changes).
 */
const WORD_DIFF_BUDGET = 20_000_000;

/** A run of the edit script: `n` tokens equal, deleted from `a` or inserted from `b`. */
export interface DiffOp {
  type: 'equal' | 'delete' | 'insert';
  /** Index of the run's first token in `a` (for `insert`: where it goes). */
  a: number;
  /** Index of the run's first token in `b` (for `delete`: where it was). */
  b: number;
  n: number;
}

/** The shortest edit script turning `a` into `b` (tokens compared with `===`). */
export interface SequenceDiffOptions {
  /** Match tokens unique to both sides first (patience-style anchors), then diff the gaps. */
  anchor?: boolean;
  /**
   * Give up on a shortest script after this many steps of the search, and report the whole of `a`
   * deleted and the whole of `b` inserted instead (still correct, only coarse). Default: no limit.
   */
  budget?: number;
}

/** Thrown inside `diffSequences` when the budget is spent. */
class OverBudget extends Error {}

export function diffSequences<T>(a: readonly T[], b: readonly T[], options: SequenceDiffOptions = {}): DiffOp[] {
  // Intern tokens as integers: comparisons in the inner loops are then cheap.
  const ids = new Map<T, number>();
  const intern = (xs: readonly T[]) =>
    Int32Array.from(xs, (x) => {
      let id = ids.get(x);
      if (id === undefined) ids.set(x, (id = ids.size));
      return id;
    });
  const A = intern(a);
  const B = intern(b);
  const ops: DiffOp[] = [];
  const push = (type: DiffOp['type'], ai: number, bi: number, n: number) => {
    if (n === 0) return;
    const last = ops[ops.length - 1];
    if (
      last?.type === type &&
      last.a + (type === 'insert' ? 0 : last.n) === ai &&
      last.b + (type === 'delete' ? 0 : last.n) === bi
    ) {
      last.n += n;
      return;
    }
    ops.push({ type, a: ai, b: bi, n });
  };
  const size = 2 * (A.length + B.length) + 4;
  const budget = options.budget ?? Infinity;
  let work = 0;
  const forward = new Int32Array(2 * size + 1);
  const backward = new Int32Array(2 * size + 1);

  /** Diff A[aLo, aHi) against B[bLo, bHi), appending to `ops` in order. */
  const compare = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    let prefix = 0;
    while (aLo + prefix < aHi && bLo + prefix < bHi && A[aLo + prefix] === B[bLo + prefix]) prefix++;
    push('equal', aLo, bLo, prefix);
    aLo += prefix;
    bLo += prefix;
    let suffix = 0;
    while (aHi - suffix > aLo && bHi - suffix > bLo && A[aHi - 1 - suffix] === B[bHi - 1 - suffix]) suffix++;
    aHi -= suffix;
    bHi -= suffix;
    if (aLo === aHi) push('insert', aLo, bLo, bHi - bLo);
    else if (bLo === bHi) push('delete', aLo, bLo, aHi - aLo);
    else {
      const [x, y, u, v] = middleSnake(aLo, aHi, bLo, bHi);
      compare(aLo, x, bLo, y);
      push('equal', x, y, u - x);
      compare(u, aHi, v, bHi);
    }
    push('equal', aHi, bHi, suffix);
  };

  /**
   * The middle snake of an optimal path from (aLo, bLo) to (aHi, bHi): found where the forward and
   * the backward searches meet. Both sides are non-empty and differ at both ends, so D >= 2 and each
   * half has fewer differences than the whole.
   */
  const middleSnake = (aLo: number, aHi: number, bLo: number, bHi: number): [number, number, number, number] => {
    const n = aHi - aLo;
    const m = bHi - bLo;
    const delta = n - m;
    const odd = (delta & 1) !== 0;
    const max = Math.ceil((n + m) / 2);
    // forward[size + k]: furthest x on diagonal k (x - y) going forward, relative to (aLo, bLo);
    // backward[size + k]: smallest x on diagonal k going backward from (n, m).
    forward[size + 1] = 0;
    backward[size + delta - 1] = n;
    for (let d = 0; d <= max; d++) {
      work += 2 * d + 1;
      if (work > budget) throw new OverBudget();
      for (let k = -d; k <= d; k += 2) {
        let x =
          k === -d || (k !== d && forward[size + k - 1]! < forward[size + k + 1]!)
            ? forward[size + k + 1]!
            : forward[size + k - 1]! + 1;
        let y = x - k;
        const x0 = x;
        const y0 = y;
        while (x < n && y < m && A[aLo + x] === B[bLo + y]) {
          x++;
          y++;
        }
        forward[size + k] = x;
        if (odd && k >= delta - (d - 1) && k <= delta + (d - 1) && x >= backward[size + k]!) {
          return [aLo + x0, bLo + y0, aLo + x, bLo + y];
        }
      }
      for (let k = delta - d; k <= delta + d; k += 2) {
        let x =
          k === delta + d || (k !== delta - d && backward[size + k + 1]! - 1 >= backward[size + k - 1]!)
            ? backward[size + k - 1]!
            : backward[size + k + 1]! - 1;
        let y = x - k;
        const x0 = x;
        const y0 = y;
        while (x > 0 && y > 0 && A[aLo + x - 1] === B[bLo + y - 1]) {
          x--;
          y--;
        }
        backward[size + k] = x;
        if (!odd && k >= -d && k <= d && x <= forward[size + k]!) {
          return [aLo + x, bLo + y, aLo + x0, bLo + y0];
        }
      }
    }
    throw new Error('diff: no middle snake'); // unreachable: the searches always meet by d = ceil((n+m)/2)
  };

  /**
   * Patience-style anchoring: tokens that occur once in each side, in the same order (the longest
   * increasing run of their positions), are matched first and Myers diffs the gaps between them. For
   * lines this keeps a diff from pairing a removed heading with an unrelated line around blank ones.
   */
  const anchored = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    const count = new Map<number, number>();
    for (let i = aLo; i < aHi; i++) count.set(A[i]!, (count.get(A[i]!) ?? 0) + 1);
    const inB = new Map<number, number>();
    for (let j = bLo; j < bHi; j++) {
      const c = count.get(B[j]!);
      if (c === 1) inB.set(B[j]!, inB.has(B[j]!) ? -1 : j);
    }
    const pairs: [number, number][] = [];
    for (let i = aLo; i < aHi; i++) {
      const j = inB.get(A[i]!);
      if (j !== undefined && j >= 0 && count.get(A[i]!) === 1) pairs.push([i, j]);
    }
    const anchors = longestIncreasing(pairs);
    if (anchors.length === 0) return compare(aLo, aHi, bLo, bHi);
    let ai = aLo;
    let bi = bLo;
    for (const [i, j] of anchors) {
      compare(ai, i, bi, j);
      push('equal', i, j, 1);
      ai = i + 1;
      bi = j + 1;
    }
    compare(ai, aHi, bi, bHi);
  };

  try {
    if (options.anchor) anchored(0, A.length, 0, B.length);
    else compare(0, A.length, 0, B.length);
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    return [
      ...(A.length > 0 ? [{ type: 'delete' as const, a: 0, b: 0, n: A.length }] : []),
      ...(B.length > 0 ? [{ type: 'insert' as const, a: A.length, b: 0, n: B.length }] : []),
    ];
  }
  return ops;
}

/** The longest subsequence of `pairs` (sorted by their first number) whose second numbers increase. */
function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = []; // tails[k]: index in pairs of the smallest end of an increasing run of length k + 1
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let p = 0; p < pairs.length; p++) {
    const value = pairs[p]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[p] = tails[lo - 1]!;
    tails[lo] = p;
  }
  const result: [number, number][] = [];
  for (let p = tails.length > 0 ? tails[tails.length - 1]! : -1; p >= 0; p = previous[p]!) result.push(pairs[p]!);
  return result.reverse();
}

export interface DiffOptions {
  /** Names for the `---` and `+++` lines. */
  from: string;
  to: string;
  /** Lines of context around each change; default 3. */
  context?: number;
  /** ANSI colours (util.styleText) and visible invisible characters in changed text. */
  color?: boolean;
}

type Style = 'red' | 'green' | 'cyan' | 'bold';
function style(format: Style, text: string, color: boolean | undefined): string {
  if (!color || typeof util.styleText !== 'function') return text; // styleText: Node 20.12+
  return util.styleText(format, text, { validateStream: false });
}

interface Lines {
  lines: string[];
  /** The last line has no line break. */
  noFinalNewline: boolean;
}

function splitText(text: string): Lines {
  if (text === '') return { lines: [], noFinalNewline: false };
  const lines = text.split('\n');
  const noFinalNewline = lines[lines.length - 1] !== '';
  if (!noFinalNewline) lines.pop();
  return { lines, noFinalNewline };
}

/** `@@` range: GNU style (`,1` left out; an empty range names the line before it). */
function range(start: number, count: number): string {
  if (count === 1) return `${start + 1}`;
  return `${count === 0 ? start : start + 1},${count}`;
}

interface Hunk {
  /** Indexes of the first and last op of the hunk (ops between are all shown). */
  first: number;
  last: number;
}

/** Group changes with `context` equal tokens around them; changes closer than 2·context share a hunk. */
function hunks(ops: readonly DiffOp[], context: number): Hunk[] {
  const result: Hunk[] = [];
  ops.forEach((op, i) => {
    if (op.type === 'equal') return;
    const last = result[result.length - 1];
    if (last && ops.slice(last.last + 1, i).every((o) => o.type !== 'equal' || o.n <= 2 * context)) last.last = i;
    else result.push({ first: i, last: i });
  });
  return result;
}

/** A unified diff of the lines of `a` and `b`; empty when they are equal. */
export function unifiedDiff(a: string, b: string, options: DiffOptions): string {
  const context = options.context ?? 3;
  const color = options.color;
  const la = splitText(a);
  const lb = splitText(b);
  // The last line without a line break differs from the same text with one.
  const key = (l: Lines) => (line: string, i: number) =>
    l.noFinalNewline && i === l.lines.length - 1 ? `${line}\u0000` : line;
  const ops = diffSequences(la.lines.map(key(la)), lb.lines.map(key(lb)), { anchor: true, budget: LINE_DIFF_BUDGET });
  const groups = hunks(ops, context);
  if (groups.length === 0) return '';
  const out: string[] = [style('bold', `--- ${options.from}`, color), style('bold', `+++ ${options.to}`, color)];
  const show = (text: string) => (color ? visible(text) : text);
  const line = (l: Lines, i: number, sign: string, fmt?: Style) => {
    const text = `${sign}${sign === ' ' ? l.lines[i]! : show(l.lines[i]!)}`;
    out.push(fmt ? style(fmt, text, color) : text);
    if (l.noFinalNewline && i === l.lines.length - 1) out.push('\\ No newline at end of file');
  };
  for (const { first, last } of groups) {
    const firstOp = ops[first]!;
    const lastOp = ops[last]!;
    const lead = Math.min(context, first > 0 ? ops[first - 1]!.n : 0);
    const trail = Math.min(context, last + 1 < ops.length ? ops[last + 1]!.n : 0);
    const aStart = firstOp.a - lead;
    const bStart = firstOp.b - lead;
    const aEnd = (lastOp.type === 'insert' ? lastOp.a : lastOp.a + lastOp.n) + trail;
    const bEnd = (lastOp.type === 'delete' ? lastOp.b : lastOp.b + lastOp.n) + trail;
    out.push(style('cyan', `@@ -${range(aStart, aEnd - aStart)} +${range(bStart, bEnd - bStart)} @@`, color));
    for (let i = aStart; i < firstOp.a; i++) line(la, i, ' ');
    // Between equal runs, all deletions come before all insertions.
    let i = first;
    while (i <= last) {
      const op = ops[i]!;
      if (op.type === 'equal') {
        for (let k = 0; k < op.n; k++) line(la, op.a + k, ' ');
        i++;
        continue;
      }
      let j = i;
      while (j <= last && ops[j]!.type !== 'equal') j++;
      for (const o of ops.slice(i, j))
        if (o.type === 'delete') for (let k = 0; k < o.n; k++) line(la, o.a + k, '-', 'red');
      for (const o of ops.slice(i, j))
        if (o.type === 'insert') for (let k = 0; k < o.n; k++) line(lb, o.b + k, '+', 'green');
      i = j;
    }
    const after = lastOp.type === 'insert' ? lastOp.a : lastOp.a + lastOp.n;
    for (let k = after; k < after + trail; k++) line(la, k, ' ');
  }
  return `${out.join('\n')}\n`;
}

/** Words, numbers, single punctuation marks, runs of spaces, and each line break on its own. */
const TOKEN = /\n|\r|[^\S\r\n]+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Lines with their line break (the last one may have none). */
const linesWithBreaks = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/**
 * The word-level edit script as runs of text: lines are diffed first (with anchors), then the words
 * of each changed block of lines. Like git's word diff, this keeps the cost to the changed blocks.
 */
function wordPieces(a: string, b: string): { type: DiffOp['type']; text: string }[] {
  const la = linesWithBreaks(a);
  const lb = linesWithBreaks(b);
  const lineOps = diffSequences(la, lb, { anchor: true, budget: LINE_DIFF_BUDGET });
  const pieces: { type: DiffOp['type']; text: string }[] = [];
  let k = 0;
  while (k < lineOps.length) {
    const op = lineOps[k]!;
    if (op.type === 'equal') {
      pieces.push({ type: 'equal', text: la.slice(op.a, op.a + op.n).join('') });
      k++;
      continue;
    }
    let deleted = '';
    let inserted = '';
    for (; k < lineOps.length && lineOps[k]!.type !== 'equal'; k++) {
      const o = lineOps[k]!;
      if (o.type === 'delete') deleted += la.slice(o.a, o.a + o.n).join('');
      else inserted += lb.slice(o.b, o.b + o.n).join('');
    }
    const ta = tokenize(deleted);
    const tb = tokenize(inserted);
    for (const o of diffSequences(ta, tb, { budget: WORD_DIFF_BUDGET })) {
      const tokens = o.type === 'insert' ? tb.slice(o.b, o.b + o.n) : ta.slice(o.a, o.a + o.n);
      pieces.push({ type: o.type, text: tokens.join('') });
    }
  }
  return pieces;
}

/** Changed text made readable inline: line breaks as `↵`, other invisible characters named. */
const showChange = (text: string): string => visible(text.replace(/\n/g, '↵'));

/**
 * A word-level diff: the lines of the merged text, with deletions as `[-old-]` and insertions as
 * `{+new+}`, in hunks of changed lines with context. A line break only starts a new line where both
 * texts have it; changed ones show as `↵`.
 */
export function wordDiff(a: string, b: string, options: DiffOptions): string {
  const context = options.context ?? 3;
  const color = options.color;
  const pieces = wordPieces(a, b);
  interface MergedLine {
    text: string;
    changed: boolean;
    /** Lines of `a` and `b` the merged line covers. */
    aLines: number;
    bLines: number;
  }
  const lines: MergedLine[] = [];
  let current: MergedLine = { text: '', changed: false, aLines: 1, bLines: 1 };
  let k = 0;
  while (k < pieces.length) {
    const piece = pieces[k]!;
    if (piece.type === 'equal') {
      const parts = piece.text.split('\n');
      current.text += parts[0];
      for (const part of parts.slice(1)) {
        lines.push(current);
        current = { text: part, changed: false, aLines: 1, bLines: 1 };
      }
      k++;
      continue;
    }
    let deleted = '';
    let inserted = '';
    for (; k < pieces.length && pieces[k]!.type !== 'equal'; k++) {
      if (pieces[k]!.type === 'delete') deleted += pieces[k]!.text;
      else inserted += pieces[k]!.text;
    }
    if (deleted !== '') current.text += style('red', `[-${showChange(deleted)}-]`, color);
    if (inserted !== '') current.text += style('green', `{+${showChange(inserted)}+}`, color);
    current.aLines += deleted.split('\n').length - 1;
    current.bLines += inserted.split('\n').length - 1;
    current.changed = true;
  }
  if (current.text !== '' || current.changed) lines.push(current);
  if (!lines.some((l) => l.changed)) return '';
  const out: string[] = [style('bold', `--- ${options.from}`, color), style('bold', `+++ ${options.to}`, color)];
  // Start line (0-based) of each merged line in a and in b.
  const aAt: number[] = [];
  const bAt: number[] = [];
  let aLine = 0;
  let bLine = 0;
  for (const l of lines) {
    aAt.push(aLine);
    bAt.push(bLine);
    aLine += l.aLines;
    bLine += l.bLines;
  }
  let i = 0;
  while (i < lines.length) {
    if (!lines[i]!.changed) {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i; // last changed line of the hunk
    for (let j = i + 1; j < lines.length && j <= end + 2 * context + 1; j++) if (lines[j]!.changed) end = j;
    const stop = Math.min(lines.length - 1, end + context);
    const aCount = aAt[stop]! + lines[stop]!.aLines - aAt[start]!;
    const bCount = bAt[stop]! + lines[stop]!.bLines - bAt[start]!;
    out.push(style('cyan', `@@ -${range(aAt[start]!, aCount)} +${range(bAt[start]!, bCount)} @@`, color));
    for (let j = start; j <= stop; j++) out.push(lines[j]!.text);
    i = stop + 1;
  }
  return `${out.join('\n')}\n`;
}

/** The diff of `a` and `b` in `mode`. */
export function diff(a: string, b: string, mode: DiffMode, options: DiffOptions): string {
  return mode === 'words' ? wordDiff(a, b, options) : unifiedDiff(a, b, options);
}

/** Lines deleted and inserted between `a` and `b` (a line-diff count, for summaries). */
export function lineChanges(a: string, b: string): { deleted: number; inserted: number } {
  const la = splitText(a);
  const lb = splitText(b);
  let deleted = 0;
  let inserted = 0;
  for (const op of diffSequences(la.lines, lb.lines, { anchor: true, budget: LINE_DIFF_BUDGET })) {
    if (op.type === 'delete') deleted += op.n;
    if (op.type === 'insert') inserted += op.n;
  }
  return { deleted, inserted };
}
