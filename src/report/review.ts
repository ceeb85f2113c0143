/**
 * `--review FILE.html`: one self-contained page to see a batch at a glance. Pure: a function of each
 * file's input, result and quality signals; the caller writes the page.
 *
 * Two halves, so that a batch's main thread never holds a file's text:
 * - `reviewFile` runs where the file was cleaned (a worker): the file's row (non-word share before and
 *   after, edits, lines removed, encoding, preset), its edits counted by rule, a seeded sample of its
 *   edits per rule, and its word diff (a bounded list of hunks, each change marked with the edits that
 *   made it; removed furniture apart). All plain data, to cross between threads.
 * - `ReviewCollector` runs in the main thread and takes the files in input order: it keeps every row,
 *   the counts, the `SAMPLES_PER_RULE` sampled edits of each rule (the edits with the smallest seeded
 *   hash, a choice that depends neither on the order files come in nor on how they were split among
 *   workers) and the details of the `DETAIL_FILES` worst files. `renderReview` makes the page.
 *
 * Nothing in the page depends on the time, the machine or the number of workers: the same inputs give
 * the same file.
 */
import type { CleanResult } from '../core/clean.js';
import { TRANSFORMS, TRANSFORM_IDS } from '../transforms/index.js';
import { diffSequences } from './diff/myers.js';
import { explainEdits } from './explain.js';
import { REVIEW_SCRIPT, REVIEW_STYLE } from './review-page.js';
import type { Stats } from './stats.js';

/** Sampled edits shown per rule: enough to see what a rule does, few enough to read. */
export const SAMPLES_PER_RULE = 5;
/** Files whose word diff the page holds (the worst ones): bounds the page for any batch size. */
export const DETAIL_FILES = 100;
/** Hunks of one file's diff kept in the page; the rest are counted. */
export const HUNKS_PER_FILE = 80;
/** Changes in one hunk at most (on damaged OCR, changes a line apart would make the whole page one hunk). */
const CHANGES_PER_HUNK = 8;
/** Removed lines of furniture of one file kept in the page. */
export const FURNITURE_LINES = 100;
/** Characters of context on each side of a change (diff hunks and sampled edits). */
const CONTEXT = 40;
/** Search steps the word diff of one file may take before it shows the file as replaced whole. */
const DIFF_BUDGET = 5_000_000;
/** The seed of the edit sample: fixed, so that a report can be made again. */
const SAMPLE_SEED = 'clean-article review';
/** Transforms that remove page furniture (their removed lines are shown apart from the diff). */
const FURNITURE = new Set(TRANSFORMS.filter((t) => t.stage === 'furniture').map((t) => t.id));

/** One row of the table of files. */
export interface ReviewRow {
  file: string;
  output: string | null;
  status: 'ok' | 'skipped' | 'failed';
  error?: string;
  warning?: string;
  preset: string | null;
  presetReason: string | null;
  encoding: string | null;
  encodingReason: string | null;
  /** With `--provenance`: the SHA-256 of the input's bytes. */
  inputSha256?: string;
  /** Share of non-words before and after cleaning (see `stats.ts`); null when not cleaned. */
  before: number | null;
  after: number | null;
  edits: number;
  linesRemoved: number;
  /** The quality signal got worse: more non-words after cleaning than before. */
  worse: boolean;
}

/** An edit as the page shows it. */
export interface ReviewEdit {
  transform: string;
  rule: string;
  reason: string;
  before: string;
  after: string;
  line: number;
  col: number;
}

/** A sampled edit, with its context in the input. */
export interface ReviewSample extends ReviewEdit {
  file: string;
  pre: string;
  post: string;
  /** The seeded hash that chose it (smallest first). */
  key: number;
}

/** A piece of a hunk: equal text, or a change (deleted and inserted text, the edits that made it). */
export type HunkPiece = { text: string } | { del: string; ins: string; edits: number[] };

export interface ReviewDetail {
  /** The edits the hunks and the furniture list refer to (by index), not every edit of the file. */
  edits: ReviewEdit[];
  hunks: { line: number; pieces: HunkPiece[] }[];
  /** Hunks left out of the page (over `HUNKS_PER_FILE`). */
  moreHunks: number;
  /** Removed lines of furniture: the index of the edit that removed each. */
  furniture: number[];
  /** Removed lines left out of the page (over `FURNITURE_LINES`). */
  moreFurniture: number;
  /** Edits that only moved line breaks or spaces (reflow): not shown in the diff. */
  layout: number;
}

/** What `reviewFile` gives for one cleaned file. */
export interface FileReview {
  row: ReviewRow;
  byRule: Record<string, number>;
  samples: ReviewSample[];
  detail: ReviewDetail;
}

/** FNV-1a, 32 bits: a cheap, stable hash for the seeded sample. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ');
/** A changed piece: on one line, and white space alone shown as `␣` (else it could not be seen). */
const shownChange = (text: string): string => (text !== '' && text.trim() === '' ? '␣' : oneLine(text));

/** Words, numbers, single marks, and runs of white space (line breaks included) as one token. */
const TOKEN = /\s+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

interface Change {
  /** Where the change starts and ends in the input (characters). */
  start: number;
  end: number;
  /** Where its replacement starts and ends in the cleaned text. */
  bStart: number;
  bEnd: number;
  del: string;
  ins: string;
  edits: number[];
}

const offsetsOf = (tokens: readonly string[]): number[] => {
  const at = [0];
  for (const t of tokens) at.push(at[at.length - 1]! + t.length);
  return at;
};

/**
 * The word changes from `a` to `b`, white space compared as one space (so reflowed lines are equal).
 * Changes only white space apart are one change (`collec ting` -> `collecting`, not two), and a
 * change of white space alone is no change.
 */
function wordChanges(a: string, b: string): Change[] {
  const ta = a.match(TOKEN) ?? [];
  const tb = b.match(TOKEN) ?? [];
  const key = (t: string) => (/^\s/.test(t) ? ' ' : t);
  const ops = diffSequences(ta.map(key), tb.map(key), { anchor: true, budget: DIFF_BUDGET });
  const atA = offsetsOf(ta);
  const atB = offsetsOf(tb);
  const changes: Change[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.type === 'equal') {
      k++;
      continue;
    }
    const first = ops[k]!;
    let end = atA[first.a]!;
    let bEnd = atB[first.b]!;
    for (; k < ops.length && ops[k]!.type !== 'equal'; k++) {
      const o = ops[k]!;
      if (o.type === 'delete') end = atA[o.a + o.n]!;
      else bEnd = atB[o.b + o.n]!;
    }
    const change = { start: atA[first.a]!, end, bStart: atB[first.b]!, bEnd, del: '', ins: '', edits: [] };
    const last = changes[changes.length - 1];
    if (last && a.slice(last.end, change.start).trim() === '' && b.slice(last.bEnd, change.bStart).trim() === '') {
      last.end = change.end;
      last.bEnd = change.bEnd;
    } else changes.push(change);
  }
  const kept: Change[] = [];
  const space = (text: string, at: number) => at >= 0 && at < text.length && /\s/.test(text[at]!);
  for (const c of changes) {
    // White space at both ends of both sides is context, not change.
    while (c.end > c.start && c.bEnd > c.bStart && space(a, c.end - 1) && space(b, c.bEnd - 1))
      [c.end, c.bEnd] = [c.end - 1, c.bEnd - 1];
    while (c.end > c.start && c.bEnd > c.bStart && space(a, c.start) && space(b, c.bStart))
      [c.start, c.bStart] = [c.start + 1, c.bStart + 1];
    c.del = a.slice(c.start, c.end);
    c.ins = b.slice(c.bStart, c.bEnd);
    // White space changed to other white space is reflow; white space removed or added inside the
    // text joins or splits words (`ISIL .` -> `ISIL.`), which is a change.
    const inside = c.start > 0 && c.end < a.length && c.bStart > 0 && c.bEnd < b.length;
    if ((c.del + c.ins).trim() !== '' || (inside && (c.del === '' || c.ins === ''))) kept.push(c);
  }
  return kept;
}

/** The index of the change holding `offset` (or next to it, within a few characters), or -1. */
function changeAt(changes: readonly Change[], offset: number, length: number): number {
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (changes[mid]!.end < offset) lo = mid + 1;
    else hi = mid;
  }
  // The first change ending at or after the offset; the one before may be nearer.
  let best = -1;
  let distance = Infinity;
  for (const i of [lo - 1, lo]) {
    const c = changes[i];
    if (!c) continue;
    const d = offset + length < c.start ? c.start - (offset + length) : offset > c.end ? offset - c.end : 0;
    if (d < distance) [best, distance] = [i, d];
  }
  return distance <= 2 ? best : -1;
}

function lineOf(text: string, offset: number, from: { offset: number; line: number }): number {
  let line = from.line;
  for (let i = from.offset; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  from.offset = offset;
  from.line = line;
  return line;
}

/** The review data of one cleaned file (`stats` from `computeStats` on the same run). */
export function reviewFile(
  file: string,
  output: string | null,
  input: string,
  decoded: { encoding: string; reason: string; warning?: string; sha256?: string },
  result: Pick<CleanResult, 'steps' | 'text' | 'source'>,
  stats: Stats,
): FileReview {
  const explained = explainEdits(input, result.steps);
  const edits: ReviewEdit[] = explained.map((e) => ({
    transform: e.transform,
    rule: e.rule,
    reason: e.reason,
    before: e.before,
    after: e.after,
    line: e.line,
    col: e.col,
  }));
  const byRule: Record<string, number> = {};
  const best = new Map<string, ReviewSample[]>();
  explained.forEach((e, i) => {
    const rule = `${e.transform}/${e.rule}`;
    byRule[rule] = (byRule[rule] ?? 0) + 1;
    const key = hash(`${SAMPLE_SEED}\0${file}\0${i}`);
    const kept = best.get(rule) ?? [];
    if (kept.length === SAMPLES_PER_RULE && key >= kept[kept.length - 1]!.key) return;
    const sample: ReviewSample = {
      ...edits[i]!,
      file,
      pre: oneLine(input.slice(Math.max(0, e.offset - CONTEXT), e.offset)),
      post: oneLine(input.slice(e.offset + e.before.length, e.offset + e.before.length + CONTEXT)),
      key,
    };
    kept.push(sample);
    kept.sort((x, y) => x.key - y.key);
    if (kept.length > SAMPLES_PER_RULE) kept.pop();
    best.set(rule, kept);
  });

  // The diff is of the input and the cleaned text (the text the formats render).
  const normalised = input.replace(/\r\n?/g, '\n');
  const changes = wordChanges(normalised, result.text);
  const furniture: number[] = [];
  let layout = 0;
  // Offsets of edits are into the input as given; each CR of a CRLF is not in the normalised text.
  const crs: number[] = [];
  if (normalised.length !== input.length) {
    for (let at = input.indexOf('\r\n'); at >= 0; at = input.indexOf('\r\n', at + 2)) crs.push(at);
  }
  const normalisedOffset = (offset: number): number => {
    let lo = 0;
    let hi = crs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (crs[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
  explained.forEach((e, i) => {
    if (FURNITURE.has(e.transform) && e.before.trim() !== '' && e.after.trim() === '') furniture.push(i);
    const offset = normalisedOffset(e.offset);
    // An edit of white space into white space (a line joined, a paragraph break) is reflow, which the
    // diff ignores.
    const reflow = e.before.trim() === '' && e.after.trim() === '' && e.before !== '' && e.after !== '';
    const c = reflow ? -1 : changeAt(changes, offset, e.before.length);
    if (c >= 0) changes[c]!.edits.push(i);
    else if (!FURNITURE.has(e.transform) || reflow) layout++;
  });
  // A change that only removes text, furniture among it, is the furniture (listed apart).
  const isFurniture = (c: Change) => c.ins.trim() === '' && c.edits.some((i) => FURNITURE.has(edits[i]!.transform));
  const shown = changes.filter((c) => !isFurniture(c));

  const hunks: ReviewDetail['hunks'] = [];
  const where = { offset: 0, line: 1 };
  let i = 0;
  while (i < shown.length && hunks.length < HUNKS_PER_FILE) {
    let j = i;
    while (j + 1 < shown.length && j - i + 1 < CHANGES_PER_HUNK && shown[j + 1]!.start - shown[j]!.end <= 2 * CONTEXT)
      j++;
    const first = shown[i]!;
    const pieces: HunkPiece[] = [];
    const lead = normalised.slice(Math.max(0, first.start - CONTEXT), first.start);
    pieces.push({ text: (first.start > CONTEXT ? '…' : '') + oneLine(lead) });
    for (let k = i; k <= j; k++) {
      const c = shown[k]!;
      if (k > i) pieces.push({ text: oneLine(normalised.slice(shown[k - 1]!.end, c.start)) });
      pieces.push({ del: shownChange(c.del), ins: shownChange(c.ins), edits: c.edits });
    }
    const last = shown[j]!;
    const tail = normalised.slice(last.end, last.end + CONTEXT);
    pieces.push({ text: oneLine(tail) + (last.end + CONTEXT < normalised.length ? '…' : '') });
    hunks.push({ line: lineOf(normalised, first.start, where), pieces });
    i = j + 1;
  }
  let moreHunks = 0;
  for (; i < shown.length; i++) {
    let j = i;
    while (j + 1 < shown.length && j - i + 1 < CHANGES_PER_HUNK && shown[j + 1]!.start - shown[j]!.end <= 2 * CONTEXT)
      j++;
    moreHunks++;
    i = j;
  }
  // The page keeps only the edits it shows (a page of historic OCR has thousands): renumbered.
  const kept = new Map<number, number>();
  const keep = (k: number): number => {
    let n = kept.get(k);
    if (n === undefined) kept.set(k, (n = kept.size));
    return n;
  };
  for (const hunk of hunks) for (const piece of hunk.pieces) if ('edits' in piece) piece.edits = piece.edits.map(keep);
  const furnitureShown = furniture.slice(0, FURNITURE_LINES).map(keep);
  const keptEdits: ReviewEdit[] = [];
  for (const [k, n] of kept) keptEdits[n] = edits[k]!;

  const row: ReviewRow = {
    file,
    output,
    status: 'ok',
    ...(decoded.warning !== undefined && { warning: decoded.warning }),
    preset: result.source?.preset ?? null,
    presetReason: result.source?.reason ?? null,
    encoding: decoded.encoding,
    encodingReason: decoded.reason,
    ...(decoded.sha256 !== undefined && { inputSha256: decoded.sha256 }),
    before: stats.nonWordShare.before,
    after: stats.nonWordShare.after,
    edits: explained.length,
    linesRemoved: stats.linesRemoved,
    worse: stats.nonWordShare.after > stats.nonWordShare.before,
  };
  return {
    row,
    byRule,
    samples: [...best.values()].flat(),
    detail: {
      edits: keptEdits,
      hunks,
      moreHunks,
      furniture: furnitureShown,
      moreFurniture: furniture.length - furnitureShown.length,
      layout,
    },
  };
}

/** A file that was not cleaned (failed or skipped): a row and nothing else. */
export function unreviewedRow(
  file: string,
  output: string | null,
  status: 'skipped' | 'failed',
  error?: string,
): ReviewRow {
  return {
    file,
    output,
    status,
    ...(error !== undefined && { error }),
    preset: null,
    presetReason: null,
    encoding: null,
    encodingReason: null,
    before: null,
    after: null,
    edits: 0,
    linesRemoved: 0,
    worse: false,
  };
}

const STATUS_RANK = { failed: 0, ok: 1, skipped: 2 } as const;

/**
 * Worst first: failed files, then files whose non-word share rose (most first), then by the share
 * left after cleaning, then by edits; input order breaks ties, so the order is total.
 */
export function compareRows(a: ReviewRow & { index: number }, b: ReviewRow & { index: number }): number {
  const change = (r: ReviewRow) => (r.after ?? 0) - (r.before ?? 0);
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    Number(b.worse) - Number(a.worse) ||
    (a.worse && b.worse ? change(b) - change(a) : 0) ||
    (b.after ?? 0) - (a.after ?? 0) ||
    b.edits - a.edits ||
    a.index - b.index
  );
}

export interface ReviewData {
  title: string;
  /** The tool and its version, for the page's footer. */
  tool: string;
  rows: (ReviewRow & { index: number })[];
  byRule: Record<string, number>;
  samples: Record<string, ReviewSample[]>;
  /** Details of the worst files, by row index. */
  details: Record<number, ReviewDetail>;
}

/** Gathers the files of a run in input order (main thread), keeping the page bounded. */
export class ReviewCollector {
  private readonly rows: (ReviewRow & { index: number })[] = [];
  private readonly byRule = new Map<string, number>();
  private readonly samples = new Map<string, ReviewSample[]>();
  /** The worst `DETAIL_FILES` files so far, worst first. */
  private readonly worst: { row: ReviewRow & { index: number }; detail: ReviewDetail }[] = [];

  constructor(
    /** What the run was given (its inputs), shown under the heading. */
    private readonly title: string,
    private readonly tool: string,
  ) {}

  add(review: FileReview | ReviewRow): void {
    const isReview = 'row' in review;
    const row = { ...(isReview ? review.row : review), index: this.rows.length };
    this.rows.push(row);
    if (!isReview) return;
    for (const [rule, n] of Object.entries(review.byRule)) this.byRule.set(rule, (this.byRule.get(rule) ?? 0) + n);
    for (const sample of review.samples) {
      const rule = `${sample.transform}/${sample.rule}`;
      const kept = this.samples.get(rule) ?? [];
      // Ties of the hash go to the earlier file: the order files are added in is the input order.
      if (kept.length === SAMPLES_PER_RULE && sample.key >= kept[kept.length - 1]!.key) continue;
      kept.push(sample);
      kept.sort((x, y) => x.key - y.key);
      if (kept.length > SAMPLES_PER_RULE) kept.pop();
      this.samples.set(rule, kept);
    }
    const at = this.worst.findIndex((w) => compareRows(row, w.row) < 0);
    if (at < 0 && this.worst.length >= DETAIL_FILES) return;
    this.worst.splice(at < 0 ? this.worst.length : at, 0, { row, detail: review.detail });
    if (this.worst.length > DETAIL_FILES) this.worst.pop();
  }

  data(): ReviewData {
    const rules = [...this.byRule.keys()].sort((a, b) => {
      const ta = TRANSFORM_IDS.indexOf(a.split('/')[0]!);
      const tb = TRANSFORM_IDS.indexOf(b.split('/')[0]!);
      return ta - tb || this.byRule.get(b)! - this.byRule.get(a)! || (a < b ? -1 : 1);
    });
    return {
      title: this.title,
      tool: this.tool,
      rows: [...this.rows].sort(compareRows),
      byRule: Object.fromEntries(rules.map((r) => [r, this.byRule.get(r)!])),
      samples: Object.fromEntries(rules.map((r) => [r, this.samples.get(r) ?? []])),
      details: Object.fromEntries(this.worst.map((w) => [w.row.index, w.detail])),
    };
  }
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON inside a `<script type="application/json">`: nothing in it can close the element. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * The rows as the page carries them: the reasons (a few distinct sentences over thousands of files)
 * once each, in `reasons`, and by index in the rows; the output path left out (the page does not show it).
 */
function compactRows(rows: readonly (ReviewRow & { index: number })[]): { reasons: string[]; rows: object[] } {
  const reasons = new Map<string, number>();
  const ref = (text: string | null) => {
    if (text === null) return null;
    let n = reasons.get(text);
    if (n === undefined) reasons.set(text, (n = reasons.size));
    return n;
  };
  return {
    rows: rows.map(({ output: _, ...r }) => ({
      ...r,
      presetReason: ref(r.presetReason),
      encodingReason: ref(r.encodingReason),
    })),
    reasons: [...reasons.keys()],
  };
}

/** The page: the summary and the rules written out, the table and the diffs drawn by its script. */
export function renderReview(data: ReviewData): string {
  const count = (status: ReviewRow['status']) => data.rows.filter((r) => r.status === status).length;
  const worse = data.rows.filter((r) => r.worse);
  const failed = data.rows.filter((r) => r.status === 'failed');
  const totalEdits = Object.values(data.byRule).reduce((a, b) => a + b, 0);
  const byTransform = new Map<string, [string, number][]>();
  for (const [rule, n] of Object.entries(data.byRule)) {
    const t = rule.split('/')[0]!;
    byTransform.set(t, [...(byTransform.get(t) ?? []), [rule, n]]);
  }
  const sample = (s: ReviewSample) =>
    `<li><span class="where">${escapeHtml(s.file)}:${s.line}:${s.col}</span> <span class="ctx">${escapeHtml(s.pre)}</span><del>${escapeHtml(oneLine(s.before)) || '⟨nothing⟩'}</del><ins>${escapeHtml(oneLine(s.after)) || '⟨nothing⟩'}</ins><span class="ctx">${escapeHtml(s.post)}</span> <span class="why">${escapeHtml(s.reason)}</span></li>`;
  const ruleRows = [...byTransform.entries()]
    .map(([t, rules]) => {
      const sum = rules.reduce((a, [, n]) => a + n, 0);
      return rules
        .map(([rule, n], i) => {
          const samples = data.samples[rule] ?? [];
          const head =
            i === 0
              ? `<th scope="row" rowspan="${rules.length}">${escapeHtml(t)} <span class="n">${sum}</span></th>`
              : '';
          return `<tr id="rule-${escapeHtml(rule)}">${head}<td>${escapeHtml(rule.slice(t.length + 1))}</td><td class="num">${n}</td><td><details><summary>${samples.length} sample${samples.length === 1 ? '' : 's'}</summary><ol>${samples.map(sample).join('')}</ol></details></td></tr>`;
        })
        .join('\n');
    })
    .join('\n');
  const flagged = (rows: ReviewRow[], what: string) =>
    rows.length === 0
      ? ''
      : `<p class="${what === 'failed' ? 'bad' : 'warn'}"><strong>${rows.length} ${what}:</strong> ${rows
          .slice(0, 10)
          .map((r) => escapeHtml(r.file))
          .join(', ')}${rows.length > 10 ? ', …' : ''}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>clean-article review: ${data.rows.length} files</title>
<style>${REVIEW_STYLE}</style>
</head>
<body>
<header><h1>Review of a clean-article run: ${data.rows.length} file${data.rows.length === 1 ? '' : 's'}</h1>
<p class="inputs">${escapeHtml(data.title.length > 300 ? `${data.title.slice(0, 300)}…` : data.title)}</p></header>
<section id="summary">
<ul class="totals">
<li><span class="n" id="total-files">${data.rows.length}</span> files</li>
<li><span class="n">${count('ok')}</span> cleaned</li>
<li><span class="n">${count('skipped')}</span> skipped</li>
<li><span class="n" id="total-failed">${failed.length}</span> failed</li>
<li><span class="n" id="total-worse">${worse.length}</span> worse after cleaning</li>
<li><span class="n">${totalEdits}</span> edits</li>
</ul>
${flagged(failed, 'failed')}
${flagged(worse, 'worse after cleaning (more non-words)')}
</section>
<section id="files">
<h2>Files, worst first</h2>
<p class="hint">Non-word share: lower-case words in no word list, before and after cleaning. Click a column to sort, a row to see its diff${data.rows.length > DETAIL_FILES ? ` (kept for the ${DETAIL_FILES} worst files)` : ''}.</p>
<div class="controls"><label>Filter <input id="filter" type="search" placeholder="file name, preset, encoding…"></label>
<label><input id="only-flagged" type="checkbox"> only worse or failed</label> <span id="shown"></span></div>
<div class="table-wrap"><table id="file-table"><thead><tr>
<th data-key="rank" class="num">#</th><th data-key="file">file</th><th data-key="status">status</th><th data-key="before" class="num">non-words before</th><th data-key="after" class="num">after</th><th data-key="change" class="num">change</th><th data-key="edits" class="num">edits</th><th data-key="linesRemoved" class="num">lines removed</th><th data-key="encoding">encoding</th><th data-key="preset">preset</th>
</tr></thead><tbody></tbody></table></div>
<button id="more" hidden>show more</button>
</section>
<section id="detail" hidden></section>
<section id="rules">
<h2>Edits by transform and rule</h2>
<p class="hint">Samples: up to ${SAMPLES_PER_RULE} edits of each rule, chosen at random with a fixed seed (the same run gives the same sample).</p>
<table class="rules"><thead><tr><th>transform</th><th>rule</th><th class="num">edits</th><th>sample edits</th></tr></thead><tbody>
${ruleRows}
</tbody></table>
</section>
<footer>${escapeHtml(data.tool)}</footer>
<script type="application/json" id="review-rows">${scriptJson(compactRows(data.rows))}</script>
<script type="application/json" id="review-details">${scriptJson(data.details)}</script>
<script>${REVIEW_SCRIPT}</script>
</body>
</html>
`;
}
