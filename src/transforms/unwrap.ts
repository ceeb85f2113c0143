/**
 * unwrap: turn hard-wrapped lines (pdftotext columns, OCR lines) into running paragraphs, and say
 * which line breaks end paragraphs.
 *
 * A block (lines between blank lines) is hard-wrapped when most of its lines stop mid-sentence. Its
 * column width is estimated from the block itself. Inside it, a line break stays a paragraph break
 * when the line ends a sentence and is clearly shorter than the column, when the next line is
 * indented, after an all-caps heading line, or when the line ends a sentence and a heading line or a
 * crosshead's line (`To Ask Information.`) comes next, however long the line (`opensHeading`); every
 * other line break becomes a space. A block that is
 * not wrapped but holds a paragraph per line (most lines end a sentence, none runs on into the next)
 * gets a blank line after each line. Every other line break is kept as it is: a list, a table, an
 * address or a stacked headline keeps its lines, and the article keeps them inside a paragraph.
 *
 * A block with a list or a table (`core/blocks.ts`: two or more item lines, or rows by one rule) is
 * decided run by run: each run of prose as a block of its own, the list's and the table's lines keep
 * their line breaks, and the line after a list or a table starts a paragraph (`block-end`: the
 * sentence after a list is never glued onto its last item); in an interview each `Q:` and `A:` starts
 * a paragraph (`question-answer`). A line that ends in a function word (`pulling clear of`) runs on
 * into the next, and two Title Case lines (a wrapped deck) are no paragraph per line, nor is a line of
 * prose that stops mid-sentence over a line no longer than itself (`runsOnInProse`: `on the lot` /
 * `Near the park`).
 *
 * The decisions are those a second cleaning would make again: a lone page number the page furniture
 * kept is never left standing between blank lines (a second cleaning could remove it as a folio): it
 * is joined to the paragraph beside it;
 * lines that would make a paragraph of OCR noise or of page furniture joined (`A. -k` / `1`, `See
 * PAGE 5-` / `7`, a publication's name on top) keep their line breaks; and
 * soft hyphens the word stage did not join on (`to­` above `17, 1916`) are removed, the lines
 * read as they will be without them.
 *
 * False positives avoided: text that is already one paragraph per line has lines that end sentences
 * and is not joined; single-line blocks are never touched; a block with a line that runs on into the
 * next, or with a lone number, keeps its lines as they are.
 * Example: `The county approved\na budget on Tuesday.` -> `The county approved a budget on Tuesday.`
 */
import { defineTransform, optionsOf } from './define.js';
import type { Evidence } from '../evidence/evidence.js';
import { isFurnitureAlone, wouldBeFurniture } from './boilerplate.js';
import { noiseReason } from './noise-lines.js';
import { isLetterCode } from '../core/words.js';
import { historicCrossheadShape, isQuestionOrAnswer, lineKinds } from '../core/blocks.js';
import { parseByline } from '../core/byline.js';
import {
  endsSentence,
  isBlank,
  isSeparatorLine,
  percentile,
  splitLines,
  upperShare,
  type Line,
} from '../core/lines.js';

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
/**
 * A block that is not wrapped holds a paragraph per line when at least this share of its lines end a
 * sentence (a headline or a byline among them does not): an e-reader dump, a JSON record's text.
 */
const MIN_SENTENCE_LINE_SHARE = 0.5;
/**
 * A line that ends in a word no sentence or title ends on (`pulling clear of`), or in a title's word
 * with a number word before it (`Eleven Hundred`), runs on into the next, whatever case that starts in.
 */
const RUNS_ON =
  /(?:^|\s)(?:a|an|the|of|to|in|on|at|by|for|from|with|and|or|but|as|into|than|that|its|his|her|their|our|this)$|(?:^|\s)(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Thirty|Forty|Fifty|Hundred|Thousand)$/;
/** A title's line (a deck wrapped over two: `Crowd of Two Thousand Sees the Mayor` / `Cut the Ribbon.`): every longer word capitalised. */
function isTitleCase(line: string): boolean {
  const long = line.split(/\s+/).filter((w) => /\p{L}{4}/u.test(w));
  return long.length > 0 && long.every((w) => /^\P{L}*\p{Lu}\p{Ll}/u.test(w));
}
/** Leading spaces that mark an indented first line, when the block's lines are normally not indented. */
const INDENT = /^(?: {2,}|\t)/;
/** A soft hyphen: by the layout stage it marks nothing (the word stage joined the words it could). */
const SOFT_HYPHEN = /\u00AD/g;

const indentOf = (line: string): number => line.length - line.trimStart().length;

function isHeadingLine(line: string): boolean {
  if (/[a-z]/.test(line)) return false; // the common case, cheaply
  let letters = 0;
  for (let i = 0; i < line.length && letters < 3; i++) if (isLetterCode(line.charCodeAt(i))) letters++;
  return letters >= 3 && upperShare(line) === 1;
}

/**
 * Line `at` opens a heading after a finished sentence: an all-caps heading line (`FRENCH SAY U. S.`),
 * or a crosshead's line (`To Ask Information.`, `Lansing Silent.`: `historicCrossheadShape`) with a
 * capital after it. The line above ends its paragraph even when it fills the column; a sentence that
 * runs on into the heading line (`the` / `UNITED STATES`) does not end.
 */
function opensHeading(lines: readonly Line[], at: number): boolean {
  const line = lines[at]!.text.trim();
  if (isHeadingLine(line)) return !isHeadingLine(lines[at - 1]!.text.trim());
  if (!historicCrossheadShape(line, 2)) return false;
  return at + 1 >= lines.length || /^[\p{Lu}\p{N}“"‘'(]/u.test(lines[at + 1]!.text.trim());
}

/**
 * A line that ends in mid-sentence runs on into a next line that starts with a capital (`the new
 * school on the lot` / `Near the park, ...`; `the board thanked` / `Mayor Jones for his work.`) when
 * it reads as prose, not as a headline: a lower-case word of four letters or more after its first
 * word, not all caps, no byline, and at least as long as the next line (a headline over a paragraph
 * per line is shorter than the paragraph under it).
 */
function runsOnInProse(line: string, next: string): boolean {
  if (next.length > line.length || isHeadingLine(line) || parseByline(line) !== undefined) return false;
  return line
    .split(/\s+/)
    .slice(1)
    .some((w) => /^\p{Ll}{4}/u.test(w));
}

/** The line break runs the paragraph on: the line ends in a comma or hyphen, or the next starts in lower case. */
const continues = (line: string, next: string): boolean =>
  /[,\-¬]$/.test(line) || /^\s*[\p{Ll}]/u.test(next) || RUNS_ON.test(line);

function isWrapped(block: readonly Line[]): boolean {
  const breaks = block.length - 1;
  let midSentence = 0;
  let continued = 0;
  for (let i = 0; i < breaks; i++) {
    const line = block[i]!.text.trimEnd();
    if (!endsSentence(line)) midSentence++;
    if (continues(line, block[i + 1]!.text)) continued++;
  }
  return midSentence >= breaks * MIN_MID_SENTENCE_SHARE && continued >= breaks * MIN_CONTINUATION_SHARE;
}

/**
 * A block that is not wrapped holds a paragraph per line: most lines end a sentence, no line runs on
 * into the next (mid-sentence before a lower-case line, or a hyphen), and no line is a lone number
 * (a paragraph of its own, a second cleaning would take it for a folio).
 */
function isParagraphPerLine(block: readonly Line[]): boolean {
  // A byline over its role line (`By W. S. JEWETT.` / `Times Staff Correspondent.`) is one block.
  if (block.length === 2 && parseByline(block.map((l) => l.text.trim()).join('\n')) !== undefined) return false;
  let sentences = 0;
  for (let i = 0; i < block.length; i++) {
    const line = block[i]!.text.trim();
    if (isFurnitureAlone(line)) return false;
    if (endsSentence(line)) sentences++;
    else if (i + 1 < block.length && /^\s*\p{Ll}/u.test(block[i + 1]!.text)) return false;
    else if (i + 1 < block.length && RUNS_ON.test(line)) return false;
    else if (i + 1 < block.length && isTitleCase(line) && isTitleCase(block[i + 1]!.text)) return false;
    else if (i + 1 < block.length && runsOnInProse(line, block[i + 1]!.text.trim())) return false;
    if (/[-\u2010¬]$/.test(line)) return false;
  }
  return sentences >= block.length * MIN_SENTENCE_LINE_SHARE;
}

/** A run of a block's lines of one kind: prose (a question or an answer opens a run of its own), a list or a table. */
interface Run {
  kind: 'prose' | 'list' | 'table';
  start: number;
  end: number;
}

/** The block's runs: one for a block of prose alone (the common case: nothing to split). */
function runsOf(block: readonly Line[]): Run[] {
  const texts = block.map((l) => l.text);
  const kinds = lineKinds(texts);
  const kindAt = (i: number): Run['kind'] => {
    const k = kinds[i]!.kind;
    return k === 'item' ? 'list' : k === 'row' ? 'table' : 'prose';
  };
  const runs: Run[] = [];
  for (let i = 0; i < block.length; i++) {
    const kind = kindAt(i);
    const last = runs[runs.length - 1];
    const opensAnswer = kind === 'prose' && i > 0 && isQuestionOrAnswer(texts[i]!);
    if (last !== undefined && last.kind === kind && !opensAnswer) last.end = i + 1;
    else runs.push({ kind, start: i, end: i + 1 });
  }
  return runs;
}

/** What becomes of a line break inside a wrapped block. */
type Break = 'paragraph' | 'join' | 'keep';

/** Decide, for each line break inside a wrapped block, whether it is a paragraph break. */
function paragraphBreaks(
  lines: readonly Line[],
  options: UnwrapOptions,
  evidence: Evidence,
  /** The block is the text's first: its first paragraph is the text's first line. */
  atTop: boolean,
): Break[] {
  const lengths = lines.map((l) => l.text.trim().length);
  const width = percentile(lengths, WIDTH_PERCENTILE);
  const indented = lines.map((l) => INDENT.test(l.text));
  // Counted, not filtered: a filtered array's elements kind depends on whether it is empty (a deopt).
  let indentedCount = 0;
  for (const isIndented of indented) if (isIndented) indentedCount++;
  const mostlyIndented = indentedCount > lines.length / 2;
  const breaks: Break[] = [];
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!.text.trim();
    const next = lines[i + 1]!.text;
    const nextStartsUpper = /^[\p{Lu}\p{N}“"‘'(]/u.test(next.trim());
    const shortLine = lengths[i]! < width * options.shortLineRatio;
    const paragraph =
      (endsSentence(line) && shortLine && nextStartsUpper) ||
      (endsSentence(line) && opensHeading(lines, i + 1)) ||
      (!mostlyIndented && indented[i + 1]! && indentOf(next) > indentOf(lines[i]!.text)) ||
      (isHeadingLine(line) && !isHeadingLine(next)) ||
      (!(isHeadingLine(line) && isHeadingLine(next)) &&
        lengths[i]! < width * VERY_SHORT_LINE_RATIO &&
        nextStartsUpper &&
        /^\p{Lu}/u.test(next.trim()) &&
        !/[,\-–—]$/.test(line));
    // A break in mid-sentence before a lower-case line is no paragraph's end, whatever the indent or the
    // heading above: `paragraphs`, which ran before, joins such breaks between blocks.
    const runsOn = !endsSentence(line) && /^\s*\p{Ll}/u.test(next) && !/[-–—]$/.test(line);
    // A section break (`* * *`) stands between paragraphs, on a line of its own.
    const section = isSeparatorLine(line) || isSeparatorLine(next);
    breaks.push(section || (paragraph && !runsOn) ? 'paragraph' : 'join');
  }
  // A lone number between two paragraph breaks (or a paragraph break and the block's edge) would stand
  // between blank lines: it is joined to the end of the paragraph above (or, opening the block, to the
  // start of the one below). A line of its own would not do: the next cleaning decides again on the
  // two lines it would share a block with, and may join them after all.
  for (let i = 0; i < lines.length; i++) {
    const alone = (i === 0 || breaks[i - 1] === 'paragraph') && (i === lines.length - 1 || breaks[i] === 'paragraph');
    if (alone && lines.length > 1 && isFurnitureAlone(lines[i]!.text.trim())) breaks[i > 0 ? i - 1 : i] = 'join';
  }
  // Lines that are neither noise nor furniture each (`A. -k`, `1`; `See PAGE 5-`, `7`) can be joined
  // (`A. -k 1`, `See PAGE 5- 7`): they keep their line breaks, or a second cleaning would remove the
  // paragraph they make.
  for (let first = 0; first < lines.length;) {
    let last = first;
    while (last < lines.length - 1 && breaks[last] === 'join') last++;
    if (last > first) {
      const joined = lines
        .slice(first, last + 1)
        .map((l) => l.text.trim())
        .join(' ');
      if (noiseReason(joined, evidence) !== undefined || wouldBeFurniture(joined, atTop && first === 0)) {
        for (let j = first; j < last; j++) breaks[j] = 'keep';
      }
    }
    first = last + 1;
  }
  return breaks;
}

/**
 * The text as the layout reads it: without its soft hyphens. `lines` are that text's lines, and
 * `original(offset)` maps one of its offsets back into the input (a soft hyphen at the offset comes
 * after it, so a span that starts there holds it).
 */
function withoutSoftHyphens(text: string): { lines: Line[]; original: (offset: number) => number; at: number[] } {
  const at: number[] = [];
  for (const m of text.matchAll(SOFT_HYPHEN)) at.push(m.index);
  if (at.length === 0) return { lines: splitLines(text), original: (offset) => offset, at };
  const removedAt = at.map((p, k) => p - k); // where each soft hyphen was, in the text without them
  const original = (offset: number): number => {
    let low = 0;
    let high = removedAt.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (removedAt[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return offset + low;
  };
  return { lines: splitLines(text.replace(SOFT_HYPHEN, '')), original, at };
}

export const unwrap = defineTransform({
  id: 'unwrap',
  description: 'Join hard-wrapped lines into paragraphs, keeping paragraph breaks',
  example: { before: 'The county approved\na budget on Tuesday.', after: 'The county approved a budget on Tuesday.' },
  defaults: optionsOf<UnwrapOptions>({ shortLineRatio: 0.9 }),
  stage: 'layout',
  rules: ['paragraph-break', 'join-lines', 'paragraph-per-line', 'soft-hyphen', 'block-end', 'question-answer'],
  // Only the line breaks between lines change, and soft hyphens go.
  protect: false,
  run({ text, recorder, evidence }, options) {
    const { lines, original, at } = withoutSoftHyphens(text);
    /** Replace the line break from `start` to `end` (offsets of the text without soft hyphens). */
    const replaceBreak = (
      start: number,
      end: number,
      after: string,
      rule: 'paragraph-break' | 'join-lines' | 'paragraph-per-line' | 'block-end' | 'question-answer',
      reason: string,
    ) => {
      const from = original(start);
      const to = original(end);
      recorder.replace(from, text.slice(from, to), after, rule, reason);
    };
    /** Decide the line breaks of a run of prose lines, as of a block of its own. */
    const decide = (block: readonly Line[], atTop: boolean) => {
      const wrapped = isWrapped(block);
      if (!wrapped && !isParagraphPerLine(block)) return;
      const breaks = wrapped ? paragraphBreaks(block, options, evidence, atTop) : [];
      for (let j = 0; j < block.length - 1; j++) {
        const current = block[j]!;
        const next = block[j + 1]!;
        const trimmed = current.text.trimEnd();
        const trimmedEnd = current.start + trimmed.length;
        const nextStart = next.start + indentOf(next.text);
        const decision = breaks[j];
        if (!wrapped) {
          replaceBreak(
            trimmedEnd,
            nextStart,
            '\n\n',
            'paragraph-per-line',
            'a paragraph per line: the line ends its paragraph',
          );
        } else if (decision === 'paragraph') {
          replaceBreak(trimmedEnd, nextStart, '\n\n', 'paragraph-break', 'the line ends a paragraph');
        } else if (decision === 'keep') {
          continue; // the line break stays as it is
        } else {
          replaceBreak(trimmedEnd, nextStart, ' ', 'join-lines', 'a wrapped line continues the paragraph');
        }
      }
    };
    let blockStart = 0;
    /** A block with text came before this one. */
    let seenContent = false;
    for (let i = 0; i <= lines.length; i++) {
      if (i < lines.length && !isBlank(lines[i]!.text)) continue;
      const block = lines.slice(blockStart, i);
      blockStart = i + 1;
      if (block.length === 1) seenContent = true;
      if (block.length < 2) continue;
      const atTop = !seenContent;
      seenContent = true;
      const runs = runsOf(block);
      if (runs.length === 1) {
        if (runs[0]!.kind === 'prose') decide(block, atTop);
        continue; // a list or a table alone keeps its lines
      }
      // A block with a list, a table or an interview's questions and answers: each run of prose is decided
      // as a block of its own, the lines of a list or a table keep their line breaks, and the prose after
      // a list or a table (or a new question or answer) starts a paragraph.
      for (let r = 0; r < runs.length; r++) {
        const run = runs[r]!;
        if (run.kind === 'prose') decide(block.slice(run.start, run.end), atTop && r === 0);
        const next = runs[r + 1];
        if (next === undefined || next.kind !== 'prose') continue;
        const current = block[run.end - 1]!;
        const trimmedEnd = current.start + current.text.trimEnd().length;
        const nextLine = block[next.start]!;
        const nextStart = nextLine.start + indentOf(nextLine.text);
        if (run.kind === 'prose') {
          replaceBreak(trimmedEnd, nextStart, '\n\n', 'question-answer', 'a question or an answer starts a paragraph');
        } else {
          replaceBreak(
            trimmedEnd,
            nextStart,
            '\n\n',
            'block-end',
            `the ${run.kind} ends: the line after it starts a paragraph`,
          );
        }
      }
    }
    // The soft hyphens no line-break edit took along.
    for (const offset of at) {
      if (recorder.overlaps(offset, offset + 1)) continue;
      recorder.replace(offset, '\u00AD', '', 'soft-hyphen', 'a soft hyphen no word was joined on: it marks nothing');
    }
  },
});
