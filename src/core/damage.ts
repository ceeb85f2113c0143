/**
 * Evidence that a document's text layer is damaged (a PDF export or e-reader dump, not typeset text
 * transcribed as printed): repairs earlier transforms had to make. Repairs that are risky on clean
 * text (joining two words into a compound, closing a space before a comma) wait for this evidence.
 *
 * Which edits count is declared by each transform, beside its rules (`Transform.damageRules`): every
 * mojibake and ligature-garbage repair, a ligature character, a hyphen-space break, a split-word
 * fragment, a word cut by a break, PressReader furniture. `RunContext` counts them as they are made.
 */

/**
 * A document proves damaged with one signal per this many words (at least one): a long page with one
 * stray split word is not a damaged text layer, a 400-word PressReader story with one is.
 */
export const WORDS_PER_DAMAGE_SIGNAL = 1500;
