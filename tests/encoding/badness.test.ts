import { describe, expect, it } from 'vitest';
import { badness, badnessMatches, RULES } from '../../src/encoding/badness.js';

describe('badness', () => {
  it.each([
    ['a C1 control', 'x\u0093y', 'c1-control'],
    ['a mojibake symbol beside an accented letter', 'Ã¨', 'junk-symbol'],
    ['an accented capital after a small accented letter', 'éÉ', 'capital-after-small'],
    ['a Cyrillic capital inside a Cyrillic word', 'РґР', 'capital-after-small'],
    ['currency after an accented letter', 'é£', 'letter-money'],
    ['a small accented letter after a fraction', '½í', 'symbol-small'],
    ['a number sign after an accented capital', 'Ã±', 'letter-number'],
    ['punctuation between an accented letter and a letter', 'Ã©t', 'punctuation-inside-word'],
    ['the Windows-1252 signature Ã + symbol', 'Ã©', 'a-tilde-lead'],
    ['Ã as a word between small-letter words', 'le Ã la', 'lone-a-grave'],
    ['the start of a curly quote read as Windows-1252', 'â€', 'general-punctuation'],
    ['the same read as Windows-1251', 'вЂ', 'general-punctuation'],
    ['a MacRoman root sign before a Latin letter', '√©', 'macroman-root'],
    ['box drawing after an accented letter', 'ß║', 'box-beside-text'],
    ['a sign between Windows-1251 lead letters', 'С„С', 'cyrillic-sandwich'],
    ['a degree sign after an accented capital', 'Ä°', 'capital-degree'],
    ['an IPA letter beside a Latin letter', 'CAFɬ', 'odd-letter'],
    ['an archaic Cyrillic letter beside a Latin capital', 'AѰ', 'odd-letter'],
    ['a Kannada letter glued to a Latin word', 'voilಠ', 'script-beside-latin'],
  ])('scores %s', (_name, text, rule) => {
    expect(badnessMatches(text).map(([name]) => name)).toContain(rule);
    expect(badness(text)).toBeGreaterThan(0);
  });

  it.each([
    ['plain English', 'The council met on Tuesday.'],
    ['French', 'Le café était fermé à midi.'],
    ['Finnish with no-break spaces', 'KYLÄ\u00a0JA METSÄ\u00a0'],
    ['Portuguese capitals', 'SÃO PAULO, NÃO É'],
    ['a capital before an apostrophe', 'Ã’s are common'],
    ['capitals before an ellipsis', 'VOCÊ… MARQUÉ…'],
    ['a capital before a registered sign', 'NESTLÉ® chocolate'],
    ['mathematics', 'x = √π ≈ 1.77, 5×£3, ∆°'],
    ['Greek', 'Η Ελλάδα είναι όμορφη'],
    ['Russian', 'Москва встречает весну'],
    ['Czech', 'Příliš žluťoučký kůň úpěl ďábelské ódy'],
    ['Turkish', 'İstanbul’da güzel bir gün'],
    ['CJK and emoji', '東京 서울 北京 😀👍'],
    ['a kaomoji', '( o¬ô ) and (ò¬ó)'],
    ['box-drawing line art', '├┤a┼┐a┼┐a'],
    ['a spaced capital word', 'C O N C L U S Ã O'],
    ['alphabet letters of the IPA block', 'Azərbaycan, Ɛwe, ɓaa, Oʻzbekiston'],
    ['a closing quote after a capital ending in Ã', '“AMANHÔ'],
    ['CJK glued to a Latin word', 'iPhone用 and 用iPad'],
  ])('does not score %s', (_name, text) => {
    expect(badnessMatches(text)).toEqual([]);
  });

  it('does not count a soft-hyphen sign ending a line after a letter; counts it after a sign', () => {
    expect(badness('MÄ¬', false, true)).toBe(0);
    expect(badness('MÄ¬', false, false)).toBeGreaterThan(0);
    expect(badness('5â‚¬', false, true)).toBeGreaterThan(0);
  });

  it('every rule has a name, a reason and a weight of 1 or 2', () => {
    for (const rule of RULES) {
      expect(rule.name).toMatch(/^[a-z0-9-]+$/);
      expect(rule.why.length).toBeGreaterThan(10);
      expect([1, 2]).toContain(rule.weight);
    }
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
  });
});
