/**
 * `--explain`: every edit, in pipeline order, located in the ORIGINAL input by line and column (each
 * edit's offset is mapped back through the edits of the transforms before it), with invisible
 * characters shown visibly. Preceded by how the input was decoded and which preset was used. Pure.
 *
 *     encoding: utf-8 (valid UTF-8)
 *     source: pressreader (detected: PressReader line "Newspapers in English" on line 39)
 *     13:45  split-words/fragment  "collec ting" -> "collecting"  (...)
 */
import type { SourceChoice } from '../core/detect.js';
import { lineColumns, originalOffsets } from './origin.js';
import type { Step } from '../core/pipeline.js';
import type { Edit } from '../core/types.js';
import { quoted } from './visible.js';
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

/** Lines of text: the decoding, the source, one line per edit, then the count. */
export function formatExplanation(explanation: Explanation): string {
  const lines: string[] = [];
  if (explanation.decoding) lines.push(`encoding: ${explanation.decoding.encoding} (${explanation.decoding.reason})`);
  if (explanation.config !== undefined) lines.push(`config: ${explanation.config}`);
  if (explanation.source) lines.push(`source: ${describeSource(explanation.source)}`);
  // The final line break trimmed and written again by the format is no change (the JSON form has it).
  const edits = explanation.edits.filter((e) => !undoneByRendering(e));
  const places = edits.map((e) => `${e.line}:${e.col}`);
  const names = edits.map((e) => `${e.transform}/${e.rule}`);
  const placeWidth = Math.max(0, ...places.map((p) => p.length));
  const nameWidth = Math.max(0, ...names.map((n) => n.length));
  edits.forEach((e, i) => {
    lines.push(
      `${places[i]!.padEnd(placeWidth)}  ${names[i]!.padEnd(nameWidth)}  ${quoted(e.before)} -> ${quoted(e.after)}  (${e.reason})`,
    );
  });
  const n = edits.length;
  lines.push(n === 0 ? 'no edits' : `${n} edit${n === 1 ? '' : 's'}`);
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
