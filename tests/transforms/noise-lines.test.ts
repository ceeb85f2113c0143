import { describe, expect, it } from 'vitest';
import { apply } from '../helpers.js';

const between = (line: string) => `The rescue was witnessed by many\n${line}\npersons on the bluff.`;

describe('noise-lines', () => {
  it.each([
    ['ampersands', '&&'],
    ['bullet and letters', '•sSSfei*'],
    ['quote and guillemet', "'»A"],
    ['punctuation soup', '."N^ S :W. 1\\ "fW \'^\'V 7. A1.* i"'],
    ['a lone letter', 'j'],
    ['a lone semicolon', ';'],
    ['a speck of two letters', 'fv'],
    ['symbols and a digit', '*f4'],
  ])('removes %s', (_name, line) => {
    const result = apply('noise-lines', between(line));
    expect(result.text).toBe('The rescue was witnessed by many\npersons on the bluff.');
    expect(result.edits.map((e) => e.rule)).toEqual(['no-word']);
  });

  it.each([
    ['a real word', 'frets'],
    ['a heading with words', '%£Tension, However, is Not'],
    ['a name no dictionary has, all letters', 'Waddington'],
    ['a frequent name among noise', "Nevada.\" .' '.''.\" 's ! ; .' 7"],
    ['a year', '1916.'],
    ['old money', '£16,364 13s. 2d.'],
    ['a list marker', '9.'],
    ['a separator', '* * *'],
    ['initials', '- F. S. B.'],
    ['a name after initials, with specks beside it', '|T. G. Marsh •'],
    ['a pronoun in a sentence line', 'I said so.'],
  ])('keeps %s', (_name, line) => {
    const input = between(line);
    expect(apply('noise-lines', input).text).toBe(input);
  });

  it('keeps the end of a word hyphenated on the line above', () => {
    const input = 'a new connec-\ntion: ¦ • .¦ .• ¦\nwas made.';
    expect(apply('noise-lines', input).text).toBe(input);
  });

  it('does not keep a line for a hyphen on a line of page furniture above, which goes', () => {
    const result = apply('noise-lines', 'The rescue was\nADVERTISEMENT\u00AD\nB4\nwitnessed.');
    expect(result.text).toBe('The rescue was\nADVERTISEMENT\u00AD\nwitnessed.');
  });

  it('does not keep a line for a hyphen on a line of noise above, which goes too', () => {
    // Kept, it would lose that line above and be removed by a second cleaning.
    const result = apply('noise-lines', "The rescue was\n•Tir'\nl-\nfc\nwitnessed.");
    expect(result.text).toBe('The rescue was\nwitnessed.');
    expect(apply('noise-lines', result.text).edits).toEqual([]);
  });
});
