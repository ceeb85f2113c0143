/**
 * unicode: normalise characters before any word-level work.
 *
 * - CRLF and lone CR become LF; form feeds (page breaks in pdftotext output), vertical tabs and the
 *   Unicode line/paragraph separators become line breaks.
 * - Ligature code points U+FB00–FB06 become their letters (`ﬁ` -> `fi`; `ﬅ`, long s + t, -> `st`, or
 *   `ſt` when long s is kept).
 * - No-break and other fixed-width spaces become a plain space.
 * - Zero-width characters, byte-order marks and stray control characters are removed.
 * - Soft hyphens are removed, except one after a letter at the end of a line: that is a printed
 *   line-break hyphen (Chronicling America writes them this way) and is left for `hyphens` to join on
 *   (`unwrap` removes those it did not join on).
 * - Long s (`ſ`) becomes `s` (option `longS`, on by default).
 * - Combining sequences are composed (NFC).
 *
 * False positive avoided: ZWJ (U+200D) is kept, because it joins emoji sequences.
 * Example: `of\u00ADfi\uFB01cial` -> `official`.
 */
import { defineTransform, optionsOf } from './define.js';

export interface UnicodeOptions {
  /** Replace long s (`ſ`) by `s`. */
  longS: boolean;
}

const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'ſt', // ﬅ is long s + t: `st` once the long s is folded (option `longS`), else `ſt`
  '\uFB06': 'st',
};

interface CharRule {
  rule: 'line-break' | 'ligature-char' | 'soft-hyphen' | 'space' | 'invisible' | 'control' | 'long-s' | 'nfc';
  pattern: string;
  replace: (match: string, options: UnicodeOptions) => string;
  reason: string;
}

/** The long s folded to `s` when the options say so. */
const foldLongS = (text: string, options: UnicodeOptions): string => (options.longS ? text.replace(/ſ/g, 's') : text);

/** One table of character rules; all are matched in a single pass. Order = priority. */
const RULES: readonly CharRule[] = [
  {
    rule: 'line-break',
    pattern: '\\r\\n?|[\\v\\f\\u2028\\u2029\\u0085]',
    replace: () => '\n',
    reason: 'line break normalised to LF',
  },
  {
    rule: 'ligature-char',
    // With the combining marks after it: they go on the last letter, composed as NFC composes them.
    pattern: '[\\uFB00-\\uFB06]\\p{M}*',
    replace: (m, options) => (foldLongS(LIGATURES[m.charAt(0)] ?? m.charAt(0), options) + m.slice(1)).normalize('NFC'),
    reason: 'ligature code point spelled out',
  },
  {
    rule: 'soft-hyphen',
    pattern: '(?<![\\p{L}\\p{M}])\\u00AD|\\u00AD(?![ \\t]*\\n)',
    replace: () => '',
    reason: 'soft hyphen inside a line, or after no letter, is invisible',
  },
  {
    rule: 'space',
    pattern: '[\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]',
    replace: () => ' ',
    reason: 'no-break or fixed-width space',
  },
  {
    rule: 'invisible',
    pattern: '[\\u200B\\u200C\\u2060\\uFEFF]+',
    replace: () => '',
    reason: 'zero-width character or byte-order mark',
  },
  {
    rule: 'control',
    // Runs of them; U+0085 (NEL) is a line break (above).
    pattern: '[\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u0084\\u0086-\\u009F]+',
    replace: () => '',
    reason: 'control character',
  },
  {
    rule: 'long-s',
    pattern: '\\u017F\\p{M}*',
    replace: (m) => `s${m.slice(1)}`.normalize('NFC'),
    reason: 'long s (ſ) is s',
  },
  // A base character with combining marks, or a character NFC maps to another (U+212B -> Å).
  {
    rule: 'nfc',
    pattern:
      '\\P{M}\\p{M}+|[\\u0340\\u0341\\u0343\\u0344\\u0374\\u037E\\u0387\\u1F71-\\u1FFD\\u2000\\u2001\\u2126\\u212A\\u212B\\u2329\\u232A\\uF900-\\uFAFF]',
    replace: (m) => m.normalize('NFC'),
    reason: 'composed to NFC',
  },
];

const COMBINED = new RegExp(RULES.map((r) => `(${r.pattern})`).join('|'), 'gu');
const NFC_RULE = RULES.find((r) => r.rule === 'nfc')!;
/** Combining marks looked for after a removed character: a letter carries a few, never more. */
const MARKS_LOOKAHEAD = 16;

/** The code point that ends at `i` (a surrogate pair is one), or '' at the start. */
function codePointBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.slice(Math.max(0, i - 1), i);
}

/**
 * A character some rule may touch: one that a rule matches by itself, or a combining mark (the `nfc`
 * rule's base and marks). Every match holds one, or a surrogate half (characters outside the BMP).
 */
const RULE_CHAR = new RegExp(`${COMBINED.source}|\\p{M}`, 'u');
/** Per BMP code unit: 0 not yet known, 1 a rule may touch it, 2 not. */
const RULE_CHAR_CLASS = new Uint8Array(65536);

/** `text` has a character some rule may touch: most texts have none, and the full pattern is slow. */
function mayNeedRules(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let cls = RULE_CHAR_CLASS[code]!;
    if (cls === 0) {
      const surrogate = code >= 0xd800 && code <= 0xdfff;
      cls = surrogate || RULE_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
      RULE_CHAR_CLASS[code] = cls;
    }
    if (cls === 1) return true;
  }
  return false;
}

export const unicode = defineTransform({
  id: 'unicode',
  description: 'Normalise line breaks, ligature characters, invisible and control characters, spaces, long s and NFC',
  example: { before: 'o\uFB03cial\u00A0re\u00ADport', after: 'official report' },
  defaults: optionsOf<UnicodeOptions>({ longS: true }),
  stage: 'characters',
  rules: RULES.map((r) => r.rule),
  damageRules: ['ligature-char'],
  // Characters are normalised wherever they are, URLs included.
  protect: false,
  run({ text, recorder }, options) {
    if (!mayNeedRules(text)) return;
    /** The end of the last edit: a match inside it was taken along already. */
    let covered = 0;
    for (const m of text.matchAll(COMBINED)) {
      if (m.index < covered) continue;
      const index = m.slice(1).findIndex((group) => group !== undefined);
      let rule = RULES[index];
      if (!rule) continue;
      let offset = m.index;
      let before = m[0];
      let after: string;
      if (rule.rule === 'long-s' && !options.longS) {
        if (before.length === 1) continue;
        rule = NFC_RULE; // long s kept, its marks composed
        after = before.normalize('NFC');
      } else after = rule.replace(before, options);
      // Combining marks after a removed character go on the character before it: composed now, as a
      // second cleaning would compose them (`e` + U+0007 + U+0301 -> `é`).
      const marks =
        after === ''
          ? /^\p{M}+/u.exec(text.slice(offset + before.length, offset + before.length + MARKS_LOOKAHEAD))?.[0]
          : undefined;
      const base = marks === undefined ? '' : codePointBefore(text, offset);
      if (marks !== undefined && base !== '' && offset - base.length >= covered && !/[\p{M}\s]/u.test(base)) {
        offset -= base.length;
        before = base + before + marks;
        after = (base + marks).normalize('NFC');
      }
      recorder.replace(offset, before, after, rule.rule, rule.reason);
      covered = offset + before.length;
    }
  },
});
