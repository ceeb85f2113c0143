import { describe, expect, it } from 'vitest';
import { apply } from '../helpers.js';

describe('punctuation-spacing', () => {
  it.each([
    ['full stop before a closing quote', 'efforts against ISIL .”', 'efforts against ISIL.”'],
    ['comma', 'their homes , he said', 'their homes, he said'],
    ['abbreviation', 'Mr . Smith', 'Mr. Smith'],
    ['question mark at the end', 'why ?', 'why?'],
    ['semicolon', 'first ; second', 'first; second'],
    ['after a number', 'rose 5 % .', 'rose 5 %.'],
  ])('%s', (_name, input, expected) => {
    expect(apply('punctuation-spacing', input).text).toBe(expected);
  });

  it.each([
    ['ellipsis', 'wait ... what'],
    ['decimal', 'a .5 percent rise'],
    ['domain', 'visit example .com today'],
    ['time', 'at 7 : 30 tonight'],
    ['thousands', '1 , 000 people'],
    ['after an opening quote', 'he said “ . ” twice'],
    ['URL', 'https://example.com/a,b'],
    ['e-mail address', 'mail jane.doe@example.com now'],
  ])('leaves %s', (_name, input) => {
    const result = apply('punctuation-spacing', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });
});
