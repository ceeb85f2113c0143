/**
 * A word-pair language model over the counts of `pairs.ts` (English words and word pairs from the
 * Google Books n-grams, through SymSpell's lists; both on one scale), for decisions that single-word
 * frequencies cannot make: is `with out` one word, is `tho` here `the`?
 *
 * - A word's count is its listed count; a dictionary word the list lacks (it lists 82,765 words, each
 *   seen at least 12,714 times) counts as `UNLISTED_WORD_COUNT`, rarer than any listed word.
 * - A pair's count is its listed count; an unlisted pair is estimated as if its words were independent,
 *   `c(a)·c(b)/N`, but never above `UNLISTED_PAIR_MAX`: the list holds every pair counted at least that
 *   often, so one it lacks was counted less.
 *
 * All values are natural logarithms. Words are lowercase.
 */
import type { EvidenceSource } from './source.js';

/** The count of a dictionary word the frequency list lacks: below its smallest count (12,714). */
export const UNLISTED_WORD_COUNT = 5000;
/** The list holds every pair counted at least this often (after its ÷64 scaling): an unlisted one is rarer. */
export const UNLISTED_PAIR_MAX = 100_000;
const LOG_UNLISTED_WORD = Math.log(UNLISTED_WORD_COUNT);
const LOG_UNLISTED_PAIR_MAX = Math.log(UNLISTED_PAIR_MAX);

export class LanguageModel {
  private logTotalCache: number | undefined;

  constructor(private readonly source: EvidenceSource) {}

  /** ln N, the corpus size. */
  get logTotal(): number {
    this.logTotalCache ??= Math.log(this.source.pairs.totalCount || 1);
    return this.logTotalCache;
  }

  /**
   * ln of the count of `word`: listed, or `UNLISTED_WORD_COUNT` for a dictionary or extra word the list
   * lacks, or -Infinity for a string that is no word.
   */
  logCount(word: string): number {
    const pairs = this.source.pairs;
    const id = pairs.find(word);
    if (id >= 0) {
      const log = pairs.logCountAt(id);
      if (log > -Infinity) return log;
    }
    return this.source.isWordEntry(this.source.lexicon.find(word)) || this.source.extraWords.has(word)
      ? LOG_UNLISTED_WORD
      : -Infinity;
  }

  /**
   * ln of the count of the pair `first second`: listed, or the capped independence estimate. The
   * words' log counts may be given (for a word the model does not know, the caller's estimate).
   */
  logPairCount(
    first: string,
    second: string,
    logFirst: number = this.logCount(first),
    logSecond: number = this.logCount(second),
  ): number {
    const pairs = this.source.pairs;
    const a = pairs.find(first);
    const b = pairs.find(second);
    if (a >= 0 && b >= 0) {
      const listed = pairs.pairLogCountAt(a, b);
      if (listed > -Infinity) return listed;
    }
    return Math.min(logFirst + logSecond - this.logTotal, LOG_UNLISTED_PAIR_MAX);
  }

  /** The list of counted words holds `word` (with a count). */
  isListedWord(word: string): boolean {
    const pairs = this.source.pairs;
    return pairs.logCountAt(pairs.find(word)) > -Infinity;
  }

  /** The pair `first second` is listed (counted at least `UNLISTED_PAIR_MAX` times). */
  isListedPair(first: string, second: string): boolean {
    const pairs = this.source.pairs;
    return pairs.pairLogCountAt(pairs.find(first), pairs.find(second)) > -Infinity;
  }

  /**
   * How much more probable `joined` is than the pair `first second`: ln c(joined) − ln c(first second).
   * Positive: the join is the likelier reading; `with out` 5.3, `in to` 2.3, `fresh water` 1.5,
   * `in consequence` −4.6.
   */
  joinScore(first: string, second: string, joined: string = first + second): number {
    return this.logCount(joined) - this.logPairCount(first, second);
  }
}
