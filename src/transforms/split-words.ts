/**
 * split-words: rejoin a word that a stray space or a paragraph break cut in two.
 *
 * - `fragment`: one part is not a word and the join is (`collec ting` -> `collecting`,
 *   `address es` -> `addresses`; up to three parts, `infra struc ture`).
 * - `compound`: both parts are words (`home work` -> `homework`). Joined only when the document uses
 *   the joined word elsewhere, or when all of these hold: the document's text layer is shown to split
 *   words (other split words, ligature garbage or hyphen-space breaks were repaired in it), the join is
 *   a common dictionary word, much more probable than the two words under a unigram model, and the
 *   document does not write the pair apart elsewhere. Unigram frequencies alone cannot tell `home work`
 *   from `air base` (`airbase` is rarer than `homework` in the frequency list, which is what lets
 *   the rank cap keep `air base`); the damage gate keeps clean text, and historic text that writes
 *   `bed room` open, out of reach.
 * - `across-break`: a word cut by a line or paragraph break where neither part is a word and the join,
 *   after ligature repair, is one (`offiffi` / blank line / `cials` -> `officials`).
 *
 * False positives avoided: function words are never joined when both parts are words (`in to`,
 * `a lot`, `may be`, `every one`); name sequences (`Qassim Abdul`) and numbers are never joined;
 * nothing is joined across punctuation.
 * Example: `collec ting information` -> `collecting information`.
 */
import { EditRecorder } from '../edits.js';
import { Evidence, matchCase } from '../evidence/evidence.js';
import type { Transform } from '../types.js';
import { repairLigatureGarbage } from './ligatures.js';

/**
 * A compound join needs the joined word at least this frequent (rank in the frequency list):
 * `homework` is 18,436th, `airbase` 39,354th (`air base` is the usual spelling).
 */
const COMPOUND_MAX_RANK = 25000;
/** Edits by earlier transforms that show a document's text layer splits and garbles words. */
const DAMAGE_RULES = new Set(['ligatures/repeated-group', 'ligatures/dropped-ligature', 'hyphens/inline']);
/**
 * A compound join needs cost(a) + cost(b) - cost(ab) at least this large (natural-log units): the
 * joined word must be this much more probable than the pair under the unigram model.
 */
const COMPOUND_MIN_GAIN = 2.5;
/** Joins shorter than this are too likely a coincidence (`o f` -> `of`). */
const MIN_JOINED_LENGTH = 4;
const MAX_PARTS = 3;

const startsUpper = (s: string): boolean => /^\p{Lu}/u.test(s);
const allUpper = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase();

interface Join {
  word: string;
  rule: string;
  reason: string;
}

/** The joined spelling of `parts` (ligature garbage repaired), when the evidence supports it. */
function supportedJoin(parts: readonly string[], evidence: Evidence): string | undefined {
  const joined = parts.join('');
  if (evidence.supports(joined)) return joined;
  const repaired = repairLigatureGarbage(joined, evidence);
  return repaired === undefined ? undefined : matchCase(parts[0]!, repaired);
}

/** Decide whether the words `parts`, separated by spaces inside a line, are one word. */
export function decideSplit(parts: readonly string[], evidence: Evidence, damaged: boolean): Join | undefined {
  const [first, ...rest] = parts;
  if (first === undefined || rest.length === 0) return undefined;
  const caps = allUpper(parts.join(''));
  if (!caps && rest.some(startsUpper)) return undefined; // `Qassim Abdul`, `Collec Ting` is not text
  const word = supportedJoin(parts, evidence);
  if (word === undefined || word.length < MIN_JOINED_LENGTH) return undefined;
  const lower = word.toLowerCase();
  const fragment = parts.find((p) => !evidence.isStandalone(p));
  if (fragment !== undefined) {
    if (parts.some((p) => p.length < 2)) return undefined;
    return { word, rule: 'fragment', reason: `"${fragment.toLowerCase()}" is not a word and "${lower}" is` };
  }
  if (parts.length !== 2) return undefined;
  if (parts.some((p) => evidence.isFunctionWord(p))) return undefined;
  if (startsUpper(first) && !caps) return undefined; // a name's parts, unless the document says otherwise
  if (evidence.inDocument(lower) > 0)
    return { word, rule: 'compound', reason: `"${lower}" is used elsewhere in the document` };
  if (!damaged || !evidence.isDictionaryWord(word)) return undefined;
  const rank = evidence.rank(word);
  if (rank === 0 || rank > COMPOUND_MAX_RANK) return undefined;
  const gain = evidence.cost(parts[0]!) + evidence.cost(parts[1]!) - evidence.cost(word);
  if (gain < COMPOUND_MIN_GAIN) return undefined;
  if (evidence.inDocumentPair(parts[0]!.toLowerCase(), parts[1]!.toLowerCase()) > 1) return undefined;
  return { word, rule: 'compound', reason: `"${lower}" is far more frequent than "${parts.join(' ').toLowerCase()}"` };
}

/** Decide a word cut by a line or paragraph break with no hyphen: `offiffi` / `cials`. */
export function decideAcrossBreak(left: string, right: string, evidence: Evidence): Join | undefined {
  if (evidence.isStandalone(left) || evidence.isStandalone(right)) return undefined;
  const word = supportedJoin([left, right], evidence);
  if (word === undefined || word.length < MIN_JOINED_LENGTH) return undefined;
  return {
    word,
    rule: 'across-break',
    reason: `neither "${left}" nor "${right}" is a word and "${word.toLowerCase()}" is`,
  };
}

/** Word tokens separated by spaces inside a line; at most MAX_PARTS, letters only, no punctuation between. */
const SPACED_WORDS = /(?<![\p{L}\p{N}'’@./_-])\p{L}+(?:[ \t]+\p{L}+)+(?![\p{L}\p{N}'’@/_-]|\.\p{L})/gu;
/** A word at the end of a line or paragraph and a lowercase word starting the next one. */
const ACROSS_BREAK = /(?<![\p{L}\p{N}'’.@/_-])(\p{L}+)[ \t]*\n(?:[ \t]*\n)*[ \t]*(\p{Ll}+)(?![\p{L}\p{N}'’@/_-])/gu;

export const splitWords: Transform = {
  id: 'split-words',
  description: 'Rejoin words split by a space (collec ting, home work) or by a paragraph break',
  example: { before: 'help in collec ting information', after: 'help in collecting information' },
  defaults: {},
  apply(text, context) {
    const recorder = new EditRecorder(text, 'split-words');
    const evidence = new Evidence(context.evidence, text);
    const priorDamage = (context.priorEdits ?? []).some((e) => DAMAGE_RULES.has(`${e.transform}/${e.rule}`));
    // Two passes: fragments and breaks first; compounds only if the document proved to be damaged.
    for (const pass of ['fragments', 'compounds'] as const) {
      const damaged = priorDamage || recorder.count > 0;
      if (pass === 'compounds' && !damaged) break;
      joinSpacedWords(text, evidence, recorder, pass === 'compounds');
      if (pass === 'fragments') joinAcrossBreaks(text, evidence, recorder);
    }
    return recorder.finish();
  },
};

function joinSpacedWords(text: string, evidence: Evidence, recorder: EditRecorder, damaged: boolean): void {
  for (const m of text.matchAll(SPACED_WORDS)) {
    const tokens = [...m[0].matchAll(/\p{L}+/gu)];
    let i = 0;
    while (i < tokens.length - 1) {
      let joined: Join | undefined;
      let width = 0;
      for (let n = Math.min(MAX_PARTS, tokens.length - i); n >= 2 && !joined; n--) {
        joined = decideSplit(
          tokens.slice(i, i + n).map((t) => t[0]),
          evidence,
          damaged,
        );
        width = n;
      }
      const start = tokens[i]!;
      const end = tokens[i + width - 1]!;
      const offset = m.index + start.index;
      const before = m[0].slice(start.index, end.index + end[0].length);
      if (joined && !recorder.overlaps(offset, offset + before.length)) {
        recorder.replace(offset, before, joined.word, joined.rule, joined.reason);
        i += width;
      } else {
        i++;
      }
    }
  }
}

function joinAcrossBreaks(text: string, evidence: Evidence, recorder: EditRecorder): void {
  for (const m of text.matchAll(ACROSS_BREAK)) {
    const [whole, left, right] = m as unknown as [string, string, string];
    if (recorder.overlaps(m.index, m.index + whole.length)) continue;
    const joined = decideAcrossBreak(left, right, evidence);
    if (joined) recorder.replace(m.index, whole, joined.word, joined.rule, joined.reason);
  }
}
