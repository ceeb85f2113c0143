import { describe, expect, it } from 'vitest';
import { nestedQuantifier } from '../src/core/patterns.js';

describe('nestedQuantifier finds a repeated group that holds an unbounded quantifier', () => {
  it.each([
    ['the classic', '(a+)+$', '(a+)+'],
    ['a star over a star', '(a*)*b', '(a*)*'],
    ['words and optional spaces', '^(\\w+\\s?)*$', '(\\w+\\s?)*'],
    ['a non-capturing group', '(?:\\d+,?)+x', '(?:\\d+,?)+'],
    ['a named group', '(?<n>x+)*', '(?<n>x+)*'],
    ['an open-ended count', '(a{2,})+', '(a{2,})+'],
    ['a large bounded repeat', '(a+){1,50}', '(a+){1,50}'],
    ['a nesting two groups deep', '((ab+)c)+', '((ab+)c)+'],
    ['a lazy outer quantifier', '(a+)+?b', '(a+)+?'],
  ])('%s: %s', (_name, source, nested) => {
    expect(nestedQuantifier(source)).toBe(nested);
  });

  it.each([
    ['an id format', '\\b[A-Z]{2,}-\\d+\\b'],
    ['one quantifier per item', 'a+b*c?'],
    ['a repeated group of fixed items', '(ab)+'],
    ['a small bounded repeat', '(\\d+,){3}'],
    ['quantifiers in a character class are literal', '[+*]+'],
    ['an escaped parenthesis', '\\(a+\\)+'],
    ['a literal brace', 'a{x}+'],
    ['an alternation of words', '(?:Subscribe|Sign up) (now|today)'],
    ['a Unicode property', '\\p{Lu}+'],
  ])('accepts %s: %s', (_name, source) => {
    expect(nestedQuantifier(source)).toBeUndefined();
  });
});
