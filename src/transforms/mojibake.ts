/**
 * mojibake: undo UTF-8 text that was decoded as Windows-1252 or Latin-1 (once or twice).
 *
 * `Iraqâ€™s` -> `Iraq’s`, `crÃ¨me` -> `crème`, `GagnÃƒÂ©` -> `Gagné`. A run of characters that
 * Windows-1252 produces for high bytes is turned back into those bytes; each complete UTF-8 sequence in
 * them is decoded, and kept only when it decodes to a character plausible in news text (Latin letters,
 * general punctuation, symbols, ligatures, emoji). The rest of the run stays as it is.
 * `lost-byte`: `â€` followed by a space is a right double quote whose last byte (0x9D, undefined in
 * Windows-1252) was dropped; repaired only when the document has other mojibake.
 *
 * False positives avoided: `SÃO PAULO`, `château`, `São`: a lone high character, or one followed by
 * a character that cannot continue a UTF-8 sequence, is never touched.
 * Example: `Iraqâ€™s military` -> `Iraq’s military`.
 */
import { defineTransform } from './define.js';

/** Windows-1252 bytes 0x80–0x9F that differ from Latin-1. */
const CP1252_SPECIALS: Readonly<Record<number, number>> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** The byte Windows-1252 (or Latin-1, for C1 controls) decoded to `code`, or -1. */
function byteOf(code: number): number {
  if (code >= 0x80 && code <= 0xff) return code;
  return CP1252_SPECIALS[code] ?? -1;
}

/** Runs of two or more characters that can come from high bytes. */
const SUSPECT_RUN =
  /[\u0080-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]{2,}/g;

/**
 * Code points a repaired sequence may produce: text, not the noise of a coincidental byte match.
 * Latin Extended-B, Greek and Cyrillic are left out: `Ç”` or `È’` at the end of a quoted word would
 * otherwise decode to `ǔ` or `Ȓ`.
 */
function plausible(cp: number): boolean {
  return (
    (cp >= 0xa0 && cp <= 0x17f) ||
    cp === 0x192 ||
    (cp >= 0x218 && cp <= 0x21b) ||
    (cp >= 0x2000 && cp <= 0x22ff) ||
    (cp >= 0xfb00 && cp <= 0xfb06) ||
    (cp >= 0x1f000 && cp <= 0x1faff)
  );
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Decode every complete, plausible UTF-8 sequence hidden in `run`; other characters stay. */
function decodeRun(run: string): string {
  const chars = [...run];
  const bytes = chars.map((c) => byteOf(c.codePointAt(0)!));
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const n = sequenceLength(bytes[i]!);
    if (n > 0 && i + n <= chars.length && bytes.slice(i + 1, i + n).every((b) => b >= 0x80 && b <= 0xbf)) {
      const decoded = Buffer.from(bytes.slice(i, i + n)).toString('utf8');
      const cp = decoded.codePointAt(0)!;
      if (decoded.length <= 2 && cp !== 0xfffd && plausible(cp)) {
        out += decoded;
        i += n;
        continue;
      }
    }
    out += chars[i];
    i++;
  }
  return out;
}

/** Repeat for text that was mis-decoded twice (`ÃƒÂ©` -> `Ã©` -> `é`). */
function repair(run: string): string {
  let current = run;
  for (let round = 0; round < 3; round++) {
    const next = current.replace(SUSPECT_RUN, decodeRun);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** `â€` (the first two bytes of a curly quote) followed by a space or the line end. */
const LOST_LAST_BYTE = /â€(?=[\s]|$)/g;

export const mojibake = defineTransform({
  id: 'mojibake',
  description: 'Repair UTF-8 text mis-decoded as Windows-1252 or Latin-1 (Iraqâ€™s -> Iraq’s)',
  example: { before: 'Iraqâ€™s military', after: 'Iraq’s military' },
  defaults: {},
  stage: 'characters',
  rules: ['utf8-as-cp1252', 'lost-byte'],
  damageRules: ['utf8-as-cp1252', 'lost-byte'],
  // Mis-decoded bytes are repaired wherever they are, URLs included.
  protect: false,
  run({ text, recorder }) {
    for (const m of text.matchAll(SUSPECT_RUN)) {
      const fixed = repair(m[0]);
      recorder.replace(
        m.index,
        m[0],
        fixed,
        'utf8-as-cp1252',
        'the characters are the bytes of UTF-8 text read as Windows-1252',
      );
    }
    if (recorder.count > 0) {
      for (const m of text.matchAll(LOST_LAST_BYTE)) {
        if (!recorder.overlaps(m.index, m.index + m[0].length)) {
          recorder.replace(m.index, m[0], '”', 'lost-byte', 'a right double quote whose last byte was lost');
        }
      }
    }
  },
});
