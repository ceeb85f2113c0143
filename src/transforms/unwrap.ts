/**
 * unwrap: turn hard-wrapped lines (pdftotext columns, OCR lines) into running paragraphs.
 *
 * A block (lines between blank lines) is hard-wrapped when most of its lines stop mid-sentence. Its
 * column width is estimated from the block itself. Inside it, a line break stays a paragraph break
 * when the line ends a sentence and is clearly shorter than the column, when the next line is
 * indented, or after an all-caps heading line; every other line break becomes a space.
 *
 * False positives avoided: text that is already one paragraph per line has lines that end sentences
 * and is left as it is; single-line blocks are never touched.
 * Example: `The county approved\na budget on Tuesday.` -> `The county approved a budget on Tuesday.`
 */
import { defineTransform, optionsOf } from './define.js';
import { isLetterCode } from '../core/words.js';
import { endsSentence, isBlank, percentile, splitLines, upperShare, type Line } from '../core/lines.js';

export interface UnwrapOptions {
  /** A sentence-ending line shorter than this share of the column width ends its paragraph. */
  shortLineRatio: number;
}

/** A block is hard-wrapped when at least this share of its line breaks fall mid-sentence... */
const MIN_MID_SENTENCE_SHARE = 0.5;
/**
 * ...and at least this share continue visibly: the next line starts in lower case or the line ends in
 * a comma or hyphen. Lists, addresses and stacked headlines break before capitals and stay as they are.
 */
const MIN_CONTINUATION_SHARE = 0.25;
/** The column width is this percentile of the block's line lengths (robust to short last lines). */
const WIDTH_PERCENTILE = 0.75;
/** A line shorter than this share of the column, followed by a capital, ends a paragraph even without a full stop. */
const VERY_SHORT_LINE_RATIO = 0.5;
/** Leading spaces that mark an indented first line, when the block's lines are normally not indented. */
const INDENT = /^(?: {2,}|\t)/;

const indentOf = (line: string): number => line.length - line.trimStart().length;

function isHeadingLine(line: string): boolean {
  if (/[a-z]/.test(line)) return false; // the common case, cheaply
  let letters = 0;
  for (let i = 0; i < line.length && letters < 3; i++) if (isLetterCode(line.charCodeAt(i))) letters++;
  return letters >= 3 && upperShare(line) === 1;
}

function isWrapped(block: readonly Line[]): boolean {
  const breaks = block.length - 1;
  let midSentence = 0;
  let continued = 0;
  for (let i = 0; i < breaks; i++) {
    const line = block[i]!.text.trimEnd();
    if (!endsSentence(line)) midSentence++;
    if (/[,\-\u00AD¬]$/.test(line) || /^\s*[\p{Ll}]/u.test(block[i + 1]!.text)) continued++;
  }
  return midSentence >= breaks * MIN_MID_SENTENCE_SHARE && continued >= breaks * MIN_CONTINUATION_SHARE;
}

/** Decide, for each line break inside a wrapped block, whether it is a paragraph break. */
function paragraphBreaks(lines: readonly Line[], options: UnwrapOptions): boolean[] {
  const lengths = lines.map((l) => l.text.trim().length);
  const width = percentile(lengths, WIDTH_PERCENTILE);
  const indented = lines.map((l) => INDENT.test(l.text));
  // Counted, not filtered: a filtered array's elements kind depends on whether it is empty (a deopt).
  let indentedCount = 0;
  for (const isIndented of indented) if (isIndented) indentedCount++;
  const mostlyIndented = indentedCount > lines.length / 2;
  const breaks: boolean[] = [];
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!.text.trim();
    const next = lines[i + 1]!.text;
    const nextStartsUpper = /^[\p{Lu}\p{N}“"‘'(]/u.test(next.trim());
    const shortLine = lengths[i]! < width * options.shortLineRatio;
    breaks.push(
      (endsSentence(line) && shortLine && nextStartsUpper) ||
        (!mostlyIndented && indented[i + 1]! && indentOf(next) > indentOf(lines[i]!.text)) ||
        (isHeadingLine(line) && !isHeadingLine(next)) ||
        (!(isHeadingLine(line) && isHeadingLine(next)) &&
          lengths[i]! < width * VERY_SHORT_LINE_RATIO &&
          nextStartsUpper &&
          /^\p{Lu}/u.test(next.trim()) &&
          !/[,\-–—]$/.test(line)),
    );
  }
  return breaks;
}

export const unwrap = defineTransform({
  id: 'unwrap',
  description: 'Join hard-wrapped lines into paragraphs, keeping paragraph breaks',
  example: { before: 'The county approved\na budget on Tuesday.', after: 'The county approved a budget on Tuesday.' },
  defaults: optionsOf<UnwrapOptions>({ shortLineRatio: 0.9 }),
  stage: 'layout',
  rules: ['paragraph-break', 'join-lines'],
  // Only the line breaks between lines change.
  protect: false,
  run({ text, recorder }, options) {
    const lines = splitLines(text);
    let blockStart = 0;
    for (let i = 0; i <= lines.length; i++) {
      if (i < lines.length && !isBlank(lines[i]!.text)) continue;
      const block = lines.slice(blockStart, i);
      blockStart = i + 1;
      if (block.length < 2) continue;
      if (!isWrapped(block)) continue;
      const breaks = paragraphBreaks(block, options);
      for (let j = 0; j < block.length - 1; j++) {
        const current = block[j]!;
        const next = block[j + 1]!;
        const trimmedEnd = current.start + current.text.trimEnd().length;
        const nextStart = next.start + indentOf(next.text);
        const before = text.slice(trimmedEnd, nextStart);
        if (breaks[j]) recorder.replace(trimmedEnd, before, '\n\n', 'paragraph-break', 'the line ends a paragraph');
        else recorder.replace(trimmedEnd, before, ' ', 'join-lines', 'a wrapped line continues the paragraph');
      }
    }
  },
});
