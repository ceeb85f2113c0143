import { describe, expect, it } from 'vitest';
import { apply } from '../helpers.js';

describe('paragraphs', () => {
  it.each([
    [
      'a sentence broken by a blank line',
      'said the countries\n\nwill “help” them.',
      'said the countries will “help” them.',
    ],
    ['after a comma', 'the group,”\n\nusing the acronym.', 'the group,” using the acronym.'],
    ['several blank lines', 'the end\n\n\n\nof it.', 'the end of it.'],
  ])('%s', (_name, input, expected) => {
    expect(apply('paragraphs', input).text).toBe(expected);
  });

  it.each([
    ['a complete sentence', 'It ended.\n\nthen nothing.'],
    ['a quote that ends a sentence', 'he said “no.”\n\nand left.'],
    ['a capitalised next paragraph', 'A headline\n\nThe body starts.'],
    ['a colon', 'The list:\n\nbread and milk.'],
    ['a digit', 'the total was\n\n42 in all.'],
    ['a byline, which is a paragraph of its own', 'By Ana Lima\n\nthe story begins here.'],
  ])('leaves %s', (_name, input) => {
    const result = apply('paragraphs', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });
});
