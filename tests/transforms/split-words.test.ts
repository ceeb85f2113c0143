import { describe, expect, it } from 'vitest';
import { apply, damaged } from '../helpers.js';

describe('split-words', () => {
  it.each([
    ['a fragment and a fragment', 'cooperate in collec ting information', 'cooperate in collecting information'],
    ['a word and a fragment', 'a plan that address es costs', 'a plan that addresses costs'],
    ['three parts', 'the infra struc ture bill', 'the infrastructure bill'],
    [
      'a word cut by a paragraph break, ligature garbage in it',
      'U.S. offiffi\n\ncials insist',
      'U.S. officials insist',
    ],
    ['a word cut by a line break, both parts fragments', 'a signif\nicant rise', 'a significant rise'],
    ['all caps', 'COLLEC TING DATA', 'COLLECTING DATA'],
  ])('%s', (_name, input, expected) => {
    const result = apply('split-words', input);
    expect(result.text).toBe(expected);
    expect(result.edits.length).toBeGreaterThan(0);
  });

  it('joins a compound of two words in a damaged document', () => {
    expect(apply('split-words', 'she starts her home work late', {}, damaged).text).toBe(
      'she starts her homework late',
    );
  });

  it('joins a compound the document uses whole, in a damaged document', () => {
    const result = apply('split-words', 'Homework matters. She did her home work.', {}, damaged);
    expect(result.text).toBe('Homework matters. She did her homework.');
    expect(result.edits[0]?.reason).toBe('"homework" is used elsewhere in the document');
  });

  it.each([
    ['in to', 'he turned himself in to police'],
    ['a lot', 'it rained a lot'],
    ['may be', 'it may be late'],
    ['every one', 'every one of them'],
    ['a compound in a clean document', 'she starts her home work late'],
    // Typeset text is not consistent: a page that prints `bedroom` may print `bed room` too.
    ['a compound a clean document also writes whole', 'Homework matters. She did her home work.'],
    ['a name the document writes apart more often than whole', 'DE SOTO was found. De Soto died. DeSoto came.'],
    ['a Latin phrase', 'a post mortem examination, de facto rule, in situ'],
    ['a name', 'Qassim Abdul said'],
    ['a place', 'in New York today'],
    ['numbers', 'the 3 D printer'],
    ['across punctuation', 'collec, ting'],
    ['an e-mail address', 'write to collec ting@example.com'],
    ['a URL', 'see www.collec ting.com'],
    ['two words across a paragraph break', 'the end\n\nof it'],
    ['a fragment glued to OCR specks', 'and eliminate. The re» that'],
  ])('leaves %s', (_name, input) => {
    const result = apply('split-words', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });

  it.each([
    ['air base (the open form is the usual one)', 'an air base there'],
    ['in to', 'he turned himself in to police'],
    ['a pair the document writes apart more often than whole', 'the show rooms, the show rooms and showrooms'],
  ])('leaves %s even in a damaged document', (_name, input) => {
    expect(apply('split-words', input, {}, damaged).text).toBe(input);
  });

  it.fails(
    'leaves "green house" in a damaged document (unigram frequencies cannot tell it from a split "greenhouse")',
    () => {
      expect(apply('split-words', 'the green house on the hill', {}, damaged).text).toBe('the green house on the hill');
    },
  );
});
