/**
 * The OCR corrector's tokens are found by a code-point scan (`tokenRanges`), which must find exactly
 * what the regular expression it replaces finds, whatever the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenRanges } from '../src/transforms/ocr-confusions.js';

const TOKEN = /(?<![\p{L}\p{N}'’-])[\p{L}015]+(?![\p{L}\p{N}'’-])/gu;
const byExpression = (text: string): number[] =>
  [...text.matchAll(TOKEN)].flatMap((m) => [m.index, m.index + m[0].length]);

/** Characters around every boundary the scan decides: letters of several scripts, digits, marks, apostrophes, hyphens, surrogates. */
const PIECES = [
  'a',
  'Z',
  'é',
  'ß',
  'Ω',
  'ж',
  '0',
  '1',
  '5',
  '7',
  '²',
  '½',
  "'",
  '’',
  '-',
  ' ',
  '\n',
  '.',
  '\u0301',
  '𝐀',
  '😀',
  '\ud800',
  '\udc00',
  'ſ',
  'ﬁ',
];

describe('tokenRanges', () => {
  it.each([
    ['tbe man said', [0, 3, 4, 7, 8, 12]],
    // No token beside an apostrophe or a hyphen; `0`, `1`, `5` inside one (the corrector drops those at its ends).
    ["don't c0rn wi1l 50ft self-made", [6, 10, 11, 15, 16, 20]],
  ])('finds the tokens of %j', (text, expected) => {
    expect(tokenRanges(text)).toEqual(expected);
    expect(byExpression(text)).toEqual(expected);
  });

  it('finds what the expression finds, in any text (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(tokenRanges(text)).toEqual(byExpression(text));
      }),
      { seed: 20261202, numRuns: 2000 },
    );
  });

  it('finds what the expression finds in any string of code units (seeded)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(tokenRanges(text)).toEqual(byExpression(text));
      }),
      { seed: 20261202, numRuns: 1000 },
    );
  });
});
