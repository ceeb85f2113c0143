/**
 * whitespace: the final tidy-up of spaces and blank lines.
 *
 * Runs of spaces and tabs inside a line become one space; spaces at the start and end of lines go;
 * two or more blank lines become one; blank lines at the start and end of the text go.
 *
 * A table row read by its column spacing (`aligned-columns` in `core/blocks.ts`) keeps its spaces:
 * its columns are in them. Only its trailing spaces go.
 *
 * False positives avoided: no visible character is changed; two lines with double spaces that do not
 * line up are no table.
 * Example: `a  b \n\n\n\nc` -> `a b\n\nc`.
 */
import { defineTransform } from './define.js';
import { keepsSpacing, lineKinds } from '../core/blocks.js';
import { blocksOf } from '../core/lines.js';

/** Two spaces or a tab between visible characters: the cheap test before looking for tables. */
const GAP = /\S(?: {2,}|\t)\s*\S/;

/**
 * The [start, end) spans of the lines that are rows of a table read by its column spacing
 * (`aligned-columns`): their spaces, leading ones included, stay as they are.
 */
function tableRows(text: string): number[] {
  const spans: number[] = [];
  if (!GAP.test(text)) return spans;
  for (const block of blocksOf(text)) {
    if (!GAP.test(block.text)) continue;
    // The block's first line with its leading spaces: columns are read from the lines as they stand.
    const lineStart = text.lastIndexOf('\n', block.start - 1) + 1;
    const raw = text.slice(lineStart, block.start + block.text.length);
    const lines = raw.split('\n');
    const kinds = lineKinds(lines);
    let at = lineStart;
    lines.forEach((line, i) => {
      if (keepsSpacing(kinds[i]!)) spans.push(at, at + line.trimEnd().length);
      at += line.length + 1;
    });
  }
  return spans;
}

/** Leading or trailing whitespace of the text, extra blank lines, line-edge spaces, inner runs. */
const PATTERN = /^\s+|\s+$|\n(?:[ \t]*\n){2,}|[ \t]+(?=\n)|(?<=\n)[ \t]+|(?<=\S)[ \t]{2,}(?=\S)|\t/g;

export const whitespace = defineTransform({
  id: 'whitespace',
  description: 'Collapse runs of spaces and blank lines; trim lines and the text',
  example: { before: 'a  b \n\n\n\nc', after: 'a b\n\nc' },
  defaults: {},
  stage: 'layout',
  rules: ['trim', 'blank-lines', 'line-edge', 'space-run'],
  // Only the white space between words and lines changes, and no protected span holds any.
  protect: false,
  run({ text, recorder }) {
    const rows = tableRows(text);
    const inRow = (offset: number): boolean => {
      for (let i = 0; i < rows.length; i += 2) if (offset >= rows[i]! && offset < rows[i + 1]!) return true;
      return false;
    };
    for (const m of text.matchAll(PATTERN)) {
      const s = m[0];
      // A table row keeps its spacing: inner runs (its columns) and leading spaces (its first column's place).
      if (rows.length > 0 && !s.includes('\n') && inRow(m.index)) continue;
      if (m.index === 0 || m.index + s.length === text.length) {
        recorder.replace(m.index, s, '', 'trim', 'whitespace at the start or end of the text');
      } else if (s.startsWith('\n')) {
        recorder.replace(m.index, s, '\n\n', 'blank-lines', 'more than one blank line');
      } else if (text.charAt(m.index + s.length) === '\n' || text.charAt(m.index - 1) === '\n') {
        recorder.replace(m.index, s, '', 'line-edge', 'space at the start or end of a line');
      } else {
        recorder.replace(m.index, s, ' ', 'space-run', 'a run of spaces or a tab');
      }
    }
  },
});
