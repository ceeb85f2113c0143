import { describe, expect, it } from 'vitest';
import { apply } from '../helpers.js';

describe('whitespace', () => {
  it.each([
    ['inner runs', 'a  b\t c', 'a b c'],
    ['trailing spaces', 'a \nb\t', 'a\nb'],
    ['indentation', '  a\n\tb', 'a\nb'],
    ['extra blank lines', 'a\n\n\n\nb', 'a\n\nb'],
    ['blank lines with spaces', 'a\n \n  \n\nb', 'a\n\nb'],
    ['text edges', '\n\n  a  \n\n', 'a'],
  ])('%s', (_name, input, expected) => {
    expect(apply('whitespace', input).text).toBe(expected);
  });

  it('leaves tidy text', () => {
    const input = 'Headline\n\nA paragraph.\n\nAnother one.';
    expect(apply('whitespace', input).edits).toEqual([]);
  });
});
