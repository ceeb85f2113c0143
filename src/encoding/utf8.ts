/**
 * Decode one UTF-8 sequence from bytes recovered from mis-decoded text, tolerating three kinds of
 * damage that happen on the way:
 *
 * - **lost bytes**: a strict decoder turned a byte it did not know into U+FFFD (`LOST`), or a
 *   program wrote `?` for it. The sequence is kept as one U+FFFD: we know a character was there, not
 *   which. A `?` counts only once per sequence, and after `Ã`/`Â` (0xC3, 0xC2) for two-byte ones,
 *   where the question mark cannot be real punctuation glued to an accented word.
 * - **a space for 0xA0**: the no-break space (byte 0xA0, `Ã\u00A0` = `à`) became a plain space.
 *   Accepted only where the character it completes is likely (`à`, `Š`, `Π`, `Р`, the no-break
 *   space itself, braille blanks, general punctuation, kana, Thai and Indic letters), and never in
 *   `E2 80` + space, which is a curly quote that lost its last byte (the `lost-byte` rule).
 * - **CESU-8**: a character beyond U+FFFF (an emoji) written as two UTF-16 surrogates of three bytes
 *   each (`ED A0 BD ED B8 8D` = 😍). A lone surrogate is not text and does not decode.
 */
import { LOST } from './codecs.js';

export interface Sequence {
  /** Tokens used, from the lead. */
  length: number;
  /** The code point (U+FFFD when a byte was lost). */
  cp: number;
  lossy: boolean;
  surrogates: boolean;
  /** A space was read as byte 0xA0. */
  space: boolean;
}

export interface DecodeOptions {
  /** Read a space as byte 0xA0 where that is likely (see above). */
  spaceAsA0: boolean;
  /**
   * For `Ã` + space (`à` whose no-break space became a space): whether the space is the 0xA0 (it is
   * used up) or a real space after `à` that the lost 0xA0 was merged into (it stays). Given the
   * token index of the space.
   */
  spaceIsByte?: (index: number) => boolean;
}

const QUESTION = 0x3f;
const SPACE = 0x20;

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

export const isLead = (token: number): boolean => sequenceLength(token) > 0;
export const isContinuation = (token: number): boolean => token >= 0x80 && token <= 0xbf;

/** Lead bytes whose character with 0xA0 is likely enough to read a space as 0xA0. */
const A0_AFTER_TWO_BYTE_LEAD = new Set([0xc2, 0xc3, 0xc5, 0xce, 0xd0]);

function spaceMayBeA0(tokens: readonly number[], lead: number, position: number, n: number, at: number): boolean {
  if (n === 2) return A0_AFTER_TWO_BYTE_LEAD.has(lead);
  if (n === 3 && position === 1) return lead === 0xe2 || lead === 0xe3;
  if (n === 3 && position === 2) {
    const second = tokens[at + 1]!;
    // Not after 0xE1: its Windows-1252 image is `á`, far too common (`á† next` is no Hangul letter).
    return (
      (lead === 0xe0 || lead === 0xe2 || lead === 0xe3) &&
      isContinuation(second) &&
      second !== 0x85 &&
      second !== 0xa0 &&
      !(lead === 0xe2 && second === 0x80)
    );
  }
  return n === 4 && lead === 0xf0;
}

interface Bytes {
  values: number[];
  lossy: boolean;
  space: boolean;
  used: number;
}

/** Read `n - 1` continuation tokens after the lead at `at`. */
function readContinuations(
  tokens: readonly number[],
  at: number,
  n: number,
  options: DecodeOptions,
): Bytes | undefined {
  const lead = tokens[at]!;
  const out: Bytes = { values: [lead], lossy: false, space: false, used: n };
  let questions = 0;
  for (let k = 1; k < n; k++) {
    const t = tokens[at + k];
    if (t === undefined) return undefined;
    if (isContinuation(t)) out.values.push(t);
    else if (t === LOST) {
      out.lossy = true;
      out.values.push(-1);
    } else if (t === QUESTION && questions === 0 && (n >= 3 || lead === 0xc2 || lead === 0xc3)) {
      questions++;
      out.lossy = true;
      out.values.push(-1);
    } else if (t === SPACE && !out.space && options.spaceAsA0 && spaceMayBeA0(tokens, lead, k, n, at)) {
      out.space = true;
      out.values.push(0xa0);
      if (n === 2 && lead === 0xc3 && options.spaceIsByte && !options.spaceIsByte(at + k)) out.used = 1;
    } else return undefined;
  }
  return out;
}

/** The sequence starting at `tokens[at]`, or undefined when none does. */
export function decodeSequence(tokens: readonly number[], at: number, options: DecodeOptions): Sequence | undefined {
  const lead = tokens[at]!;
  const n = sequenceLength(lead);
  if (n === 0) return undefined;
  const read = readContinuations(tokens, at, n, options);
  if (!read) return undefined;
  const [, second = -1, third = -1, fourth = -1] = read.values;
  if (lead === 0xed && second >= 0xa0) return decodeSurrogatePair(tokens, at, read);
  if (read.lossy) return { length: read.used, cp: 0xfffd, lossy: true, surrogates: false, space: read.space };
  // Overlong forms and code points past U+10FFFF are not UTF-8.
  if ((lead === 0xe0 && second < 0xa0) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) {
    return undefined;
  }
  let cp: number;
  if (n === 2) cp = ((lead & 0x1f) << 6) | (second & 0x3f);
  else if (n === 3) cp = ((lead & 0x0f) << 12) | ((second & 0x3f) << 6) | (third & 0x3f);
  else cp = ((lead & 0x07) << 18) | ((second & 0x3f) << 12) | ((third & 0x3f) << 6) | (fourth & 0x3f);
  return { length: read.used, cp, lossy: false, surrogates: false, space: read.space };
}

/** `ED A0–AF xx` followed by `ED B0–BF xx`: one character beyond U+FFFF, written as CESU-8. */
function decodeSurrogatePair(tokens: readonly number[], at: number, high: Bytes): Sequence | undefined {
  const [, second = 0, third = 0] = high.values;
  if (second > 0xaf || tokens[at + 3] !== 0xed) return undefined;
  const low = readContinuations(tokens, at + 3, 3, { spaceAsA0: false });
  if (!low) return undefined;
  const [, lowSecond = -1, lowThird = -1] = low.values;
  if (lowSecond !== -1 && (lowSecond < 0xb0 || lowSecond > 0xbf)) return undefined;
  if (high.lossy || low.lossy) return { length: 6, cp: 0xfffd, lossy: true, surrogates: true, space: false };
  const hi = 0xd000 | ((second & 0x3f) << 6) | (third & 0x3f);
  const lo = 0xd000 | ((lowSecond & 0x3f) << 6) | (lowThird & 0x3f);
  const cp = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
  return { length: 6, cp, lossy: false, surrogates: true, space: false };
}
