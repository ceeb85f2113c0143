/**
 * Document blocks: which lines of a cleaned text are list items, table rows, questions and answers,
 * and which blocks are crossheads. Each detector is a named rule (`BLOCK_RULES`), so a block says why
 * it is what it is. Shared by the layout transforms (`unwrap`, `paragraphs`, `whitespace` never join
 * a list's or a table's lines, nor collapse the spacing inside a table row) and by segmentation, which
 * types the article's blocks (`ArticleBlock`).
 *
 * Typing a block changes no text: the text format writes the text as it stands; Markdown and JSON
 * read the types.
 *
 * False positives avoided: a list is two or more item lines in a row with one kind of marker (numbers
 * that count up by one, or one bullet): a lone `2. ` at a line's start after a wrapped line is no list,
 * nor is a byline's `- By` or a signature's `— A. Reader`; initials (`A. Reader`) are no marker (only
 * `a)` letters are). A table is two or more rows in a row, each shaped like a row by the same rule: a
 * prose line with a dash (`the mayor — who ...`) or three numbers (`in 1914, 1915 and 1916`) is none.
 * A crosshead is one short line between two finished paragraphs that reads as a title (see
 * `crossheadRule`); a signature (`— A. Reader, Northside`, `Jane Smith, Northside`) has a dash or a
 * comma and is none.
 * Example: `Medal table:\n1. Lakeview, 88 points\n2. Eastfield, 71` -> a paragraph and an ordered list.
 */
import { isRoleLine } from './byline.js';
import { endsSentence } from './lines.js';

/** The rule ids of block detection, as blocks and tests name them. */
export const BLOCK_RULES = [
  'list-item',
  'aligned-columns',
  'leader-dots',
  'number-columns',
  'dash-records',
  'question-answer',
  'crosshead',
  'historic-crosshead',
  'quote-marker',
] as const;
export type BlockRule = (typeof BLOCK_RULES)[number];
export type TableRule = 'aligned-columns' | 'leader-dots' | 'number-columns' | 'dash-records';

/**
 * A list item's marker: `1.`, `2)`, `a)`, `•`, `-`, `*`, `·`, then a space and text. Numbers have at
 * most three digits (`1916. The year` is no item); letters take `)` only (`A. Reader` is initials);
 * the em and en dash are no bullets (signatures, dialogue).
 */
const LIST_MARKER = /^(?:(\d{1,3})([.)])|([a-z])\)|([•\-*·▪]))[ \t]+(?=\S)/;
/** Two or more spaces (or a tab) between two visible characters: a column gap. */
const COLUMN_GAP = /\S(?: {2,}|\t+)(?=\S)/g;
/** A run of leader dots between an entry and its figure: `Lakeview .......... 88`, `Smith . . . . 4`. */
const LEADER_DOTS = /\S[ \t]*(?:\.[ \t]?){4,}[ \t]*\S/;
/** A number, as box scores and results print them: `4`, `14.02`, `1:45.3`, `.333`, `12-4`. */
const NUMBER_TOKEN = /^[(]?[-+]?(?:\d+(?:[.,:]\d+)*|\.\d+)(?:-\d+)?[%)]?[.,;]?$/;
/** A row of numbers has at least this many, and they are at least this share of its tokens. */
const MIN_ROW_NUMBERS = 3;
const MIN_ROW_NUMBER_SHARE = 0.5;
/**
 * A `—`-separated record: a short label, a spaced em dash, the entry (`Shot put — Ines Kowalski, ...`).
 * The label is at most this many words and starts with a capital or a digit.
 */
const DASH_RECORD = /^([\p{Lu}\d][^—.!?]{0,40}?) — (\S.*)$/u;
const DASH_LABEL_MAX_WORDS = 5;
/** A question or an answer of an interview: `Q:` or `A:` and the text. */
const QUESTION_ANSWER = /^(?:Q|A):[ \t]+\S/;
/** A quoted line: `> ` and the text. */
const QUOTE_LINE = /^>[ \t]?/;
/** Columns line up when their starts differ by at most this many characters (OCR shifts a column by one). */
const COLUMN_SLACK = 1;
/** A crosshead is at most this many words and characters: a title, not a sentence. */
export const CROSSHEAD_MAX_WORDS = 8;
export const CROSSHEAD_MAX_CHARS = 60;
/**
 * The paragraph above a crosshead has at least this many words: a crosshead parts a story's body, and
 * a short block above is a headline's deck or a byline's line (`Special to The Evening Courier.`).
 */
const CROSSHEAD_PREVIOUS_MIN_WORDS = 10;
/** A crosshead all in Title Case (no lower-case word to show a phrase) needs this many words: `Jane Smith` is a signature. */
const TITLE_CASE_MIN_WORDS = 4;
/**
 * A historic crosshead (`To Ask Information.`): Title Case, a full stop, at least this many words; on
 * a historic page (`historic`) two do (`Lansing Silent.`), as a two-word name there has an initial or
 * a title (`Mrs. J. Brown.`) and elsewhere it is a signature (`Jane Smith.`).
 */
const HISTORIC_CROSSHEAD_MIN_WORDS = 3;
const HISTORIC_PAGE_CROSSHEAD_MIN_WORDS = 2;
/** Words a Title Case line may keep in lower case. */
const MINOR_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

/** What a list item's marker says: its number (ordered), its letter, or its bullet. */
export interface ListMarker {
  /** The marker as written (`1.`, `a)`, `•`). */
  marker: string;
  ordered: boolean;
  /** The number of a numbered item. */
  number?: number;
  /** `.` or `)` after a number or letter; the bullet itself otherwise. */
  delimiter: string;
  /** The item's text, after the marker. */
  text: string;
}

export function listMarker(line: string): ListMarker | undefined {
  const trimmed = line.trim();
  const m = LIST_MARKER.exec(trimmed);
  if (!m) return undefined;
  const text = trimmed.slice(m[0].length);
  if (m[1] !== undefined) return { marker: m[1] + m[2]!, ordered: true, number: Number(m[1]), delimiter: m[2]!, text };
  if (m[3] !== undefined) return { marker: `${m[3]})`, ordered: false, delimiter: ')', text };
  return { marker: m[4]!, ordered: false, delimiter: m[4]!, text };
}

/** `next` continues the list `previous` is in: numbers count up by one, letters by one, bullets are the same. */
function continuesList(previous: ListMarker, next: ListMarker): boolean {
  if (previous.number !== undefined)
    return next.number === previous.number + 1 && next.delimiter === previous.delimiter;
  if (previous.delimiter === ')' && next.delimiter === ')' && next.number === undefined) {
    return next.marker.charCodeAt(0) === previous.marker.charCodeAt(0) + 1;
  }
  return next.number === undefined && next.delimiter === previous.delimiter && previous.delimiter !== ')';
}

/** The starts of the columns after the first (the characters after each column gap). */
function columnStarts(line: string): number[] {
  const starts: number[] = [];
  for (const m of line.matchAll(COLUMN_GAP)) starts.push(m.index + m[0].length);
  return starts;
}

function numberRow(line: string): boolean {
  const tokens = line.trim().split(/\s+/);
  let numbers = 0;
  for (const t of tokens) if (NUMBER_TOKEN.test(t)) numbers++;
  return numbers >= MIN_ROW_NUMBERS && numbers >= tokens.length * MIN_ROW_NUMBER_SHARE;
}

function dashRecord(line: string): boolean {
  const m = DASH_RECORD.exec(line.trim());
  return m !== null && m[1]!.trim().split(/\s+/).length <= DASH_LABEL_MAX_WORDS && !m[2]!.includes(' — ');
}

/** The table rule a line is a row by on its own (columns are judged with the neighbours: `rowRules`). */
function ownRowRule(line: string): TableRule | undefined {
  if (LEADER_DOTS.test(line)) return 'leader-dots';
  if (numberRow(line)) return 'number-columns';
  if (line.includes(' — ') && dashRecord(line)) return 'dash-records';
  return undefined;
}

/** Two lines share a column: a column start of one lies within `COLUMN_SLACK` of one of the other's. */
function shareColumn(a: readonly number[], b: readonly number[]): boolean {
  return a.some((x) => b.some((y) => Math.abs(x - y) <= COLUMN_SLACK));
}

/** What each line of a block is, by the rule that says so: a list item, a table row, or prose. */
export type LineKind = { kind: 'item'; marker: ListMarker } | { kind: 'row'; rule: TableRule } | { kind: 'prose' };

/**
 * The kinds of a block's lines (the lines as they stand, leading spaces kept: columns are read from
 * them). A line is a list item or a table row only in a run of two or more by one rule; every other
 * line is prose.
 */
export function lineKinds(lines: readonly string[]): LineKind[] {
  const kinds: LineKind[] = lines.map(() => ({ kind: 'prose' }));
  // Lists: runs of items whose markers continue one another.
  for (let i = 0; i < lines.length;) {
    const first = listMarker(lines[i]!);
    if (first === undefined) {
      i++;
      continue;
    }
    let end = i + 1;
    let last = first;
    for (; end < lines.length; end++) {
      const next = listMarker(lines[end]!);
      if (next === undefined || !continuesList(last, next)) break;
      last = next;
    }
    if (end - i >= 2) for (let j = i; j < end; j++) kinds[j] = { kind: 'item', marker: listMarker(lines[j]!)! };
    i = end;
  }
  // Tables: runs of rows by one rule; aligned columns when neighbours share a column start.
  const own = lines.map((l, i) => (kinds[i]!.kind === 'prose' ? ownRowRule(l) : undefined));
  const starts = lines.map((l) => columnStarts(l.trimEnd()));
  for (let i = 0; i < lines.length;) {
    if (kinds[i]!.kind !== 'prose') {
      i++;
      continue;
    }
    const aligned = (j: number) =>
      kinds[j]!.kind === 'prose' &&
      starts[j]!.length > 0 &&
      starts[j - 1]!.length > 0 &&
      shareColumn(starts[j - 1]!, starts[j]!);
    let end = i + 1;
    let rule: TableRule | undefined;
    if (i + 1 < lines.length && aligned(i + 1)) {
      rule = 'aligned-columns';
      while (end < lines.length && aligned(end)) end++;
    } else if (own[i] !== undefined) {
      rule = own[i];
      while (end < lines.length && kinds[end]!.kind === 'prose' && own[end] === rule) end++;
    }
    if (rule !== undefined && end - i >= 2) for (let j = i; j < end; j++) kinds[j] = { kind: 'row', rule };
    i = end;
  }
  return kinds;
}

/** The line opens a question or an answer of an interview (`Q: ...`, `A: ...`): a paragraph of its own. */
export const isQuestionOrAnswer = (line: string): boolean => QUESTION_ANSWER.test(line.trimStart());

/** The line is a table row by a rule that reads its spacing (its inner spaces must stay). */
export function keepsSpacing(kind: LineKind): boolean {
  return kind.kind === 'row' && kind.rule === 'aligned-columns';
}

const words = (line: string): string[] => line.split(/\s+/).filter((w) => w !== '');
const capitalised = (word: string): boolean => /^[“"‘'(]?[\p{Lu}\d]/u.test(word);

/**
 * The line has a historic crosshead's shape (`To Ask Information.`, `Lansing Silent.`): short, Title
 * Case (minor words may stay lower case), one full stop at the end, no initials or abbreviations
 * (`Mrs. J. W. Brown.`), no comma or dash, at least `minWords` words of which two are not minor words.
 */
export function historicCrossheadShape(line: string, minWords = HISTORIC_CROSSHEAD_MIN_WORDS): boolean {
  if (line.includes('\n') || line.length > CROSSHEAD_MAX_CHARS || !/^\p{Lu}/u.test(line)) return false;
  if (!/[^.]\.$/.test(line) || /[,;—–]/.test(line) || isRoleLine(line) || listMarker(line) !== undefined) return false;
  const ws = words(line);
  if (ws.length < minWords || ws.length > CROSSHEAD_MAX_WORDS) return false;
  const body = ws.slice(0, -1).concat(ws[ws.length - 1]!.slice(0, -1));
  if (body.some((w) => w.includes('.'))) return false; // initials, abbreviations
  if (body.join('').replace(/[^\p{L}]/gu, '').length < 3) return false;
  const title = body.every((w, i) => capitalised(w) || (i > 0 && MINOR_WORDS.has(w)));
  return title && body.filter((w) => !MINOR_WORDS.has(w)).length >= 2;
}

/**
 * The rule by which a one-line block between two paragraphs is a crosshead, or undefined:
 * - `crosshead`: short, no terminal punctuation nor comma, starts with a capital, and reads as a title:
 *   all caps (two words or more), a phrase with a lower-case word after the first (`Where the money
 *   goes`), or Title Case of `TITLE_CASE_MIN_WORDS` words or more;
 * - `historic-crosshead`: `historicCrossheadShape` (`To Ask Information.`; on a historic page also
 *   two words: `Lansing Silent.`).
 * `previous` must end a sentence (and be a body paragraph, `CROSSHEAD_PREVIOUS_MIN_WORDS`) and `next`
 * start with a capital, a digit or a quote: the line does not cut a sentence. A role line (`Special
 * to The Evening Courier.`) is none.
 */
export function crossheadRule(
  line: string,
  previous: string,
  next: string,
  historic = false,
): 'crosshead' | 'historic-crosshead' | undefined {
  if (line.includes('\n') || line.length > CROSSHEAD_MAX_CHARS) return undefined;
  if (!endsSentence(previous) || !/^[“"‘'(]?[\p{Lu}\d]/u.test(next.trimStart())) return undefined;
  if (words(previous).length < CROSSHEAD_PREVIOUS_MIN_WORDS || isRoleLine(line)) return undefined;
  if (/[,;—–]/.test(line) || !/^[\p{Lu}\d]/u.test(line) || listMarker(line) !== undefined) return undefined;
  const ws = words(line);
  if (ws.length > CROSSHEAD_MAX_WORDS) return undefined;
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return undefined;
  if (!/[.!?:…]["”’)]?$/.test(line)) {
    if (letters === letters.toUpperCase()) return ws.length >= 2 ? 'crosshead' : undefined;
    const lowerAfterFirst = ws.slice(1).some((w) => /^\p{Ll}/u.test(w));
    if (lowerAfterFirst) return 'crosshead';
    return ws.length >= TITLE_CASE_MIN_WORDS ? 'crosshead' : undefined;
  }
  const minWords = historic ? HISTORIC_PAGE_CROSSHEAD_MIN_WORDS : HISTORIC_CROSSHEAD_MIN_WORDS;
  return historicCrossheadShape(line, minWords) ? 'historic-crosshead' : undefined;
}

/** The block's lines all start with `>`: a quotation, its text without the markers. */
export function quoteText(block: string): string | undefined {
  const lines = block.split('\n');
  if (!lines.every((l) => QUOTE_LINE.test(l.trimStart()))) return undefined;
  return lines.map((l) => l.trimStart().replace(QUOTE_LINE, '')).join('\n');
}
