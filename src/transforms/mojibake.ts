/**
 * mojibake: undo UTF-8 text that was decoded with the wrong single-byte codec.
 *
 * `Iraqâ€™s` -> `Iraq’s` (Windows-1252), `g√¢teaux` -> `gâteaux` (MacRoman), `РґРѕСЂРѕРіРµ` -> `дороге`
 * (Windows-1251), `GagnÃƒÂ©` -> `Gagné` (read twice), `í\u00A0½í¸\u008D` -> 😍 (an emoji as CESU-8),
 * `\u0084Handwerk\u0093` -> `„Handwerk“` (C1 controls that Windows-1252 reads as punctuation). Also
 * Latin-1, Windows-1250, ISO-8859-2, Windows-1257 and code page 437. The search is in
 * `src/encoding/`: a badness score over character classes, and a repair only when it lowers the score.
 * One rule per kind of repair: `utf8-as-<codec>`, `utf8-twice`, `utf8-lossy` (a byte was lost: one
 * U+FFFD for the character), `cesu8`, `c1-control`, and `lost-byte`: `â€` followed by a space is a
 * right double quote whose last byte (0x9D, undefined in Windows-1252) was dropped, repaired only when
 * the document has other mojibake.
 *
 * False positives avoided: correct text that merely looks like mojibake stays as it is. A line with no
 * unlikely pair of characters is never changed (`SELKÄ` + no-break space is not `SELKĠ`, `√π` is
 * mathematics); a reading that does not lower the badness is refused (`Ō¬o`, `2012—∞`); and in a line
 * that is otherwise correct a single ambiguous pair is left (`DrÃ¥ber`, the leetspeak `MÄ£ÄM`).
 * Example: `Iraqâ€™s military` -> `Iraq’s military`.
 */
import { REPAIR_RULES, findRepairs } from '../encoding/repair.js';
import { defineTransform } from './define.js';

/** `â€` (the first two bytes of a curly quote) followed by a space or the line end. */
const LOST_LAST_BYTE = /â€(?=[\s]|$)/g;

export const mojibake = defineTransform({
  id: 'mojibake',
  description:
    'Repair UTF-8 mis-decoded as Windows-1252, Latin-1, MacRoman, Windows-1250/1251 and more (Iraqâ€™s -> Iraq’s)',
  example: { before: 'Iraqâ€™s military', after: 'Iraq’s military' },
  defaults: {},
  stage: 'characters',
  rules: [...REPAIR_RULES, 'lost-byte'],
  damageRules: [...REPAIR_RULES, 'lost-byte'],
  // Mis-decoded bytes are repaired wherever they are, URLs included.
  protect: false,
  run({ text, recorder }) {
    const repairs = findRepairs(text);
    if (repairs.length === 0) return;
    for (const r of repairs) recorder.replace(r.start, text.slice(r.start, r.end), r.after, r.rule, r.reason);
    if (recorder.count > 0) {
      for (const m of text.matchAll(LOST_LAST_BYTE)) {
        if (!recorder.overlaps(m.index, m.index + m[0].length)) {
          recorder.replace(m.index, m[0], '”', 'lost-byte', 'a right double quote whose last byte was lost');
        }
      }
    }
  },
});
