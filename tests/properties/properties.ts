/**
 * The properties that hold whatever the input (issue 12, "nothing lost, nothing crashes"), with the
 * inputs that probe them. `tests/properties.test.ts` runs them seeded and bounded in `npm test`;
 * `npm run fuzz` runs them long and writes every failing input down.
 *
 * - never throws: `cleanArticle` returns for any string, preset and format;
 * - records every change: each step's edits sit where they say (`before` found at `offset`, in order,
 *   not overlapping) and replay, step after step, to the cleaned text; the text format is that text;
 * - keeps every word: a word of the input missing from the output was lost to a recorded repair, or
 *   its line is listed in `removed`;
 * - idempotent: cleaning the output again gives the output.
 *
 * The inputs: random Unicode; soups of the pieces the transforms act on (hyphens, soft hyphens,
 * ligatures, white space, line breaks, page furniture, mojibake); and the fixture articles, mutated.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { cleanArticle, FORMATS, PRESET_CHOICES, type CleanResult, type Format } from '../../src/index.js';
import type { PresetChoice } from '../../src/core/presets.js';
import { TRANSFORMS } from '../../src/transforms/index.js';
import { readInputFile } from '../../src/io/files.js';
import { applyEdits } from '../../src/core/edits.js';
import { evidence } from '../helpers.js';

/** The pieces soups are made of: what the transforms look for, and what they must leave alone. */
export const PIECES = [
  'the',
  'county',
  'approved',
  'con',
  'cerns',
  'offi',
  'cials',
  'efffforts',
  'signi',
  'cant',
  'collec',
  'ting',
  'U.S.',
  'led',
  'ISIL',
  'Page',
  'B4',
  '7',
  '12',
  '1916',
  'By',
  'BY ANA LIMA',
  'Times',
  'See PAGE 5',
  'From B2',
  '-',
  '\u00AD',
  '¬',
  '\u2010',
  '\uFB00',
  '\uFB01',
  '\uFB02',
  '\uFB03',
  '\uFB04',
  '\uFB05',
  '\uFB06',
  'ſ',
  ' ',
  '  ',
  '\t',
  '\u00A0',
  '\u200B',
  '\u0007',
  '\n',
  '\n\n',
  '\n\n\n',
  '\r\n',
  '\r',
  '\f',
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  '“',
  '”',
  '’',
  '—',
  '(',
  ')',
  '•',
  '&&',
  '*',
  '#',
  '> ',
  '1. ',
  'http://example.com/a-b',
  'x@y.org',
  'Newspapers in English',
  'ORIGINAL COPY',
  'â€™',
  'Ã©',
  'e\u0301',
] as const;

/** Lines the mutations insert: page furniture, noise, bylines, numbers. */
const LINES = [
  '7',
  '12',
  'B4',
  'Page 3',
  '- 4 -',
  'See PAGE 5',
  'Continued on Page 2',
  '&&',
  '•sSSfei*',
  'THE DAILY NEWS',
  'Associated Press',
  '- By ANA LIMA',
  'By Tom Reyes, Staff Writer',
  'Monday, May 5, 2025',
  'Newspapers in English',
  'ADVERTISEMENT',
  '* * *',
];

const root = path.join(import.meta.dirname, '..', '..', 'fixtures');
/** The fixture articles' inputs, decoded as the CLI reads them. */
export const FIXTURES: readonly string[] = fs
  .readdirSync(root)
  .filter((d) => fs.existsSync(path.join(root, d, 'input.txt')))
  .sort()
  .map((d) => readInputFile(path.join(root, d, 'input.txt')).text);

const piece = fc.constantFrom(...PIECES);

/** Random Unicode: any code point (lone surrogates too), or graphemes. */
export const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

/** A soup of the pieces. */
export const soup = fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join(''));

/** One change to an article, at a place given as a share of its length. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), piece }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('line' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    line: fc.constantFrom(...LINES),
  }),
  fc.record({
    kind: fc.constant('break' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    to: fc.constantFrom('\n', '\n\n', ' ', '\n7\n', '-\n', '\u00AD\n'),
  }),
  fc.record({ kind: fc.constant('upper' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const at = Math.min(text.length, Math.floor(m.at * text.length));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.piece + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'line':
      return `${text.slice(0, lineStart)}${m.line}\n${text.slice(lineStart)}`;
    case 'break': {
      // The line break nearest the place, or a space there (a word split in two).
      const target = text.indexOf('\n', at) !== -1 ? text.indexOf('\n', at) : text.indexOf(' ', at);
      return target === -1 ? text : text.slice(0, target) + m.to + text.slice(target + 1);
    }
    case 'upper':
      return text.slice(0, lineStart) + text.slice(lineStart, lineEnd).toUpperCase() + text.slice(lineEnd);
  }
}

/** A fixture article with a few mutations. */
export const mutatedArticle = fc
  .record({ fixture: fc.nat({ max: FIXTURES.length - 1 }), mutations: fc.array(mutation, { maxLength: 6 }) })
  .map(({ fixture, mutations }) => mutations.reduce(mutate, FIXTURES[fixture]!));

/** Every kind of input, for the properties that must hold on all of them. */
export const anyInput = fc.oneof(unicodeText, soup, mutatedArticle);

/** What a property is given: the input, and how to clean it. */
export interface Case {
  input: string;
  preset: PresetChoice;
  format: Format;
}

export const anyCase: fc.Arbitrary<Case> = fc.record({
  input: anyInput,
  preset: fc.constantFrom(...PRESET_CHOICES),
  format: fc.constantFrom(...FORMATS),
});

/** A case cleaned as the CLI cleans a file by default: preset auto, plain text. */
export const defaultCase = (input: fc.Arbitrary<string>): fc.Arbitrary<Case> =>
  input.map((text) => ({ input: text, preset: 'auto' as const, format: 'text' as const }));

export const clean = (c: Case, skip?: readonly string[]): CleanResult =>
  cleanArticle(c.input, { evidence, preset: c.preset, format: c.format, ...(skip && { skip: [...skip] }) });

/** A failed property: what went wrong, shown with the texts involved. */
export class PropertyFailure extends Error {
  override readonly name = 'PropertyFailure';
}

const show = (s: string, max = 300) => JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);

/** Each step's edits sit where they say and replay to the next step's text; the text format is the text. */
export function checkRecordsEveryChange(c: Case): void {
  const result = clean(c);
  let text = c.input;
  for (const step of result.steps) {
    let cursor = 0;
    for (const edit of step.edits) {
      if (edit.offset < cursor)
        throw new PropertyFailure(`${step.transform}: edits overlap or are out of order at ${edit.offset}`);
      if (!text.startsWith(edit.before, edit.offset)) {
        throw new PropertyFailure(`${step.transform}/${edit.rule}: ${show(edit.before)} is not at ${edit.offset}`);
      }
      if (edit.transform !== step.transform)
        throw new PropertyFailure(`${edit.transform} edit in ${step.transform}'s step`);
      cursor = edit.offset + edit.before.length;
    }
    text = applyEdits(text, step.edits);
  }
  if (text !== result.text) throw new PropertyFailure(`the edits replay to ${show(text)}, not ${show(result.text)}`);
  if (c.format === 'text') {
    const expected = result.text === '' ? '' : `${result.text}\n`;
    if (result.output !== expected) {
      throw new PropertyFailure(`the text output ${show(result.output)} is not the cleaned text ${show(result.text)}`);
    }
  }
}

/** Letter and digit tokens, NFKC and lower case, counted. */
function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []) {
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

function add(into: Map<string, number>, from: Map<string, number>, minus?: Map<string, number>): void {
  for (const [w, n] of from) {
    const k = n - (minus?.get(w) ?? 0);
    if (k > 0) into.set(w, (into.get(w) ?? 0) + k);
  }
}

/** A letter, digit or mark once NFKC-normalised (`™` reads `TM`), as the words above are counted. */
const isWordChar = (c: string): boolean => /[\p{L}\p{N}\p{M}]/u.test(c.normalize('NFKC'));

/** The code point that ends at `i`: a surrogate pair is one. */
function codePointBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.slice(i - 1, i);
}
const codePointAt = (text: string, i: number): string => String.fromCodePoint(text.codePointAt(i)!);

/** `[start, end)` widened to whole words. */
function widen(text: string, start: number, end: number): [number, number] {
  while (start > 0 && isWordChar(codePointBefore(text, start))) start -= codePointBefore(text, start).length;
  while (end < text.length && isWordChar(codePointAt(text, end))) end += codePointAt(text, end).length;
  return [start, end];
}

const FURNITURE = new Set(TRANSFORMS.filter((t) => t.stage === 'furniture').map((t) => t.id));

/**
 * A word of the input missing from the output was lost to a recorded edit: a repair (its span, widened
 * to whole words, loses it) or a removed line, which `removed` lists.
 */
export function checkKeepsEveryWord(c: Case): void {
  const result = clean({ ...c, format: 'text' });
  const repaired = new Map<string, number>();
  let text = c.input;
  for (const step of result.steps) {
    if (FURNITURE.has(step.transform)) {
      text = applyEdits(text, step.edits);
      continue;
    }
    // Each edit's span widened to whole words; edits whose widened spans touch are taken together
    // (two removed invisible characters can join three words into one).
    const edits = step.edits;
    for (let i = 0; i < edits.length;) {
      const [start, first] = widen(text, edits[i]!.offset, edits[i]!.offset + edits[i]!.before.length);
      let end = first;
      let j = i;
      while (j + 1 < edits.length && edits[j + 1]!.offset <= end) {
        j++;
        end = widen(text, start, Math.max(end, edits[j]!.offset + edits[j]!.before.length))[1];
      }
      const group = edits.slice(i, j + 1).map((e) => ({ ...e, offset: e.offset - start }));
      const before = text.slice(start, end);
      add(repaired, words(before), words(applyEdits(before, group)));
      i = j + 1;
    }
    text = applyEdits(text, edits);
  }
  const removed = new Map<string, number>();
  for (const r of result.article.removed) add(removed, words(r.text));
  const missing = new Map<string, number>();
  add(missing, words(c.input), words(result.output));
  // Removed furniture lines are listed whole; every word of theirs is accounted for.
  const lost: string[] = [];
  for (const [w, n] of missing) {
    const left = n - (repaired.get(w) ?? 0) - (removed.get(w) ?? 0);
    if (left > 0) lost.push(`${w} ×${left}`);
  }
  if (lost.length > 0)
    throw new PropertyFailure(`words lost by no recorded edit and listed nowhere: ${lost.join(', ')}`);
}

/**
 * Cleaning the output again gives the output. The second cleaning uses the preset the first chose
 * (`samePreset`), or detects one again from the cleaned text (`auto`).
 */
export function checkIdempotent(c: Case, how: { skip?: readonly string[]; samePreset: boolean }): void {
  const first = clean(c, how.skip);
  const again: Case = { ...c, input: first.output, ...(how.samePreset && { preset: first.source.preset }) };
  const second = clean(again, how.skip);
  const [once, twice] = [first.output, second.output];
  if (twice !== once) {
    let i = 0;
    while (i < once.length && once[i] === twice[i]) i++;
    const presets = `${first.source.preset} -> ${second.source.preset}`;
    throw new PropertyFailure(
      `a second cleaning (${presets}) changes the output at ${i}: ${show(once.slice(Math.max(0, i - 60), i + 60))} -> ${show(twice.slice(Math.max(0, i - 60), i + 60))}`,
    );
  }
}

/**
 * The transforms that repair words across line breaks and OCR damage. Idempotence is checked with
 * them and without them: without, a failure is the layout's or the furniture's own.
 */
export const WORD_TRANSFORMS = ['ligatures', 'hyphens', 'split-words', 'ocr-confusions'] as const;

export interface Property {
  name: string;
  cases: fc.Arbitrary<Case>;
  check: (c: Case) => void;
  /** Why the property cannot hold yet, when it cannot (an `it.fails` in `npm test`). */
  knownFailure?: string;
  /** Inputs tried before the generated ones: for a known failure, one that shows it. */
  examples?: readonly Case[];
}

const example = (input: string): Case => ({ input, preset: 'auto', format: 'text' });

/** The properties, each with its inputs. */
export const PROPERTIES: readonly Property[] = [
  { name: 'never-throws', cases: anyCase, check: (c) => void clean(c) },
  { name: 'records-every-change', cases: anyCase, check: checkRecordsEveryChange },
  { name: 'keeps-every-word', cases: anyCase, check: checkKeepsEveryWord },
  {
    name: 'idempotent',
    cases: defaultCase(anyInput),
    check: (c) => checkIdempotent(c, { skip: WORD_TRANSFORMS, samePreset: true }),
  },
  {
    name: 'idempotent-with-word-transforms',
    cases: defaultCase(anyInput),
    check: (c) => checkIdempotent(c, { samePreset: true }),
    // Inputs a second cleaning once changed: a word `hyphens` moved down left a line of noise (`NA`);
    // a word split-words parted made a line of page furniture (`the Times`); a character repair showed
    // mojibake (a ligature or a soft hyphen inside `\u00AC\u2022`, a yen sign read as Mac Roman).
    examples: [
      example('The county approved a plan\nNA LIMA\u00AD\nLibrary hours grow.\n\nMore text here.'),
      example('theTimes'),
      example('\uFB06\u00AC\u2022'),
      example('\u00AC\u2022\u00AD'),
    ],
  },
  {
    name: 'idempotent-detecting-again',
    cases: defaultCase(anyInput),
    check: (c) => checkIdempotent(c, { skip: WORD_TRANSFORMS, samePreset: false }),
    knownFailure:
      'a second cleaning detects the source again from the cleaned text, whose signs the first removed (a PressReader footer): another preset runs, with rules the first turned off (a running head kept as PressReader text, then removed)',
    examples: [
      example(
        'Newspapers in English\n\nA1  THE CITY TIMES  MONDAY, MARCH 3, 2025\n\nFerry back in April\n\nThe ferry will run again in April, officials said.',
      ),
    ],
  },
];
