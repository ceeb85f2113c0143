/**
 * The beginnings and the endings of a set of words, as filters: "does some word of the set begin (or
 * end) with this string?" answered from one hash, with no false "no" (a "yes" may be wrong now and
 * then, as a Bloom filter's). The OCR corrector's candidate search (`channel.ts`) asks them before it
 * tries a spelling: once `xq` begins no word, neither `xqe...` nor any further confusion undone after
 * it can give one; and a confusion undone before an ending no word has (`...qzt`) gives none either.
 * The strings are hashed with FNV-1a over their char codes, one character at a time (`PREFIX_START`,
 * `prefixStep`; an ending from its last character back), so a search extends a hash as it extends a
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

/** The hash of the ending `s[start, end)` continued from `h` (the ending read from its end). */
export function suffixHash(s: string, start: number, end: number, h: number): number {
  for (let i = end - 1; i >= start; i--) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** `prefixHash` of `s[start, end)` with A-Z lowered (as the lexicon hashes words). */
export function lowerPrefixHash(s: string, start: number, end: number, h: number): number {
  for (let i = start; i < end; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h;
}

/** `suffixHash` of `s[start, end)` with A-Z lowered. */
export function lowerSuffixHash(s: string, start: number, end: number, h: number): number {
  for (let i = end - 1; i >= start; i--) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h;
}

/** `s[start, end)` is ASCII only (there A-Z lowered is the lexicon's lowering). */
export function isAscii(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

/** Bits per string stored, at least: with ~8 bits each, about one "yes" in 20 for a string no word has. */
const BITS_PER_STRING = 8;

export class PrefixFilter {
  private readonly words: Int32Array;
  private readonly mask: number;

  /**
   * The beginnings (every non-empty prefix) of `words`, or with `endings` their endings (every
   * non-empty suffix, hashed from the end); `count` bounds how many there are (for the size).
   */
  constructor(
    words: Iterable<string>,
    count: number,
    private readonly endings = false,
    bits?: Int32Array,
  ) {
    let size = 1 << 10;
    while (size < count * BITS_PER_STRING) size <<= 1;
    this.words = bits ? bits.slice() : new Int32Array(size >>> 5);
    this.mask = this.words.length * 32 - 1;
    this.addWords(words);
  }

  /** The filter of these bits (as `bits()` gave them). */
  static fromBits(bits: Int32Array, endings = false): PrefixFilter {
    return new PrefixFilter([], 0, endings, bits);
  }

  /** The filter's bits, for a binary file. */
  bits(): Int32Array {
    return this.words;
  }

  /** This filter and `words` too (the same size: for a few more). */
  with(words: Iterable<string>): PrefixFilter {
    return new PrefixFilter(words, 0, this.endings, this.words);
  }

  private addWords(words: Iterable<string>): void {
    for (const word of words) {
      let h = PREFIX_START;
      if (this.endings) {
        for (let i = word.length - 1; i >= 0; i--) this.add((h = prefixStep(h, word.charCodeAt(i))));
      } else {
        for (let i = 0; i < word.length; i++) this.add((h = prefixStep(h, word.charCodeAt(i))));
      }
    }
  }

  private add(h: number): void {
    const bit = (h >>> 0) & this.mask;
    this.words[bit >>> 5]! |= 1 << (bit & 31);
  }

  /** Some word may begin (or end) with the string of hash `h` (false: none does). */
  has(h: number): boolean {
    const bit = (h >>> 0) & this.mask;
    return (this.words[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

/** Both filters of a set of words: what a candidate search needs (`CandidateOptions.affixes`). */
export interface Affixes {
  readonly prefixes: PrefixFilter;
  readonly suffixes: PrefixFilter;
}

/** The beginnings and endings of `words`. */
export function affixesOf(words: readonly string[]): Affixes {
  const count = words.reduce((n, w) => n + w.length, 0);
  return { prefixes: new PrefixFilter(words, count), suffixes: new PrefixFilter(words, count, true) };
}

const MAGIC = 0x58464641; // "AFFX"
const FORMAT_VERSION = 1;

/**
 * The binary form of a lexicon's filters (`dist/affixes.bin`, made at build time: building them takes
 * some 50 ms a process): a header with `key` (the lexicon's `fingerprint`), then both bit arrays.
 */
export function affixesToBinary(affixes: Affixes, key: number): Buffer {
  const prefixes = affixes.prefixes.bits();
  const suffixes = affixes.suffixes.bits();
  const header = new Uint32Array([MAGIC, FORMAT_VERSION, key >>> 0, prefixes.length, suffixes.length]);
  return Buffer.concat([Buffer.from(header.buffer), Buffer.from(prefixes.buffer), Buffer.from(suffixes.buffer)]);
}

/** The filters of `affixesToBinary`, or undefined when they were made for another lexicon (`key`) or format. */
export function affixesFromBinary(bytes: Buffer, key: number): Affixes | undefined {
  const buffer = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  if (buffer.length < 20) return undefined;
  const [magic, version, made, p, q] = new Uint32Array(buffer.buffer, buffer.byteOffset, 5) as unknown as number[];
  if (magic !== MAGIC || version !== FORMAT_VERSION || made !== key >>> 0) return undefined;
  if (buffer.length !== 20 + 4 * (p! + q!)) return undefined;
  const at = buffer.byteOffset + 20;
  return {
    prefixes: PrefixFilter.fromBits(new Int32Array(buffer.buffer, at, p)),
    suffixes: PrefixFilter.fromBits(new Int32Array(buffer.buffer, at + 4 * p!, q), true),
  };
}
