/**
 * `--explain`: every edit, located in the ORIGINAL input by line and column (each edit's offset is
 * mapped back through the edits of the transforms before it), with invisible characters shown
 * visibly. Preceded by how the input was decoded and which preset was used. The text form is in the
 * order of the input, with a few words of context and a count per rule; the JSON form keeps pipeline
 * order and every edit. Pure.
 *
 *     encoding: utf-8 (valid UTF-8)
 *     source: pressreader (detected: PressReader line "Newspapers in English" on line 39)
 *     13:45  split-words/fragment  "collec ting" -> "collecting"  (...)
 */
import type { SourceChoice } from '../core/detect.js';
import { lineColumns, originalOffsets } from './origin.js';
import type { Step } from '../core/pipeline.js';
import type { Edit } from '../core/types.js';
import { quoted, visible } from './visible.js';
import { undoneByRendering } from './changes.js';

/** An edit located in the original input. */
export interface ExplainedEdit extends Omit<Edit, 'offset'> {
  /** 1-based line in the original input. */
  line: number;
  /** 1-based column (characters) in the original input. */
  col: number;
  /** Offset in the original input (UTF-16 code units). */
  offset: number;
}

/** How the input bytes were decoded (`decodeBytes`); absent for text given to the library. */
export interface DecodingNote {
  encoding: string;
  reason: string;
}

export interface Explanation {
  decoding?: DecodingNote;
  /** The configuration file used, if any. */
  config?: string;
  source?: SourceChoice;
  edits: ExplainedEdit[];
}

/** Every edit of `steps` (run on `input`), in pipeline order, with its place in `input`. */
export function explainEdits(input: string, steps: readonly Step[]): ExplainedEdit[] {
  const offsets = originalOffsets(steps);
  const flat = steps.flatMap((step, k) => step.edits.map((edit, i) => ({ edit, offset: offsets[k]![i]! })));
  const places = lineColumns(
    input,
    flat.map((f) => f.offset),
  );
  return flat.map(({ edit, offset }, i) => ({
    line: places[i]!.line,
    col: places[i]!.col,
    offset,
    transform: edit.transform,
    rule: edit.rule,
    before: edit.before,
    after: edit.after,
    reason: edit.reason,
  }));
}

/**
 * The explanation of one cleaning run: `result` is what `cleanArticle(input)` returned; `decoding`
 * says how the input's bytes were decoded and `config` names the configuration file, when known.
 */
export function explain(
  input: string,
  result: { steps: readonly Step[]; source?: SourceChoice },
  context: { decoding?: DecodingNote; config?: string } = {},
): Explanation {
  const { decoding, config } = context;
  return {
    ...(decoding && { decoding: { encoding: decoding.encoding, reason: decoding.reason } }),
    ...(config !== undefined && { config }),
    ...(result.source && { source: result.source }),
    edits: explainEdits(input, result.steps),
  };
}

export function describeSource(source: SourceChoice): string {
  return `${source.preset} (${source.detected ? `detected: ${source.reason}` : source.reason})`;
}

/** Words of context shown on each side of an edit, and the most characters they may take. */
const CONTEXT_WORDS = 3;
const CONTEXT_CHARS = 32;

/** A few words of `input` around `[start, end)`, on one line: `…could further complicate »U.S.« efforts…`. */
export function contextOf(input: string, start: number, end: number): string {
  const leftText = input.slice(Math.max(0, start - CONTEXT_CHARS * 2), start);
  const rightText = input.slice(end, end + CONTEXT_CHARS * 2);
  const left = new RegExp(`(?:\\S+\\s+){0,${CONTEXT_WORDS}}\\S*$`, 'u').exec(leftText)![0].slice(-CONTEXT_CHARS);
  const right = new RegExp(`^\\S*(?:\\s+\\S+){0,${CONTEXT_WORDS}}`, 'u').exec(rightText)![0].slice(0, CONTEXT_CHARS);
  const open = start - left.length > 0 ? '…' : '';
  const close = end + right.length < input.length ? '…' : '';
  const oneLine = (s: string) => visible(s.replace(/\r?\n|\r/g, '↵'));
  return `${open}${oneLine(left)}»${oneLine(input.slice(start, end))}«${oneLine(right)}${close}`;
}

/** Edits sorted by their place in the input; edits at one place keep pipeline order. */
export function byPosition<E extends { offset: number }>(edits: readonly E[]): E[] {
  return edits
    .map((edit, i) => ({ edit, i }))
    .sort((a, b) => a.edit.offset - b.edit.offset || a.i - b.i)
    .map(({ edit }) => edit);
}

/** Whether `edit` is one `--explain-rules` asks for: a transform id, a rule id, or `transform/rule`. */
export function ruleSelected(edit: Pick<Edit, 'transform' | 'rule'>, rules: readonly string[] | undefined): boolean {
  return (
    rules === undefined ||
    rules.includes(edit.transform) ||
    rules.includes(edit.rule) ||
    rules.includes(`${edit.transform}/${edit.rule}`)
  );
}

export interface FormatOptions {
  /** The original input: each edit is shown with a few words around it (`contextOf`). */
  input?: string;
  /** The edits there were before `--explain-rules` chose some: the count says `6 of 18 edits`. */
  of?: number;
}

/**
 * Lines of text: the decoding, the source, one line per edit in the order of the input (with a few
 * words of context when `input` is given), a summary line per rule (most edits first), then the count.
 */
export function formatExplanation(explanation: Explanation, options: FormatOptions = {}): string {
  const lines: string[] = [];
  if (explanation.decoding) lines.push(`encoding: ${explanation.decoding.encoding} (${explanation.decoding.reason})`);
  if (explanation.config !== undefined) lines.push(`config: ${explanation.config}`);
  if (explanation.source) lines.push(`source: ${describeSource(explanation.source)}`);
  // The final line break trimmed and written again by the format is no change (the JSON form has it).
  const edits = byPosition(explanation.edits.filter((e) => !undoneByRendering(e)));
  const places = edits.map((e) => `${e.line}:${e.col}`);
  const names = edits.map((e) => `${e.transform}/${e.rule}`);
  const placeWidth = Math.max(0, ...places.map((p) => p.length));
  const nameWidth = Math.max(0, ...names.map((n) => n.length));
  const { input } = options;
  edits.forEach((e, i) => {
    const context = input === undefined ? '' : `  in ${contextOf(input, e.offset, e.offset + e.before.length)}`;
    lines.push(
      `${places[i]!.padEnd(placeWidth)}  ${names[i]!.padEnd(nameWidth)}  ${quoted(e.before)} -> ${quoted(e.after)}  (${e.reason})${context}`,
    );
  });
  if (edits.length > 1) {
    const counts = new Map<string, number>();
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const width = String(sorted[0]![1]).length;
    lines.push('by rule:', ...sorted.map(([name, count]) => `  ${String(count).padStart(width)}  ${name}`));
  }
  const n = edits.length;
  const of = options.of !== undefined && options.of !== n ? ` of ${options.of}` : '';
  lines.push(n === 0 && of === '' ? 'no edits' : `${n}${of} edit${n === 1 && of === '' ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The explanation as a JSON document, `{decoding?, config?, source?, edits: [{line, col, ...}]}`: pretty for one article; with `line`, one line that names its input, so a
 * batch writes JSON Lines.
 */
export function formatExplanationJson(explanation: Explanation, line?: { input: string }): string {
  return `${JSON.stringify(
    {
      ...(line && { input: line.input }),
      ...explanation,
      edits: explanation.edits.map((e) => ({
        line: e.line,
        col: e.col,
        offset: e.offset,
        transform: e.transform,
        rule: e.rule,
        before: e.before,
        after: e.after,
        reason: e.reason,
      })),
    },
    null,
    line ? undefined : 2,
  )}\n`;
}
