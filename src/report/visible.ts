/**
 * Show invisible characters visibly, for `--explain` and coloured diffs: `⟨LF⟩`, `⟨NBSP⟩`,
 * `⟨U+00AD⟩`. Plain spaces stay spaces; everything else that prints nothing (controls, format
 * characters, unusual spaces, line separators, a lone combining mark) gets a name or its code point.
 */

const NAMES: Readonly<Record<string, string>> = {
  '\n': 'LF',
  '\r': 'CR',
  '\t': 'TAB',
  '\f': 'FF',
  '\v': 'VT',
  '\u0085': 'NEL',
  '\u00A0': 'NBSP',
  '\u00AD': 'SHY',
  '\u200B': 'ZWSP',
  '\u200C': 'ZWNJ',
  '\u200D': 'ZWJ',
  '\u2028': 'LSEP',
  '\u2029': 'PSEP',
  '\u2060': 'WJ',
  '\u202F': 'NNBSP',
  '\uFEFF': 'BOM',
};

/** Characters that print nothing or look like a plain space. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]|(?! )\p{Zs}|^\p{M}/gu;

const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The visible name of one invisible character: `⟨LF⟩`, `⟨U+2003⟩`. */
export function visibleChar(c: string): string {
  return `⟨${NAMES[c] ?? codePoint(c)}⟩`;
}

/** `s` with every invisible character replaced by its visible name. */
export function visible(s: string): string {
  return s.replace(INVISIBLE, visibleChar);
}

/** `s` quoted for a one-line explanation: visible characters, `"` and `\` escaped. */
export function quoted(s: string): string {
  return `"${visible(s).replace(/[\\"]/g, '\\$&')}"`;
}
