/**
 * split-words: rejoin a word that a stray space or a paragraph break cut in two.
 *
 * - `fragment`: one part is not a word and the join is (`collec ting` -> `collecting`,
 *   `address es` -> `addresses`; up to three parts, `infra struc ture`; a letter alone only among
 *   pieces that are no words either, lowercase: `m e mber` -> `member`, `s hould` -> `should`).
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
 * nothing is joined across punctuation; a speck of one or two letters beside a function word joins it
 * only into a common word or one the document writes (`la the` is no `lathe`, `the re` is `there`); a
 * pair the document writes apart more often than whole is its spelling (`De Soto`), and Latin phrases
 * written open (`post mortem`) have their words in the project list.
 * Example: `collec ting information` -> `collecting information`.
 */
import type { EditRecorder } from '../core/edits.js';
import { candidates } from '../evidence/channel.js';
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
import { defineTransform, optionsOf } from './define.js';

export interface SplitWordsOptions {
  /** The pair score a compound of two words needs to be joined (see `COMPOUND_MIN_SCORE`). */
  compoundMinScore: number;
}
import { repairLigatureGarbage } from './ligatures.js';
import { misreadingOf } from './ocr-confusions.js';

/**
 * A compound join needs the joined word this much more probable than the pair (natural-log units of
 * the word and word-pair counts, `LanguageModel.joinScore`): `news paper` 5.6 and `rail way` 7.0 join;
 * `home work` 4.0, `green house` 3.8, `fresh water` 1.5, `back yard` 2.0, `run away` 0.6 stay apart.
 * Measured on the training splits: at 5, 99.8% of compound joins are right and 78% of them are found;
 * at 4, 99.6% and 84% (the unigram test it replaces: 99.4% and 42%). Historic print writes many
 * compounds open (`rear guard`, `head quarters`), so 5 is the default; modern typesetting joins them,
 * and the presets of modern sources lower it (`compoundMinScore`, option).
 */
const COMPOUND_MIN_SCORE = 5;
/**
 * A fragment join of two words the pair counts know needs the joined word at least as probable as the
 * pair: `to re` is more often two words than `tore` (-1.5), and the `re` goes with what follows
 * (`to re main` -> `to remain`).
 */
const FRAGMENT_MIN_SCORE = 0;

/** A misread common word: one confusion this cheap from a word this frequent (rank), `bo` for `be`. */
const MISREAD_MAX_COST = 2;
const MISREAD_MAX_RANK = 1000;
/** Glued tokens this long at least (`ofthe`); shorter ones are too often an abbreviation or a name. */
const GLUED_MIN_LENGTH = 4;
/** The best split of a glued token must beat the second by this much (ln of the pair counts). */
const GLUED_MIN_MARGIN = 1;
/** Joins shorter than this are too likely a coincidence (`o f` -> `of`). */
const MIN_JOINED_LENGTH = 4;

const startsUpper = (s: string): boolean => isUpperCode(s.charCodeAt(0));
const allUpper = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase();

const SPLIT_RULES = ['fragment', 'compound', 'across-break', 'glued'] as const;
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
  // A repair that leaves no more than one part's letters took a whole part away (`Last st` is no `Last`).
  if (repaired !== undefined && repaired.length > Math.max(...parts.map((p) => p.length))) {
    return matchCase(parts[0]!, repaired);
  }
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
  compoundMinScore = COMPOUND_MIN_SCORE,
): Join | undefined {
  const [first, ...rest] = parts;
  if (first === undefined || rest.length === 0) return undefined;
  const caps = startsUpper(first) && parts.every(allUpper);
  if (!caps && rest.some(startsUpper)) return undefined; // `Qassim Abdul`; `Collec Ting` is not text
  const fragment = parts.find((_, k) => !standalone[k]);
  if (fragment !== undefined) {
    // A letter alone is a piece of a word the OCR spaced out only among other pieces (`m e mber`).
    if (parts.some((p) => p.length < 2) && !spacedOut(parts, standalone)) return undefined;
    const word = supportedJoin(parts, evidence);
    if (word === undefined || (word.length < MIN_JOINED_LENGTH && !lostLetter(parts, word, evidence))) return undefined;
    if (writtenApart(parts, word, evidence)) return undefined;
    if (speckOnFunctionWord(parts, word, evidence)) return undefined;
    // A "fragment" that is a common word misread (`bo` for `be`: `bo on` is no `boon`) is left for the
    // OCR corrector, which reads it in its context.
    if (parts.some((p, k) => !standalone[k] && isMisreadCommonWord(p.toLowerCase(), evidence))) return undefined;
    // So is a rare word a very common one is misread as (`tho` for `the`: `tho rites` is no `thorites`).
    if (parts.some((p, k) => !standalone[k] && misreadingOf(p.toLowerCase(), evidence) !== null)) return undefined;
    if (parts.length === 2) {
      const model = evidence.source.model;
      const [a, b] = [parts[0]!.toLowerCase(), parts[1]!.toLowerCase()];
      if (model.isListedWord(a) && model.isListedWord(b)) {
        const score = model.joinScore(a, b, word.toLowerCase());
        if (score < FRAGMENT_MIN_SCORE) return undefined;
      }
    }
    return {
      word,
      rule: 'fragment',
      reason: `"${fragment.toLowerCase()}" is not a word and "${word.toLowerCase()}" ${evidence.collectionNote(word) ?? 'is'}`,
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
  const [a, b] = [parts[0]!.toLowerCase(), parts[1]!.toLowerCase()];
  const model = evidence.source.model;
  const score = model.joinScore(a, b, lower);
  if (score < compoundMinScore) return undefined;
  if (evidence.seen(a, b) > 1) return undefined;
  return {
    word,
    rule: 'compound',
    reason: `"${lower}" is far more frequent than "${a} ${b}" (ln counts ${model.logCount(lower).toFixed(1)} vs ${model.logPairCount(a, b).toFixed(1)})`,
  };
}

/** A short join is made of a fragment and the letter it lost (`th e`) into a word this common (rank) only. */
const LOST_LETTER_MAX_RANK = 1000;
const LOST_LETTER_MIN_LENGTH = 3;

/**
 * Two pieces, neither a word, one a letter alone, whose join is a very common word: the OCR spaced the
 * word's last or first letter off (`at th e workhouse`), as short as the word is.
 */
function lostLetter(parts: readonly string[], word: string, evidence: Evidence): boolean {
  if (parts.length !== 2 || word.length < LOST_LETTER_MIN_LENGTH || !parts.some((p) => p.length === 1)) return false;
  const rank = evidence.rank(word.toLowerCase());
  return rank > 0 && rank <= LOST_LETTER_MAX_RANK;
}

/** A speck (this many letters at most) beside a function word... */
const SPECK_MAX_LENGTH = 2;
/** ...joins it into a word this common (rank), or one the document writes, only. */
const SPECK_JOIN_MAX_RANK = 1000;

/**
 * One of two parts is a function word and the other a speck of one or two letters, and the join is
 * neither a common word nor one the document writes: the speck is OCR noise beside a correct word
 * (`la the` is no `lathe`, `to ft` no `toft`, `TO MB` no `TOMB`), not the rest of it (`the re` ->
 * `there` stays a join).
 */
function speckOnFunctionWord(parts: readonly string[], word: string, evidence: Evidence): boolean {
  if (parts.length !== 2) return false;
  const [a, b] = parts as [string, string];
  const speck = evidence.isFunctionWord(a) ? b : evidence.isFunctionWord(b) ? a : undefined;
  if (speck === undefined || speck.length > SPECK_MAX_LENGTH) return false;
  return !evidence.commonOrWritten(word.toLowerCase(), SPECK_JOIN_MAX_RANK);
}

/**
 * Lowercase pieces of one word the OCR spaced out, a letter alone among them: none is a word in its own
 * right (`m e mber`, `s hould`; `a` and `I` are words). A letter beside a word is a speck (`s election`,
 * `g room`), and a capital before capitals a drop initial that transcriptions keep apart (`S ECOND`).
 */
function spacedOut(parts: readonly string[], standalone: readonly boolean[]): boolean {
  return parts.every((p, k) => !standalone[k] && p === p.toLowerCase());
}

/** The OCR's usual confusions turn `word` (no word) into a very common word with one cheap change. */
function isMisreadCommonWord(word: string, evidence: Evidence): boolean {
  return misreadCommonWord(word, evidence) !== undefined;
}

/** The most frequent of the very common words one cheap usual confusion turns `word` (no word) into. */
function misreadCommonWord(word: string, evidence: Evidence): string | undefined {
  if (evidence.isWord(word)) return undefined;
  let best: { word: string; rank: number } | undefined;
  for (const c of candidates(word, evidence.acceptsWord, { generic: false, maxCost: MISREAD_MAX_COST })) {
    const rank = evidence.rank(c.word);
    if (c.cost <= MISREAD_MAX_COST && rank > 0 && rank <= MISREAD_MAX_RANK && (!best || rank < best.rank)) {
      best = { word: c.word, rank };
    }
  }
  return best?.word;
}

/** Decide a word cut by a line or paragraph break with no hyphen: `offiffi` / `cials`. */
export function decideAcrossBreak(left: string, right: string, evidence: Evidence): Join | undefined {
  if (evidence.isStandalone(left) || evidence.isStandalone(right)) return undefined;
  const word = supportedJoin([left, right], evidence);
  if (word === undefined || word.length < MIN_JOINED_LENGTH) return undefined;
  // A lone letter at the start or end of a line may be a speck: it joins into a dictionary word only
  // (`c` / `ourse`), not into a name the document or the collection writes (`Australia` / `n`).
  if ((left.length === 1 || right.length === 1) && !evidence.isWord(word)) return undefined;
  return {
    word,
    rule: 'across-break',
    reason: `neither "${left}" nor "${right}" is a word and "${word.toLowerCase()}" ${evidence.collectionNote(word) ?? 'is'}`,
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
  description: 'Rejoin words split by a space (collec ting, home work) or a paragraph break; split glued words (ofthe)',
  example: { before: 'help in collec ting information', after: 'help in collecting information' },
  defaults: optionsOf<SplitWordsOptions>({ compoundMinScore: COMPOUND_MIN_SCORE }),
  stage: 'words',
  lineEnds: true,
  rules: SPLIT_RULES,
  damageRules: ['fragment', 'across-break', 'glued'],
  run({ text, recorder, evidence, context }, options) {
    const words = context.words(text);
    splitGlued(words, evidence, recorder);

    // Fragments and breaks first; compounds of two words only once the document has proved damaged.
    // Both passes share what they learn about each word.
    const facts = new WordFacts(words, evidence);
    joinWords(facts, evidence, recorder, false, options.compoundMinScore);
    if (context.provenDamaged(words.count, recorder.count)) {
      joinWords(facts, evidence, recorder, true, options.compoundMinScore);
    }
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

/**
 * Glued words: a token that is no word is two words with the space lost (`ofthe`, `inthe`,
 * `thecity`, `theEditor`). Split only where both parts are words in their own right and the word-pair
 * counts list the pair; the best split must be clear. A capitalised token is a name (`McDonald`), and
 * inside a token only a lowercase function word may start one glued to a capitalised word (`theEditor`,
 * not `iPhone`, `JavaScript`, `PayPal`); a token the document writes more than once is its spelling.
 */
function splitGlued(words: Words, evidence: Evidence, recorder: EditRecorder<SplitRule>): void {
  const model = evidence.source.model;
  const text = words.text;
  for (let i = 0; i < words.count; i++) {
    const start = words.starts[i]!;
    const end = words.ends[i]!;
    if (end - start < GLUED_MIN_LENGTH || glueBefore(words, i) || !freeAfter(words, i)) continue;
    if (!isLowerCode(text.charCodeAt(start))) continue;
    if (evidence.isWord(text, start, end)) continue; // most tokens: no string built
    const token = text.slice(start, end);
    const lower = token.toLowerCase();
    if (evidence.mayBeWord(lower) || evidence.seen(lower) > 1) continue;
    const camel = token !== lower;
    let best: { cut: number; score: number } | undefined;
    let second = -Infinity;
    for (let cut = 1; cut < token.length; cut++) {
      const a = lower.slice(0, cut);
      const b = lower.slice(cut);
      if (a.length < 2 || b.length < 2) continue; // `abore` is no `a bore`
      // A camel-case token splits only at its one change of case, after a lowercase function word.
      if (
        camel &&
        !(
          token.slice(0, cut) === a &&
          isUpperCode(token.charCodeAt(cut)) &&
          token.slice(cut + 1) === b.slice(1) &&
          evidence.isFunctionWord(a)
        )
      )
        continue;
      if (!evidence.isStandalone(a) || !evidence.isStandalone(b) || !model.isListedPair(a, b)) continue;
      const score = model.logPairCount(a, b);
      if (!best || score > best.score) {
        if (best) second = best.score;
        best = { cut, score };
      } else second = Math.max(second, score);
    }
    if (!best || best.score - second < GLUED_MIN_MARGIN) continue;
    // A common word misread that is more frequent than the pair (`beon` for `been`, not `be on`;
    // `dono` for `done`) is left for the OCR corrector; `forthe` is still `for the`.
    const misread = misreadCommonWord(lower, evidence);
    if (misread !== undefined && model.logCount(misread) > best.score) continue;
    const a = token.slice(0, best.cut);
    const b = token.slice(best.cut);
    recorder.replace(
      start,
      token,
      `${a} ${b}`,
      'glued',
      `"${lower}" is no word and "${a.toLowerCase()} ${b.toLowerCase()}" is a common pair (ln count ${best.score.toFixed(1)})`,
    );
  }
}

/** Word `k` (a fragment) joins the words after it, by two or three, into a word (the fragment rule). */
function joinsAhead(facts: WordFacts, evidence: Evidence, k: number): boolean {
  const words = facts.words;
  for (const width of [3, 2]) {
    const last = k + width - 1;
    if (last >= words.count || !freeAfter(words, last)) continue;
    let spaced = true;
    for (let j = k; j < last; j++) if (!spacesAfter(words, j)) spaced = false;
    if (!spaced) continue;
    const parts: string[] = [];
    const standalone: boolean[] = [];
    for (let j = k; j <= last; j++) {
      parts.push(facts.part(j));
      standalone.push(facts.isWord(j));
    }
    if (decideSplit(parts, evidence, false, standalone)?.rule === 'fragment') return true;
  }
  return false;
}

function joinWords(
  facts: WordFacts,
  evidence: Evidence,
  recorder: EditRecorder<SplitRule>,
  damaged: boolean,
  compoundMinScore: number,
): void {
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
        // A word, then two fragments that make a word: the pair of words against the one long word
        // (`in arti ficial`: "in artificial" is far likelier than "inartificial"; `infra struc ture` is
        // "infrastructure").
        if (joined && facts.isWord(i) && !facts.isWord(i + 1)) {
          const rest = decideSplit([facts.part(i + 1), facts.part(i + 2)], evidence, damaged, [
            false,
            facts.isWord(i + 2),
          ]);
          const model = evidence.source.model;
          if (
            rest &&
            model.logPairCount(facts.part(i).toLowerCase(), rest.word.toLowerCase()) >
              model.logCount(joined.word.toLowerCase())
          )
            joined = undefined;
        }
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
          joined = decideSplit(
            [facts.part(i), facts.part(i + 1)],
            evidence,
            damaged,
            [facts.isWord(i), facts.isWord(i + 1)],
            compoundMinScore,
          );
          width = 2;
          // A word, then a fragment that makes a word with what follows: the fragment goes with that
          // (`the re volution ary` is `the revolutionary`, not `there volution ary`).
          if (joined && !damaged && facts.isWord(i) && !facts.isWord(i + 1) && joinsAhead(facts, evidence, i + 1)) {
            joined = undefined;
          }
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
