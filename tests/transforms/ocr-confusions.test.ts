import { describe, expect, it } from 'vitest';
import { selectTransforms } from '../../src/index.js';
import { apply } from '../helpers.js';

describe('ocr-confusions', () => {
  it.each([
    ['b read for h', 'tbe man', 'the man'],
    ['rn read for m', 'the rnan said', 'the man said'],
    ['li read for h', 'wliich was', 'which was'],
    ['cl read for d', 'bread ancl butter', 'bread and butter'],
    ['0 read for o', 'the c0rn harvest', 'the corn harvest'],
    ['all caps', 'TBE MAN', 'THE MAN'],
  ])('%s', (_name, input, expected) => {
    expect(apply('ocr-confusions', input).text).toBe(expected);
  });

  it('reads f as a long s when asked', () => {
    expect(apply('ocr-confusions', 'in fuch a way', { longS: true }).text).toBe('in such a way');
    expect(apply('ocr-confusions', 'in fuch a way').text).toBe('in fuch a way');
  });

  it.each([
    ['a dictionary word', 'the tum of events'],
    ['a capitalised name', 'Mr. Tbe spoke'],
    ['a spelling the document repeats', 'the Zorbu tbe and the tbe'],
    ['a number', 'in 1905 and 10'],
    ['an ambiguous repair', 'a lon walk'],
  ])('leaves %s', (_name, input) => {
    const result = apply('ocr-confusions', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });

  it('is off by default and on with enable', () => {
    expect(selectTransforms().map((t) => t.id)).not.toContain('ocr-confusions');
    expect(selectTransforms({ enable: ['ocr-confusions'] }).map((t) => t.id)).toContain('ocr-confusions');
  });
});
