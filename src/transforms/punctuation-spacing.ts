/**
 * punctuation-spacing: remove the space OCR and PDF extraction put before punctuation.
 *
 * `ISIL .”` -> `ISIL.”`, `homes ,` -> `homes,`, `Mr . Smith` -> `Mr. Smith`. The punctuation must end
 * a word: followed by a space, a closing quote or bracket, or the end of the line.
 *
 * False positives avoided: decimals (`.5`), ellipses (`wait ...`), URLs and file names (`. com` is not
 * touched when a letter follows), times (`7 : 30`), and punctuation after an opening quote or dash.
 * Example: `the efforts against ISIL .”` -> `the efforts against ISIL.”`.
 */
import { EditRecorder } from '../edits.js';
import { protectedSpans } from '../protect.js';
import type { Transform } from '../types.js';

/** Spaces after a word (letter, digit, %, closing quote or bracket) and before one mark that ends it. */
const SPACE_BEFORE_MARK = /(?<=[\p{L}\p{N}%)\]”’])[ \t]+([.,;:!?])(?=[ \t\n”’"')\]]|$)/gu;

export const punctuationSpacing: Transform = {
  id: 'punctuation-spacing',
  description: 'Remove the space before a closing punctuation mark (ISIL .” -> ISIL.”)',
  example: { before: 'against ISIL .”', after: 'against ISIL.”' },
  defaults: {},
  apply(text, context) {
    const recorder = new EditRecorder(text, 'punctuation-spacing', protectedSpans(text, context.protect));
    for (const m of text.matchAll(SPACE_BEFORE_MARK)) {
      const mark = m[1]!;
      const before = text.charAt(m.index - 1);
      const after = text.slice(m.index + m[0].length);
      if (mark === '.' && after.startsWith('.')) continue; // ellipsis
      if ((mark === ':' || mark === ',') && /\d/.test(before) && /^[ \t]*\d/.test(after)) continue; // 7 : 30, 1 , 000
      recorder.replace(m.index, m[0], mark, 'space-before', `no space before "${mark}"`);
    }
    return recorder.finish();
  },
};
