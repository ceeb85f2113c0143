/**
 * ocr-confusions: correct the letter confusions of historic newspaper OCR with a noisy-channel model.
 *
 * For a word the OCR may have misread, every spelling it may stand for is a candidate (`channel.ts`:
 * the usual OCR confusions undone, `o` read for `e`, `u` for `n`, `b` for `h`, `li` for `h`...; or one
 * other letter added, dropped or changed, for longer words). Each candidate is scored by how likely the
 * OCR turns it into what was read (the channel) and how likely it is in its place (the language model:
 * word counts and word-pair counts with the words before and after it, and the document's own words).
 * A word is changed only when the best candidate beats both the word as read and the second-best
 * candidate by wide, named margins.
 *
 * - `non-word`: a token that is no word (`aud`, `tbe`, `havo`, `boen`) becomes the best candidate.
 * - `real-word`: a real word the OCR made from another (`tho` for `the`, `bo` for `be`) is changed only
 *   with the pair counts on its side: a frequent pair with a neighbour that the word as read does not
 *   make, and none the word as read makes (but for a misread part of a name: `of Now York`), and a
 *   far better score overall.
 * - `repeated`: a form the document corrects the same way in several places (at least half of its
 *   tokens), by the evidence there, is corrected where its context was too weak to decide, unless the
 *   context speaks against it: OCR misreads systematically (`tho` ×12 in one story).
 * - `habit`: the confusions the document's corrections undid (`o→e` 14 times, `b→h` 6 times) are its
 *   OCR engine's habits; a lowercase non-word left undecided is asked again with those confusions
 *   cheaper (`HABIT_DISCOUNT`), by the same margins.
 * - `glued`: a non-word that is two words glued, one misread (`spenttho` -> `spent the`), split and
 *   corrected together when the pair is listed.
 * - `mark-for-letter`: a lowercase word with a hyphen or apostrophe the OCR read for a letter
 *   (`a-nount`, `lim'ted`), or a guillemet at its start (`»ill`, `»vas`), where the text shows OCR.
 *
 * Real words are corrected only in a document that shows the marks of OCR: enough tokens that one
 * cheap confusion turns into a very common word (`OCR_SIGNS_PER_WORD`), or more that one usual
 * confusion turns into a common one (`WEAK_SIGNS_PER_WORD`). Clean text, modern or historic, is left
 * alone.
 *
 * False positives avoided: Roman numerals (`III`, `xiv`), abbreviations before a period (`sec.`,
 * `deg.`, `Messrs.`), tokens glued to digits or apostrophes (`1st`, `o'clock`), capitalised words inside
 * a sentence (names the lists lack) unless the document writes the candidate itself, words of the
 * user's list, and anything under a protected span.
 * Example: `tbe rnan said` -> `the man said`.
 */
import { isLowerCode, isSpaceCode, isUpperCode, matchCase } from '../core/words.js';
import {
  candidates,
  CONFUSIONS,
  GENERIC_EDIT_COST,
  LETTERS,
  LONG_S,
  stepsOf,
  type Candidate,
} from '../evidence/channel.js';
import { channelCost, COMMON_WORD_MAX_COST } from '../evidence/common-words.js';
import type { DocumentIndex } from '../evidence/document-index.js';
import type { Evidence } from '../evidence/evidence.js';
import type { EvidenceSource, FormFacts } from '../evidence/source.js';
import { UNLISTED_WORD_COUNT, type LanguageModel } from '../evidence/language-model.js';
import { FUNCTION_WORDS, NAME_PARTICLES } from '../evidence/policy.js';
import { affixesOf, prefixHash, PREFIX_START, suffixHash, type Affixes } from '../evidence/prefixes.js';
import { defineTransform, optionsOf } from './define.js';

export interface OcrConfusionOptions {
  /** Also read `f` as a long s (`fuch` -> `such`): right for 18th- and early 19th-century print. */
  longS: boolean;
}

/** The best candidate must beat the word as read by this much (nats)... */
const NON_WORD_MARGIN = 3;
/**
 * ...and the second-best candidate by this much; a capitalised or all-capital token (maybe a name the
 * lists lack: `Herr`, `Pell`) by the wider one. Measured on the training splits: 1 instead of 1.5 fixes
 * 26 more OCR errors and breaks no correct word more; for capitalised tokens too, it broke names.
 */
const SECOND_MARGIN = 1;
const NAME_SECOND_MARGIN = 1.5;
/** ...and by this much more when the best is more than one generic edit away (`pieasury`: `pleasure` or `treasury`). */
const FAR_SECOND_EXTRA_MARGIN = 1.5;
/** A real word is replaced only when the candidate beats it by this much, with pair evidence... */
const REAL_WORD_MARGIN = 4;
/**
 * ...and by this much only when the candidate makes listed pairs with both neighbours and the word as
 * read with neither, inside a sentence. Measured on the training splits: 10 more OCR errors fixed than
 * with the full margin, none broken; 2 broke `piles` (`files`); at a lost sentence start it broke `If`.
 */
const BOTH_PAIRS_MARGIN = 3;
/**
 * Confusions allowed for a real-word correction: one usual one (`o` for `e`, `b` for `h`, `i` for `r`)
 * or two of the commonest (`boon` for `been`). Measured on the training splits: 83 more OCR errors
 * fixed than with one only, for 1 more correct word broken once titles (`Mr`, `Ms`) are kept.
 */
const REAL_WORD_MAX_COST = 3;
/** A word that is no word, as the model sees it: rarer than any listed or dictionary word. */
const LOG_UNKNOWN_COUNT = Math.log(50);
const LOG_RARE_WORD_COUNT = Math.log(UNLISTED_WORD_COUNT);
/**
 * A document shows OCR damage with this share of tokens one cheap confusion from a very common word
 * (a strong sign)... Clean text has far fewer: measured, 1 in some 6,000 words in each of four icdar2017
 * transcriptions, none in 59,000 words of modern English prose (the READMEs of the development
 * dependencies); two long icdar2017 OCR pages of clean-looking print have 10 in 6,300 and 7,000. At
 * 0.001 instead of 0.003 those two are corrected: 84 more OCR errors fixed, 4 correct words broken (2
 * of them misspellings in the transcription).
 */
const OCR_SIGNS_PER_WORD = 0.001;
/** ...and at least this many of them. */
const MIN_OCR_SIGNS = 2;
/** "Very common": rank in the frequency list; "cheap": the cost of the confusion. */
const SIGN_MAX_RANK = 1000;
const SIGN_MAX_COST = 2;
/**
 * Or with this share of tokens one usual confusion from a common word (a weak sign, strong ones
 * included), and this many at least: a page whose OCR garbles more than its common words. Clean text
 * has a few (a rare word or an old spelling near a common one): measured on the training splits, 3 of
 * 146 overproof transcriptions reach the share, and 94 of their 146 OCR texts.
 */
const WEAK_SIGNS_PER_WORD = 0.02;
const MIN_WEAK_SIGNS = 3;
const WEAK_SIGN_MAX_RANK = 5000;
const WEAK_SIGN_MAX_COST = 2.5;
/** What a token says of its text: no sign of OCR, a weak one or a strong one. */
const NO_SIGN = 0;
const WEAK_SIGN = 1;
const STRONG_SIGN = 2;
type Sign = typeof NO_SIGN | typeof WEAK_SIGN | typeof STRONG_SIGN;
/** Forms whose candidates the evidence source remembers, at most (then it starts again). */
const CANDIDATE_CACHE_SIZE = 100_000;
/** Forms whose sign and standing in the lists the evidence source remembers, at most (then it starts again). */
const FORM_CACHE_SIZE = 200_000;
/** The document's own words (names) are candidates up to this cost: one or two cheap confusions. */
const DOCUMENT_WORD_MAX_COST = 3;
/**
 * Letters no English word holds in a row (five consonants, three of one letter): the OCR read noise or
 * a garbled run there, and no single correction makes it a word.
 */
const GARBLED = /[bcdfghjklmnpqrstvwxz]{5}|([a-z])\1\1/;
/** Longer tokens are garbage, not words (a line of OCR noise without spaces). */
const MAX_LENGTH = 24;
/** Rounds of decisions at most (each sees the corrections of the one before). */
const MAX_ROUNDS = 4;
/** Shorter tokens are left alone (`a`, `I`, initials). */
const MIN_LENGTH = 2;
/**
 * A token before a period this short and no word is an abbreviation (`sec.`, `lat.`, `Messrs.`) when it
 * is shorter than `STOP_MIN_LENGTH`, begins or ends a word, is capitalised or has no vowel (`abbreviates`);
 * else a misreading (`courso.`), corrected by one usual confusion (`STOP_MAX_COST`) into a common word
 * (`STOP_MAX_RANK`) that makes a listed pair with the word before, only. Without those limits:
 * `tpe.` -> `tape.`, `lren.` -> `lien.`, `rnad.` -> `mad.`.
 */
const ABBREVIATION_MAX_LENGTH = 6;
const STOP_MIN_LENGTH = 4;
const STOP_MAX_COST = 3;
const STOP_MAX_RANK = 10000;

/**
 * The tokens of a text: runs of letters and of the digits OCR confuses with letters (`0`, `1`, `5`)
 * with no other letter, digit, apostrophe or hyphen on either side, as `[start, end)` pairs: what
 * `/(?<![\p{L}\p{N}'’-])[\p{L}015]+(?![\p{L}\p{N}'’-])/gu` matches, found by scanning code points
 * against a class table (several times faster than the expression).
 */
export function tokenRanges(text: string): number[] {
  const found: number[] = [];
  const n = text.length;
  // The character before `i` is a letter, digit, apostrophe or hyphen (no token may start after it).
  let afterBound = false;
  let i = 0;
  while (i < n) {
    const code = text.codePointAt(i)!;
    const cls = tokenClass(code);
    if (cls !== IN_TOKEN) {
      afterBound = cls === BOUND;
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let next = code;
    do {
      i += next > 0xffff ? 2 : 1;
      next = i < n ? text.codePointAt(i)! : -1;
    } while (next !== -1 && tokenClass(next) === IN_TOKEN);
    if (!afterBound && (next === -1 || tokenClass(next) !== BOUND)) found.push(start, i);
    afterBound = true;
  }
  return found;
}

/** A token's character (a letter, `0`, `1`, `5`), a character no token may touch (another digit, `'`, `’`, `-`), or another. */
const IN_TOKEN = 1;
const BOUND = 2;
const OUTSIDE = 3;
const TOKEN_CLASS = new Uint8Array(65536);
const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;

function tokenClass(code: number): number {
  if (code < 128) {
    if ((code | 32) >= 97 && (code | 32) <= 122) return IN_TOKEN;
    if (code >= 48 && code <= 57) return code === 48 || code === 49 || code === 53 ? IN_TOKEN : BOUND;
    return code === 39 || code === 45 ? BOUND : OUTSIDE;
  }
  let cls = code < 65536 ? TOKEN_CLASS[code]! : 0;
  if (cls === 0) {
    const c = String.fromCodePoint(code);
    cls = LETTER.test(c) ? IN_TOKEN : NUMBER.test(c) || code === 0x2019 ? BOUND : OUTSIDE;
    if (code < 65536) TOKEN_CLASS[code] = cls;
  }
  return cls;
}
/**
 * A Roman numeral, well formed (`III`, `xiv`, `MDCCCLX`), in one case: never corrected. A string of
 * the same letters that is no numeral (`mid`, `dim`, `lid`) is a word like any other.
 */
const ROMAN_LETTERS = /^(?:[ivxlcdm]+|[IVXLCDM]+)$/;
const WELL_FORMED_ROMAN = new RegExp(
  `^(?:${['m', 'M']
    .map((m) => {
      const [c, d, x, l, i, v] = m === 'm' ? ['c', 'd', 'x', 'l', 'i', 'v'] : ['C', 'D', 'X', 'L', 'I', 'V'];
      return `(?=.)${m}{0,4}(?:${c}${m}|${c}${d}|${d}?${c}{0,3})(?:${x}${c}|${x}${l}|${l}?${x}{0,3})(?:${i}${x}|${i}${v}|${v}?${i}{0,3})`;
    })
    .join('|')})$`,
);
/** (The letters tested first: most tokens have others, and the full pattern costs more.) */
const isRoman = (s: string): boolean => ROMAN_LETTERS.test(s) && WELL_FORMED_ROMAN.test(s);
/** `0`, `1` or `5`: the digits a token may hold (those OCR reads for letters). */
const isConfusableDigit = (c: number): boolean => c === 48 || c === 49 || c === 53;
/** What ends a sentence before a token: a full stop, `?` or `!` (and closing quotes), or a blank line. */
const SENTENCE_END = /(?:[.!?]["”’)]*\s+|\n[ \t]*\n\s*)$/;
/** Titles a name follows (`Mr. Tbe`, `Capt. Ho`). */
const NAME_TITLES = 'Mr|Mrs|Messrs|Dr|St|Rev|Hon|Capt|Col|Gen|Lieut|Sergt|Sgt|Prof';
/** A period after these ends no sentence: titles and initials (`Mr. Tbe`, `J. Smith`). */
const TITLE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:\\p{L}|${NAME_TITLES}|Mt|Esq|Jun|Sen|Co)\\.["”’)]*\\s+$`, 'u');
/** A capitalised word after a title (`Mr. Ho`), and one before another capitalised word (`Ho Chi`): names. */
const AFTER_TITLE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${NAME_TITLES}|Sir|Lady|Lord|President|King|Queen)\\.?[ \\t]+(\\p{Lu}\\p{Ll}*)(?![\\p{L}\\p{N}])`,
  'gu',
);
const BEFORE_CAPITAL = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}*)[ \t]+(?=\p{Lu})/gu;
/**
 * A capitalised word is a name unless proven otherwise: it is corrected only into a word this common
 * (rank) or one the document itself writes.
 */
const CAPITALISED_MAX_RANK = 3000;
/** ...and only by one usual confusion (no other letter changed). */
const NAME_MAX_COST = 3;
/**
 * A capitalised string no list has (no count, no rank), with a vowel, may be read for a word the
 * document writes this often by two usual confusions (`Btreot` -> `street` in a page that writes
 * `street` twice)...
 */
const WRITTEN_NAME_MIN_USES = 2;
const WRITTEN_NAME_MAX_COST = 4.5;
/**
 * ...or, written this often, by one generic edit too. Measured on the training splits: 18 more OCR
 * errors fixed, no correct word broken more; twice for the generic edit broke a name (`Fairley` ->
 * `fairly`), and the lists' own names (`Johan`, `Alister`) and words in capitals (`ELIGION`, a drop
 * capital) are kept out.
 */
const WRITTEN_NAME_GENERIC_MIN_USES = 3;
const WRITTEN_NAME_GENERIC_MAX_COST = 5.5;
/** A capitalised word inside a sentence is read for a common word by one of the cheapest confusions only (tiers 1 and 2). */
const MISREAD_NAME_MAX_COST = 2;
/** A token the frequency list ranks this high is a string of real text (a name, an old spelling)... */
const KNOWN_MAX_RANK = 60000;
/**
 * ...and needs this much more margin. Measured on the training splits: 2.5 fixes 10 more OCR errors
 * than 3 (`ono` -> `one`, `thai` -> `that`) and breaks none more; 2 breaks correct words (`ult` -> `all`).
 */
const KNOWN_EXTRA_MARGIN = 2.5;
/** A derived string is a misreading only of a word this common (rank), by confusions this cheap (tiers 1 and 2). */
const DERIVED_MAX_RANK = 20000;
const DERIVED_MAX_COST = 2;
/** A vowel, or a digit OCR reads for one. */
const VOWEL = /[aeiouy015]/;

interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** The neighbours' lowercase words, when only white space separates them from this token. */
  prev?: string;
  next?: string;
  /** What the process knows of `lower` (`factsOf`), found once for the token. */
  facts?: FormFacts;
}

/**
 * The process's record of a lowercase form (`EvidenceSource.formCache`), made empty when new: every
 * fact unknown, each field there from the start (one object shape for all forms, read fast).
 */
function factsOf(lower: string, source: EvidenceSource): FormFacts {
  const cache = source.formCache;
  let facts = cache.get(lower);
  if (facts === undefined) {
    if (cache.size >= FORM_CACHE_SIZE) cache.clear();
    cache.set(lower, (facts = { sign: undefined, kind: undefined, misreadOf: undefined }));
  }
  return facts;
}

/** A document's written forms: each form's lowercase and facts (`factsOf`). */
type DocumentForms = Map<string, { lower: string; facts: FormFacts }>;

/**
 * The tokens of `text`, each with its form's facts (`factsOf`). A document repeats its words, so each
 * written form is lowercased and looked up in the process's large form cache once per cleaning:
 * `forms` holds the forms of this document only (bounded by it, kept for the later rounds, dropped with
 * the run). The facts are the same object `factsOf` gives (a form's facts depend on the lists alone).
 */
function tokens(text: string, source: EvidenceSource, seen: DocumentForms = new Map()): Token[] {
  const found: Token[] = [];
  const ranges = tokenRanges(text);
  for (let k = 0; k < ranges.length; k += 2) {
    const start = ranges[k]!;
    const end = ranges[k + 1]!;
    // A confusable digit only between letters (`c0rn`, `wi1l`): `1s`, `11d`, `50ft` are money and measures.
    // (No digit at either end: then the token has a letter too.)
    if (isConfusableDigit(text.charCodeAt(start)) || isConfusableDigit(text.charCodeAt(end - 1))) continue;
    const w = text.slice(start, end);
    let form = seen.get(w);
    if (form === undefined) {
      const lower = w.toLowerCase();
      seen.set(w, (form = { lower, facts: factsOf(lower, source) }));
    }
    found.push({ start, end, text: w, lower: form.lower, facts: form.facts, prev: undefined, next: undefined });
  }
  for (let i = 0; i + 1 < found.length; i++) {
    const t = found[i]!;
    const after = found[i + 1]!;
    if (onlySpace(text, t.end, after.start)) {
      t.next = after.lower;
      after.prev = t.lower;
    }
  }
  return found;
}

/**
 * `text[start, end)` is white space (as the regular expression `^\s+$` sees it), not empty, and no
 * blank line: words either side of a paragraph break are no neighbours (`CARD OF THANKS` / `Wo desire`).
 */
function onlySpace(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  let breaks = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!isSpaceCode(code)) return false;
    if (code === 10 && ++breaks > 1) return false;
  }
  return true;
}

/** ln P(word | prev) + ln P(next | word), as far as the neighbours are known words (see `LanguageModel`). */
function contextScore(model: LanguageModel, word: string, logCount: number, prev?: string, next?: string): number {
  let score =
    prev !== undefined
      ? model.logPairCount(prev, word, model.logCount(prev), logCount) - model.logCount(prev)
      : logCount - model.logTotal;
  if (next !== undefined) score += model.logPairCount(word, next, logCount) - logCount;
  return score;
}

/** A neighbour the model can use: a known word. */
const known = (model: LanguageModel, word: string | undefined): string | undefined =>
  word !== undefined && model.logCount(word) > -Infinity ? word : undefined;

interface Scored {
  candidate: Candidate;
  score: number;
}

export const ocrConfusions = defineTransform({
  id: 'ocr-confusions',
  description: 'Correct OCR letter confusions (tbe -> the, aud -> and, tho -> the) by word and word-pair evidence',
  example: { before: 'tbe rnan said', after: 'the man said' },
  defaults: optionsOf<OcrConfusionOptions>({ longS: false }),
  enabledByDefault: false,
  stage: 'words',
  rules: ['non-word', 'real-word', 'joined', 'repeated', 'habit', 'mark-for-letter', 'lone-letter', 'speck', 'glued'],
  run({ text, recorder, evidence, context }, options) {
    const model = context.source.model;
    const forms = new Forms(evidence, options.longS, () => context.document());
    const all = tokens(
      text,
      evidence.source,
      context.once<DocumentForms>('ocr-confusions:forms', () => new Map()),
    );
    // Non-words are corrected in any text; real words only in one that shows the marks of OCR.
    // (As the text was first read: later rounds read it with its misreadings repaired.)
    const ocr = context.once('ocr-confusions:shows-ocr', () => showsOcr(all, forms));
    // Rounds until nothing changes: a correction gives its neighbours a known word beside them
    // (`tho aud tbe` -> `the and the`), so a word left in one round may be decided in the next, as a
    // second run of the tool would.
    const decisions = new Map<number, Decision>();
    // First, two fragments a space cut from one misread word (`co oporating` -> `cooperating`): the
    // word is repaired and the space closed together.
    for (let i = 0; i + 1 < all.length; i++) {
      const decision = decideJoined(all[i]!, all[i + 1]!, text, model, evidence, forms);
      if (!decision) continue;
      decisions.set(i, decision);
      decisions.set(i + 1, { ...decision, joinedTo: i });
      i++;
    }
    // A token's decision reads only the token and its neighbours' words, so a token is asked again only
    // when a neighbour was corrected since it was last asked (the same decisions as asking every token
    // in every round).
    const stale = new Uint8Array(all.length).fill(1);
    const site = (i: number) => siteOf(all[i]!, text, ocr, model, evidence, forms);
    const settle = (i: number, decision: Decision) => {
      decisions.set(i, decision);
      // The neighbours now see the corrected word.
      // (Two words for one glued token: the first is the word after the token before, the second the
      // word before the token after.)
      const space = decision.word.indexOf(' ');
      if (all[i - 1]?.next !== undefined) {
        all[i - 1]!.next = space < 0 ? decision.word : decision.word.slice(0, space);
        stale[i - 1] = 1;
      }
      if (all[i + 1]?.prev !== undefined) {
        all[i + 1]!.prev = space < 0 ? decision.word : decision.word.slice(space + 1);
        stale[i + 1] = 1;
      }
    };
    const rounds = () => {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        let changed = false;
        for (let i = 0; i < all.length; i++) {
          if (stale[i] === 0 || decisions.has(i)) continue;
          stale[i] = 0;
          const decision = decide(site(i));
          if (!decision) continue;
          settle(i, decision);
          changed = true;
        }
        if (!changed) break;
      }
    };
    rounds();
    // Then the document's own habits: a form corrected the same way in several places, by the evidence
    // there, is the same misreading where the context alone was too weak to decide (`tho` ×12 in one
    // story, 9 of them beside words that show it is `the`).
    let repeated = false;
    for (const [i, decision] of repeatedMisreadings(all, decisions, site, text)) {
      settle(i, decision);
      repeated = true;
    }
    if (repeated) rounds();
    // Then the document's confusions: what its corrections undid most is what its OCR engine does.
    {
      const habits = confusionHabits(decisions);
      let more = false;
      for (let i = 0; habits.size > 0 && i < all.length; i++) {
        const t = all[i]!;
        // Cheap tests first: lowercase non-words only (`decideByHabit`).
        if (decisions.has(i) || t.text !== t.lower || forms.kindOf(t) === WORD) continue;
        const here = site(i);
        if (!here || here.isWord) continue;
        const decision = decideByHabit(here, habits);
        if (!decision) continue;
        settle(i, decision);
        more = true;
      }
      if (more) rounds();
    }
    // Lone letters English does not write as words (`m`, `n`, `u`) between two known words, where the
    // text shows OCR: `appeared m the` -> `appeared in the`.
    if (ocr)
      for (let i = 0; i < all.length; i++) {
        if (decisions.has(i)) continue;
        if (letterNearby(all, i)) continue; // letters as names of things: `the sum of m and n`
        const decision = decideLoneLetter(all[i]!, text, model, evidence, forms);
        if (decision) decisions.set(i, decision);
      }
    const repairs: Repair[] = [];
    for (const [i, decision] of decisions) {
      if (decision.joinedTo !== undefined) continue; // recorded with the first part
      const t = all[i]!;
      const end = decision.rule === 'joined' ? all[i + 1]!.end : t.end;
      repairs.push({
        start: t.start,
        end,
        word: matchCase(t.text, decision.word),
        rule: decision.rule,
        reason: decision.reason,
      });
    }
    // Words with a hyphen or apostrophe inside that the OCR read for a letter (`a-nount`, `doz'n`):
    // where the text shows OCR only, as they are no tokens of the rules above.
    if (ocr)
      for (const m of text.matchAll(MARKED)) {
        const repair = decideMarked(m, text, model, evidence, forms);
        if (repair) repairs.push(repair);
      }
    // Guillemets the OCR read for a letter at a word's start (`»as` for `was`).
    if (ocr)
      for (const m of text.matchAll(LEADING_MARK)) {
        const repair = decideLeadingMark(m, text, model, evidence);
        // (Not where the letters after the mark were corrected as a token already.)
        if (repair && !repairs.some((r) => r.start < repair.end && repair.start < r.end)) repairs.push(repair);
      }
    // Specks the OCR read as a letter between two words (`worked and i worked`).
    if (ocr)
      for (let i = 1; i + 1 < all.length; i++) {
        if (decisions.has(i) || decisions.has(i - 1) || decisions.has(i + 1)) continue;
        const repair = decideSpeck(all, i, text, model);
        if (repair) repairs.push(repair);
      }
    for (const r of repairs.sort((x, y) => x.start - y.start)) {
      recorder.replace(r.start, text.slice(r.start, r.end), r.word, r.rule, r.reason);
    }
  },
});

/**
 * A form's standing in the lists: a word (a dictionary or extra word, or one made of words), a string
 * only the word-pair counts' list has (a name, an old spelling, or a misreading printed often enough to
 * be counted: `aud`, `tim`, `thu`), or no word at all.
 */
const WORD = 0;
const COUNTED = 1;
const NO_WORD = 2;
/** Made of words (an ending, a beginning, two words: `undor` is `un` + `dor`), but in no list. */
const DERIVED = 3;
type FormKind = typeof WORD | typeof COUNTED | typeof NO_WORD | typeof DERIVED;

/** `found`, and the common words `near` it that it lacks or finds dearer, cheapest first. */
function withCommonWords(found: readonly Candidate[], near: readonly Candidate[]): readonly Candidate[] {
  if (near.length === 0) return found;
  const best = new Map(found.map((c) => [c.word, c]));
  for (const c of near) if ((best.get(c.word)?.cost ?? Infinity) > c.cost) best.set(c.word, c);
  return [...best.values()].sort((a, b) => a.cost - b.cost);
}

/** What a run learns once per distinct lowercase form: OCR pages repeat their words and misreadings. */
class Forms {
  private readonly candidateMemo = new Map<string, readonly Candidate[]>();
  private nameContexts: { text: string; names: ReadonlySet<string> } | undefined;
  private ownFilter: Affixes | undefined;

  constructor(
    readonly evidence: Evidence,
    readonly longS: boolean,
    private readonly document: () => DocumentIndex,
  ) {}

  /**
   * What the lists say of a form: a word, made of words, only a counted string, or nothing.
   * Remembered for the process, on the evidence source (`formCache`: the lists alone decide it).
   */
  kind(lower: string, facts = factsOf(lower, this.evidence.source)): FormKind {
    let kind = facts.kind as FormKind | undefined;
    if (kind === undefined) {
      const evidence = this.evidence;
      kind = evidence.isWord(lower)
        ? WORD
        : evidence.isDerivedWord(lower)
          ? DERIVED
          : evidence.source.model.isListedWord(lower)
            ? COUNTED
            : NO_WORD;
      facts.kind = kind;
    }
    return kind;
  }

  /** `kind` of a token's form. */
  kindOf(t: Token): FormKind {
    return this.kind(t.lower, (t.facts ??= factsOf(t.lower, this.evidence.source)));
  }

  /**
   * Dictionary words (the spellings a form may stand for are the same in every document: remembered
   * for the whole process, on the evidence source), and words the document writes twice or more (its
   * names and terms: one or two cheap confusions away only).
   */
  candidates(lower: string, generic = true): readonly Candidate[] {
    const memoKey = generic ? lower : `-${lower}`;
    let found = this.candidateMemo.get(memoKey);
    if (found !== undefined) return found;
    const source = this.evidence.source;
    const words = this.remembered(`${this.longS ? 'ſ' : ''}${generic ? '' : '-'}${lower}`, () =>
      candidates(lower, this.evidence.acceptsWord, { longS: this.longS, generic, affixes: source.wordAffixes }),
    );
    const document = this.document();
    const own = candidates(
      lower,
      (b, leftEnd, middle, rightStart) => {
        const entry = source.lexicon.findJoin(b, 0, leftEnd, middle, rightStart, b.length);
        if (entry >= 0) return !source.isWordEntry(entry) && document.countEntry(entry, '') > 1;
        // A string the lexicon lacks: built only when the document repeats some word of its length.
        const length = leftEnd + middle.length + b.length - rightStart;
        return (
          document.repeatsOtherOfLength(length) &&
          document.countEntry(-1, b.slice(0, leftEnd) + middle + b.slice(rightStart)) > 1
        );
      },
      { longS: this.longS, generic: false, maxCost: DOCUMENT_WORD_MAX_COST, affixes: this.ownAffixes() },
    );
    found = own.length === 0 ? words : [...words, ...own].sort((x, y) => x.cost - y.cost);
    this.candidateMemo.set(memoKey, found);
    return found;
  }

  /** The beginnings and endings of the document's own candidates: the strings it has twice or more that are no word. */
  private ownAffixes(): Affixes {
    if (!this.ownFilter) {
      const source = this.evidence.source;
      const own: string[] = [];
      for (const [word, entry] of this.document().repeated()) if (!source.isWordEntry(entry)) own.push(word);
      this.ownFilter = affixesOf(own);
    }
    return this.ownFilter;
  }

  /**
   * The words `a` + a letter + `b` makes (`doz` + `e` + `n`), the space between two fragments read for
   * that letter: remembered for the process, as `candidates`.
   */
  spaceForLetter(a: string, b: string): readonly Candidate[] {
    return this.remembered(`${a} ${b}`, () => {
      const found: Candidate[] = [];
      for (const x of LETTERS) {
        const w = a + x + b;
        if (this.evidence.isWord(w))
          found.push({ word: w, cost: SPACE_FOR_LETTER_COST, how: `a space read for "${x}"` });
      }
      return found;
    });
  }

  /** The common words a rarer edit reaches (`toi` -> `for`, `irom` -> `from`): remembered for the process, as `candidates`. */
  commonWords(lower: string): readonly Candidate[] {
    return this.remembered(`~${lower}`, () => this.evidence.source.commonWords.near(lower, COMMON_WORD_MAX_COST));
  }

  /**
   * Candidates the evidence source remembers for the process under `key` (`compute` when it has none):
   * they depend on the form and the source only. A bounded cache: full, it starts again.
   */
  private remembered(key: string, compute: () => readonly Candidate[]): readonly Candidate[] {
    const cache = this.evidence.source.candidateCache;
    let found = cache.get(key);
    if (found === undefined) {
      found = compute();
      if (cache.size >= CANDIDATE_CACHE_SIZE) cache.clear();
      cache.set(key, found);
    }
    return found;
  }

  /**
   * The document writes `token` (capitalised) where a name stands, somewhere: after a title (`Mr. Ho`)
   * or before another capitalised word (`Ho Chi`). The tokens in such places are found in one pass over
   * the text, the first time it is asked about.
   */
  inNameContext(token: string, text: string): boolean {
    if (this.nameContexts?.text !== text) {
      const names = new Set<string>();
      for (const m of text.matchAll(AFTER_TITLE)) names.add(m[1]!);
      for (const m of text.matchAll(BEFORE_CAPITAL)) names.add(m[1]!);
      this.nameContexts = { text, names };
    }
    return this.nameContexts.names.has(token);
  }

  /** The frequent names a capitalised misreading may stand for (`Sydnoy` -> `sydney`), cheap confusions only. */
  frequentNames(lower: string): readonly Candidate[] {
    return this.remembered(`^${lower}`, () => this.evidence.source.frequentNames.near(lower, NAME_MAX_COST));
  }

  /**
   * The dictionary words one cheap confusion from a real word (`tho` -> `the`): only these may replace
   * it. Remembered for the process, as `candidates`.
   */
  cheapCandidates(lower: string, maxCost = REAL_WORD_MAX_COST): readonly Candidate[] {
    return this.remembered(`${this.longS ? 'ſ' : ''}=${maxCost}=${lower}`, () =>
      candidates(lower, this.evidence.acceptsWord, {
        longS: this.longS,
        generic: false,
        maxCost,
        affixes: this.evidence.source.wordAffixes,
      }),
    );
  }

  /** The sign of OCR a token's form is (`signOf`), remembered for the process. */
  sign(t: Token): Sign {
    return cachedSign(t, this.evidence, this.evidence.source.wordAffixes);
  }
}

/** The signs of OCR in a text: lowercase tokens one usual confusion from a common word. */
export interface OcrSigns {
  /** Lowercase tokens. */
  words: number;
  /** Strong signs: one cheap confusion from a very common word (`tbe`, `aud`). */
  signs: number;
  /** Weak signs, strong ones included: one usual confusion from a common word (`ficsh`, `hei`). */
  weakSigns: number;
  /** The signs of the kind that showed OCR (else the strong ones), and the first of them, for a reason. */
  shownBy: number;
  first?: string;
  /** Enough of them: the text is OCR output. */
  shown: boolean;
}

/**
 * The signs of OCR among `all`: the forms' own (`signOfForm`); for a text they do not show as OCR, the
 * real words read for a very common one too (`misreadHere`), which cost a look at every word.
 */
function countSigns(all: readonly Token[], signOfForm: (t: Token) => Sign, evidence: Evidence): OcrSigns {
  const own = tally(all, signOfForm);
  if (own.shown) return own;
  // The forms the text writes before a mark or at a paragraph's end somewhere (`long tho,`): no
  // misreading of a word that never ends a clause, such as `the`. Found when first needed.
  let beforeMark: Set<string> | undefined;
  const endsClause = (t: Token): boolean => {
    if (beforeMark === undefined) {
      beforeMark = new Set();
      for (const u of all) if (u.next === undefined) beforeMark.add(u.lower);
    }
    return beforeMark.has(t.lower);
  };
  return tally(all, (t) => {
    const sign = signOfForm(t);
    return sign === NO_SIGN && misreadHere(t, evidence) && !endsClause(t) ? STRONG_SIGN : sign;
  });
}

function tally(all: readonly Token[], signOfForm: (t: Token) => Sign): OcrSigns {
  let words = 0;
  let signs = 0;
  let weakSigns = 0;
  let first: string | undefined;
  let firstWeak: string | undefined;
  for (const t of all) {
    if (t.text !== t.lower || t.text.length < MIN_LENGTH) continue;
    words++;
    const sign = signOfForm(t);
    if (sign === NO_SIGN) continue;
    weakSigns++;
    firstWeak ??= t.text;
    if (sign !== STRONG_SIGN) continue;
    signs++;
    first ??= t.text;
  }
  const { strong, weak } = signsShow({ words, signs, weakSigns });
  const byWeak = weak && !strong;
  const shownFirst = byWeak ? firstWeak : first;
  return {
    words,
    signs,
    weakSigns,
    shownBy: byWeak ? weakSigns : signs,
    ...(shownFirst !== undefined && { first: shownFirst }),
    shown: strong || weak,
  };
}

/**
 * Whether counts of signs show OCR: enough strong signs, or enough weak ones, for the words counted.
 * The same test for one text and for the pooled counts of a collection (`CollectionWords.signs`).
 */
export function signsShow(counts: Pick<OcrSigns, 'words' | 'signs' | 'weakSigns'>): { strong: boolean; weak: boolean } {
  const { words, signs, weakSigns } = counts;
  return {
    strong: signs >= Math.max(MIN_OCR_SIGNS, words * OCR_SIGNS_PER_WORD),
    weak: weakSigns >= Math.max(MIN_WEAK_SIGNS, words * WEAK_SIGNS_PER_WORD),
  };
}

/** The signs of OCR in `text` (for source detection: `auto` picks the historic-OCR preset when shown). */
export function ocrSigns(text: string, evidence: Evidence): OcrSigns {
  return countSigns(tokens(text, evidence.source), (t) => cachedSign(t, evidence), evidence);
}

/**
 * `signOf` of a token's form, remembered on the evidence source (`formCache`): a form's sign depends
 * only on the form and the source's lexicon and extra words (the affixes change how fast it is found,
 * not what).
 */
function cachedSign(t: Token, evidence: Evidence, affixes?: Affixes): Sign {
  const facts = (t.facts ??= factsOf(t.lower, evidence.source));
  let sign = facts.sign as Sign | undefined;
  if (sign === undefined) facts.sign = sign = signOf(t.lower, evidence, affixes);
  return sign;
}

/**
 * A real word is a sign of OCR where it reads as a misreading: a rare word (`REAL_SIGN_MIN_RANK`) one
 * cheap confusion from a very common word far more frequent (`REAL_SIGN_`: `tho`, a spelling of
 * `though`, for `the`), between two words that make listed pairs with that word and none with it, the
 * word after it no function word (`of tho same`, `at tho usual`; not `place tho we`), in a text that
 * nowhere writes the form before a mark or at a paragraph's end (`long tho,`: there it is `though`).
 * Clean text, old or modern, has few such.
 */
const REAL_SIGN_MIN_RANK = 20000;
const REAL_SIGN_MAX_RANK = 100;
const REAL_SIGN_MAX_COST = 2;
/** ...more frequent by this much at least (a log ratio of counts: e^8, about 3,000 times). */
const REAL_SIGN_MIN_LOG_RATIO = 8;

function misreadHere(t: Token, evidence: Evidence): boolean {
  const facts = (t.facts ??= factsOf(t.lower, evidence.source));
  let word = facts.misreadOf;
  if (word === undefined) facts.misreadOf = word = findMisreading(t.lower, evidence);
  if (word === null || t.prev === undefined || t.next === undefined || FUNCTION_WORDS.has(t.next)) return false;
  const model = evidence.source.model;
  return (
    model.isListedPair(t.prev, word) &&
    model.isListedPair(word, t.next) &&
    !model.isListedPair(t.prev, t.lower) &&
    !model.isListedPair(t.lower, t.next)
  );
}

/**
 * The very common word a rare real word is a cheap misreading of (`tho`: `the`), if any
 * (`misreadHere`; `split-words` asks it too), remembered with the form's facts.
 */
export function misreadingOf(lower: string, evidence: Evidence): string | null {
  const facts = factsOf(lower, evidence.source);
  if (facts.misreadOf === undefined) facts.misreadOf = findMisreading(lower, evidence);
  return facts.misreadOf;
}

function findMisreading(lower: string, evidence: Evidence): string | null {
  if (!evidence.isWord(lower)) return null;
  const own = evidence.rank(lower);
  if (own > 0 && own <= REAL_SIGN_MIN_RANK) return null;
  const model = evidence.source.model;
  for (const c of candidates(lower, evidence.acceptsWord, { generic: false, maxCost: REAL_SIGN_MAX_COST })) {
    const rank = evidence.rank(c.word);
    if (
      rank > 0 &&
      rank <= REAL_SIGN_MAX_RANK &&
      model.logCount(c.word) - model.logCount(lower) >= REAL_SIGN_MIN_LOG_RATIO
    )
      return c.word;
  }
  return null;
}

/**
 * The sign of OCR a form is: none for a word; strong for one cheap confusion from a very common
 * dictionary word (`tbe`, `aud`); weak for one usual confusion from a common one (`ficsh`, `hei`).
 * `affixes` only make the search faster: the corrector has them anyway; source detection, which runs
 * on every text, does not load them for the few tokens it asks about.
 */
function signOf(lower: string, evidence: Evidence, affixes?: Affixes): Sign {
  if (evidence.isWord(lower)) return NO_SIGN;
  const near = candidates(lower, evidence.acceptsWord, {
    generic: false,
    maxCost: WEAK_SIGN_MAX_COST,
    ...(affixes && { affixes }),
  });
  let sign: Sign = NO_SIGN;
  for (const c of near) {
    const rank = evidence.rank(c.word);
    if (rank <= 0 || rank > WEAK_SIGN_MAX_RANK) continue;
    if (rank <= SIGN_MAX_RANK && c.cost <= SIGN_MAX_COST) return STRONG_SIGN;
    sign = WEAK_SIGN;
  }
  return sign;
}

function showsOcr(all: readonly Token[], forms: Forms): boolean {
  return countSigns(all, (t) => forms.sign(t), forms.evidence).shown;
}

/** What deciding token `t` reads, or nothing when the token is not to be corrected at all. */
function siteOf(
  t: Token,
  text: string,
  ocr: boolean,
  model: LanguageModel,
  evidence: Evidence,
  forms: Forms,
): Site | undefined {
  if (t.text.length < MIN_LENGTH || t.text.length > MAX_LENGTH || isRoman(t.text)) return undefined;
  if (GARBLED.test(t.lower)) return undefined; // no word was printed there
  // A counted string that is no word is decided as a non-word (it keeps its count: a wider margin),
  // and, as a real word, only where the text shows OCR.
  const kind = forms.kindOf(t);
  if (kind !== NO_WORD && !ocr) return undefined;
  // Made of words, it is a real word where no cheap confusion of a common word explains it better.
  const isWord = kind === WORD || (kind === DERIVED && !misreadDerived(t.lower, forms, evidence));
  // A short string before a period: an abbreviation (`sec.`), a word's end (`pany.`) or a misreading.
  const beforeStop = !isWord && text.charAt(t.end) === '.' && t.text.length <= ABBREVIATION_MAX_LENGTH;
  if (beforeStop && (t.text.length < STOP_MIN_LENGTH || abbreviates(t, evidence))) return undefined;
  const capitalised = isUpperCode(t.text.charCodeAt(0)) && t.text !== t.text.toUpperCase();
  // (Where a sentence starts matters for a capitalised token only.)
  const name = capitalised && !startsSentence(text, t.start);
  const prev = known(model, t.prev);
  const next = known(model, t.next);
  let after = t.end;
  while (name && after < text.length && isSpaceCode(text.charCodeAt(after))) after++;
  const beforeLowercase = name && isLowerCode(text.charCodeAt(after));
  const beforeCapital = name && isUpperCode(text.charCodeAt(after));
  const nameElsewhere = beforeLowercase && isWord && forms.inNameContext(t.text, text);
  return {
    t,
    prev,
    next,
    model,
    evidence,
    forms,
    name,
    capitalised,
    upper: t.text.length > 1 && t.text === t.text.toUpperCase(),
    beforeLowercase,
    beforeCapital,
    nameElsewhere,
    isWord,
    beforeStop,
  };
}

/**
 * A short string before a period is an abbreviation (`sec.`, `deg.`, `Wm.`, `Thos.`) when it begins a
 * word, is capitalised or all capitals, or has no vowel; or the end of a word a line break cut
 * (`pany.`, `ellow.`) when it ends one. A lowercase one that does neither is a misreading before a
 * full stop (`acie.`, `courso.`, `papors.`).
 */
function abbreviates(t: Token, evidence: Evidence): boolean {
  if (t.text !== t.lower || !/[aeiouy]/.test(t.lower)) return true;
  return beginsWord(evidence, t.lower) || endsWord(evidence, t.lower);
}

/** Some word (as `Evidence.isWord` accepts) begins with `s`, or ends with it (the dictionary's affix filters: a few false yeses). */
const beginsWord = (evidence: Evidence, s: string): boolean =>
  evidence.source.wordAffixes.prefixes.has(prefixHash(s, 0, s.length, PREFIX_START));
const endsWord = (evidence: Evidence, s: string): boolean =>
  evidence.source.wordAffixes.suffixes.has(suffixHash(s, 0, s.length, PREFIX_START));

/**
 * A string made of words but in no list (`undor`: `un` + `dor`; `inado`: `in` + `ado`) that one of the
 * cheapest confusions turns into a common word (`under`, `made`) is decided as a misreading, with the
 * margin of a string printed English has (`KNOWN_EXTRA_MARGIN`); else as the real word it may be
 * (`unfrequently`, `bootmakers`).
 */
function misreadDerived(lower: string, forms: Forms, evidence: Evidence): boolean {
  return forms.cheapCandidates(lower, DERIVED_MAX_COST).some((c) => {
    const rank = evidence.rank(c.word);
    return rank > 0 && rank <= DERIVED_MAX_RANK;
  });
}

/**
 * The token may be a piece of a word the OCR split: it ends a word and, glued to the token before it,
 * begins one (`mak ing`, `mat ters`); or it begins a word and, with the token after it, begins one too
 * (`impl ies`). Such pieces are the word-boundary rules' to join, not misreadings of a common word.
 */
function mayBeFragment({ t, evidence }: Site): boolean {
  return (
    (t.prev !== undefined && endsWord(evidence, t.lower) && beginsWord(evidence, t.prev + t.lower)) ||
    (t.next !== undefined && beginsWord(evidence, t.lower) && beginsWord(evidence, t.lower + t.next))
  );
}

/** A sentence starts at `start`: the text's start, or after a sentence's end that no title or initial makes. */
function startsSentence(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  return start === 0 || (SENTENCE_END.test(before) && !TITLE_BEFORE.test(before));
}

/** One token's decision, if any. */
function decide(site: Site | undefined): Decision | undefined {
  if (!site) return undefined;
  return site.isWord ? decideRealWord(site) : decideNonWord(site);
}

interface Decision {
  word: string;
  rule: 'non-word' | 'real-word' | 'joined' | 'repeated' | 'habit' | 'lone-letter' | 'glued';
  /** The candidate chosen (not for `joined`). */
  candidate?: Candidate;
  reason: string;
  /** For the second part of a `joined` decision: the first part's index. */
  joinedTo?: number;
}

/** Fragments joined into one misread word must make a word this long at least. */
const JOINED_MIN_LENGTH = 6;
/** ...by confusions this cheap at most (no generic edit: the space is one change already). */
const JOINED_MAX_COST = 3;

/** A space the OCR read where a letter was printed (`doz n`, `m ans`): as dear as the rarer confusions... */
const SPACE_FOR_LETTER_COST = 3;
/** ...into a word this long at least (`wi l` -> `will`)... */
const SPACE_FOR_LETTER_MIN_LENGTH = 4;
/** ...and a common one (rank), or one the document writes: a letter for a space reaches many rare words (`re ses` is no `reuses`)... */
const SPACE_FOR_LETTER_MAX_RANK = 20000;
/** ...and a very common one when it is shorter than five letters (short words are one letter from many). */
const SHORT_JOIN_MAX_RANK = 5000;
/**
 * One fragment may be a word in its own right when it is a rare one (rank, or no rank): the OCR cut
 * `minister` into `minis er` and `banking` into `b inking`, and `minis`, `inking` are in the
 * dictionary. A common word stays itself (`Gr and` is no `Grand`: `and` is right as often).
 */
const RARE_PART_MIN_RANK = 40000;
/** A first fragment capitalised (`B inking` -> `Banking`): into a word this common (rank) or one the document writes. */
const CAPITALISED_JOIN_MAX_RANK = 3000;

/**
 * Two tokens a single space apart, at most one of them a word in its own right and that one rare
 * (`RARE_PART_MIN_RANK`), that make one word once joined and one or two usual confusions undone
 * (`co oporating`, `respec tivoly`, `b inking`), or with the space read for a letter (`doz n` ->
 * `dozen`, `minis er` -> `minister`): when that word, in its context, beats both the fragments as they
 * stand and each fragment corrected on its own (`seo tho` is `see the`, not `seethe`). The second token
 * is lowercase; the first is lowercase or capitalised (the word then is too, and common or the
 * document's own). The join is no word or counted string as it stands (a plain split word is
 * `split-words`'): a string made of words is (`b` + `inking`).
 */
function decideJoined(
  a: Token,
  b: Token,
  text: string,
  model: LanguageModel,
  evidence: Evidence,
  forms: Forms,
): Decision | undefined {
  const capitalised = a.text !== a.lower;
  if (capitalised && (!isUpperCode(a.text.charCodeAt(0)) || a.text.slice(1) !== a.lower.slice(1))) return undefined;
  if (b.text !== b.lower || text.slice(a.end, b.start) !== ' ') return undefined;
  const joined = a.lower + b.lower;
  const spaceOk = joined.length + 1 >= SPACE_FOR_LETTER_MIN_LENGTH;
  if (joined.length < JOINED_MIN_LENGTH && !spaceOk) return undefined;
  // Fragments: no word in its own right (`co`, `respec`), or one a rare word (`minis`); and the join no
  // word as it stands.
  const aWord = evidence.isStandalone(a.lower);
  const bWord = evidence.isStandalone(b.lower);
  if (aWord && bWord) return undefined;
  if (aWord || bWord) {
    const rank = evidence.rank(aWord ? a.lower : b.lower);
    if (rank > 0 && rank <= RARE_PART_MIN_RANK) return undefined;
  }
  const kind = forms.kind(joined);
  if (kind === WORD || kind === COUNTED) return undefined;
  // The rank a candidate needs (or the document writes it).
  const maxRank = (length: number) =>
    length <= SPACE_FOR_LETTER_MIN_LENGTH
      ? SHORT_JOIN_MAX_RANK
      : capitalised
        ? CAPITALISED_JOIN_MAX_RANK
        : SPACE_FOR_LETTER_MAX_RANK;
  let found = joined.length >= JOINED_MIN_LENGTH ? forms.cheapCandidates(joined, JOINED_MAX_COST) : [];
  if (capitalised || aWord || bWord)
    found = found.filter((c) => evidence.commonOrWritten(c.word, maxRank(c.word.length)));
  if (spaceOk) {
    const extra = forms
      .spaceForLetter(a.lower, b.lower)
      .filter((c) => evidence.commonOrWritten(c.word, maxRank(c.word.length)) && !found.some((f) => f.word === c.word));
    if (extra.length > 0) found = [...found, ...extra].sort((x, y) => x.cost - y.cost);
  }
  const prev = known(model, a.prev);
  const next = known(model, b.next);
  const scored = scoreCandidates(found, prev, next, model, evidence);
  const [best, second] = scored;
  if (!best) return undefined;
  // The reading the join must beat: each fragment as it stands or, where that scores better in its
  // context, corrected on its own into a word.
  const alone = (t: Token, before: string | undefined, after: string | undefined): number => {
    const raw = contextScore(model, t.lower, LOG_UNKNOWN_COUNT, before, after);
    const [own] = scoreCandidates(forms.cheapCandidates(t.lower, JOINED_MAX_COST), before, after, model, evidence);
    return own ? Math.max(raw, own.score) : raw;
  };
  const keep = alone(a, prev, undefined) + alone(b, undefined, next);
  const gain = best.score - keep;
  if (gain < NON_WORD_MARGIN || (second && best.score - second.score < SECOND_MARGIN)) return undefined;
  const c = best.candidate;
  return {
    word: c.word,
    rule: 'joined',
    reason: `${
      aWord || bWord
        ? `"${aWord ? a.lower : b.lower}" is a rare word and "${aWord ? b.lower : a.lower}" no word`
        : `"${a.lower}" and "${b.lower}" are no words`
    }; joined, "${c.word}" is (${c.how}): score ${fixed(gain)} over them, as they stand or each corrected${contextNote(model, c.word, prev, next)}`,
  };
}

const fixed = (n: number): string => n.toFixed(1);

/** A string no list has counts as a candidate when the document writes it this often (a name: `Coveny`)... */
const DOCUMENT_NAME_MIN_USES = 2;
/**
 * ...and the OCR reads it for the token more easily than the token for it, by this much (nats):
 * `Covony` for `Coveny` is `o` read for `e` (1.5), the other way `e` read for `o` (3): the page's
 * majority spelling may be the misreading. Two names one confusion apart either way (`Gartrell`,
 * `Gartreil`: `l` for `i` and `i` for `l` cost alike) are left as they are.
 */
const ONE_WAY_MIN_GAP = 1;

/** The OCR reads `candidate.word` as `read` (its cost) more easily than `read` as it, by `ONE_WAY_MIN_GAP`. */
const misreadOneWay = (read: string, candidate: Candidate): boolean =>
  (channelCost(candidate.word, read, candidate.cost + ONE_WAY_MIN_GAP + 1)?.cost ?? Infinity) >=
  candidate.cost + ONE_WAY_MIN_GAP;

/**
 * The candidates by their score in context, best first: a word's count and pairs, its cost, and its
 * uses in the document; with `read` (the token), also the document's own names no list has
 * (`DOCUMENT_NAME_MIN_USES`, `misreadOneWay`).
 */
function scoreCandidates(
  found: readonly Candidate[],
  prev: string | undefined,
  next: string | undefined,
  model: LanguageModel,
  evidence: Evidence,
  read?: string,
): Scored[] {
  const scored: Scored[] = [];
  for (const candidate of found) {
    let logCount = model.logCount(candidate.word);
    const doc = evidence.seen(candidate.word);
    // A name no list has that the document writes, read for the token one way only: a rare word's count.
    if (logCount === -Infinity && read !== undefined && doc >= DOCUMENT_NAME_MIN_USES && misreadOneWay(read, candidate))
      logCount = LOG_RARE_WORD_COUNT;
    if (logCount === -Infinity) continue;
    const score = contextScore(model, candidate.word, logCount, prev, next) - candidate.cost + Math.log1p(doc);
    scored.push({ candidate, score });
  }
  return scored.sort((a, b) => b.score - a.score);
}

/** A repair to record: `text[start, end)` becomes `word`. */
interface Repair {
  start: number;
  end: number;
  word: string;
  rule: Decision['rule'] | 'mark-for-letter' | 'speck';
  reason: string;
}

/** A lowercase word with one hyphen or apostrophe inside (`a-nount`, `j'ear`, `doz'n`). */
const MARKED = /(?<![\p{L}\p{N}'’-])(\p{Ll}+)([-'’])(\p{Ll}+)(?![\p{L}\p{N}'’-])/gu;
/** What follows an apostrophe in English: `'s`, `n't`, `'ll`, `'re`, `'ve`, `'d`, `'m`. */
const AFTER_APOSTROPHE = /^(?:s|t|ll|re|ve|d|m)$/;
/** What precedes one in names and elisions: `o'clock`, `d'ye`, `m'lord`, `l'homme`, `e'er`. */
const BEFORE_APOSTROPHE = /^(?:o|d|m|mc|l|e|th|ne|ma)$/;
/**
 * A mark inside a word is a misreading of a common word (rank) or of one the document writes: garbled
 * letters around a mark are many words' neighbours (`ili'n` is no `ilia`).
 */
const MARKED_MAX_RANK = 20000;
/** ...and has this many letters at least: short garbled tokens are near too many words. */
const MARKED_MIN_LETTERS = 5;
/** A mark read for a letter, or a mark and a letter read for one letter: the cost of the change. */
const MARK_FOR_LETTER_COST = 4;
/** The word before or after a span, when only white space separates them. */
const WORD_BEFORE = /(\p{L}+)[ \t]+$/u;
const WORD_AFTER = /^[ \t]+(\p{L}+)/u;

/** The known words just before and after `text[start, end)` (white space only between), lowercase. */
function wordsAround(text: string, start: number, end: number, model: LanguageModel): { prev?: string; next?: string } {
  return {
    prev: known(model, WORD_BEFORE.exec(text.slice(Math.max(0, start - 30), start))?.[1]?.toLowerCase()),
    next: known(model, WORD_AFTER.exec(text.slice(end, end + 30))?.[1]?.toLowerCase()),
  };
}

/** Lowercase letters after one or two guillemets at a word's start (`»as`, `»»as`, `«nd`); not a word in guillemets (`«oui»`). */
const LEADING_MARK = /(?<![\p{L}\p{N}«»])([«»]{1,2})(\p{Ll}+)(?![\p{L}\p{N}'’«»-])/gu;
/**
 * A guillemet read for a letter (`»` for `w` above all, in some scans): the cost of the change, as a
 * third-tier confusion. Measured on the training splits: 18 OCR errors fixed (11 at the cost of a mark
 * inside a word, 4; 15 with the mark and the next letter as cheap as the mark alone), none broken.
 */
const LEADING_MARK_COST = 2.5;
/** ...and this much more when the letter after the mark is part of the misreading (`»vas` for `was`). */
const MARK_AND_LETTER_EXTRA_COST = 2;

/**
 * A guillemet at a word's start that the OCR read for a letter, or with the letter after it for one
 * letter (`»as` -> `was`, `»vas` -> `was`, `»inking` -> `sinking`): the word is common or the
 * document's own, and it beats the letters alone (the mark as noise: `»as` may be `as`) by the
 * non-word margins, with the words around it.
 */
function decideLeadingMark(
  m: RegExpMatchArray,
  text: string,
  model: LanguageModel,
  evidence: Evidence,
): Repair | undefined {
  const [whole, mark, y] = m as unknown as [string, string, string];
  const start = m.index!;
  const found = new Map<string, Candidate>();
  const offer = (word: string, cost: number, how: string) => {
    if (word.length < MIN_LENGTH || found.has(word) || !evidence.isWord(word)) return;
    if (!evidence.commonOrWritten(word, MARKED_MAX_RANK)) return;
    found.set(word, { word, cost, how });
  };
  for (const letter of LETTERS) offer(letter + y, LEADING_MARK_COST, `"${mark}" read for "${letter}"`);
  // The mark and the letter after it read for one letter (`»vas`): dearer, as a letter changes too.
  if (y.length > 1)
    for (const letter of LETTERS)
      offer(
        letter + y.slice(1),
        LEADING_MARK_COST + MARK_AND_LETTER_EXTRA_COST,
        `"${mark}${y[0]}" read for "${letter}"`,
      );
  if (found.size === 0) return undefined;
  const { prev, next } = wordsAround(text, start, start + whole.length, model);
  if (prev === undefined && next === undefined) return undefined;
  const scored = scoreCandidates([...found.values()], prev, next, model, evidence);
  const [best, second] = scored;
  if (!best) return undefined;
  const listed = model.logCount(y);
  const count = listed > -Infinity ? listed : evidence.isWord(y) ? LOG_RARE_WORD_COUNT : LOG_UNKNOWN_COUNT;
  const gain = best.score - contextScore(model, y, count, prev, next);
  if (gain < NON_WORD_MARGIN || (second && best.score - second.score < SECOND_MARGIN)) return undefined;
  const c = best.candidate;
  return {
    start,
    end: start + whole.length,
    word: c.word,
    rule: 'mark-for-letter',
    reason: `"${whole}" is no word; "${c.word}" is, ${c.how}: score ${fixed(gain)} over "${y}"${
      second ? `, ${fixed(best.score - second.score)} over "${second.candidate.word}"` : ''
    }${contextNote(model, c.word, prev, next)}`,
  };
}

/**
 * A word the OCR broke with a mark it read for a letter, or a mark and a letter read for one letter
 * (`a-nount` -> `amount`, `j'ear` -> `year`, `doz'n` -> `dozen`): when neither part is a word (a
 * compound, `well-known`, stays), the parts do not make a word without the mark (`posi-tion` is the
 * hyphens transform's), the apostrophe starts no ending English writes (`don't`, `John's`) and ends no
 * elision or name (`o'clock`, `M'Gregor`: capitalised ones are not asked), the word is common or the
 * document's own, and it wins by the non-word margins.
 */
function decideMarked(
  m: RegExpMatchArray,
  text: string,
  model: LanguageModel,
  evidence: Evidence,
  forms: Forms,
): Repair | undefined {
  const [whole, x, mark, y] = m as unknown as [string, string, string, string];
  const start = m.index!;
  if (forms.kind(x) !== NO_WORD && forms.kind(y) !== NO_WORD) return undefined;
  if (mark !== '-' && (AFTER_APOSTROPHE.test(y) || BEFORE_APOSTROPHE.test(x))) return undefined;
  if (x.length + y.length < MARKED_MIN_LETTERS) return undefined;
  // Not `x + y`: a hyphen between two parts of a word is the hyphens transform's to decide (`posi-tion`).
  if (evidence.isWord(x + y)) return undefined;
  // The mark read for a letter, or the mark and the letter beside it read for one letter.
  const found = new Map<string, Candidate>();
  const offer = (word: string) => {
    if (word.length < MIN_LENGTH || found.has(word) || !evidence.isWord(word)) return;
    if (!evidence.commonOrWritten(word, MARKED_MAX_RANK)) return;
    found.set(word, { word, cost: MARK_FOR_LETTER_COST, how: `"${mark}" read for a letter` });
  };
  for (const letter of LETTERS) {
    offer(x + letter + y);
    offer(x.slice(0, -1) + letter + y);
    offer(x + letter + y.slice(1));
  }
  const { prev, next } = wordsAround(text, start, start + whole.length, model);
  const scored = scoreCandidates([...found.values()], prev, next, model, evidence);
  const [best, second] = scored;
  if (!best) return undefined;
  const gain = best.score - contextScore(model, whole, LOG_UNKNOWN_COUNT, prev, next);
  if (gain < NON_WORD_MARGIN || (second && best.score - second.score < SECOND_MARGIN)) return undefined;
  const c = best.candidate;
  return {
    start,
    end: start + whole.length,
    word: c.word,
    rule: 'mark-for-letter',
    reason: `"${whole}" is no word; "${c.word}" is, the "${mark}" read for a letter: score ${fixed(gain)} over it${
      second ? `, ${fixed(best.score - second.score)} over "${second.candidate.word}"` : ''
    }${contextNote(model, c.word, prev, next)}`,
  };
}

/** Single letters no English sentence uses as a word, that OCR reads for `in` and `a`... */
const LONE_LETTER = /^[mnu]$/;
/** ...the only words they are read for (`m` is no `me`: `the sum of m and n`). */
const LONE_LETTER_WORDS = new Set(['a', 'in']);
/** The word before a lone letter is no number or unit (`5 m`, `2 n`): those letters are measures. */
const NUMBER_BEFORE = /\d[\p{L}.]*[ \t]+$/u;

/** Another lone letter (not `a` or `I`) this many tokens away or nearer: the letters name things. */
const LETTER_NEARBY = 3;
const letterNearby = (all: readonly Token[], i: number): boolean => {
  for (let j = Math.max(0, i - LETTER_NEARBY); j <= Math.min(all.length - 1, i + LETTER_NEARBY); j++) {
    if (j !== i && all[j]!.text.length === 1 && all[j]!.lower !== 'a' && all[j]!.lower !== 'i') return true;
  }
  return false;
};

/**
 * A lone letter `m`, `n` or `u` between two words (white space only between), one of them known at
 * least, is a misread `in` or `a` (`appeared m the`, `by n visit`, `lieutenant m the`) when the
 * candidate makes a listed pair with a known neighbour and beats the others by the second margin;
 * never after a number (`5 m`), near another lone letter (`the sum of m and n`), beside a mark (`the
 * value of n.`), nor where it makes a word with a neighbour (`made know n today`: a join's to decide).
 * Measured on the training splits: with listed pairs required on both sides, 38 OCR errors fixed; so,
 * 59, none broken, and one broken before (`n` for `a`) no longer.
 */
function decideLoneLetter(
  t: Token,
  text: string,
  model: LanguageModel,
  evidence: Evidence,
  forms: Forms,
): Decision | undefined {
  if (!LONE_LETTER.test(t.text)) return undefined;
  // Before a word (no mark after it: `the value of n.`), a known word at least on one side.
  if (t.next === undefined) return undefined;
  const prev = known(model, t.prev);
  const next = known(model, t.next);
  if (prev === undefined && next === undefined) return undefined;
  if (NUMBER_BEFORE.test(text.slice(Math.max(0, t.start - 12), t.start))) return undefined;
  // The letter may end the word before it or begin the one after (`know n`, `n ever`): a join's to decide.
  if ((t.prev !== undefined && evidence.isWord(t.prev + t.lower)) || evidence.isWord(t.lower + t.next))
    return undefined;
  const found = forms.cheapCandidates(t.lower).filter((c) => LONE_LETTER_WORDS.has(c.word));
  const [best, second] = scoreCandidates(found, prev, next, model, evidence);
  if (!best) return undefined;
  const c = best.candidate;
  // A listed pair with a known neighbour; the other, if known, may make none (`lieutenant in the`).
  if (
    !(prev !== undefined && model.isListedPair(prev, c.word)) &&
    !(next !== undefined && model.isListedPair(c.word, next))
  )
    return undefined;
  if (second && best.score - second.score < SECOND_MARGIN) return undefined;
  return {
    word: c.word,
    rule: 'lone-letter',
    candidate: c,
    reason: `a lone "${t.text}" is no word here; "${c.word}" is (${c.how})${
      second ? `: score ${fixed(best.score - second.score)} over "${second.candidate.word}"` : ''
    }${contextNote(model, c.word, prev, next)}`,
  };
}

/** Lowercase letters printed English never sets alone between two words: a speck the OCR read (a rule, a dot of ink). */
const SPECK = /^[ij]$/;

/**
 * A lone `i` or `j` between two known words, white space only around it (`worked and i worked`,
 * `after i the`), where the text shows OCR and the two words make a listed pair without it: removed,
 * with the spaces before it, or after it at the start of a line. Printed English writes the pronoun `I`, and numbering `(i)` in brackets.
 */
function decideSpeck(all: readonly Token[], i: number, text: string, model: LanguageModel): Repair | undefined {
  const t = all[i]!;
  if (!SPECK.test(t.text)) return undefined;
  const prev = known(model, t.prev);
  const next = known(model, t.next);
  if (prev === undefined || next === undefined || !model.isListedPair(prev, next)) return undefined;
  // With the spaces before it, or (at the start of a line) the spaces after it: line breaks stay.
  const before = all[i - 1]!.end;
  const after = all[i + 1]!.start;
  const spaces = /^[ \t]+$/;
  const [start, end] = spaces.test(text.slice(before, t.start))
    ? [before, t.end]
    : spaces.test(text.slice(t.end, after))
      ? [t.start, after]
      : [-1, -1];
  if (start < 0) return undefined;
  return {
    start,
    end,
    word: '',
    rule: 'speck',
    reason: `a lone "${t.text}" between words is a speck the OCR read; "${prev} ${next}" is a common pair`,
  };
}

/** A form corrected the same way this many times in a document at least is a habit of its OCR... */
const HABIT_MIN_USES = 2;
/** ...when no fewer of its tokens were corrected than left (`uses` ≥ this share of all its tokens). */
const HABIT_MIN_SHARE = 0.5;

/**
 * The tokens left undecided whose form the document corrects the same way elsewhere (`HABIT_MIN_USES`
 * times at least, and in `HABIT_MIN_SHARE` of its tokens), given that here the candidate scores no worse
 * than the word as read: the context does not speak against the habit. Names stay (a capitalised word
 * inside a sentence) unless the form is a misreading of the very common candidate (`Tho`), as do tokens
 * the corrector would not touch at all (`siteOf`).
 */
function repeatedMisreadings(
  all: readonly Token[],
  decisions: ReadonlyMap<number, Decision>,
  site: (i: number) => Site | undefined,
  text: string,
): [number, Decision][] {
  // Per lowercase form: its tokens, its corrections, and the one candidate they chose (null: several).
  const habits = new Map<string, { tokens: number; uses: number; candidate?: Candidate | null }>();
  for (let i = 0; i < all.length; i++) {
    const lower = all[i]!.lower;
    let habit = habits.get(lower);
    if (!habit) habits.set(lower, (habit = { tokens: 0, uses: 0 }));
    habit.tokens++;
    const candidate = decisions.get(i)?.candidate;
    if (!candidate) continue;
    habit.uses++;
    if (habit.candidate === undefined) habit.candidate = candidate;
    else if (habit.candidate !== null && habit.candidate.word !== candidate.word) habit.candidate = null;
  }
  const found: [number, Decision][] = [];
  for (let i = 0; i < all.length; i++) {
    if (decisions.has(i)) continue;
    const habit = habits.get(all[i]!.lower)!;
    const c = habit.candidate;
    if (!c || habit.uses < HABIT_MIN_USES || habit.uses < habit.tokens * HABIT_MIN_SHARE) continue;
    const here = site(i);
    if (!here) continue;
    const { t, prev, next, model, evidence } = here;
    // A name stays, unless the form is a rare word the very common candidate is misread as (`Tho`
    // for `The` where the full stop before it was lost): no name the document corrects so, and none
    // after a title or a capitalised word (`Mr. Tho`, `Duc Tho`). Measured on the training splits: 23
    // more OCR errors fixed, none broken; on the chronam pages, all such edits read `Tho` for `The`.
    if (here.name && (misreadingOf(t.lower, evidence) !== c.word || nameBefore(all, i, text))) continue;
    const [scored] = scoreCandidates([c], prev, next, model, evidence);
    if (!scored) continue;
    const gain = scored.score - keepScore(here);
    if (gain < 0) continue;
    found.push([
      i,
      {
        word: c.word,
        rule: 'repeated',
        candidate: c,
        reason: `"${t.lower}" is read for "${c.word}" (${c.how}) ${habit.uses} times elsewhere in this document by the evidence there; here the context does not speak against it: score ${fixed(gain)} over it`,
      },
    ]);
  }
  return found;
}

/** A title (`Mr. Tho`) or a capitalised word (`Duc Tho`) stands just before token `i`: it is part of a name. */
function nameBefore(all: readonly Token[], i: number, text: string): boolean {
  const t = all[i]!;
  if (TITLE_BEFORE.test(text.slice(Math.max(0, t.start - 12), t.start))) return true;
  const before = all[i - 1];
  return before !== undefined && t.prev !== undefined && isUpperCode(before.text.charCodeAt(0));
}

/** A token to decide, with what the decision reads. */
interface Site {
  t: Token;
  /** The known words beside it (white space between), if any. */
  prev: string | undefined;
  next: string | undefined;
  model: LanguageModel;
  evidence: Evidence;
  forms: Forms;
  /** Capitalised inside a sentence: maybe a name. */
  name: boolean;
  capitalised: boolean;
  /** All capitals, two letters or more (`TUENA`). */
  upper: boolean;
  /** A name whose next word (after white space) starts with a lowercase letter. */
  beforeLowercase: boolean;
  /** ...or a capital (a name's next word: `Now York`). */
  beforeCapital: boolean;
  /** Such a name the document writes elsewhere where a name stands (`Mr. Ho`, `Ho Chi`): a name. */
  nameElsewhere: boolean;
  /** A word (or made of words) as the lists see it: decided as a real word. */
  isWord: boolean;
  /** A short non-word before a period that is no abbreviation: decided with the stricter `STOP_` limits. */
  beforeStop: boolean;
}

/**
 * The score of the token as read, in its place. A real word: its count, and its other uses in the
 * document. No word: its own count if the frequency list has it (a name, an old or foreign word, a
 * misreading common enough to be counted); else a rare word's count if the lexicon ranks it; else an
 * unknown string's.
 */
function keepScore({ t, prev, next, model, evidence, isWord }: Site): number {
  if (isWord)
    return contextScore(model, t.lower, model.logCount(t.lower), prev, next) + Math.log1p(evidence.seen(t.lower) - 1);
  const listed = model.logCount(t.lower);
  const count = listed > -Infinity ? listed : evidence.rank(t.lower) > 0 ? LOG_RARE_WORD_COUNT : LOG_UNKNOWN_COUNT;
  return contextScore(model, t.lower, count, prev, next);
}

function decideNonWord(site: Site): Decision | undefined {
  // The rarer edits only with a known word beside the token: without context they cannot win anyway,
  // and a line of noise has many such tokens. There, also the common words a rarer edit reaches (`irom`
  // -> `from`), unless the token may be the end of the word before it (`mak ing`) or the start of the
  // one after (`impl ies`): they compete with the usual confusions' candidates (`biing`: `bring` or
  // `being`).
  const context = site.prev !== undefined || site.next !== undefined;
  const found = site.forms.candidates(site.t.lower, context);
  const common = context && !mayBeFragment(site) ? site.forms.commonWords(site.t.lower) : [];
  // A capitalised token may be a frequent name misread (`Sydnoy`): those names compete too.
  const names = context && (site.capitalised || site.upper) ? site.forms.frequentNames(site.t.lower) : [];
  const decision = decideAmong(site, withCommonWords(withCommonWords(found, common), names));
  if (decision) return decision;
  return decideGlued(site, found);
}

/** A glued token is split in two this long at least, each part this long at least... */
const GLUED_MIN_LENGTH = 6;
const GLUED_PART_MIN_LENGTH = 2;
/** ...one part a very common word (rank)... */
const GLUED_COMMON_MAX_RANK = 1000;
/**
 * ...with one confusion of the first tier at most in the two (`spenttho`, `requostof`). Measured: with
 * dearer ones (up to 2 and 3 a part) 13 OCR errors fixed on the training splits, none broken, but on
 * the chronam pages most splits were wrong readings of a word the search does not reach (`rneetin`
 * is `meeting`, not `meet in`; `orotner` is `brother`).
 */
const GLUED_MAX_COST = 1.5;
/** The space the OCR lost between them: a cost as a confusion's. */
const GLUED_SPACE_COST = 2.5;
/** Those confusions (letter for letter: `o` read for `e`), and with the long s. */
const GLUED_CONFUSIONS = CONFUSIONS.filter(([r, p, c]) => c <= GLUED_MAX_COST && r !== '' && p !== '');
const GLUED_CONFUSIONS_LONG_S = [...GLUED_CONFUSIONS, LONG_S];

/**
 * A lowercase non-word no single word explains that is two words the OCR glued and misread
 * (`spenttho` for `spent the`, `requostof` for `request of`): split where one part is a very common
 * word, one confusion of the first tier in the two at most, when the pair is listed and the two words,
 * in their context, beat the token as read, every other split and the best single word by the
 * non-word margins.
 */
function decideGlued(site: Site, single: readonly Candidate[]): Decision | undefined {
  const { t, prev, next, model, evidence, forms } = site;
  const s = t.lower;
  if (t.text !== s || s.length < GLUED_MIN_LENGTH || !/^[a-z]+$/.test(s)) return undefined;
  if (prev === undefined && next === undefined) return undefined;
  // The token with one confusion undone (a plain glued pair is split-words'): the strings to split.
  const variants: { text: string; cost: number; how: string }[] = [];
  for (const [r, p, c] of forms.longS ? GLUED_CONFUSIONS_LONG_S : GLUED_CONFUSIONS)
    for (let at = s.indexOf(r); at >= 0; at = s.indexOf(r, at + 1))
      variants.push({ text: s.slice(0, at) + p + s.slice(at + r.length), cost: c, how: `${r}→${p}` });
  const common = (w: string) => evidence.rank(w) > 0 && evidence.rank(w) <= GLUED_COMMON_MAX_RANK;
  let best: { left: string; right: string; how: string; score: number } | undefined;
  let second = -Infinity;
  for (const v of variants)
    for (let k = GLUED_PART_MIN_LENGTH; k <= s.length - GLUED_PART_MIN_LENGTH; k++) {
      const l = v.text.slice(0, k);
      const r = v.text.slice(k);
      if (!common(l) && !common(r)) continue;
      if (!evidence.isWord(l) || !evidence.isWord(r) || !model.isListedPair(l, r)) continue;
      // The first word between the word before and the second, then the word after the second.
      const lr = model.logCount(r);
      const score =
        contextScore(model, l, model.logCount(l), prev, r) +
        (next !== undefined ? model.logPairCount(r, next, lr) - lr : 0) -
        v.cost -
        GLUED_SPACE_COST;
      if (!best || score > best.score) {
        if (best) second = Math.max(second, best.score);
        best = { left: l, right: r, how: v.how, score };
      } else second = Math.max(second, score);
    }
  if (!best) return undefined;
  // Against the token as read and the best single word.
  const singles = scoreCandidates(single, prev, next, model, evidence, t.lower);
  if (singles[0]) second = Math.max(second, singles[0].score);
  const gain = best.score - keepScore(site);
  if (gain < NON_WORD_MARGIN || best.score - second < SECOND_MARGIN) return undefined;
  const word = `${best.left} ${best.right}`;
  return {
    word,
    rule: 'glued',
    reason: `"${s}" is no word; "${word}" is two (${best.how}, a space lost): score ${fixed(gain)} over it${
      Number.isFinite(second) ? `, ${fixed(best.score - second)} over the next reading` : ''
    }; pair "${word}" is common`,
  };
}

/** A confusion the document's corrections (non-word and repeated) undid this often is a habit of its OCR... */
const HABIT_MIN_STEPS = 3;
/**
 * ...and costs this much less (nats) for the tokens left undecided. Measured on the training splits:
 * 1.5 and 2 fix 44 and 47 more OCR errors and break none more; capitalised tokens and tokens without a
 * vowel stay out (there it turned names and abbreviations into words: `Herr`, `Poer`, `nd`).
 */
const HABIT_DISCOUNT = 2;

/** How often the document's corrections undid each confusion (`o→e`: 14), real-word ones aside. */
function confusionHabits(decisions: ReadonlyMap<number, Decision>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of decisions.values())
    if (d.candidate && d.rule !== 'real-word')
      for (const step of stepsOf(d.candidate)) counts.set(step, (counts.get(step) ?? 0) + 1);
  // Only the habits: a document without one skips the pass.
  for (const [step, n] of counts) if (n < HABIT_MIN_STEPS) counts.delete(step);
  return counts;
}

/**
 * A lowercase non-word with a vowel and a known neighbour, decided again with the document's habitual
 * confusions cheaper (`HABIT_DISCOUNT`) by the margins of `decideAmong`; its reason names the habits.
 */
function decideByHabit(site: Site, habits: ReadonlyMap<string, number>): Decision | undefined {
  const { t, prev, next, forms } = site;
  if ((prev === undefined && next === undefined) || t.text !== t.lower || !VOWEL.test(t.lower)) return undefined;
  const habitual = (step: string) => habits.has(step);
  let changed = false;
  const found = forms
    .candidates(t.lower, true)
    .map((c) => {
      const steps = stepsOf(c).filter(habitual).length;
      if (steps === 0) return c;
      changed = true;
      return { ...c, cost: c.cost - steps * HABIT_DISCOUNT };
    })
    .sort((x, y) => x.cost - y.cost);
  if (!changed) return undefined;
  const decision = decideAmong(site, found);
  if (!decision?.candidate) return undefined;
  const steps = stepsOf(decision.candidate)
    .filter(habitual)
    .map((step) => `${step} ${habits.get(step)} times`);
  if (steps.length === 0) return undefined; // won without the habit: the first rounds would have taken it
  return {
    ...decision,
    rule: 'habit',
    reason: `${decision.reason}; the document's other corrections undo ${steps.join(' and ')}`,
  };
}

function decideAmong(site: Site, found: readonly Candidate[]): Decision | undefined {
  const { t, prev, next, model, evidence, forms, name, capitalised, upper, beforeStop } = site;
  // A capitalised string no list has competes only among the candidates it may become: a dearer common
  // word (`colony`) would otherwise win the scores and be refused, and hide the document's `Coveny`.
  if (unlistedCapitalised(site)) found = found.filter((c) => c.cost <= nameMaxCost(site, c.word));
  if (found.length === 0) return undefined;
  const scored = scoreCandidates(found, prev, next, model, evidence, t.lower);
  const [best, second] = scored;
  if (!best) return undefined;
  const c = best.candidate;
  // A name the document repeats stays a name, unless it writes the candidate more often still (the
  // OCR misread `Sydney` as `Sydnoy` a few times in a page that has `Sydney` many more), or the
  // token is no list's, the candidate the document's, and one of the cheapest confusions reads the
  // candidate as the token but not the other way (`Covony` ×7 beside `Coveny` ×3).
  if (
    name &&
    evidence.seen(t.lower) > 1 &&
    evidence.seen(c.word) <= evidence.seen(t.lower) &&
    !(c.cost <= MISREAD_NAME_MAX_COST && evidence.seen(c.word) > 0 && unlisted(site) && misreadOneWay(t.lower, c))
  )
    return undefined;
  // So does a name (or a word in capitals) the collection's other documents write, unless they write
  // the candidate more often (`GORMAN` in three other pages that never write `german`).
  if (
    (name || upper) &&
    evidence.collectionWrites(t.lower) &&
    evidence.collectedCount(c.word) <= evidence.collectedCount(t.lower)
  ) {
    return undefined;
  }
  const rank = evidence.rank(c.word);
  const written = evidence.seen(c.word) > 0;
  // A capitalised or all-capital token may be a name the lists lack (`Millar`, `TUENA`), and a token
  // without a vowel an abbreviation (`cpls`, `Wm`): only one usual confusion away from the document's
  // own word, or from a very common one.
  if (capitalised || upper || !VOWEL.test(t.lower)) {
    if (c.cost > nameMaxCost(site, c.word)) return undefined;
    const common = rank > 0 && rank <= CAPITALISED_MAX_RANK && (!name || misreadName(site, c));
    if (!common && !written) return undefined;
  }
  // Before a full stop the token has no word after it to speak for a candidate, and a short string
  // there is often an abbreviation the lists lack: one usual confusion into a common word only, that
  // makes a listed pair with the word before.
  if (beforeStop && (c.cost > STOP_MAX_COST || rank <= 0 || rank > STOP_MAX_RANK)) return undefined;
  if (beforeStop && (prev === undefined || !model.isListedPair(prev, c.word))) return undefined;
  // A string printed English has too (a name, an old or foreign word, or a misreading common enough to
  // be counted) needs a wider margin.
  const known =
    model.logCount(t.lower) > -Infinity ||
    (evidence.rank(t.lower) > 0 && evidence.rank(t.lower) <= KNOWN_MAX_RANK) ||
    forms.kind(t.lower) === DERIVED;
  const gain = best.score - keepScore(site);
  if (gain < NON_WORD_MARGIN + (known ? KNOWN_EXTRA_MARGIN : 0)) return undefined;
  // Two changes of which one is no usual confusion reach more words: the runner-up must be further behind.
  const secondMargin =
    (capitalised || upper ? NAME_SECOND_MARGIN : SECOND_MARGIN) +
    (c.cost > GENERIC_EDIT_COST ? FAR_SECOND_EXTRA_MARGIN : 0);
  if (second && best.score - second.score < secondMargin) return undefined;
  return {
    word: c.word,
    rule: 'non-word',
    candidate: c,
    reason: `"${t.lower}" is no word; "${c.word}" is (${c.how}): score ${fixed(gain)} over it${
      second ? `, ${fixed(best.score - second.score)} over "${second.candidate.word}"` : ''
    }${contextNote(model, c.word, prev, next)}${
      (capitalised || upper) && c.cost > NAME_MAX_COST
        ? `; a capitalised string no list has, and the document writes "${c.word}" ${evidence.seen(c.word)} times`
        : ''
    }${
      model.logCount(c.word) === -Infinity
        ? `; "${c.word}" is no list's but the document's (${evidence.seen(c.word)} times), and the OCR reads it as "${t.lower}" more easily than the other way`
        : ''
    }`,
  };
}

/** The token is in no list: no count, no rank. */
const unlisted = ({ t, model, evidence }: Site): boolean =>
  model.logCount(t.lower) === -Infinity && evidence.rank(t.lower) <= 0;

/** A capitalised string with a vowel that no list has (`Btreot`, `Covony`). */
const unlistedCapitalised = (site: Site): boolean =>
  site.capitalised && !site.upper && VOWEL.test(site.t.lower) && unlisted(site);

/**
 * How dear the confusions may be that turn a capitalised, all-capital or vowelless token into
 * `candidate`: one usual confusion (`NAME_MAX_COST`); more for a capitalised string no list has, when
 * the document writes the candidate often enough and it is no function word (`WRITTEN_NAME_`:
 * `Minto` is no `into`).
 */
function nameMaxCost(site: Site, candidate: string): number {
  const uses = site.evidence.seen(candidate);
  if (!unlistedCapitalised(site) || uses < WRITTEN_NAME_MIN_USES || FUNCTION_WORDS.has(candidate)) return NAME_MAX_COST;
  return uses >= WRITTEN_NAME_GENERIC_MIN_USES ? WRITTEN_NAME_GENERIC_MAX_COST : WRITTEN_NAME_MAX_COST;
}

/**
 * A capitalised string inside a sentence that no list has is a name the lists lack, unless it is one
 * cheap confusion from a common word that a listed pair with a neighbour speaks for, and the document
 * does not repeat it (`Upper Btate`, `the Poit`): a name the OCR did not garble (`Hugo`, `Lino`) makes
 * no listed pair as its near word would (`huge chavez`), and a real name recurs.
 */
function misreadName(site: Site, c: Candidate): boolean {
  const { t, prev, next, model, evidence } = site;
  if (c.cost > MISREAD_NAME_MAX_COST || evidence.seen(t.lower) > 1 || evidence.collectionWrites(t.lower)) return false;
  if (!unlisted(site)) return false;
  return pairWithNeighbour(model, c.word, prev, next);
}

/** `word` makes a listed pair with the known word before it or after it. */
const pairWithNeighbour = (model: LanguageModel, word: string, prev?: string, next?: string): boolean =>
  (prev !== undefined && model.isListedPair(prev, word)) || (next !== undefined && model.isListedPair(word, next));

function decideRealWord(site: Site): Decision | undefined {
  const { t, prev, next, model, evidence, forms, name } = site;
  if (prev === undefined && next === undefined) return undefined;
  const lostStop = name && lostSentenceStart(site);
  const namePart = name && !lostStop && misreadNamePart(site);
  if (name && !lostStop && !namePart) return undefined;
  if (evidence.source.extraWords.has(t.lower)) return undefined; // the user's own word
  if (NAME_PARTICLES.has(t.lower)) return undefined; // a title or name part (`Mr`, `von`), not misread
  // The pair counts must speak for the candidate: a listed pair with a neighbour the word as read
  // makes none with. Asked before the scores, which cost more: the word's own pairs, and whether any
  // candidate has one. A word that makes one stays, but for a misread part of a name, decided by the
  // pair with the name's next word (`of Now York`: `of now` is listed too). Measured: replacing any word
  // that pairs with one neighbour where the candidate pairs with both (`should he dealt`) fixed 8 more
  // OCR errors on the training splits, but the corrector asked so many more words that it took some
  // 14% more time on the chronam pages.
  const ownBefore = prev !== undefined && model.isListedPair(prev, t.lower);
  const ownAfter = next !== undefined && model.isListedPair(t.lower, next);
  if (ownBefore && ownAfter) return undefined;
  if ((ownBefore || ownAfter) && !namePart) return undefined;
  // (Here only a name part may make a pair itself, with the word before: the candidate then makes both.)
  const pairFor = (w: string): boolean => {
    const before = prev !== undefined && model.isListedPair(prev, w);
    const after = next !== undefined && model.isListedPair(w, next);
    return ownBefore ? before && after : before || after;
  };
  const found = forms.cheapCandidates(t.lower);
  if (!found.some((c) => pairFor(c.word))) return undefined;
  const scored = scoreCandidates(found, prev, next, model, evidence);
  const [best, second] = scored;
  if (!best) return undefined;
  const c = best.candidate;
  if (!pairFor(c.word)) return undefined;
  const gain = best.score - keepScore(site);
  // Inside a sentence, listed pairs with both neighbours that the word as read makes with neither are
  // the strongest context there is (`was hold last` -> `was held last`).
  const bothPairs =
    !name &&
    !ownBefore &&
    !ownAfter &&
    prev !== undefined &&
    next !== undefined &&
    model.isListedPair(prev, c.word) &&
    model.isListedPair(c.word, next);
  const margin = bothPairs ? BOTH_PAIRS_MARGIN : REAL_WORD_MARGIN;
  if (gain < margin) return undefined;
  if (second && best.score - second.score < SECOND_MARGIN) return undefined;
  return {
    word: c.word,
    rule: 'real-word',
    candidate: c,
    reason: `"${c.word}" (${c.how}) fits here far better than "${t.lower}": score ${fixed(gain)} over it${contextNote(model, c.word, prev, next)}${
      ownBefore ? `; "${prev} ${t.lower}" is listed too, "${t.lower} ${next}" is not` : ''
    }${bothPairs ? `; neither "${prev} ${t.lower}" nor "${t.lower} ${next}" is listed` : ''}${
      namePart
        ? `; a word this common is no name, and before "${next}" is read as part of one`
        : name
          ? '; a sentence starts here (the full stop before it lost)'
          : ''
    }`,
  };
}

/** A capitalised word inside a sentence this common (rank) is no name itself... */
const NAME_PART_MAX_RANK = 200;

/**
 * ...but, before a capitalised word, may be a misread word of a name (`of Now York`): one cheap
 * confusion from a word that makes a listed pair with the next word, which the word as read does not.
 * It is decided by the real-word margin, whatever pair the word as read makes before it (`to now`, of
 * `up to now`). Measured on the training splits: 3 more OCR errors fixed, none broken.
 */
function misreadNamePart({ t, next, model, evidence, forms, beforeCapital }: Site): boolean {
  if (next === undefined || !beforeCapital) return false;
  const rank = evidence.rank(t.lower);
  if (rank <= 0 || rank > NAME_PART_MAX_RANK || model.isListedPair(t.lower, next)) return false;
  return forms.cheapCandidates(t.lower, MISREAD_NAME_MAX_COST).some((c) => model.isListedPair(c.word, next));
}

/** A sentence whose full stop the OCR lost may start with one of these words misread... */
const SENTENCE_START_MAX_RANK = 50;

/**
 * A capitalised real word inside a sentence is a name (`Hold`, `Mid`), unless the OCR lost the full
 * stop before it and misread a very common word that starts sentences (`yynlks Tho letter was`): the
 * word is one cheap confusion from such a word, the word after it is lowercase and makes a listed pair
 * with that word and none with the word as read, and the document nowhere writes the token where a
 * name stands (`Forms.inNameContext`).
 */
function lostSentenceStart({ t, next, model, evidence, forms, beforeLowercase, nameElsewhere }: Site): boolean {
  if (next === undefined || !beforeLowercase) return false;
  if (model.isListedPair(t.lower, next) || nameElsewhere) return false;
  return forms.cheapCandidates(t.lower).some((c) => {
    const rank = evidence.rank(c.word);
    return rank > 0 && rank <= SENTENCE_START_MAX_RANK && model.isListedPair(c.word, next);
  });
}

/** The listed pairs that carried a decision, for its reason. */
function contextNote(model: LanguageModel, word: string, prev?: string, next?: string): string {
  const pairs: string[] = [];
  if (prev !== undefined && model.isListedPair(prev, word)) pairs.push(`"${prev} ${word}"`);
  if (next !== undefined && model.isListedPair(word, next)) pairs.push(`"${word} ${next}"`);
  return pairs.length > 0 ? `; pair ${pairs.join(' and ')} is common` : '';
}
