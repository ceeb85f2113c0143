/**
 * The English and OCR-specific policy of the evidence model: which dictionary words count as words in
 * their own right, which are function words, how possessives are read. Named thresholds, each with
 * its reason; no state.
 */

/**
 * Real English words of one or two letters. The dictionary also lists letter names and abbreviations
 * (`es`, `ed`, `re`, `ti`) that in OCR text are almost always fragments of a longer word.
 */
export const SHORT_WORDS: ReadonlySet<string> = new Set(
  'a i o ah am an as at aw ax be by do eh go ha he hi ho if in is it ma me mr ms my no of oh ok on or ow ox pa so to tv uh um up us we ye yo'.split(
    ' ',
  ),
);

/**
 * A dictionary word of three or four letters counts as a standalone word only when it is this frequent
 * (rank in the frequency list). Rarer ones (`tho`, `ting`, `tain`) are more often fragments of a longer
 * word (`cap` / `tain`) than words in OCR text.
 */
const SHORT_WORD_MAX_RANK = 30000;
const SHORT_WORD_MAX_LENGTH = 4;

/** A dictionary word of `length` letters with frequency `rank` is a word in its own right. */
export const frequentForItsLength = (length: number, rank: number): boolean =>
  length > SHORT_WORD_MAX_LENGTH || (rank > 0 && rank <= SHORT_WORD_MAX_RANK);

/**
 * Function words: a split-word join never uses one of these as a part when both parts are words,
 * because the two-word reading is common English (`in to`, `a lot`, `may be`, `every one`, `any way`).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a about after again all also an and any are as at be because been before being both but by can could did do
  does each every for from had has have he her here him his how i if in into is it its just may me might more most
  much must my no none not now of off on one only or other our out over own per shall she should so some such than
  that the their them then there these they this those through to too under up upon us very was we were what when
  where which while who whom why will with would you your`.split(/\s+/),
);

/** `word` without a final possessive `'s` or `’s`. */
export function stripPossessive(word: string): string {
  return word.endsWith('s') && (word.endsWith("'s") || word.endsWith('’s')) ? word.slice(0, -2) : word;
}

/** Only the letters a-z: `toLowerCase` would return the word itself (and costs a copy for two-byte text). */
export function isLowerAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** Parts of names and foreign phrases English text prints (`von Moltke`, `et al.`), which are no dictionary words. */
export const NAME_PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'du',
  'la',
  'le',
  'des',
  'del',
  'di',
  'da',
  'ibn',
  'ter',
  'et',
  // Titles and name abbreviations, printed without a period too (`Mr Smith`, `Wm Jones`).
  'mr',
  'mrs',
  'ms',
  'messrs',
  'dr',
  'st',
  'wm',
  'jas',
  'chas',
  'thos',
  'geo',
  'jno',
  'robt',
  'esq',
  'capt',
  'lieut',
  'sergt',
  'hon',
  'rev',
  'bros',
  'ltd',
]);

/** Endings and beginnings that make words of words (`mischiefs`, `gaugers`, `unfrequently`). */
export const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'ings', 'er', 'ers', 'ly', 'e', 'ness'] as const;
export const PREFIXES = ['un', 'in', 'im', 're', 'dis', 'non', 'pre', 'over', 'under', 'out', 'mis'] as const;
/** Parts of a compound (`bootmakers`) this long at least. */
export const COMPOUND_PART_MIN = 3;
