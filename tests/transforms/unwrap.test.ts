import { describe, expect, it } from 'vitest';
import { apply } from '../helpers.js';

const column = [
  'The county commission approved a budget on',
  'Tuesday that adds eight deputies and a new',
  'dispatcher while cutting hours at the parks.',
  'Commissioners said rising fuel and insurance',
  'costs left them with few options this year.',
  '“But the sheriff made a strong case.”',
  'The parks department will lose about a',
  'third of its money, mostly from seasonal',
  'staff.',
].join('\n');

describe('unwrap', () => {
  it('joins wrapped lines; a break only after a clearly short sentence-ending line', () => {
    expect(apply('unwrap', column).text).toBe(
      [
        'The county commission approved a budget on Tuesday that adds eight deputies and a new dispatcher while cutting hours at the parks. Commissioners said rising fuel and insurance costs left them with few options this year. “But the sheriff made a strong case.”',
        'The parks department will lose about a third of its money, mostly from seasonal staff.',
      ].join('\n\n'),
    );
  });

  it.each([
    ['* * *', '* * *'],
    ['***', '***'],
    ['• • •', '• • •'],
  ])('sets a section break (%s) between paragraphs, on a line of its own', (_name, mark) => {
    const input = `${column.split('\n').slice(0, 3).join('\n')}\n${mark}\n${column.split('\n').slice(3, 5).join('\n')}`;
    expect(apply('unwrap', input).text).toBe(
      [
        'The county commission approved a budget on Tuesday that adds eight deputies and a new dispatcher while cutting hours at the parks.',
        mark,
        'Commissioners said rising fuel and insurance costs left them with few options this year.',
      ].join('\n\n'),
    );
  });

  it('does not take marks inside a line for a section break', () => {
    const input =
      'the first line of it goes on and on\nwith *** in the middle of the line here\nand the text goes on to its end there.';
    expect(apply('unwrap', input).text).toBe(input.replace(/\n/g, ' '));
  });

  it('breaks before an indented line', () => {
    const input =
      'the first paragraph goes on and\nends here with a full line of text.\n  A new paragraph starts and it\ngoes on here.';
    expect(apply('unwrap', input).text).toBe(
      'the first paragraph goes on and ends here with a full line of text.\n\nA new paragraph starts and it goes on here.',
    );
  });

  it('breaks after an all-caps heading line', () => {
    const input =
      'ESCAPED REFUGEE\nGROUND TO PIECES\nPeoria, Jan. 3.—Clad in her night\nclothing, she escaped from a private\nsanitorium yesterday.';
    expect(apply('unwrap', input).text).toBe(
      'ESCAPED REFUGEE GROUND TO PIECES\n\nPeoria, Jan. 3.—Clad in her night clothing, she escaped from a private sanitorium yesterday.',
    );
  });

  it('gives a block of one paragraph per line a blank line after each line, and records it', () => {
    const result = apply(
      'unwrap',
      'A headline\nFirst paragraph ends here.\nSecond paragraph, also complete.\nThird one.',
    );
    expect(result.text).toBe(
      'A headline\n\nFirst paragraph ends here.\n\nSecond paragraph, also complete.\n\nThird one.',
    );
    expect(new Set(result.edits.map((e) => e.rule))).toEqual(new Set(['paragraph-per-line']));
  });

  it('joins a lone number to the paragraph above, never leaves it between blank lines (a second cleaning could take it for a folio)', () => {
    const input =
      'the meeting was held on Monday at the hall and\nthe members voted early.\n7\nThe next meeting will be held in the spring at\nthe same hall, the secretary said.';
    const result = apply('unwrap', input).text;
    expect(result).toContain('early. 7\n\nThe next');
    expect(result).not.toMatch(/\n\n7\n\n/);
  });

  it.each([
    ['a jump line', 'See PAGE 5-\n7'],
    ['a line of noise', 'Ab. -k-\n1'],
  ])('keeps the line breaks of lines that would make %s joined (a second cleaning would remove it)', (_name, lines) => {
    const result = apply('unwrap', `${lines}\n\nThe council met on Monday.`);
    expect(result.text).toBe(`${lines}\n\nThe council met on Monday.`);
  });

  it('removes the soft hyphens the word stage did not join on, and reads the lines without them', () => {
    const input = 'the long march went on to\u00AD\n17 miles before the end of\nthe day, they said.';
    const result = apply('unwrap', input);
    expect(result.text).toBe('the long march went on to 17 miles before the end of the day, they said.');
    expect(result.text).not.toContain('\u00AD');
  });

  it.each([
    ['single lines between blank lines', 'A headline\n\nA paragraph that is long and complete.'],
    [
      'a line that runs on into the next',
      'First paragraph ends here.\nSecond one runs on\ninto this line.\nThird one.',
    ],
    ['a lone number among paragraph lines', 'First paragraph ends here.\n7\nSecond paragraph, complete.'],
    ['a stacked headline', 'FIRE ON\nMAIN STREET'],
    ['a table of figures', 'Smith 12 40\nJones 9 31\nBrown 7 22'],
    ['an address block', 'Margaret O’Neill\n12 Queen Street\nRiverton'],
    ['a list of short items', 'Bread\nMilk\nEggs'],
  ])('leaves %s', (_name, input) => {
    const result = apply('unwrap', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });
});
