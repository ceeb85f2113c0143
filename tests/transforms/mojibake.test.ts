import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/encoding/tables.js';
import { apply, replays } from '../helpers.js';

/**
 * `text` as UTF-8 bytes, read back with a single-byte codec the way Windows does: a byte the codec
 * leaves undefined becomes the C1 control of the same number (the tables are checked against
 * iconv-lite in tests/encoding/tables.test.ts).
 */
function misread(text: string, codec: string): string {
  const table = TABLES[codec]!;
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) out += byte < 0x80 ? String.fromCharCode(byte) : table[byte - 0x80];
  return out;
}

/** `text` as CESU-8: each UTF-16 code unit (a surrogate too) written as its own UTF-8 sequence. */
function cesu8(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Buffer.from(bytes);
}

const nbspAsSpace = (text: string): string => text.replace(/\u00a0/g, ' ');

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

  describe('repairs each kind of mis-decoding, with its rule', () => {
    const sentence = {
      french: 'Le café de la gare est fermé.',
      german: 'Über die Brücke gehen wir morgen.',
      russian: 'Москва встречает весну.',
      czech: 'Příliš žluťoučký kůň úpěl.',
      polish: 'Zażółć gęślą jaźń.',
      lithuanian: 'Visų akys į Vilnių.',
    };
    it.each([
      ['Windows-1252', misread(sentence.french, 'cp1252'), sentence.french, 'utf8-as-cp1252'],
      [
        'Latin-1 (C1 controls)',
        iconv.decode(Buffer.from('He said “not today” – and left.'), 'latin1'),
        'He said “not today” – and left.',
        'utf8-as-latin1',
      ],
      ['MacRoman', misread(sentence.german, 'macroman'), sentence.german, 'utf8-as-macroman'],
      ['Windows-1251', misread(sentence.russian, 'cp1251'), sentence.russian, 'utf8-as-cp1251'],
      ['Windows-1250', misread(sentence.czech, 'cp1250'), sentence.czech, 'utf8-as-cp1250'],
      ['ISO-8859-2', misread(sentence.polish, 'iso-8859-2'), sentence.polish, 'utf8-as-iso-8859-2'],
      ['Windows-1257', misread(sentence.lithuanian, 'cp1257'), sentence.lithuanian, 'utf8-as-cp1257'],
      ['code page 437', misread(sentence.czech, 'cp437'), sentence.czech, 'utf8-as-cp437'],
      [
        'UTF-8 read twice',
        misread(misread('São Tomé e Príncipe', 'cp1252'), 'cp1252'),
        'São Tomé e Príncipe',
        'utf8-twice',
      ],
      [
        'read as Windows-1252, then as Windows-1251',
        misread(misread('a fee of €20', 'cp1252'), 'cp1251'),
        'a fee of €20',
        'utf8-twice',
      ],
      ['an emoji as CESU-8', `Good morning ${iconv.decode(cesu8('🌞'), 'latin1')}`, 'Good morning 🌞', 'cesu8'],
      [
        'a byte a strict decoder lost (U+FFFD)',
        iconv.decode(Buffer.from('Koločava'), 'windows-1252'),
        'Kolo\uFFFDava',
        'utf8-lossy',
      ],
      ['a byte written as ?', 'the price â€?low', 'the price \uFFFDlow', 'utf8-lossy'],
      [
        'no-break spaces turned into spaces',
        nbspAsSpace(misread('Déjà vu, à la carte', 'cp1252')),
        'Déjà vu, à la carte',
        'utf8-as-cp1252',
      ],
      ['the contraction às', nbspAsSpace(misread('vamos às compras', 'cp1252')), 'vamos às compras', 'utf8-as-cp1252'],
      [
        'C1 controls meant as Windows-1252',
        '\u0093Hello,\u0094 she said\u0085 then left.',
        '“Hello,” she said… then left.',
        'c1-control',
      ],
      ['part of a line beside correct text', 'Kraków and naÃ¯ve cafÃ©s', 'Kraków and naïve cafés', 'utf8-as-cp1252'],
    ])('%s', (_name, input, expected, rule) => {
      const result = apply('mojibake', input);
      expect(result.text).toBe(expected);
      expect(result.edits.map((e) => e.rule)).toContain(rule);
      expect(replays(input, result.text, result.edits)).toBe(true);
      expect(apply('mojibake', result.text).edits).toEqual([]);
    });
  });

  it('says what it read the bytes as, and how the badness fell', () => {
    const [edit] = apply('mojibake', 'une entrÃ©e libre').edits;
    expect(edit).toMatchObject({ rule: 'utf8-as-cp1252', before: 'Ã©', after: 'é' });
    expect(edit!.reason).toMatch(/^UTF-8 read as Windows-1252, badness \d+ -> 0$/);
    const [twice] = apply('mojibake', misread(misread('né', 'cp1252'), 'cp1252')).edits;
    expect(twice!.reason).toMatch(/^UTF-8 read as Windows-1252, then again as Windows-1252, badness \d+ -> 0$/);
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

  describe('refuses', () => {
    it.each([
      // No unlikely pair at all: Ä + no-break space would read as Ġ, but nothing says it is mojibake.
      ['a line with no badness (Finnish Ä before a no-break space)', 'KYLÄ\u00a0JA METSÄ\u00a0'],
      // √π would read as ù (MacRoman), 2010—∞ as Ѱ: the reading is no less strange than the text.
      ['a reading that does not lower the badness (mathematics)', 'the ratio √π ≈ 1.77 and 2010—∞'],
      ['a dash after the Ångström sign', 'a wavelength of 656 Å—'],
      ['a kaomoji whose eyes and nose are bytes', '(ò¬ó) hmm'],
      // One weak pair in a line that is otherwise correct: å, or Ã + ¥ as MacRoman shows a combining mark.
      ['a single ambiguous pair beside correct text', 'Søren – BlÃ¥vand'],
      ['leetspeak of accented capitals and currency signs', 'GÄ£ÄXY ÑÖ ÇÄ$H ÄÑÐ £ÖÖT'],
      // The tail of a hopeless garble would decode, but only into more garble.
      [
        'a garble, lower-cased after three readings',
        misread(misread(misread('it’s here', 'cp1252'), 'cp1252'), 'cp1252').toLowerCase(),
      ],
      ['text no codec reads as UTF-8 (camel-cased Serbian)', 'ПравЂак'],
      ['a Romanian capital before a no-break space', 'ȚARĂ\u00a0MEA'],
      ['a capital before a curly apostrophe', 'the ZÉ’s concert'],
      ['capitals before an ellipsis', 'ESTÁ BIEN… NÃO SEI… VOCÊ…'],
      ['a spaced-out capital word', 'C O N C L U S Ã O'],
      ['box-drawing line art', '├┤a┼┐a┼┐a'],
      // A reading that lands on a letter no living alphabet uses beside Latin letters (ɬ, Ѱ, ಠ).
      ['a soft-hyphen sign after an accented capital, at a line end', 'THE CAFÉ¬\nTERIA and MÄ¬\nLLER'],
      ['a degree sign after Ñ', 'LA PEÑ° and AÑ°'],
      ['a footnote sign after à', 'voilà² next'],
      ['a dagger after á', 'Zoltá† next'],
      ['a closing quote after a Portuguese capital ending in Ã', '“AMANHÔ e «IRMû'],
    ])('%s', (_name, input) => {
      const result = apply('mojibake', input);
      expect(result.text).toBe(input);
      expect(result.edits).toEqual([]);
    });
  });

  it.each([
    ['Finnish', 'Hyvää päivää, kävin järvellä\u00a0eilen.'],
    ['Indonesian', 'Selamat pagi, apa kabar? Saya baik-baik saja.'],
    ['Greek', 'Η Ελλάδα είναι όμορφη χώρα· «καλημέρα»!'],
    ['Russian', 'Москва — столица России, «добро пожаловать».'],
    ['Czech', 'Příliš žluťoučký kůň úpěl ďábelské ódy.'],
    ['Turkish', 'İstanbul’da güzel bir gün; ığdır, şişli, çağ.'],
    ['CJK', '東京は晴れ。서울은 비. 北京很冷。'],
    ['Portuguese with Ã', 'SÃO PAULO e NÃO, não; ÃS VEZES'],
    ['math and currency', '5×£3, ½ + ¼ = ¾, 30 °C, ±2 µm, €10, ¥500, x ≤ √π, ∆°'],
    ['emoji', 'Great game 😀👍🏽 ❤️'],
    ['no-break spaces', 'M.\u00a0Dupont, 10\u00a0km, «\u00a0oui\u00a0»'],
    ['smart quotes', '“It’s fine,” she said — ‘really’ … „Ja“'],
  ])('leaves correct %s unchanged', (_name, input) => {
    const result = apply('mojibake', input);
    expect(result.text).toBe(input);
    expect(result.edits).toEqual([]);
  });
});
