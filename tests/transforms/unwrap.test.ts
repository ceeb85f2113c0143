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

  it.each([
    ['one paragraph per line', 'First paragraph ends here.\nSecond paragraph, also complete.\nThird one.'],
    ['single lines between blank lines', 'A headline\n\nA paragraph that is long and complete.'],
    ['an address block', 'Margaret O’Neill\n12 Queen Street\nRiverton'],
    ['a list of short items', 'Bread\nMilk\nEggs'],
  ])('leaves %s', (_name, input) => {
    const result = apply('unwrap', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });
});
