/**
 * whitespace: the final tidy-up of spaces and blank lines.
 *
 * Runs of spaces and tabs inside a line become one space; spaces at the start and end of lines go;
 * two or more blank lines become one; blank lines at the start and end of the text go.
 *
 * False positives avoided: none needed: no visible character is changed.
 * Example: `a  b \n\n\n\nc` -> `a b\n\nc`.
 */
import { defineTransform } from './define.js';

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
    for (const m of text.matchAll(PATTERN)) {
      const s = m[0];
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
