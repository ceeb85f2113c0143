/** A unified diff of lines (`--diff`, patch-compatible), and the line-change summary. */
import util from 'node:util';
import { visible } from '../visible.js';
import { diffSequences, type DiffOp } from './myers.js';

/** Search steps a line diff spends before it shows the whole text as replaced (pathological inputs only). */
export const LINE_DIFF_BUDGET = 200_000_000;

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
export function style(format: Style, text: string, color: boolean | undefined): string {
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
export function range(start: number, count: number): string {
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
