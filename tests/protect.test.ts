import { describe, expect, it } from 'vitest';
import { protectedSpans } from '../src/core/protect.js';

const spans = (text: string, extra: RegExp[] = []) => {
  const pairs = protectedSpans(text, extra);
  const out: string[] = [];
  for (let i = 0; i < pairs.length; i += 2) out.push(text.slice(pairs[i], pairs[i + 1]));
  return out;
};

describe('protectedSpans', () => {
  it.each([
    ['a URL with a scheme', 'see https://example.com/a-b?c=1, then', ['https://example.com/a-b?c=1']],
    ['www without a scheme', 'visit www.example.org.', ['www.example.org']],
    [
      'an e-mail address',
      'write to jane.o-neill+news@mail.example.co.uk today',
      ['jane.o-neill+news@mail.example.co.uk'],
    ],
    ['a bare domain with a path', 'at harborcity.gov/ferry, next week', ['harborcity.gov/ferry']],
    ['a bare domain', 'on Example.com today', ['Example.com']],
    ['nothing', 'A sentence. Another one, with a comma.', []],
    ['a user pattern', 'case No. 12-345 was heard', ['No. 12-345']],
  ])('%s', (_name, text, expected) => {
    expect(spans(text, [/No\. \d+-\d+/])).toEqual(expected);
  });

  it('merges overlapping spans', () => {
    expect(spans('https://www.example.com/x')).toEqual(['https://www.example.com/x']);
  });
});
