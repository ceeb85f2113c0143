/**
 * A fast word scanner shared by the word-level transforms.
 *
 * A word here is a run of letters (and combining marks). Scanning char codes with a cached class
 * table is several times faster than a Unicode regular expression, and every word-level transform
 * needs the same thing: where the words are and what separates them.
 */

/** Class of each BMP code unit: 0 not yet known, 1 letter or mark, 2 other. */
const CLASS = new Uint8Array(65536);
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

export function isLetterCode(code: number): boolean {
  if (code < 128) {
    const lower = code | 32;
    return lower >= 97 && lower <= 122;
  }
  let cls = CLASS[code]!;
  if (cls === 0) {
    // Surrogate halves (letters outside the BMP) are not words for our purposes.
    cls = code >= 0xd800 && code <= 0xdfff ? 2 : LETTER_OR_MARK.test(String.fromCharCode(code)) ? 1 : 2;
    CLASS[code] = cls;
  }
  return cls === 1;
}

/** Letter case of each BMP code unit from 128 up: 0 not yet known, then one of the three below. */
const CASE = new Uint8Array(65536);
const UPPER_CASE = 1;
const LOWER_CASE = 2;
const NO_CASE = 3;

/**
 * The case of the code unit `code` (128 or more), cached: an upper-case letter changes under
 * `toLowerCase` and not under `toUpperCase`, a lower-case one the other way round. Both conversions
 * are made every time, so that V8's optimised callers meet no branch they have not seen run.
 */
function caseOf(code: number): number {
  let kind = CASE[code]!;
  if (kind === 0) {
    const c = String.fromCharCode(code);
    const upper = c.toUpperCase();
    const lower = c.toLowerCase();
    kind = c !== lower && c === upper ? UPPER_CASE : c !== upper && c === lower ? LOWER_CASE : NO_CASE;
    CASE[code] = kind;
  }
  return kind;
}

export function isUpperCode(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  return caseOf(code) === UPPER_CASE;
}

export function isLowerCode(code: number): boolean {
  if (code < 128) return code >= 97 && code <= 122;
  return caseOf(code) === LOWER_CASE;
}

export interface Words {
  readonly text: string;
  readonly count: number;
  /** Start offset of word i. */
  readonly starts: Int32Array;
  /** End offset (exclusive) of word i. */
  readonly ends: Int32Array;
}

/** Every run of letters in `text`, in order. */
export function scanWords(text: string): Words {
  let starts = new Int32Array(Math.max(16, text.length >> 3));
  let ends = new Int32Array(starts.length);
  let count = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isLetterCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isLetterCode(text.charCodeAt(i))) i++;
    if (count === starts.length) {
      const grownStarts = new Int32Array(count * 2);
      grownStarts.set(starts);
      starts = grownStarts;
      const grownEnds = new Int32Array(count * 2);
      grownEnds.set(ends);
      ends = grownEnds;
    }
    starts[count] = start;
    ends[count] = i;
    count++;
  }
  return { text, count, starts, ends };
}

export function word(words: Words, i: number): string {
  return words.text.slice(words.starts[i], words.ends[i]);
}

/** Only spaces and tabs (at least one) between word i and word i + 1. */
export function spacesAfter(words: Words, i: number): boolean {
  const end = words.starts[i + 1]!;
  let k = words.ends[i]!;
  if (k >= end) return false;
  for (; k < end; k++) {
    const c = words.text.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** The text between word i and word i + 1. */
export function gapAfter(words: Words, i: number): string {
  return words.text.slice(words.ends[i], words.starts[i + 1]);
}

/** Word i has a glue character (`isGlueCode`) right before it. */
export function glueBefore(words: Words, i: number): boolean {
  const start = words.starts[i]!;
  return start > 0 && isGlueCode(words.text.charCodeAt(start - 1));
}

/**
 * Characters that glue a word to a neighbour: a word next to one of these is part of a larger token,
 * or (the OCR specks `»«•■¦|^~*`) a damaged one whose end cannot be trusted (`The re»`).
 */
const GLUE = new Set(
  ["'", '’', '-', '‐', '@', '/', '_', '.', '\\', '»', '«', '•', '■', '¦', '|', '^', '~', '*'].map((c) =>
    c.charCodeAt(0),
  ),
);
const isDigitCode = (code: number): boolean => code >= 48 && code <= 57;

/** The character code `code` is glue or a digit (see `GLUE`). */
export function isGlueCode(code: number): boolean {
  return GLUE.has(code) || isDigitCode(code);
}

/**
 * The character at `i`, right after a word, continues it into a larger token (`e-mail`, `O’Neill`,
 * `example.com`, `3D`), unlike punctuation that just follows it (`ade.`, `cerns,`).
 */
export function continuesToken(text: string, i: number): boolean {
  const c = codeAt(text, i);
  if (c === 46) return isLetterCode(codeAt(text, i + 1)) || isDigitCode(codeAt(text, i + 1)); // `.`
  return isGlueCode(c);
}

/**
 * `text.charCodeAt(i)`, or -1 (no character, which no class test accepts) outside the text. V8 throws
 * away optimised code that reads past either end of a string, so code that may ask there uses this.
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** Give `word` the letter case of `template`: `UPPER`, `Title` or lower. */
export function matchCase(template: string, word: string): string {
  let letters = '';
  for (let i = 0; i < template.length; i++) if (isLetterCode(template.charCodeAt(i))) letters += template.charAt(i);
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return word.toUpperCase();
  }
  const first = letters.charAt(0);
  if (first !== '' && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  }
  return word.toLowerCase();
}

/** The characters `\s` matches. */
export function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
