/**
 * punctuation-spacing: remove the space OCR and PDF extraction put before punctuation.
 *
 * `ISIL .”` -> `ISIL.”`, `homes ,` -> `homes,`, `Mr . Smith` -> `Mr. Smith`. The punctuation must end
 * a word: followed by a space, a closing quote or bracket, or the end of the line.
 *
 * Spaces are closed only when the document is proven damaged (`damage.ts`: ligature garbage, split
 * words, mojibake, PressReader furniture...): in clean old print and diplomatic transcriptions a space
 * before a mark is part of the text.
 *
 * False positives avoided: decimals (`.5`), ellipses (`wait ...`), URLs and file names (`. com` is not
 * touched when a letter follows), times (`7 : 30`), punctuation after an opening quote or dash, and a
 * document whose typography spaces a mark by convention (`word ;` throughout a 19th-century page).
 * Example: `the efforts against ISIL .”` -> `the efforts against ISIL.”`.
 */
import { defineTransform } from './define.js';

/** Spaces, then one mark: found cheaply; the context around it is checked after. */
const SPACE_BEFORE_MARK = /[ \t]+([.,;:!?])/g;
/** Characters a mark may end: letters, digits, %, closing quotes and brackets. */
const WORD_END = /[\p{L}\p{N}%)\]”’]/u;
/** What may follow a word-ending mark: space, line end, closing quote or bracket. */
const MARK_END = /[ \t\n”’"')\]]/;
/**
 * A document that puts a space before a mark at least this often does so by convention: that is its
 * style, not damage. Older typography spaced `;` `:` `?` `!` (one spaced semicolon of one is a
 * convention); a space before `,` or `.` is a convention only when it happens at least three times.
 */
const CONVENTION_SHARE = 0.5;
const TYPOGRAPHIC_MARKS = new Set([';', ':', '?', '!']);
const CONVENTION_MIN = 3;

const endsMark = (text: string, i: number): boolean => i >= text.length || MARK_END.test(text.charAt(i));

export const punctuationSpacing = defineTransform({
  id: 'punctuation-spacing',
  description: 'Remove the space before a closing punctuation mark (ISIL .” -> ISIL.”)',
  example: { before: 'efffforts against ISIL .”', after: 'efffforts against ISIL.”' },
  defaults: {},
  stage: 'words',
  rules: ['space-before'],
  run({ text, recorder, context }) {
    const candidates: { index: number; length: number; mark: string }[] = [];
    for (const m of text.matchAll(SPACE_BEFORE_MARK)) {
      const mark = m[1]!;
      const end = m.index + m[0].length;
      const before = m.index > 0 ? text.charAt(m.index - 1) : '';
      if (!WORD_END.test(before) || !endsMark(text, end)) continue;
      if (mark === '.' && end < text.length && text.charAt(end) === '.') continue; // ellipsis
      if ((mark === ':' || mark === ',') && /\d/.test(before) && /^[ \t]*\d/.test(text.slice(end, end + 8))) continue; // 7 : 30
      candidates.push({ index: m.index, length: m[0].length, mark });
    }
    if (candidates.length === 0) return;
    const conventional = new Set<string>();
    for (const mark of new Set(candidates.map((c) => c.mark))) {
      const spaced = candidates.filter((c) => c.mark === mark).length;
      if (spaced < CONVENTION_MIN && !TYPOGRAPHIC_MARKS.has(mark)) continue;
      let total = 0;
      for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) if (endsMark(text, i + 1)) total++;
      if (spaced >= total * CONVENTION_SHARE) conventional.add(mark);
    }
    // Closed up only in a text layer proven damaged: old typesetting and diplomatic transcriptions
    // leave spaces before marks that are part of the text as printed or transcribed.
    if (!context.provenDamaged(context.words(text).count)) return;
    for (const c of candidates) {
      if (conventional.has(c.mark)) continue;
      recorder.replace(c.index, text.substr(c.index, c.length), c.mark, 'space-before', `no space before "${c.mark}"`);
    }
  },
});
