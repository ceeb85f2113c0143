import { describe, expect, it } from 'vitest';
import { apply, damaged } from '../helpers.js';

describe('punctuation-spacing', () => {
  it.each([
    ['full stop before a closing quote', 'efforts against ISIL .”', 'efforts against ISIL.”'],
    ['comma', 'their homes , he said', 'their homes, he said'],
    ['abbreviation', 'Mr . Smith', 'Mr. Smith'],
    ['question mark among unspaced ones', 'why? how? why ?', 'why? how? why?'],
    ['a lone spaced comma', 'one, two , three', 'one, two, three'],
    ['semicolon among unspaced ones', 'first; second ; third; fourth', 'first; second; third; fourth'],
    ['after a number', 'rose 5 % .', 'rose 5 %.'],
    ['an isolated slip in a document that does not space the mark', 'a; b; c; d ; e; f', 'a; b; c; d; e; f'],
  ])('%s', (_name, input, expected) => {
    expect(apply('punctuation-spacing', input, {}, damaged).text).toBe(expected);
  });

  it.each([
    ['comma', 'their homes , he said'],
    ['full stop', 'against ISIL .”'],
    ['semicolon', 'first ; second; third; fourth'],
  ])('leaves a spaced %s in a text not shown to be damaged', (_name, input) => {
    expect(apply('punctuation-spacing', input).text).toBe(input);
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
    ['a document that spaces semicolons by convention', 'one ; two ; three ; four; five'],
    ['a lone spaced semicolon (older typography)', 'first ; second'],
    ['a lone spaced question mark', 'why ?'],
  ])('leaves %s', (_name, input) => {
    const result = apply('punctuation-spacing', input, {}, damaged);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });
});
