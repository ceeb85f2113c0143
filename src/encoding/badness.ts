/**
 * Badness: how much a stretch of text looks like mojibake, as a count of unlikely neighbours.
 *
 * When UTF-8 is read with a single-byte codec, every multi-byte character becomes a lead character
 * (the image of byte 0xC2–0xF4: mostly accented letters, or Cyrillic, box drawing, math signs)
 * followed by one to three continuation characters (the images of 0x80–0xBF: mostly punctuation,
 * symbols and C1 controls). Correct text seldom puts those side by side: `é£`, `Ã©`, `â€`, `Ð±`. So each
 * character gets a class, and a table of rules scores the pairs (and a few triples) that correct text
 * seldom writes. Everything else scores 0: the score says nothing about text that is merely foreign.
 *
 * The score is a comparison tool, not a verdict: a repair is made only when it makes the score fall
 * (see `repair.ts`). Rules weigh 1, except a few signatures of the commonest confusions, which weigh
 * 2 (`Ã©`, `â€`, `вЂ`, `√©`: one of them alone is enough evidence).
 */

// ------------------------------------------------------------------------------------ classes

/** ASCII a–z, A–Z, 0–9, whitespace, other ASCII. */
const ASCII_LOWER = 1 << 0;
const ASCII_UPPER = 1 << 1;
const DIGIT = 1 << 2;
const SPACE = 1 << 3;
const ASCII_OTHER = 1 << 4;
/** U+0080–U+009F: no text uses them; a byte read as Latin-1 that Windows-1252 would have made a character. */
const C1 = 1 << 5;
/** Symbols that hardly occur outside mojibake: `¤ ¦ ¨ ¬ ¯ ¸ ˆ ˇ ˘ ˛ ˜ ˝ ƒ † ‡ ‰ ◊ ⌐ ª º �`. */
const JUNK = 1 << 6;
/** Punctuation common in any text, never evidence by itself: no-break space, soft hyphen, `· ´ – — ― … ’`. */
const COMMON = 1 << 7;
/** Opening punctuation and the copyright sign: `¡ ¿ « ‘ ‚ “ „ • ‹ ©`. */
const OPEN = 1 << 8;
/** Closing punctuation and marks that follow a word: `® » ” › ™`. */
const CLOSE = 1 << 9;
const MONEY = 1 << 10;
/** Numeric and mathematical signs: `² ³ ¹ ± ¼ ½ ¾ × ÷ µ ∞ ≠ ≤ √ …`. */
const NUM = 1 << 11;
const LAW = 1 << 12;
const DEGREE = 1 << 13;
/** Accented Latin capitals (without the eye letters). */
const UPPER_ACC = 1 << 14;
/** Accented Latin small letters (without the eye letters), `ß`, `ı`, the `ﬁ ﬂ` ligatures. */
const LOWER_ACC = 1 << 15;
/**
 * `Ò–Ö Ù–Ü ò–ö ø–ü Ő Ō Ū Ų`: accented vowels that kaomoji use as eyes (`( o¬ô )`, `Ō¬o`); kept apart
 * from the accented letters so that a face is not taken for a byte sequence.
 */
const EYE = 1 << 16;
/** Greek and Cyrillic capitals, and `Þ`. */
const GC_UPPER = 1 << 17;
const GC_LOWER = 1 << 18;
/** Box drawing and block elements (code page 437's graphics), without the plain horizontal line. */
const BOX = 1 << 19;
/** Any other letter (CJK, Hebrew, Arabic, Thai, Latin Extended-B ...). */
const LETTER = 1 << 20;
const MARK = 1 << 21;
/**
 * Letters outside the alphabets text is written in, where a bad reading lands (`CAFÉ¬` -> `CAFɬ`,
 * `AÑ°` -> `AѰ`, `É…` -> `Ʌ`): IPA and Latin Extended-B letters without a decomposition, spacing
 * modifier letters, archaic and extended Cyrillic, Armenian, Hebrew and Arabic points, Syriac, Thaana,
 * N'Ko. Not the letters of living Latin alphabets in those blocks (see `ALPHABET_LETTERS`).
 */
const ODD = 1 << 22;
/**
 * Letters of scripts never written glued to a Latin word: Hebrew, Arabic, Indic, Thai, Lao, Georgian,
 * Ethiopic. (Not CJK, which mixes with Latin inside words: `iPhone用`.)
 */
const APART = 1 << 23;

const ACC = UPPER_ACC | LOWER_ACC;
const LATIN = ASCII_LOWER | ASCII_UPPER | ACC | EYE;
const SYM = OPEN | CLOSE | MONEY | NUM | LAW;
/** What a regular expression's `\w` would call a word character. */
const WORD = ASCII_LOWER | ASCII_UPPER | DIGIT | ACC | EYE | GC_UPPER | GC_LOWER | LETTER;

const LISTED: readonly [number, string][] = [
  [
    JUNK,
    '\u00A4\u00A6\u00A8\u00AC\u00AF\u00B8\u02C6\u02C7\u02D8\u02D9\u02DA\u02DB\u02DC\u02DD\u0192\u2020\u2021\u2030\u25CA\u2310\uFFFD\u00AA\u00BA',
  ],
  [COMMON, '\u00A0\u00AD\u00B7\u00B4\u2013\u2014\u2015\u2026\u2019'],
  [OPEN, '\u00A1\u00BF\u00AB\u2018\u201A\u201C\u201E\u2022\u2039\u00A9\u0385\u0384\uF8FF'],
  [CLOSE, '\u00AE\u00BB\u201D\u203A\u2122'],
  [MONEY, '\u00A2\u00A3\u00A5\u20AC\u20A7'],
  [
    NUM,
    '\u00B2\u00B3\u00B9\u00B1\u00BC\u00BD\u00BE\u00D7\u00F7\u00B5\u2044\u2202\u2206\u220F\u2211\u221A\u221E\u2229\u222B\u2248\u2260\u2261\u2264\u2265\u2116\u2126\u2320\u2321\u2219\u207F',
  ],
  [LAW, '\u00A7\u00B6'],
  [DEGREE, '\u00B0'],
  [
    EYE,
    '\u00D2\u00D3\u00D4\u00D5\u00D6\u00D9\u00DA\u00DB\u00DC\u00F2\u00F3\u00F4\u00F5\u00F6\u00F8\u00F9\u00FA\u00FB\u00FC\u0150\u014C\u016A\u0172',
  ],
  [GC_UPPER, '\u00DE'],
  [LOWER_ACC, '\u00DF\u0131\uFB01\uFB02\u0491'],
  [UPPER_ACC, '\u0490'],
];

/**
 * Letters of living alphabets in the IPA and Latin Extended-B blocks: Azerbaijani `Ə ə`, the African
 * `Ɛ ɛ Ɔ ɔ Ɓ ɓ Ɗ ɗ Ƙ ƙ Ʋ ʋ Ɲ ɲ Ŋ ŋ Ʃ ʃ Ʒ ʒ Ʊ ʊ Ƴ ƴ`, the glottal stop and okina `ʔ ʻ ʼ`.
 */
const ALPHABET_LETTERS =
  '\u018F\u0259\u0190\u025B\u0186\u0254\u0181\u0253\u018A\u0257\u0198\u0199\u01B2\u028B\u019D\u0272\u01A9\u0283\u01B7\u0292\u01B1\u028A\u01B3\u01B4\u0294\u02BB\u02BC';

function isOdd(code: number, c: string): boolean {
  if (code >= 0x180 && code <= 0x2ff) return c.normalize('NFKD') === c && !ALPHABET_LETTERS.includes(c);
  return (
    (code >= 0x460 && code <= 0x58f) ||
    (code >= 0x591 && code <= 0x5c7) ||
    (code >= 0x64b && code <= 0x65f) ||
    (code >= 0x700 && code <= 0x7ff)
  );
}

let listed: Map<number, number> | undefined;
const IS_LETTER = /\p{L}/u;
const IS_MARK = /\p{M}/u;

function classify(code: number): number {
  if (code < 0x80) {
    if (code >= 0x61 && code <= 0x7a) return ASCII_LOWER;
    if (code >= 0x41 && code <= 0x5a) return ASCII_UPPER;
    if (code >= 0x30 && code <= 0x39) return DIGIT;
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return SPACE;
    return ASCII_OTHER;
  }
  if (code <= 0x9f) return C1;
  if (!listed) {
    listed = new Map();
    for (const [cls, chars] of LISTED) for (const c of chars) listed.set(c.codePointAt(0)!, cls);
  }
  const known = listed.get(code);
  if (known !== undefined) return known;
  if (code >= 0x2502 && code <= 0x259f) return BOX;
  const c = String.fromCodePoint(code);
  if ((code >= 0xc0 && code <= 0xff) || (code >= 0x100 && code <= 0x17f)) {
    return c.toLowerCase() !== c ? UPPER_ACC : LOWER_ACC;
  }
  if (isOdd(code, c)) return ODD;
  if ((code >= 0x386 && code <= 0x3ab) || (code >= 0x400 && code <= 0x42f)) return GC_UPPER;
  if ((code >= 0x3ac && code <= 0x3ce) || (code >= 0x430 && code <= 0x45f)) return GC_LOWER;
  if (IS_MARK.test(c)) return MARK;
  const apart =
    (code >= 0x590 && code <= 0x6ff) ||
    (code >= 0x900 && code <= 0xeff) ||
    (code >= 0x10a0 && code <= 0x10ff) ||
    (code >= 0x1200 && code <= 0x137f);
  if (IS_LETTER.test(c)) return apart ? LETTER | APART : LETTER;
  return 0;
}

/** Per BMP code unit, the class plus one (0 = not yet known). */
let memo: Uint32Array | undefined;

function classOf(code: number): number {
  if (code > 0xffff) return classify(code);
  memo ??= new Uint32Array(65536);
  let cls = memo[code]!;
  if (cls === 0) {
    cls = classify(code) + 1;
    memo[code] = cls;
  }
  return cls - 1;
}

// -------------------------------------------------------------------------------------- rules

/** A set of characters, built on first use. */
interface Chars {
  set?: Set<number>;
  chars: string;
}
const chars = (list: string): Chars => ({ chars: list });
/** The character at `i` is one of `list`. */
const is = (w: Window, i: number, list: Chars): boolean => {
  if (i < 0 || i >= w.cp.length) return false;
  list.set ??= new Set([...list.chars].map((c) => c.codePointAt(0)!));
  return list.set.has(w.cp[i]!);
};

const OE = chars('\u0152\u0153');
const A_TILDE_CIRCUMFLEX = chars('\u00C2\u00C3');
const YEN = chars('\u00A5');
const NOT_SIGN = chars('\u00AC');
const CLOSING_QUOTES = chars('\u201D\u00BB\u203A');
const I_CIRCUMFLEX_ETH = chars('\u00CE\u00D0');
const SPACE_CHAR = chars(' ');
const LINE_START = chars('\n');
/** The images of byte 0xE2 and of byte 0x80 in Windows-1252, -1251 and -1257. */
const E2_IMAGES = chars('\u00E2\u0432\u0101');
const X80_IMAGES = chars('\u20AC\u0402');
const MACROMAN_E2 = chars('\u201A');
const MACROMAN_80 = chars('\u00C4');
const A_CIRCUMFLEX = chars('\u00E2');
const ROOT = chars('\u221A');
const INFINITY = chars('\u221E');
const CP1251_LEADS = chars('\u0412\u0413\u0420\u0421');
const MICRO = chars('\u00B5');
const ARABIC_LEADS = chars('\u00D8\u00D9');
const ARABIC_SECOND = chars('\u0178\u0160\u00AE\u00B0\u00B5\u00BB');
const A_GRAVE = chars('\u00E0');
const INDIC_SECOND = chars('\u00B2\u00B5\u00B9\u00BC\u00BD\u00BE');
const TIMES = chars('\u00D7');
const SQUARED_CUBED = chars('\u00B2\u00B3');

/**
 * The characters of Windows-1252 bytes 0x80–0xBF, for the `Ã`/`Â` signature, without `’` and `…`:
 * a capital before an apostrophe or an ellipsis is ordinary (`SÃO…`, `Ã’s` written about mojibake).
 */
const CP1252_CONTINUATION = chars(
  '\u20AC\u201A\u0192\u201E\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178\u00A0\u00A1\u00A2\u00A3\u00A4\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC\u00AD\u00AE\u00AF\u00B0\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6\u00B7\u00B8\u00B9\u00BA\u00BB\u00BC\u00BD\u00BE\u00BF',
);

interface Window {
  /** Classes of the characters, with a line start as a space before the first. */
  cls: number[];
  /** Code points. */
  cp: number[];
}

/**
 * One rule: where it matches, given the position `i` of its first character. Rules are evaluated at
 * every position; each match adds `weight`. `why` is for the reader (and the tests' names).
 */
interface Rule {
  name: string;
  why: string;
  weight: number;
  test: (w: Window, i: number) => boolean;
  /** The rule's first character may be ASCII; the others are tried only where the character is not. */
  startsAscii?: true;
}

const has = (w: Window, i: number, mask: number): boolean => i >= 0 && i < w.cls.length && (w.cls[i]! & mask) !== 0;
/**
 * A Windows-1252 continuation character at `i`; a closing quote (`” » ›`) only when a letter follows
 * it: after a word that ends in a capital, it is ordinary typography.
 */
const continuesInWord = (w: Window, i: number): boolean =>
  is(w, i, CP1252_CONTINUATION) && (!is(w, i, CLOSING_QUOTES) || has(w, i + 1, WORD));
/**
 * `¬` at the end of a line, after a letter: the soft-hyphen sign of transcriptions (`MÄ¬` + line
 * break is `MÄ-` + `LLER`, not `Ĭ`); after a sign it still counts (`â‚¬`, the euro sign).
 */
const softHyphenSign = (w: Window, i: number): boolean =>
  is(w, i, NOT_SIGN) && w.cp[i + 1] === 0x0a && has(w, i - 1, ACC | EYE | ASCII_LOWER | ASCII_UPPER);
const pair = (a: number, b: number) => (w: Window, i: number) => has(w, i, a) && has(w, i + 1, b);

export const RULES: readonly Rule[] = [
  { name: 'c1-control', weight: 1, why: 'a C1 control is a byte read as Latin-1', test: (w, i) => has(w, i, C1) },
  {
    name: 'junk-symbol',
    weight: 1,
    why: 'a symbol of mojibake (¤ ¨ ¬ ¸ ˆ † ‰ …) beside a letter or symbol of the same range',
    test: (w, i) =>
      (has(w, i, JUNK) && has(w, i + 1, ACC | BOX | SYM | JUNK | DEGREE)) ||
      (has(w, i, ACC | BOX | SYM | DEGREE) && has(w, i + 1, JUNK) && !softHyphenSign(w, i + 1)),
  },
  {
    name: 'capital-after-small',
    weight: 1,
    why: 'an accented capital right after a small letter or a symbol (`ãƒ`, `™Ã`), or a Cyrillic capital inside a Cyrillic word (`ґР`)',
    test: (w, i) =>
      (has(w, i, LOWER_ACC | GC_LOWER | BOX | CLOSE | MONEY | NUM) && has(w, i + 1, UPPER_ACC)) ||
      (has(w, i, LOWER_ACC | GC_LOWER) && has(w, i + 1, GC_UPPER)),
  },
  {
    name: 'letter-money',
    weight: 1,
    why: 'a currency sign right after an accented letter or a closing sign (`é£`, `Ä£`)',
    test: pair(ACC | BOX | CLOSE, MONEY),
  },
  {
    name: 'symbol-small',
    weight: 1,
    why: 'an accented small letter right after a number sign, currency or closing mark (`½í`, `£é`)',
    test: pair(BOX | CLOSE | MONEY | NUM, LOWER_ACC),
  },
  {
    name: 'letter-number',
    weight: 1,
    why: 'a number or legal sign right after an accented capital (`Ã±`, `Å³`, `Ì¶`); not after a small letter (`á§ 141`)',
    test: pair(UPPER_ACC | BOX, NUM | LAW),
  },
  {
    name: 'symbol-open',
    weight: 1,
    why: 'opening punctuation right after a number sign or currency',
    test: pair(MONEY | NUM | BOX, OPEN),
  },
  {
    name: 'open-number',
    weight: 1,
    why: 'letter, opening punctuation, number sign',
    test: (w, i) => has(w, i, ACC | BOX | MONEY | CLOSE) && has(w, i + 1, OPEN) && has(w, i + 2, NUM),
  },
  {
    name: 'close-open',
    weight: 1,
    why: 'closing then opening punctuation right after a letter or sign (`â™«`)',
    test: (w, i) => has(w, i, ACC | MONEY | NUM | BOX | LAW) && has(w, i + 1, CLOSE) && has(w, i + 2, OPEN),
  },
  {
    name: 'punctuation-inside-word',
    weight: 1,
    why: 'quote-like punctuation between an accented letter and a letter (`Ã©t`, `Ä«g`)',
    test: (w, i) => has(w, i, ACC) && has(w, i + 1, OPEN | CLOSE) && has(w, i + 2, WORD),
  },
  {
    name: 'box-beside-text',
    weight: 1,
    why: 'box drawing beside letters or signs (code page 437), not beside more box drawing',
    test: (w, i) =>
      (has(w, i, BOX) && has(w, i + 1, EYE | CLOSE)) ||
      (has(w, i, ACC | MONEY | NUM | OPEN | CLOSE | LAW) && has(w, i + 1, BOX)),
  },
  {
    name: 'cyrillic-in-latin',
    weight: 1,
    why: 'a Latin letter, a Greek or Cyrillic one, a mojibake symbol (`signiп¬Ѓ`: Windows-1251 for `ﬁ`)',
    startsAscii: true,
    test: (w, i) => has(w, i, ASCII_LOWER | ASCII_UPPER) && has(w, i + 1, GC_UPPER | GC_LOWER) && has(w, i + 2, JUNK),
  },
  {
    name: 'odd-letter',
    weight: 1,
    why: 'a letter of no living alphabet (IPA, archaic Cyrillic, Hebrew points ...) beside a Latin letter: how a wrong reading ends (`CAFɬ`, `AѰ`)',
    startsAscii: true,
    test: (w, i) => (has(w, i, ODD) && has(w, i + 1, LATIN)) || (has(w, i, LATIN) && has(w, i + 1, ODD)),
  },
  {
    name: 'script-beside-latin',
    weight: 1,
    why: 'a Hebrew, Arabic, Indic or Thai letter glued to a Latin letter (`voilà²` read as `voilಠ`)',
    startsAscii: true,
    test: (w, i) => (has(w, i, APART) && has(w, i + 1, LATIN)) || (has(w, i, LATIN) && has(w, i + 1, APART)),
  },
  {
    name: 'capital-degree',
    weight: 1,
    why: 'a degree sign right after an accented capital (`Ä°`)',
    test: pair(UPPER_ACC, DEGREE),
  },
  {
    name: 'oe-ligature',
    weight: 1,
    why: '`œ` not followed by a letter: Windows-1252 byte 0x9C, the end of `Å“`',
    test: (w, i) => is(w, i, OE) && !has(w, i + 1, ASCII_LOWER | ASCII_UPPER),
  },
  {
    name: 'a-tilde-lead',
    weight: 2,
    why: '`Ã` or `Â` (bytes 0xC3, 0xC2) followed by a Windows-1252 continuation character: the commonest mojibake (`Ã©`, `Â£`); not before `’`, `…` (a capital and punctuation) or `¥`, whose `Ã¥` is also what MacRoman gives for a combining mark; `” » ›` only inside a word (`HÃ”TEL`), as Portuguese capitals end words in `Ã` (`“AMANHÔ`)',
    test: (w, i) => is(w, i, A_TILDE_CIRCUMFLEX) && continuesInWord(w, i + 1) && !is(w, i + 1, YEN),
  },
  {
    name: 'greek-cyrillic-lead',
    weight: 1,
    why: '`Î` or `Ð` (bytes 0xCE, 0xD0: Greek and Cyrillic) followed by a Windows-1252 continuation character (`” » ›` only inside a word: Icelandic `VIÐ”`)',
    test: (w, i) => is(w, i, I_CIRCUMFLEX_ETH) && continuesInWord(w, i + 1),
  },
  {
    name: 'lone-a-grave',
    weight: 2,
    why: '`Ã` or `Â` alone at the end of a small-letter word or as a word: `à` (bytes C3 A0) whose no-break space became a space',
    test: (w, i) =>
      is(w, i, A_TILDE_CIRCUMFLEX) &&
      is(w, i + 1, SPACE_CHAR) &&
      (has(w, i - 1, ASCII_LOWER) ||
        is(w, i - 1, LINE_START) ||
        (is(w, i - 1, SPACE_CHAR) && has(w, i - 2, ASCII_LOWER))),
  },
  {
    name: 'general-punctuation',
    weight: 2,
    why: 'the first two bytes of a curly quote or dash (E2 80) as Windows-1252 (`â€`), Windows-1251 (`вЂ`), Windows-1257 (`ā€`), MacRoman (`‚Ä`) or Latin-1 (`â` + C1)',
    test: (w, i) =>
      (is(w, i, E2_IMAGES) && is(w, i + 1, X80_IMAGES)) ||
      (is(w, i, MACROMAN_E2) && is(w, i + 1, MACROMAN_80)) ||
      (is(w, i, A_CIRCUMFLEX) && w.cp[i + 1] === 0x80),
  },
  {
    name: 'macroman-root',
    weight: 2,
    why: '`√` (MacRoman 0xC3) before a Latin letter or a sign: never mathematics (`√©`, `√ü`); `√π`, `√2` are',
    test: (w, i) =>
      is(w, i, ROOT) &&
      has(w, i + 1, ACC | EYE | MONEY | OPEN | CLOSE | LAW | JUNK | NUM | DEGREE) &&
      !is(w, i + 1, INFINITY),
  },
  {
    name: 'cyrillic-sandwich',
    weight: 1,
    why: 'a sign between two of `В Г Р С` (Windows-1251 lead bytes): `Р\u0098Р`, `С„С`',
    test: (w, i) =>
      is(w, i, CP1251_LEADS) &&
      (has(w, i + 1, C1 | JUNK | OPEN | CLOSE | MONEY | DEGREE) || is(w, i + 1, MICRO)) &&
      is(w, i + 2, CP1251_LEADS),
  },
  {
    name: 'arabic-pairs',
    weight: 1,
    why: '`Ø` or `Ù` (Arabic lead bytes) twice, each followed by a sign',
    test: (w, i) => {
      const sign = COMMON | MONEY | JUNK | NUM | OPEN;
      const follows = (k: number) => has(w, k, sign) || is(w, k, ARABIC_SECOND);
      return is(w, i, ARABIC_LEADS) && follows(i + 1) && is(w, i + 2, ARABIC_LEADS) && follows(i + 3);
    },
  },
  {
    name: 'indic-lead',
    weight: 1,
    why: '`à` (0xE0, Indic scripts) followed by a superscript or fraction',
    test: (w, i) => is(w, i, A_GRAVE) && is(w, i + 1, INDIC_SECOND),
  },
  {
    name: 'times-power',
    weight: 1,
    why: '`×` followed by `²` or `³` (Hebrew as Windows-1252)',
    test: (w, i) => is(w, i, TIMES) && is(w, i + 1, SQUARED_CUBED),
  },
];

const ASCII = ASCII_LOWER | ASCII_UPPER | DIGIT | SPACE | ASCII_OTHER;
let asciiRules: readonly Rule[] | undefined;

/** Call `found` for every rule matching in `w`, with its position. */
function eachMatch(w: Window, found: (rule: Rule, i: number) => void): void {
  asciiRules ??= RULES.filter((r) => r.startsAscii);
  for (let i = 0; i < w.cls.length; i++) {
    const rules = (w.cls[i]! & ASCII) !== 0 ? asciiRules : RULES;
    for (const r of rules) if (r.test(w, i)) found(r, i);
  }
}

/** The rules that matched, for tests and debugging: `[name, position]`. */
export function badnessMatches(text: string, lineStart = false, lineEnd = false): [string, number][] {
  const offset = lineStart ? 1 : 0;
  const out: [string, number][] = [];
  eachMatch(toWindow(text, lineStart, lineEnd), (r, i) => out.push([r.name, i - offset]));
  return out;
}

function toWindow(text: string, lineStart: boolean, lineEnd: boolean): Window {
  const cp: number[] = lineStart ? [0x0a] : [];
  for (const c of text) cp.push(c.codePointAt(0)!);
  if (lineEnd) cp.push(0x0a);
  return { cp, cls: cp.map(classOf) };
}

/**
 * The badness of `text`: the sum of the weights of the rules matching at each position. With
 * `lineStart` (`lineEnd`), the text begins (ends) a line: some rules look at what is around it.
 */
export function badness(text: string, lineStart = false, lineEnd = false): number {
  let score = 0;
  eachMatch(toWindow(text, lineStart, lineEnd), (r) => (score += r.weight));
  return score;
}

/** Characters the repair treats as ordinary punctuation before a byte sequence (see `repair.ts`). */
export function isLoosePunctuation(code: number): boolean {
  return (
    (classOf(code) & (COMMON | SPACE)) !== 0 ||
    '\u2018\u201C\u201D\u201A\u201E\u2022'.includes(String.fromCharCode(code))
  );
}
