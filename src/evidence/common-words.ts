/**
 * The common words, and which of them a misread string is near: the OCR corrector's second search, for
 * misreadings of common words that the confusion search (`channel.ts`) does not reach because it tries
 * only the usual confusions, or no rarer edit once a cheap candidate is found: `toi` -> `for` (`t` for
 * `f` and `i` for `r`), `irom` -> `from`, `biing` -> `being` (where `bring` is one cheap confusion away).
 *
 * The index follows SymSpell's symmetric-delete idea (Wolf Garbe): every common word is filed under
 * itself and under the strings its deletions of one or two letters make; a string meets a word when
 * it, or one of its own such deletions, is filed under that word. That finds every word up to two
 * edits away (letters changed, added or lost) in a few dozen lookups. Each word found is then given its exact cost under the channel (`channelCost`).
 * Only common words are filed: a rare word two edits from a misreading is as likely a coincidence.
 */
import { CONFUSIONS, GENERIC_EDIT_COST, type Candidate } from './channel.js';
import type { Lexicon } from './lexicon.js';

/**
 * Words filed: the most frequent ones, by rank. A misreading far from any usual confusion is believed to
 * stand for a word only when that word is common enough to outweigh the rarer edit.
 */
export const COMMON_WORDS_MAX_RANK = 3000;
/**
 * Channel cost of a common word found, at most: one generic edit (and a letter the OCR lost at the
 * cheapest), or two tier-3 confusions. Measured on the training splits (rank 3000): 5 fixes 42 more
 * OCR errors than without the search, 5.5 five more; ranks 1000 and 10000 fewer.
 */
/** Words of one letter (`a`, `i`) are no candidates: dropping letters to reach them proves nothing. */
const MIN_WORD_LENGTH = 2;
export const COMMON_WORD_MAX_COST = 5.5;

export class CommonWords {
  /** Word or one-letter deletion of a word -> the words filed under it. */
  private readonly index = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) for (const key of deletions(word)) this.file(key, word);
  }

  /** The dictionary words of rank `maxRank` or better, in rank order. */
  static fromLexicon(lexicon: Lexicon, maxRank: number, isWord: (word: string) => boolean): CommonWords {
    const words: string[] = [];
    for (let entry = 0; entry < Math.min(maxRank, lexicon.rankedCount); entry++) {
      const word = lexicon.wordAt(entry);
      if (word.length >= MIN_WORD_LENGTH && /^[a-z]+$/.test(word) && isWord(word)) words.push(word);
    }
    return new CommonWords(words);
  }

  private file(key: string, word: string): void {
    const list = this.index.get(key);
    if (!list) this.index.set(key, [word]);
    else if (!list.includes(word)) list.push(word);
  }

  /** The common words `read` may stand for, with their channel costs up to `maxCost`, cheapest first. */
  near(read: string, maxCost: number): Candidate[] {
    const seen = new Set<string>();
    const found: Candidate[] = [];
    const meet = (key: string) => {
      for (const word of this.index.get(key) ?? []) {
        if (word === read || Math.abs(word.length - read.length) > MAX_DELETIONS || seen.has(word)) continue;
        seen.add(word);
        const cost = channelCost(read, word, maxCost);
        if (cost) found.push({ word, cost: cost.cost, how: cost.how });
      }
    };
    for (const key of deletions(read)) meet(key);
    return found.sort((a, b) => a.cost - b.cost);
  }
}

/** Letters deleted from a word, at most, to file it (and from a string, to look it up). */
const MAX_DELETIONS = 2;

/** `word` and the strings made by deleting up to `MAX_DELETIONS` of its letters (each once), keeping one letter at least. */
function deletions(word: string): Set<string> {
  const found = new Set<string>([word]);
  let layer = [word];
  for (let d = 0; d < MAX_DELETIONS; d++) {
    const next: string[] = [];
    for (const w of layer) {
      if (w.length <= 1) continue;
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!found.has(shorter)) {
          found.add(shorter);
          next.push(shorter);
        }
      }
    }
    layer = next;
  }
  return found;
}

/** The confusions as the cost's search tries them, by the last letter they print. */
const BY_PRINTED_END = new Map<number, number[]>();
CONFUSIONS.forEach(([, p], k) => {
  if (p === '') return;
  const key = p.charCodeAt(p.length - 1);
  const list = BY_PRINTED_END.get(key);
  if (list) list.push(k);
  else BY_PRINTED_END.set(key, [k]);
});
/** Cost of a letter the OCR added, by letter (the table's, else the generic cost). */
const ADDED = new Map(CONFUSIONS.filter(([, p]) => p === '').map(([r, , c]) => [r.charCodeAt(0), c]));
const CHEAPEST_LOST = Math.min(GENERIC_EDIT_COST, ...CONFUSIONS.filter(([r]) => r === '').map(([, , c]) => c));
const CHEAPEST_ADDED = Math.min(GENERIC_EDIT_COST, ...ADDED.values());
/** The step into a cell: the same letter, a generic change, a letter added, a letter lost, or confusion `k` (`CONFUSION + k`). */
const SAME = 0;
const CHANGED = 1;
const ADDED_STEP = 2;
const LOST_STEP = 3;
const CONFUSION = 4;
/** The search's tables, kept from one call to the next (it runs for thousands of strings). */
let costs = new Float64Array(256);
let steps = new Int32Array(256);
/** Per letter of the string read: the cost of that letter added; per letter printed: the confusions ending there. */
let addedCosts = new Float64Array(32);
const endingHere: (readonly number[])[] = [];
const NONE: readonly number[] = [];

/**
 * The cheapest way the OCR may have read `printed` as `read`, up to `maxCost`: the channel's
 * confusions (`o` read for `e`, `rn` for `m`, a letter lost or added) where they apply, any other
 * letter changed, added or lost at the generic cost, as a weighted edit distance. Undefined when it
 * costs more.
 */
export function channelCost(read: string, printed: string, maxCost: number): { cost: number; how: string } | undefined {
  const n = read.length;
  const m = printed.length;
  const bound = maxCost + 1e-9;
  if ((n > m ? (n - m) * CHEAPEST_ADDED : (m - n) * CHEAPEST_LOST) > bound) return undefined;
  const w = m + 1;
  if (costs.length < (n + 1) * w) {
    costs = new Float64Array(2 * (n + 1) * w);
    steps = new Int32Array(2 * (n + 1) * w);
  }
  // Looked up once per letter, not once per cell.
  if (addedCosts.length < n) addedCosts = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) addedCosts[i] = ADDED.get(read.charCodeAt(i)) ?? GENERIC_EDIT_COST;
  for (let j = 0; j < m; j++) endingHere[j] = BY_PRINTED_END.get(printed.charCodeAt(j)) ?? NONE;
  for (let i = 0; i <= n; i++) {
    let rowMin = Infinity;
    for (let j = 0; j <= m; j++) {
      const at = i * w + j;
      if (i === 0 && j === 0) {
        costs[at] = 0;
        rowMin = 0;
        continue;
      }
      let best = Infinity;
      let step = -1;
      if (i > 0 && j > 0) {
        const diagonal = costs[at - w - 1]!;
        if (read.charCodeAt(i - 1) === printed.charCodeAt(j - 1)) {
          best = diagonal;
          step = SAME;
        } else if (diagonal + GENERIC_EDIT_COST < best) {
          best = diagonal + GENERIC_EDIT_COST;
          step = CHANGED;
        }
      }
      if (i > 0) {
        const c = costs[at - w]! + addedCosts[i - 1]!;
        if (c < best) {
          best = c;
          step = ADDED_STEP;
        }
      }
      if (j > 0) {
        const c = costs[at - 1]! + GENERIC_EDIT_COST;
        if (c < best) {
          best = c;
          step = LOST_STEP;
        }
        for (const k of endingHere[j - 1]!) {
          const [r, p, cost] = CONFUSIONS[k]!;
          if (p.length > j || r.length > i || !printed.startsWith(p, j - p.length) || !read.startsWith(r, i - r.length))
            continue;
          const total = costs[(i - r.length) * w + j - p.length]! + cost;
          if (total < best) {
            best = total;
            step = CONFUSION + k;
          }
        }
      }
      costs[at] = best;
      steps[at] = step;
      if (best < rowMin) rowMin = best;
    }
    // Costs only grow along a path, and no step goes back more than two rows (`rn` -> `m`): when two
    // rows in a row are all dearer than the bound, so is the end.
    if (rowMin > bound && i > 0 && rowMinOf(i - 1, w) > bound) return undefined;
  }
  const total = costs[n * w + m]!;
  if (total > bound) return undefined;
  const how: string[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const step = steps[i * w + j]!;
    if (step === SAME) {
      i--;
      j--;
    } else if (step === CHANGED) {
      how.push(`${read[i - 1]}→${printed[j - 1]}`);
      i--;
      j--;
    } else if (step === ADDED_STEP) {
      how.push(`"${read[i - 1]}" added`);
      i--;
    } else if (step === LOST_STEP) {
      how.push(`"${printed[j - 1]}" lost`);
      j--;
    } else {
      const [r, p] = CONFUSIONS[step - CONFUSION]!;
      how.push(r === '' ? `"${p}" lost` : `${r}→${p}`);
      i -= r.length;
      j -= p.length;
    }
  }
  return { cost: total, how: how.reverse().join(', ') };
}

const rowMinOf = (i: number, w: number): number => {
  let min = Infinity;
  for (let j = 0; j < w; j++) min = Math.min(min, costs[i * w + j]!);
  return min;
};
