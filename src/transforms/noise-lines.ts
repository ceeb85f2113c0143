/**
 * noise-lines: remove lines of OCR noise, the specks, rules and ornaments a scan turns into characters
 * (`'»A`, `&&`, `•sSSfei*`, `.”N^ S :W. 1\`).
 *
 * A line is noise when it holds no word (no dictionary word of two letters or more, no frequent name)
 * and either has at most two characters, or less than half of its characters are letters, or is short
 * and has symbols that are not text (`•`, `*`, `»`, `■`, ...). The thresholds
 * were measured on 60 Chronicling America front pages (see the README's Quality section) and on the
 * ground truth of the evaluation corpora, where they remove nothing.
 *
 * False positives avoided: a line with one real word stays (`frets`, `Tension, However, is Not`), and
 * so does the end of a word hyphenated on the line above (unless that line goes: noise itself, or page
 * furniture);
 * a name no dictionary has stays when it is mostly letters (`Waddington`); numbers, dates, money
 * and list markers stay (`1916.`, `£16,364 13s. 2d.`, `9.`), and so do separators (`* * *`) and
 * initials (`F. S. B.`).
 * Example: `The rescue was\n&&\nwitnessed.` -> `The rescue was\nwitnessed.`
 */
import type { Evidence } from '../evidence/evidence.js';
import { isFurnitureLine } from './boilerplate.js';
import { defineTransform } from './define.js';
import { isBlank, isSeparatorLine, lineWithBreak, splitLines } from '../core/lines.js';
import { isLetterCode, scanWords } from '../core/words.js';

/** Below this share of letters among its visible characters, a line with no word is noise. */
const MIN_LETTER_SHARE = 0.5;
/** A line this short (visible characters) with no word is noise, whatever its letters. */
const MAX_SPECK_LENGTH = 2;
/** Texts with fewer non-blank lines than this are left alone. */
const MIN_LINES = 3;
/** Lines longer than this are never noise: there is too much there to be a speck. */
const MAX_NOISE_LENGTH = 60;

const SOFT_HYPHENS = /\u00AD/g;
/** Characters that are not text: a line with no word and one of these is a scanned ornament or speck. */
const JUNK = /[•■¦|\\^~*#@<>{}«»§¶†‡]/;
/** ...when the line is this short: a longer garbled line is damaged text, not a speck (`Dr. Clouston, Jame«`). */
const JUNK_MAX_LENGTH = 12;
/** Initials before a capitalised word: a name, whatever specks stand beside it (`|T. G. Mandt`). */
const NAME_AFTER_INITIALS = /(?:^|[^\p{L}])(?:\p{Lu}\.\s?){1,3}\p{Lu}\p{Ll}{2,}/u;
/** A capitalised word this long and this frequent in the frequency list is a name (`Nevada`), not noise. */
const NAME_MIN_LENGTH = 4;
const NAME_MAX_RANK = 50000;
const isFrequent = (rank: number): boolean => rank > 0 && rank <= NAME_MAX_RANK;

/** Why `line` is noise, or undefined when it is text. */
export function noiseReason(line: string, evidence: Evidence): string | undefined {
  if (line.length > MAX_NOISE_LENGTH * 2) return undefined;
  // Most lines hold a word: look for one first, without building strings or arrays.
  for (let i = 0; i < line.length;) {
    if (!isLetterCode(line.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < line.length && isLetterCode(line.charCodeAt(i))) i++;
    if (i - start >= 2 && evidence.isWord(line, start, i)) return undefined;
  }
  const words = scanWords(line);
  const visible = line.replace(/\s+/g, '');
  if (visible.length === 0 || visible.length > MAX_NOISE_LENGTH) return undefined;
  if (/\d\d/.test(visible) || (/\d/.test(visible) && !/\p{L}/u.test(visible))) return undefined; // numbers, money, dates
  if (/^\d{1,3}[.)]$|^[(\[]?\d{1,3}[)\]]$/.test(visible)) return undefined; // list markers
  if (isSeparatorLine(visible)) return undefined; // a separator: * * *
  if (/^[-–—]?(?:\p{Lu}\.)+$/u.test(visible)) return undefined; // initials: F. S. B.
  if (NAME_AFTER_INITIALS.test(line)) return undefined; // a name: |T. G. Mandt
  for (let i = 0; i < words.count; i++) {
    const w = line.slice(words.starts[i], words.ends[i]);
    if (w.length >= NAME_MIN_LENGTH && /^\p{Lu}/u.test(w) && isFrequent(evidence.rank(w))) return undefined; // `Nevada`
  }
  let letters = 0;
  for (let i = 0; i < visible.length; i++) if (isLetterCode(visible.charCodeAt(i))) letters++;
  if (visible.length <= MAX_SPECK_LENGTH) return 'a speck: no word, one or two characters';
  if (letters < visible.length * MIN_LETTER_SHARE) return 'no word, and fewer than half of the characters are letters';
  if (visible.length <= JUNK_MAX_LENGTH && JUNK.test(visible)) return 'a speck: no word, and symbols that are not text';
  return undefined;
}

export const noiseLines = defineTransform({
  id: 'noise-lines',
  description: 'Remove lines of OCR noise that hold no word (&&, •sSSfei*)',
  example: { before: 'The rescue was\n&&\nwitnessed.', after: 'The rescue was\nwitnessed.' },
  defaults: {},
  stage: 'furniture',
  rules: ['no-word'],
  // Whole lines go; a line of noise holds no URL.
  protect: false,
  run({ text, recorder, evidence }) {
    const lines = splitLines(text);
    // A text of a line or two is all content: never take it away.
    if (lines.filter((l) => !isBlank(l.text)).length < MIN_LINES) return;
    // The line above as the text will read: the last one kept (a line of noise above goes too).
    let above: string | undefined;
    for (const line of lines) {
      // The end of a word hyphenated on the line above (`connec-` / `tion: ¦ •`) is not noise.
      const continued =
        above !== undefined &&
        /\p{L}[-\u00AD¬]\s*$/u.test(above) && // a word cut on the line above (`connec-`), not `- 4 -`
        /^\s*\p{L}/u.test(line.text) &&
        !isFurnitureLine(above.replace(SOFT_HYPHENS, '').trim()); // page furniture goes, and continues nothing
      // Read as the line will be cleaned: without soft hyphens (the layout removes those left), each
      // run of white space one space.
      const reason =
        isBlank(line.text) || continued
          ? undefined
          : noiseReason(line.text.replace(SOFT_HYPHENS, '').replace(/\s+/g, ' '), evidence);
      if (reason === undefined) {
        above = line.text;
        continue;
      }
      recorder.replace(line.start, lineWithBreak(text, line), '', 'no-word', reason);
    }
  },
});
