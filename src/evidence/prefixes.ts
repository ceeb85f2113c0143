/**
 * The beginnings of a set of words, as a filter: "does some word of the set begin with this string?"
 * answered from one hash, with no false "no" (a "yes" may be wrong now and then, as a Bloom filter's).
 * The OCR corrector's candidate search (`channel.ts`) asks it before it goes on from a spelling it has
 * begun: once `xq` begins no word, neither `xqe...` nor any further confusion undone after it can give
 * one, and the search leaves that branch. The strings are hashed with FNV-1a over their char codes,
 * one character at a time (`PREFIX_START`, `prefixStep`), so a search extends a hash as it extends a
 * string.
 */

/** The hash of the empty string. */
export const PREFIX_START = 0x811c9dc5;

/** The hash of a string one character `code` longer. */
export const prefixStep = (h: number, code: number): number => Math.imul(h ^ code, 0x01000193);

/** The hash of `s[start, end)` continued from `h`. */
export function prefixHash(s: string, start: number, end: number, h: number): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Bits per beginning stored, at least: with ~8 bits each, about one "yes" in 20 for a string that begins no word. */
const BITS_PER_PREFIX = 8;

export class PrefixFilter {
  private readonly bits: Int32Array;
  private readonly mask: number;

  /** The beginnings (every non-empty prefix) of `words`, each at most `prefixCount` of them in all (for the size). */
  constructor(words: Iterable<string>, prefixCount: number) {
    let size = 1 << 10;
    while (size < prefixCount * BITS_PER_PREFIX) size <<= 1;
    this.bits = new Int32Array(size >>> 5);
    this.mask = size - 1;
    for (const word of words) {
      let h = PREFIX_START;
      for (let i = 0; i < word.length; i++) {
        h = prefixStep(h, word.charCodeAt(i));
        this.add(h);
      }
    }
  }

  private add(h: number): void {
    const bit = (h >>> 0) & this.mask;
    this.bits[bit >>> 5]! |= 1 << (bit & 31);
  }

  /** Some word may begin with the string of hash `h` (false: none does). */
  has(h: number): boolean {
    const bit = (h >>> 0) & this.mask;
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** The length of the longest beginning of `s` that may begin a word (each shorter one may too). */
  reach(s: string): number {
    let h = PREFIX_START;
    for (let i = 0; i < s.length; i++) {
      h = prefixStep(h, s.charCodeAt(i));
      if (!this.has(h)) return i;
    }
    return s.length;
  }
}
