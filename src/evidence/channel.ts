/**
 * The OCR channel: how a printed word turns into what the OCR read. Each confusion is one read →
 * printed substitution with a cost, the negative natural log of how likely the OCR makes it; the most
 * frequent ones in historic newspaper OCR cost least (`o` read for `e` most of all, then `u`/`n`,
 * `c`/`e`, `b`/`h`, `li`/`h`, `rn`/`m`...). Any other single letter inserted, dropped or replaced is a
 * generic edit and costs more. A candidate is what the printed word may have been: the read word with
 * up to `MAX_CONFUSIONS` confusions undone, or one generic edit, or (when neither gives a word) one
 * confusion and one generic edit (`candidates`).
 */

import { PREFIX_START, prefixStep, type Affixes } from './prefixes.js';

/**
 * What OCR read -> what was printed, with the cost of that confusion (nats). An empty `read` is a
 * letter the OCR lost, an empty `printed` one it added. Ordered by how often historic newspaper OCR
 * makes them (measured on the training splits of the evaluation corpora, then rounded to tiers).
 */
export const CONFUSIONS: readonly (readonly [read: string, printed: string, cost: number])[] = [
  // Tier 1: the confusions of historic newspaper OCR, by far.
  ['o', 'e', 1.5],
  ['0', 'o', 1.5],
  ['1', 'l', 1.5],
  // Tier 2.
  ['u', 'n', 2.0],
  ['n', 'u', 2.0],
  ['c', 'e', 2.0],
  ['b', 'h', 2.0],
  ['h', 'b', 2.0],
  ['li', 'h', 2.0],
  ['rn', 'm', 2.0],
  ['iu', 'in', 2.0],
  ['cl', 'd', 2.0],
  ['vv', 'w', 2.0],
  ['1', 'i', 2.0],
  ['5', 's', 2.0],
  // Tier 3.
  ['i', 'r', 2.5],
  ['l', 'i', 2.5],
  ['i', 'l', 2.5],
  ['n', 'a', 2.5],
  ['a', 's', 2.5],
  ['o', 'c', 2.5],
  ['c', 'o', 2.5],
  ['u', 'a', 2.5],
  ['e', 'c', 2.5],
  ['l', 't', 2.5],
  ['t', 'f', 2.5],
  ['f', 't', 2.5],
  ['v', 'y', 2.5],
  ['m', 'in', 2.5],
  ['ii', 'u', 2.5],
  ['ii', 'n', 2.5],
  ['', 's', 2.5],
  // Tier 4.
  ['e', 'o', 3.0],
  ['a', 'e', 3.0],
  ['b', 's', 3.0],
  ['b', 'e', 3.0],
  ['i', 'a', 3.0],
  ['e', 's', 3.0],
  ['i', 't', 3.0],
  ['t', 's', 3.0],
  ['o', 'a', 3.0],
  ['a', 'o', 3.0],
  ['i', 's', 3.0],
  ['l', 'f', 3.0],
  ['r', 'e', 3.0],
  ['j', 'y', 3.0],
  ['e', 'a', 3.0],
  ['s', 'e', 3.0],
  ['s', 'a', 3.0],
  ['a', 'n', 3.0],
  ['u', 'e', 3.0],
  ['k', 'e', 3.0],
  ['l', 'r', 3.0],
  ['t', 'l', 3.0],
  ['r', 'i', 3.0],
  ['y', 'v', 3.0],
  ['h', 'li', 3.0],
  ['m', 'rn', 3.0],
  ['in', 'm', 3.0],
  // `mid` for `and` (7 times left on the overproof training split): 13 more OCR errors fixed, none broken.
  ['mi', 'an', 3.0],
  ['', 'e', 3.0],
  // Also tier 4, measured on the training splits (one-word substitutions of OCR against GT, seen 4 to
  // 14 times each): `toavn`, `yvas`, `irom`, `minehals`, `tnarket`, `luto`, `tohn`. Not `n`/`s`, `t`/`e`,
  // `i`/`e`, seen as often: on the same splits they turned names and old spellings into words
  // (`Condon` -> `Condos`, `Notts` -> `Notes`) as often as they repaired one.
  ['av', 'w', 3.0],
  ['yv', 'w', 3.0],
  ['i', 'f', 3.0],
  ['h', 'r', 3.0],
  ['t', 'r', 3.0],
  ['b', 'r', 3.0],
  ['r', 'f', 3.0],
  ['p', 'f', 3.0],
  ['n', 'h', 3.0],
  ['lu', 'in', 3.0],
  ['il', 'd', 3.0],
  ['tn', 'm', 3.0],
  ['il', 'h', 3.0],
  ['ii', 'h', 3.0],
  ['t', 'j', 3.0],
  ['', 't', 3.5],
  ['', 'a', 3.5],
  ['', 'o', 3.5],
  ['', 'i', 3.5],
  ['', 'n', 3.5],
  ['', 'r', 3.5],
  ['', 'l', 3.5],
  ['i', '', 3.5],
  ['l', '', 3.5],
  ['a', '', 3.5],
  ['s', '', 3.5],
];
/**
 * A second confusion in one word is only one of the cheaper tiers (1 to 3), letters read for letters
 * (no letter added or lost): `tbo` -> `the` (`b` for `h`, then `o` for `e`), `watciloo` -> `waterloo`
 * (`c` for `e`, `i` for `r`). It keeps the candidates of a word to a few hundred. Measured on the
 * training splits: tier 3 as a second confusion after a cheaper one fixes 37 more OCR errors and
 * breaks no correct word more; two of tier 3 would fix 52 more, but turn too many strings that are no
 * misreading into rare words (`fuch` into `tach`); tier 4 costs the corrector a third of its time.
 */
export const SECOND_CONFUSION_MAX_COST = 2.5;
/** A second confusion dearer than this (tier 3) only with a first one cheaper than tier 3: `fuch` is no `tach`. */
const CHEAP_SECOND_MAX_COST = 2.0;
const TWO_CONFUSIONS_MAX_COST = 4.5;
const isSecond = ([r, p, c]: readonly [string, string, number]) =>
  c <= SECOND_CONFUSION_MAX_COST && r !== '' && p !== '';
/**
 * A third confusion only of the first tier, letter for letter (`botwoon` -> `between`, `o` read for
 * `e` three times).
 */
const THIRD_CONFUSION_MAX_COST = 1.5;
const isThird = ([r, p, c]: readonly [string, string, number]) => c <= THIRD_CONFUSION_MAX_COST && r !== '' && p !== '';
/** A long s read as f (`fuch` for `such`): right for 18th- and early 19th-century print. */
export const LONG_S: readonly [string, string, number] = ['f', 's', 1.5];
/**
 * Accented letters in English OCR: a mark the OCR added to a plain letter (`wàter`, `défendant`,
 * `rófused`), or `í` for the `r` or `f` it half resembles (`íoutes`, `peí`, `oí`). Tried only for a
 * token that has a letter outside ASCII, so they cost the other tokens nothing. Not the diaeresis on
 * `i`, `e` and `o`, which English prints (`naïve`, `Brontë`, `coöperate`).
 */
export const ACCENTS: readonly (readonly [read: string, printed: string, cost: number])[] = [
  ...[...'àáâäã'].map((r) => [r, 'a', 1.5] as const),
  ...[...'èéê'].map((r) => [r, 'e', 1.5] as const),
  ...[...'ìíî'].map((r) => [r, 'i', 1.5] as const),
  ...[...'òóôõ'].map((r) => [r, 'o', 1.5] as const),
  ...[...'ùúûü'].map((r) => [r, 'u', 1.5] as const),
  ['ç', 'c', 1.5],
  ['ñ', 'n', 1.5],
  ['í', 'r', 2.0],
  ['í', 'f', 2.5],
];
/** The tables, by long s (bit 1) and accents (bit 2): all confusions, those a second one may be, and a third. */
const TABLES = [0, 1, 2, 3].map((k) => {
  const all = [...CONFUSIONS, ...(k & 1 ? [LONG_S] : []), ...(k & 2 ? ACCENTS : [])];
  return { all, seconds: all.filter(isSecond), thirds: all.filter(isThird) };
});
const NON_ASCII = /[^\x00-\x7f]/;
/** A letter inserted, dropped or replaced by another that no confusion names. */
export const GENERIC_EDIT_COST = 5;
/**
 * Confusions undone in one word at most (the third of the first tier only: `THIRD_CONFUSION_MAX_COST`).
 * Measured on the training splits: a third fixes 19 more OCR errors (`respootablo`, `dopouds`) and
 * breaks no correct word more; the corrector's time on the chronam pages did not change measurably.
 */
export const MAX_CONFUSIONS = 3;
/** Words shorter than this get no generic edit: too many short words are one letter apart. */
export const GENERIC_MIN_LENGTH = 5;
/** ...nor longer ones than this (a long run of letters that is no word is mostly noise). */
export const GENERIC_MAX_LENGTH = 14;
const LETTERS_ONLY = /^[a-z]+$/;
/** Letters lost or added up to this cost are tried in round one (`s`, `e`); dearer ones in round two. */
export const LETTER_ROUND_ONE_MAX_COST = 3.0;
/** Round two runs only when round one found no candidate this cheap. */
export const ROUND_TWO_BELOW = 3.0;

/** The letters a generic edit puts in. */
export const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export interface Candidate {
  word: string;
  cost: number;
  /** The confusions undone, as `read→printed` (for the edit's reason). */
  how: string;
}

/**
 * Every spelling `read` (lowercase) may stand for, with its cost, cheapest first; `accept` says which
 * strings to keep (dictionary words, words of the document). Each string once, at its lowest cost.
 */
export interface CandidateOptions {
  /** Also read `f` as a long s. */
  longS?: boolean;
  /** Also the rarer edits of the second round (see below); default true. */
  generic?: boolean;
  /** Candidates up to this cost only (the search stops early); default no bound. */
  maxCost?: number;
  /**
   * The beginnings and endings of every string `accept` may accept: a spelling that begins or ends as
   * none of them is not tried, nor followed further (the same candidates, found sooner). Without
   * them, everything is tried.
   */
  affixes?: Affixes;
}

/**
 * Says whether `base[0, leftEnd) + middle + base[rightStart, end)` is acceptable, without the caller
 * having to build the string (most strings tried are no word: see `Lexicon.findJoin`).
 */
export type Acceptor = (base: string, leftEnd: number, middle: string, rightStart: number) => boolean;

/** An `Acceptor` for a test of built strings (tests, small callers). */
export const acceptWords =
  (test: (word: string) => boolean): Acceptor =>
  (base, leftEnd, middle, rightStart) =>
    test(base.slice(0, leftEnd) + middle + base.slice(rightStart));

export function candidates(read: string, accept: Acceptor, options: CandidateOptions = {}): Candidate[] {
  const { longS = false, generic = true, maxCost = Infinity, affixes } = options;
  const { all: table, seconds, thirds } = TABLES[(longS ? 1 : 0) | (NON_ASCII.test(read) ? 2 : 0)]!;
  const found = new Map<string, Candidate>();
  // Each string tried is described by its parts and asked about without being built; only accepted
  // ones are built and kept, with the cheapest way there (`how`, spelled out only for them: the
  // confusion undone before this one, if any, is `r0 -> p0`).
  const offer = (
    base: string,
    leftEnd: number,
    middle: string,
    rightStart: number,
    cost: number,
    r0: string | undefined,
    p0: string,
    r: string,
    p: string,
  ) => {
    if (!accept(base, leftEnd, middle, rightStart)) return;
    const word = base.slice(0, leftEnd) + middle + base.slice(rightStart);
    if (word === read) return;
    const known = found.get(word);
    if (known === undefined || cost < known.cost) {
      found.set(word, { word, cost, how: r0 === undefined ? name(r, p) : join(name(r0, p0), name(r, p)) });
    }
  };
  // Round one: the confusions of the table, up to MAX_CONFUSIONS, the second after the first (so each
  // set is tried once) and only a cheap letter-for-letter one.
  const expand = (
    word: string,
    from: number,
    cost: number,
    r0: string | undefined,
    p0: string,
    depth: number,
    lostOnly: boolean,
  ) => {
    // With `affixes`, `p` put for `r` at `at` can give a word only if `word[0, at)` + `p` begins one
    // (`at <= reach`, `ends.begins`) and `p` + the rest ends one (`at + r.length >= tail`, `ends.ends`).
    const ends = affixes ? ENDS[depth]!.of(word, affixes) : undefined;
    const reach = ends ? ends.reach : word.length;
    const tail = ends ? ends.tail : 0;
    const last = depth + 1 >= MAX_CONFUSIONS; // no confusion is undone after this one
    if (last && reach + MAX_READ_LENGTH < tail) return;
    // The letters a confusion may start at (`from` to `reach`), as bits: most confusions start at none.
    let present = 0;
    for (let i = from, end = Math.min(reach, word.length - 1); i <= end; i++) present |= 1 << (word.charCodeAt(i) & 31);
    for (const [r, p, c] of depth > 1 ? thirds : depth > 0 ? seconds : table) {
      if (r !== '' && (present & (1 << (r.charCodeAt(0) & 31))) === 0) continue;
      if (cost + c > maxCost || (depth > 0 && c > CHEAP_SECOND_MAX_COST && cost + c > TWO_CONFUSIONS_MAX_COST))
        continue;
      // Round two adds only the dearer letters lost or added (and what follows them): the rest it would
      // find again at the same cost.
      if (depth === 0 && (r === '' || p === '' ? c > LETTER_ROUND_ONE_MAX_COST !== lostOnly : lostOnly)) continue;
      if (r === '') {
        for (let at = Math.max(from, tail); at <= reach; at++) {
          if (!ends || (ends.begins(at, p) && ends.ends(at, p))) offer(word, at, p, at, cost + c, r0, p0, r, p);
        }
        continue;
      }
      const first = last ? Math.max(from, tail - r.length) : from;
      for (let at = word.indexOf(r, first); at !== -1 && at <= reach; at = word.indexOf(r, at + 1)) {
        if (ends && !ends.begins(at, p)) continue;
        if (at + r.length >= tail && (!ends || ends.ends(at + r.length, p))) {
          offer(word, at, p, at + r.length, cost + c, r0, p0, r, p);
        }
        // A second confusion, after this one, needs a beginning of the changed string that reaches it.
        if (!last && (!ends || ends.reachesAfter(word, at, r, p))) {
          const next = word.slice(0, at) + p + word.slice(at + r.length);
          expand(next, at + p.length, cost + c, r, p, depth + 1, false);
        }
      }
    }
  };
  // One letter of `word` replaced or dropped by the OCR (a letter it lost is in the table), after
  // the confusion `r0 -> p0` that gave `word`, if any. With `affixes`, only where the letters before
  // it begin a word and those after it end one.
  const genericEdits = (word: string, cost: number, r0: string | undefined, p0: string, slot: Ends) => {
    const ends = affixes ? slot.of(word, affixes) : undefined;
    const reach = Math.min(word.length - 1, ends ? ends.reach : word.length);
    for (let i = Math.max(0, ends ? ends.tail - 1 : 0); i <= reach; i++) {
      offer(word, i, '', i + 1, cost + GENERIC_EDIT_COST, r0, p0, word[i]!, '');
      for (const letter of LETTERS) {
        if (letter === word[i] || (ends && !(ends.begins(i, letter) && ends.ends(i + 1, letter)))) continue;
        offer(word, i, letter, i + 1, cost + GENERIC_EDIT_COST, r0, p0, word[i]!, letter);
      }
    }
  };
  expand(read, 0, 0, undefined, '', 0, false);
  // Round two, only when round one found nothing cheap: letters lost or added that the first round
  // leaves out, and for longer words one generic edit.
  let cheapest = Infinity;
  for (const c of found.values()) cheapest = Math.min(cheapest, c.cost);
  if (generic && cheapest > ROUND_TWO_BELOW && maxCost >= GENERIC_EDIT_COST) {
    expand(read, 0, 0, undefined, '', 0, true);
    const long = read.length >= GENERIC_MIN_LENGTH && read.length <= GENERIC_MAX_LENGTH && LETTERS_ONLY.test(read);
    // One letter replaced or added by the OCR, anywhere (a lost letter is in the table already).
    if (long) genericEdits(read, 0, undefined, '', ENDS[0]!);
    // Still nothing: one confusion and one generic edit (`pieasury` -> `treasury`,
    // `p` for `t` and `i` for `r`), the edit anywhere in the word the confusion gave.
    if (long && found.size === 0 && maxCost >= GENERIC_EDIT_COST + SECOND_CONFUSION_MAX_COST) {
      for (const [r, p, c] of seconds) {
        for (let at = read.indexOf(r); at !== -1; at = read.indexOf(r, at + 1)) {
          genericEdits(read.slice(0, at) + p + read.slice(at + r.length), c, r, p, ENDS[1]!);
        }
      }
    }
  }
  return [...found.values()].sort((a, b) => a.cost - b.cost);
}

/** The longest string a confusion replaces. */
const MAX_READ_LENGTH = Math.max(...CONFUSIONS.map(([r]) => r.length), LONG_S[0].length);

/**
 * How far a string may be changed and still give a word (see `CandidateOptions.affixes`): its
 * beginnings `word[0, k)` that may begin a word, for `k` up to `reach`, and its endings
 * `word[k, end)` that may end one, for `k` from `tail`; each with its hash, to go on from.
 */
class Ends {
  reach = 0;
  tail = 0;
  private starts = new Int32Array(32);
  private tails = new Int32Array(32);
  private affixes!: Affixes;

  /** Ready for `word` (the arrays are kept from one word to the next: a search asks for thousands). */
  of(word: string, affixes: Affixes): this {
    const n = word.length;
    const { prefixes, suffixes } = affixes;
    this.affixes = affixes;
    if (this.starts.length <= n) {
      this.starts = new Int32Array(2 * n + 2);
      this.tails = new Int32Array(2 * n + 2);
    }
    let h = PREFIX_START;
    this.starts[0] = h;
    let k = 0;
    for (; k < n; k++) {
      h = prefixStep(h, word.charCodeAt(k));
      if (!prefixes.has(h)) break;
      this.starts[k + 1] = h;
    }
    this.reach = k;
    h = PREFIX_START;
    this.tails[n] = h;
    for (k = n; k > 0; k--) {
      h = prefixStep(h, word.charCodeAt(k - 1));
      if (!suffixes.has(h)) break;
      this.tails[k - 1] = h;
    }
    this.tail = k;
    return this;
  }

  /** `word[0, at)` + `put` may begin a word (`at <= reach`). */
  begins(at: number, put: string): boolean {
    let h = this.starts[at]!;
    for (let i = 0; i < put.length; i++)
      if (!this.affixes.prefixes.has((h = prefixStep(h, put.charCodeAt(i))))) return false;
    return true;
  }

  /**
   * With `put` for `word[at, at + r.length)`, the changed string may begin a word up to where a second
   * confusion could start: after `put`, and where what follows it may end a word (`tail`, moved by the
   * change in length, less the longest confusion).
   */
  reachesAfter(word: string, at: number, r: string, put: string): boolean {
    let h = this.starts[at]!;
    for (let i = 0; i < put.length; i++) h = prefixStep(h, put.charCodeAt(i));
    let k = at + put.length;
    const need = Math.max(k, this.tail + put.length - r.length - MAX_READ_LENGTH);
    for (let from = at + r.length; k < need; k++, from++) {
      if (from >= word.length || !this.affixes.prefixes.has((h = prefixStep(h, word.charCodeAt(from))))) return false;
    }
    return true;
  }

  /** `put` + `word[at, end)` may end a word (`at >= tail`). */
  ends(at: number, put: string): boolean {
    let h = this.tails[at]!;
    for (let i = put.length - 1; i >= 0; i--)
      if (!this.affixes.suffixes.has((h = prefixStep(h, put.charCodeAt(i))))) return false;
    return true;
  }
}

/**
 * One `Ends` per depth of the search, reused (a search runs to its end before the next starts: no
 * acceptor starts one).
 */
const ENDS = Array.from({ length: MAX_CONFUSIONS }, () => new Ends());

const name = (r: string, p: string): string => (r === '' ? `"${p}" lost` : p === '' ? `"${r}" added` : `${r}→${p}`);

/** How a candidate's confusions are listed in `Candidate.how` (`b→h, o→e`). */
const STEP_SEPARATOR = ', ';
const join = (how: string, step: string): string => (how === '' ? step : `${how}${STEP_SEPARATOR}${step}`);
/** The confusions a candidate undid, one each (`b→h`, `o→e`), as `Candidate.how` lists them. */
export const stepsOf = (c: Candidate): string[] => c.how.split(STEP_SEPARATOR);
