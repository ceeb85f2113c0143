/**
 * paragraphs: rejoin a paragraph that a stray blank line broke mid-sentence.
 *
 * A paragraph that ends without terminal punctuation, followed by one that starts with a lowercase
 * letter, is one paragraph: `the countries` / blank line / `will “help ...` -> `the countries will “help ...`.
 *
 * False positives avoided: a paragraph ending in `.`, `?`, `!`, `:` or `;` (inside closing quotes or
 * not) is complete; a next paragraph that starts with a capital, digit or quote is a new one.
 * Example: `the countries\n\nwill help` -> `the countries will help`.
 */
import { EditRecorder } from '../edits.js';
import type { Transform } from '../types.js';
import { endsSentence } from '../text.js';

/** The end of a paragraph, the blank line(s) after it, and a lowercase first letter. */
const BROKEN = /([^\n]*\S)[ \t]*\n(?:[ \t]*\n)+[ \t]*(?=\p{Ll})/gu;

export const paragraphs: Transform = {
  id: 'paragraphs',
  description: 'Rejoin paragraphs broken mid-sentence by a blank line',
  example: { before: 'the countries\n\nwill help', after: 'the countries will help' },
  defaults: {},
  apply(text) {
    const recorder = new EditRecorder(text, 'paragraphs');
    for (const m of text.matchAll(BROKEN)) {
      const line = m[1]!;
      if (endsSentence(line) || /[-–—]$/.test(line)) continue;
      const gapStart = m.index + line.length;
      recorder.replace(
        gapStart,
        m[0].slice(line.length),
        ' ',
        'mid-sentence',
        'the paragraph stops mid-sentence and the next starts in lower case',
      );
    }
    return recorder.finish();
  },
};
