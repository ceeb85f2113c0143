/**
 * paragraphs: rejoin a paragraph that a stray blank line broke mid-sentence.
 *
 * A paragraph that ends without terminal punctuation, followed by one that starts with a lowercase
 * letter, is one paragraph: `the countries` / blank line / `will “help ...` -> `the countries will “help ...`.
 *
 * False positives avoided: a paragraph ending in `.`, `?`, `!`, `:` or `;` (inside closing quotes or
 * not) is complete, and so is a byline (`By Ana Lima`), a list or a table (`3. Northside, 64`) and
 * the line before a list item (`a) the first`); a next paragraph that starts with a capital,
 * digit or quote is a new one.
 * Example: `the countries\n\nwill help` -> `the countries will help`.
 */
import { defineTransform } from './define.js';
import { parseByline } from '../core/byline.js';
import { endsSentence, isBlank, splitLines, type Line } from '../core/lines.js';
import { lineKinds, listMarker } from '../core/blocks.js';

const LOWERCASE_START = /^[ \t]*\p{Ll}/u;

/** The block that ends at line `last` ends in a list or a table (its last two lines are items or rows). */
function endsList(lines: readonly Line[], last: number): boolean {
  if (last === 0 || isBlank(lines[last - 1]!.text)) return false;
  let first = last;
  while (first > 0 && !isBlank(lines[first - 1]!.text)) first--;
  const kinds = lineKinds(lines.slice(first, last + 1).map((l) => l.text));
  return kinds[kinds.length - 1]!.kind !== 'prose';
}

export const paragraphs = defineTransform({
  id: 'paragraphs',
  description: 'Rejoin paragraphs broken mid-sentence by a blank line',
  example: { before: 'the countries\n\nwill help', after: 'the countries will help' },
  defaults: {},
  stage: 'layout',
  rules: ['mid-sentence'],
  // Only the blank lines between paragraphs change.
  protect: false,
  run({ text, recorder }) {
    const lines = splitLines(text);
    for (let i = 0; i < lines.length - 1; i++) {
      const line = lines[i]!;
      if (isBlank(line.text) || !isBlank(lines[i + 1]!.text)) continue;
      let next = i + 1;
      while (next < lines.length && isBlank(lines[next]!.text)) next++;
      const following = lines[next];
      if (!following || !LOWERCASE_START.test(following.text)) continue;
      const trimmed = line.text.trimEnd();
      if (endsSentence(trimmed) || /[-–—]$/.test(trimmed)) continue;
      // A byline is a paragraph of its own, full stop or not (`By Ana Lima` / `the story...`).
      if ((i === 0 || isBlank(lines[i - 1]!.text)) && parseByline(trimmed) !== undefined) continue;
      // A list or a table ends its block, and a list item (`a) the first`) starts one: never joined.
      if (endsList(lines, i) || listMarker(following.text) !== undefined) continue;
      const gapStart = line.start + trimmed.length;
      const gapEnd = following.start + (following.text.length - following.text.trimStart().length);
      recorder.replace(
        gapStart,
        text.slice(gapStart, gapEnd),
        ' ',
        'mid-sentence',
        'the paragraph stops mid-sentence and the next starts in lower case',
      );
    }
  },
});
