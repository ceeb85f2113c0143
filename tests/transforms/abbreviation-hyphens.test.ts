import { describe, expect, it } from 'vitest';
import { apply } from '../helpers.js';

describe('abbreviation-hyphens', () => {
  it.each([
    ['led', 'the U.S.led campaign', 'the U.S.-led campaign'],
    ['based', 'a U.K.based firm', 'a U.K.-based firm'],
    ['backed', 'the U.N.backed talks', 'the U.N.-backed talks'],
    ['made', 'U.S.made cars', 'U.S.-made cars'],
    // The document's own hyphenated form is the evidence, for a word that heads no list.
    ['written elsewhere', 'a U.K.-wide ban; the U.K.wide rule', 'a U.K.-wide ban; the U.K.-wide rule'],
    [
      'written elsewhere, inside a longer form',
      'the U.S.A.-wise view, the S.A.wise way',
      'the U.S.A.-wise view, the S.A.-wise way',
    ],
  ])('%s', (_name, input, expected) => {
    expect(apply('abbreviation-hyphens', input).text).toBe(expected);
  });

  it.each([
    ['already hyphenated', 'the U.S.-led coalition'],
    ['a spaced abbreviation', 'the U.S. led the talks'],
    ['a missing space, not a hyphen', 'the U.S.and Canada'],
    ['lowercase abbreviation', 'at 5 p.m.and later'],
    ['a single initial', 'J.led the way'],
    ['a word that heads no compound and is not written hyphenated', 'the U.K.wise man'],
  ])('leaves %s', (_name, input) => {
    const result = apply('abbreviation-hyphens', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });
});
