import { describe, expect, it } from 'vitest';
import { apply } from '../helpers.js';

describe('unicode', () => {
  it.each([
    ['CRLF', 'a\r\nb', 'a\nb'],
    ['lone CR', 'a\rb', 'a\nb'],
    ['form feed (pdftotext page break)', 'end\fnext', 'end\nnext'],
    ['ffi ligature', 'o\uFB03cial', 'official'],
    ['fi and fl ligatures', '\uFB01rst \uFB02ag', 'first flag'],
    ['ff ligature', 'sta\uFB00', 'staff'],
    ['long s + t ligature (U+FB05)', 'fir\uFB05 la\uFB05', 'first last'],
    ['st ligature (U+FB06)', 'fir\uFB06', 'first'],
    ['soft hyphen inside a line', 'soft\u00ADware', 'software'],
    ['soft hyphen alone on a line', 'text\n\u00AD\nmore', 'text\n\nmore'],
    ['soft hyphen after a number at a line end', 'page 12\u00AD\nmore', 'page 12\nmore'],
    ['no-break space', '10\u00A0km', '10 km'],
    ['narrow no-break space', '10\u202Fkm', '10 km'],
    ['zero-width space', 'zero\u200Bwidth', 'zerowidth'],
    ['byte-order mark', '\uFEFFtext', 'text'],
    ['control character', 'bell\u0007', 'bell'],
    ['C1 control character', 'a\u0085b', 'a\nb'],
    ['long s', 'ſtate', 'state'],
    ['combining acute accent', 'cafe\u0301', 'café'],
    ['Angstrom sign', '5 \u212B', '5 \u00C5'],
    ['a combining mark after a removed control character goes on the letter', 'cafe\u0007\u0301', 'café'],
    ['a combining mark after a ligature goes on its last letter', '\uFB01\u0301', 'fí'],
    ['a combining mark after a long s', '\u017F\u0307', '\u1E61'],
  ])('%s', (_name, input, expected) => {
    const result = apply('unicode', input);
    expect(result.text).toBe(expected);
    expect(result.edits.length).toBeGreaterThan(0);
  });

  it.each([
    ['composed accents', 'café naïve Zürich'],
    ['emoji joined by ZWJ', 'coder 👩\u200D💻'],
    ['tab between words', 'col1\tcol2'],
    ['soft hyphen at a line end is left for hyphens', 'con\u00AD\nsulted'],
    ['curly quotes and dashes', '“Yes” — she said ‘no’.'],
  ])('leaves %s', (_name, input) => {
    const result = apply('unicode', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });

  it('keeps long s when the option is off, in the long s + t ligature too', () => {
    expect(apply('unicode', 'ſtate', { longS: false }).text).toBe('ſtate');
    expect(apply('unicode', 'fir\uFB05', { longS: false }).text).toBe('firſt');
  });
});
