import { describe, expect, it } from 'vitest';
import { apply } from '../helpers.js';

describe('mojibake', () => {
  it.each([
    ['apostrophe', 'Iraqâ€™s military', 'Iraq’s military'],
    ['accented letters', 'crÃ¨me brÃ»lÃ©e', 'crème brûlée'],
    ['capital E acute', 'Ã‰mile', 'Émile'],
    ['en dash', '4â€“2 win', '4–2 win'],
    ['quotes with the C1 byte kept', 'â€œYesâ€\u009d', '“Yes”'],
    ['Latin-1 decoding (C1 controls)', 'Iraq\u00e2\u0080\u0099s', 'Iraq’s'],
    ['double encoding', 'GagnÃƒÂ©', 'Gagné'],
    ['pound sign', 'Â£5', '£5'],
    ['closing quote whose last byte was lost', 'â€œYesâ€ he said', '“Yes” he said'],
  ])('%s', (_name, input, expected) => {
    expect(apply('mojibake', input).text).toBe(expected);
  });

  it.each([
    ['Portuguese capitals', 'SÃO PAULO'],
    ['French circumflex', 'château'],
    ['a quoted word ending in Ç', 'FRANÇ”'],
    ['plain ASCII', 'Nothing to see here.'],
    ['a lone â€ without other mojibake', 'â€ alone'],
  ])('leaves %s', (_name, input) => {
    const result = apply('mojibake', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });
});
