/**
 * The English lexicon: which lowercase strings are dictionary words, and how frequent a string is.
 *
 * ~175k entries would cost ~50 ms to put in a `Map` (string hashing and internalisation) and ~25 ms to
 * index at start-up. Instead `scripts/build-lexicon.ts` builds the index once, at install time, into one
 * binary file: the words as Latin-1 (or UTF-16) text, their offsets, lengths and flags, and an open-addressing hash
 * table of entry numbers (FNV-1a over char codes). Loading is one file read and a few typed-array
 * views; a lookup allocates nothing.
 */
import { isAscii, lowerPrefixHash } from './prefixes.js';

const FLAG_DICTIONARY = 1;
const NOT_FOUND = -1;
const MAGIC = 0x584c4143; // "CALX"
const FORMAT_VERSION = 2;
/** The words' text encoding in the file: Latin-1 (one byte a character) when every character fits. */
const TEXT_LATIN1 = 0;
const TEXT_UTF16 = 1;
const HEADER_WORDS = 7;

const FNV_OFFSET = 0x811c9dc5;

function hashRange(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One entry as the builder sees it. */
export interface LexiconEntry {
  word: string;
  /** In the dictionary (SCOWL or the project list), not only in the frequency list. */
  dictionary: boolean;
}

const align4 = (n: number): number => (n + 3) & ~3;

export class Lexicon {
  private constructor(
    private readonly text: string,
    private readonly starts: Uint32Array,
    private readonly lengths: Uint16Array,
    private readonly flags: Uint8Array,
    private readonly table: Int32Array,
    /** Entries before this index are ranked (frequency order); the rest have no rank. */
    readonly rankedCount: number,
  ) {}

  get size(): number {
    return this.starts.length;
  }

  /** A number that tells this lexicon from another (its size and a sample of its text): for data built from it. */
  get fingerprint(): number {
    let h = hashRange(this.text, 0, 0) ^ this.starts.length;
    for (let i = 0; i < this.text.length; i += 61) h = Math.imul(h ^ this.text.charCodeAt(i), 0x01000193);
    return (h ^ this.text.length ^ this.rankedCount) >>> 0;
  }

  /** Build the index. `entries` are in rank order; those at `rankedCount` and after have no rank. */
  static fromEntries(entries: readonly LexiconEntry[], rankedCount: number): Lexicon {
    const count = entries.length;
    const starts = new Uint32Array(count);
    const lengths = new Uint16Array(count);
    const flags = new Uint8Array(count);
    let capacity = 1;
    while (capacity < count * 3) capacity <<= 1;
    const table = new Int32Array(capacity).fill(NOT_FOUND);
    const text = entries.map((e) => e.word).join('');
    let offset = 0;
    entries.forEach((entry, index) => {
      starts[index] = offset;
      lengths[index] = entry.word.length;
      flags[index] = entry.dictionary ? FLAG_DICTIONARY : 0;
      let slot = hashRange(text, offset, offset + entry.word.length) & (capacity - 1);
      while (table[slot] !== NOT_FOUND) slot = (slot + 1) & (capacity - 1);
      table[slot] = index;
      offset += entry.word.length;
    });
    return new Lexicon(text, starts, lengths, flags, table, rankedCount);
  }

  /** The binary form `fromBinary` reads. */
  toBinary(): Buffer {
    const count = this.starts.length;
    const latin1 = !/[^\u0000-\u00ff]/.test(this.text);
    const textBytes = Buffer.from(this.text, latin1 ? 'latin1' : 'utf16le');
    const parts = [
      Buffer.from(
        new Uint32Array([
          MAGIC,
          FORMAT_VERSION,
          count,
          this.rankedCount,
          this.table.length,
          textBytes.length,
          latin1 ? TEXT_LATIN1 : TEXT_UTF16,
        ]).buffer,
      ),
      Buffer.from(this.starts.buffer),
      Buffer.from(this.lengths.buffer),
      Buffer.alloc(align4(count * 2) - count * 2),
      Buffer.from(this.flags.buffer),
      Buffer.alloc(align4(count) - count),
      Buffer.from(this.table.buffer),
      textBytes,
    ];
    return Buffer.concat(parts);
  }

  static fromBinary(bytes: Buffer): Lexicon {
    // Typed-array views need an aligned, dedicated buffer.
    const buffer = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
    const base = buffer.byteOffset;
    const header = new Uint32Array(buffer.buffer, base, HEADER_WORDS);
    const [magic, version, count, rankedCount, tableSize, textLength, encoding] = header as unknown as number[];
    if (magic !== MAGIC || version !== FORMAT_VERSION) throw new Error('lexicon file has an unknown format');
    let at = base + HEADER_WORDS * 4;
    const starts = new Uint32Array(buffer.buffer, at, count);
    at += count! * 4;
    const lengths = new Uint16Array(buffer.buffer, at, count);
    at += align4(count! * 2);
    const flags = new Uint8Array(buffer.buffer, at, count);
    at += align4(count!);
    const table = new Int32Array(buffer.buffer, at, tableSize);
    at += tableSize! * 4;
    const text = buffer.toString(encoding === TEXT_LATIN1 ? 'latin1' : 'utf16le', at - base, at - base + textLength!);
    return new Lexicon(text, starts, lengths, flags, table, rankedCount!);
  }

  /**
   * Entry of `text[start, end)` lowercased, without building a string (ASCII fast path); -1 when absent.
   * Letters outside ASCII take the slow path: slice and lowercase.
   */
  findRange(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c >= 128) return this.find(text.slice(start, end).toLowerCase());
      if (c >= 65 && c <= 90) c += 32;
      h ^= c;
      h = Math.imul(h, 0x01000193);
    }
    const n = end - start;
    const mask = this.table.length - 1;
    let slot = (h >>> 0) & mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === NOT_FOUND) return NOT_FOUND;
      if (this.lengths[entry] === n) {
        const at = this.starts[entry]!;
        let i = 0;
        while (i < n) {
          let c = text.charCodeAt(start + i);
          if (c >= 65 && c <= 90) c += 32;
          if (this.text.charCodeAt(at + i) !== c) break;
          i++;
        }
        if (i === n) return entry;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Entry of `text[leftStart, leftEnd) + middle + text[rightStart, rightEnd)` lowercased, without
   * building the string (ASCII fast path, as `findRange`); -1 when absent.
   */
  findJoin(
    text: string,
    leftStart: number,
    leftEnd: number,
    middle: string,
    rightStart: number,
    rightEnd: number,
  ): number {
    if (
      !isAscii(text, leftStart, leftEnd) ||
      !isAscii(middle, 0, middle.length) ||
      !isAscii(text, rightStart, rightEnd)
    ) {
      return this.find((text.slice(leftStart, leftEnd) + middle + text.slice(rightStart, rightEnd)).toLowerCase());
    }
    const h = lowerPrefixHash(
      text,
      rightStart,
      rightEnd,
      lowerPrefixHash(middle, 0, middle.length, lowerPrefixHash(text, leftStart, leftEnd, FNV_OFFSET)),
    );
    const n = leftEnd - leftStart + middle.length + rightEnd - rightStart;
    const mask = this.table.length - 1;
    for (let slot = (h >>> 0) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === NOT_FOUND) return NOT_FOUND;
      if (this.lengths[entry] !== n) continue;
      let at = this.starts[entry]!;
      if (!this.equalsLowerAscii(at, text, leftStart, leftEnd)) continue;
      at += leftEnd - leftStart;
      if (!this.equalsLowerAscii(at, middle, 0, middle.length)) continue;
      at += middle.length;
      if (this.equalsLowerAscii(at, text, rightStart, rightEnd)) return entry;
    }
  }

  /** The lexicon's text at `at` is `s[start, end)` with A-Z lowered. */
  private equalsLowerAscii(at: number, s: string, start: number, end: number): boolean {
    for (let i = start; i < end; i++) {
      let c = s.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      if (this.text.charCodeAt(at + i - start) !== c) return false;
    }
    return true;
  }

  /** The word of entry `entry`. */
  wordAt(entry: number): string {
    const start = this.starts[entry]!;
    return this.text.slice(start, start + this.lengths[entry]!);
  }

  /** Entry of the lowercase `word`, or -1. */
  find(word: string): number {
    const n = word.length;
    const mask = this.table.length - 1;
    let slot = hashRange(word, 0, n) & mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === NOT_FOUND) return NOT_FOUND;
      if (this.lengths[entry] === n) {
        const start = this.starts[entry]!;
        let i = 0;
        while (i < n && this.text.charCodeAt(start + i) === word.charCodeAt(i)) i++;
        if (i === n) return entry;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The entry is a dictionary word (not only in the frequency list). */
  isDictionaryEntry(entry: number): boolean {
    return entry !== NOT_FOUND && (this.flags[entry]! & FLAG_DICTIONARY) !== 0;
  }

  /** Frequency rank of an entry (1 = most frequent), 0 when it has none. */
  entryRank(entry: number): number {
    return entry !== NOT_FOUND && entry < this.rankedCount ? entry + 1 : 0;
  }

  /** True when the lowercase `word` is in the dictionary. */
  has(word: string): boolean {
    return this.isDictionaryEntry(this.find(word));
  }

  /** Frequency rank of the lowercase `word` (1 = most frequent), or 0 when it has none. */
  rank(word: string): number {
    return this.entryRank(this.find(word));
  }
}
