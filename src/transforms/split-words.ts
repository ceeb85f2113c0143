/**
 * split-words: rejoin a word that a stray space or a paragraph break cut in two.
 *
 * - `fragment`: one part is not a word and the join is (`collec ting` -> `collecting`,
 *   `address es` -> `addresses`; up to three parts, `infra struc ture`).
 * - `compound`: both parts are words (`home work` -> `homework`). Joined only once the document's text
 *   layer is shown to split words (`damage.ts`: other split words, ligature garbage, hyphen-space
 *   breaks, mojibake, PressReader furniture; one signal per 1,500 words), and then when the document
 *   uses the joined word elsewhere, or when the join is a common dictionary word, much more probable
 *   than the two words under a unigram model. Either way, not when the document writes the pair apart
 *   more often. Unigram frequencies alone cannot tell `home work` from `air base` (`airbase` is rarer
 *   than `homework` in the frequency list, which is what lets the rank cap keep `air base`); the damage
 *   gate keeps clean text, and historic text that writes `bed room` open (and `bedroom` a page later),
 *   out of reach.
 * - `across-break`: a word cut by a line or paragraph break where neither part is a word and the join,
 *   after ligature repair, is one (`offiffi` / blank line / `cials` -> `officials`).
 *
 * False positives avoided: function words are never joined when both parts are words (`in to`,
 * `a lot`, `may be`, `every one`); name sequences (`Qassim Abdul`) and numbers are never joined;
 * nothing is joined across punctuation; a pair the document writes apart more often than whole is its
 * spelling (`De Soto`), and Latin phrases written open (`post mortem`) have their words in the project list.
 * Example: `collec ting information` -> `collecting information`.
 */
import type { EditRecorder } from '../core/edits.js';
import type { Evidence } from '../evidence/evidence.js';
import {
  continuesToken,
  gapAfter,
  glueBefore,
  isLowerCode,
  isUpperCode,
  matchCase,
  spacesAfter,
  word,
  type Words,
} from '../core/words.js';
import { defineTransform } from './define.js';
import { repairLigatureGarbage } from './ligatures.js';

/**
 * A compound join needs the joined word at least this frequent (rank in the frequency list):
 * `homework` is 18,436th, `airbase` 39,354th (`air base` is the usual spelling).
 */
const COMPOUND_MAX_RANK = 25000;

/**
 * A compound join needs cost(a) + cost(b) - cost(ab) at least this large (natural-log units): the
 * joined word must be this much more probable than the pair under the unigram model.
 */
const COMPOUND_MIN_GAIN = 2.5;
/** Joins shorter than this are too likely a coincidence (`o f` -> `of`). */
const MIN_JOINED_LENGTH = 4;

const startsUpper = (s: string): boolean => isUpperCode(s.charCodeAt(0));
const allUpper = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase();

const SPLIT_RULES = ['fragment', 'compound', 'across-break'] as const;
type SplitRule = (typeof SPLIT_RULES)[number];

interface Join {
  word: string;
  rule: SplitRule;
  reason: string;
}

/** The joined spelling of `parts` (ligature garbage repaired), when the evidence supports it. */
function supportedJoin(parts: readonly string[], evidence: Evidence): string | undefined {
  const joined = parts.join('');
  // Garbage first: the document may contain the damaged form itself (`offifficials`).
  const repaired = repairLigatureGarbage(joined, evidence);
  if (repaired !== undefined) return matchCase(parts[0]!, repaired);
  return evidence.supports(joined) ? joined : undefined;
}

/**
 * The document writes `parts` apart more often than joined (`De Soto` twice, `DeSoto` once): the split
 * is its spelling, not damage. Two parts only; three-part splits are never a spelling.
 */
function writtenApart(parts: readonly string[], word: string, evidence: Evidence): boolean {
  if (parts.length !== 2) return false;
  const apart = evidence.seen(parts[0]!.toLowerCase(), parts[1]!.toLowerCase());
  return apart > 1 && apart > evidence.seen(word.toLowerCase());
}

/** Decide whether the words `parts`, separated by spaces inside a line, are one word. */
export function decideSplit(
  parts: readonly string[],
  evidence: Evidence,
  damaged: boolean,
  /** Whether each part is a word in its own right, when the caller knows already. */
  standalone: readonly boolean[] = parts.map((p) => evidence.isStandalone(p)),
): Join | undefined {
  const [first, ...rest] = parts;
  if (first === undefined || rest.length === 0) return undefined;
  const caps = startsUpper(first) && parts.every(allUpper);
  if (!caps && rest.some(startsUpper)) return undefined; // `Qassim Abdul`; `Collec Ting` is not text
  const fragment = parts.find((_, k) => !standalone[k]);
  if (fragment !== undefined) {
    if (parts.some((p) => p.length < 2)) return undefined;
    const word = supportedJoin(parts, evidence);
    if (word === undefined || word.length < MIN_JOINED_LENGTH) return undefined;
    if (writtenApart(parts, word, evidence)) return undefined;
    return {
      word,
      rule: 'fragment',
      reason: `"${fragment.toLowerCase()}" is not a word and "${word.toLowerCase()}" is`,
    };
  }
  // Both parts are words: a compound split by a stray space, or two words.
  if (parts.length !== 2 || parts.some((p) => evidence.isFunctionWord(p))) return undefined;
  if (startsUpper(first) && !caps) return undefined; // a name's parts
  if (!damaged) return undefined;
  const word = parts.join('');
  const lower = word.toLowerCase();
  if (evidence.seen(lower) > 0 && !writtenApart(parts, word, evidence)) {
    return { word, rule: 'compound', reason: `"${lower}" is used elsewhere in the document` };
  }
  if (!evidence.isWord(word)) return undefined;
  const rank = evidence.rank(word);
  if (rank === 0 || rank > COMPOUND_MAX_RANK) return undefined;
  const gain = evidence.cost(parts[0]!) + evidence.cost(parts[1]!) - evidence.cost(word);
  if (gain < COMPOUND_MIN_GAIN) return undefined;
  if (evidence.seen(parts[0]!.toLowerCase(), parts[1]!.toLowerCase()) > 1) return undefined;
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

/** Only line breaks (at least one) and spaces: a word cut by a line or paragraph break. */
const BREAK = /^[ \t]*\n[ \t\n]*$/;

/** Word `i` ends a token here: a letter run not glued to digits, apostrophes, hyphens, `@`, `/`, or `.x`. */
function freeAfter(words: Words, i: number): boolean {
  return !continuesToken(words.text, words.ends[i]!);
}

export const splitWords = defineTransform({
  id: 'split-words',
  description: 'Rejoin words split by a space (collec ting, home work) or by a paragraph break',
  example: { before: 'help in collec ting information', after: 'help in collecting information' },
  defaults: {},
  stage: 'words',
  rules: SPLIT_RULES,
  damageRules: ['fragment', 'across-break'],
  run({ text, recorder, evidence, context }) {
    const words = context.words(text);

    // Fragments and breaks first; compounds of two words only once the document has proved damaged.
    // Both passes share what they learn about each word.
    const facts = new WordFacts(words, evidence);
    joinWords(facts, evidence, recorder, false);
    if (context.provenDamaged(words.count, recorder.count)) joinWords(facts, evidence, recorder, true);
  },
});

/**
 * Per word, computed once when first asked: its text and whether it is a word in its own right. A class
 * rather than closures made per call, so that V8 optimises its methods once, not once per document.
 */
class WordFacts {
  private readonly parts: (string | undefined)[];
  /** 0 unknown, 1 yes, 2 no. */
  private readonly standalone: Int8Array;

  constructor(
    readonly words: Words,
    private readonly evidence: Evidence,
  ) {
    this.parts = new Array<string | undefined>(words.count);
    this.standalone = new Int8Array(words.count);
  }

  part(k: number): string {
    let p = this.parts[k];
    if (p === undefined) {
      p = word(this.words, k);
      this.parts[k] = p;
    }
    return p;
  }

  isWord(k: number): boolean {
    const words = this.words;
    if (this.standalone[k] === 0) {
      this.standalone[k] = this.evidence.isStandalone(words.text, words.starts[k]!, words.ends[k]!) ? 1 : 2;
    }
    return this.standalone[k] === 1;
  }
}

function joinWords(facts: WordFacts, evidence: Evidence, recorder: EditRecorder<SplitRule>, damaged: boolean): void {
  const words = facts.words;
  const text = words.text;
  let i = 0;
  while (i + 1 < words.count) {
    let joined: Join | undefined;
    let width = 2;
    if (spacesAfter(words, i) && !glueBefore(words, i)) {
      const three = i + 2 < words.count && spacesAfter(words, i + 1) && freeAfter(words, i + 2);
      // Fragments (a part that is no word) are decided in the first pass; the damaged pass, which runs
      // over the same words, only looks at compounds of two words. Words that are all words in their own
      // right are only a candidate as a lowercase pair.
      if (three && !damaged && !(facts.isWord(i) && facts.isWord(i + 1) && facts.isWord(i + 2))) {
        joined = decideSplit([facts.part(i), facts.part(i + 1), facts.part(i + 2)], evidence, damaged, [
          facts.isWord(i),
          facts.isWord(i + 1),
          facts.isWord(i + 2),
        ]);
        width = 3;
      }
      if (!joined && freeAfter(words, i + 1)) {
        // Two words in their own right are only ever joined as a lowercase compound, and `decideSplit`
        // joins compounds only in a damaged document: screened here before any array or string is built.
        const bothWords = facts.isWord(i) && facts.isWord(i + 1);
        if (
          damaged
            ? bothWords &&
              isLowerCode(text.charCodeAt(words.starts[i]!)) &&
              isLowerCode(text.charCodeAt(words.starts[i + 1]!))
            : !bothWords
        ) {
          joined = decideSplit([facts.part(i), facts.part(i + 1)], evidence, damaged, [
            facts.isWord(i),
            facts.isWord(i + 1),
          ]);
          width = 2;
        }
      }
    } else if (
      !damaged &&
      BREAK.test(gapAfter(words, i)) &&
      !glueBefore(words, i) &&
      freeAfter(words, i + 1) &&
      isLowerCode(text.charCodeAt(words.starts[i + 1]!)) &&
      !facts.isWord(i) &&
      !facts.isWord(i + 1)
    ) {
      joined = decideAcrossBreak(facts.part(i), facts.part(i + 1), evidence);
    }
    const start = words.starts[i]!;
    const end = words.ends[i + width - 1]!;
    if (joined && !recorder.overlaps(start, end)) {
      recorder.replace(start, text.slice(start, end), joined.word, joined.rule, joined.reason);
      i += width;
    } else {
      i++;
    }
  }
}
