import { describe, expect, it } from 'vitest';
import { apply } from '../helpers.js';

describe('byline', () => {
  it.each([
    ['a dash before "By"', 'Headline\n\n- By Ana Lima\n\nBody.', 'Headline\n\nBy Ana Lima\n\nBody.'],
    ['a name in capitals', 'Headline\n\nBY NADIA HADDAD\n\nBody.', 'Headline\n\nBy Nadia Haddad\n\nBody.'],
    ['a role after the name', 'Headline\n\nBy Tom Reyes, Staff Writer\n\nBody.', 'Headline\n\nBy Tom Reyes\n\nBody.'],
    [
      'a name and a role line',
      'Headline\n\nBy SARAH KIM\nStaff Writer\n\nBody.',
      'Headline\n\nBy Sarah Kim\nStaff Writer\n\nBody.',
    ],
    ['a name, a comma and a role', 'Samuel Okafor, Staff Writer\n\nBody.', 'By Samuel Okafor\n\nBody.'],
    ['marks after the name', 'Headline\n\nBY ANA LIMA;,\n\nBody.', 'Headline\n\nBy Ana Lima\n\nBody.'],
  ])('%s', (_name, input, expected) => {
    const result = apply('byline', input);
    expect(result.text).toBe(expected);
    expect(result.edits).toHaveLength(1);
    expect(result.edits[0]!.rule).toBe('by-name');
  });

  it.each([
    ['a byline already written so', 'Headline\n\nBy Ana Lima\n\nBody.'],
    ['a sentence that starts with "By"', 'By the end of the day, the vote was over.\n\nBody.'],
    ['a byline below the first five blocks', 'A.\n\nB.\n\nC.\n\nD.\n\nE.\n\n- By Ana Lima'],
    ['a "By" line inside a paragraph', 'Headline\n\nThe body\n- By Ana Lima'],
    ['a historic byline with its full stop', 'HEADLINE\n\nBy W. S. JEWETT.\nTimes Staff Correspondent.\n\nBody.'],
    ['a historic byline alone', 'HEADLINE\n\nBy W. S. JEWETT.\n\nBody.'],
  ])('leaves %s', (_name, input) => {
    const result = apply('byline', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });
});
