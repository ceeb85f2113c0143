/** A word diff (`--diff=words`): changed lines with the changes marked inside them, `[-old-]{+new+}`. */
import { visible } from '../visible.js';
import { diffSequences, type DiffOp } from './myers.js';
import { LINE_DIFF_BUDGET, range, style, type DiffOptions } from './unified.js';

/**
 * Search steps a word diff spends on one changed block before it shows the block as replaced whole
 * (a few hundred milliseconds; a block that large is a rewrite, not a list of word changes).
 */
const WORD_DIFF_BUDGET = 20_000_000;

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
    // In colour the colours show the change; the markers are for plain text (as git's --word-diff=color).
    if (deleted !== '') current.text += color ? style('red', showChange(deleted), color) : `[-${showChange(deleted)}-]`;
    if (inserted !== '')
      current.text += color ? style('green', showChange(inserted), color) : `{+${showChange(inserted)}+}`;
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
