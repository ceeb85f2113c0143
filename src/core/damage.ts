/**
 * Evidence that a document's text layer is damaged (a PDF export or e-reader dump, not typeset text
 * transcribed as printed): repairs earlier transforms had to make. Repairs that are risky on clean
 * text (joining two words into a compound, closing a space before a comma) wait for this evidence.
 */
import type { Edit } from './types.js';

/** transform/rule ids (a bare transform id covers all its rules) whose edits prove the damage. */
const DAMAGE = new Set([
  'mojibake',
  'ligatures',
  'unicode/ligature-char',
  'hyphens/inline',
  'split-words/fragment',
  'split-words/across-break',
  'boilerplate/pressreader-footer',
  'boilerplate/pressreader-credit',
  'boilerplate/pressreader-copy',
]);

export function isDamageSignal(edit: Edit): boolean {
  return DAMAGE.has(edit.transform) || DAMAGE.has(`${edit.transform}/${edit.rule}`);
}

/** How many of `edits` prove the text layer damaged. */
export function damageSignals(edits: readonly Edit[] = []): number {
  let n = 0;
  for (const edit of edits) if (isDamageSignal(edit)) n++;
  return n;
}

/**
 * A document proves damaged with one signal per this many words (at least one): a long page with one
 * stray split word is not a damaged text layer, a 400-word PressReader story with one is.
 */
export const WORDS_PER_DAMAGE_SIGNAL = 1500;

/** Enough signals for a document of `words` words (`extra`: signals the caller found itself). */
export function provenDamaged(edits: readonly Edit[] | undefined, words: number, extra = 0): boolean {
  return damageSignals(edits) + extra >= Math.max(1, Math.ceil(words / WORDS_PER_DAMAGE_SIGNAL));
}
