/**
 * Word and word-pair counts: how often a lowercase word occurs in a large English corpus, and how often
 * two words occur side by side. This is the evidence for a boundary decision that a single word's
 * frequency cannot give: `with out` is rare next to `without`, `in to` is common next to `into`.
 *
 * A pure data structure, like `Lexicon`: `scripts/build-pairs.ts` builds it once, at build time, into
 * one binary file; loading is one read and a few typed-array views (no string is decoded), and a
 * lookup takes ranges of a text and allocates nothing on the ASCII path.
 *
 * Counts are kept as 16-bit codes of their natural logarithm, 2048 steps per unit: code 0 is a count
 * of 0, code c >= 1 is exp((c - 1) / 2048). A count comes back within 0.025% of what was stored (whole
 * counts below about 2000 come back exactly), which is far finer than any decision made with them, and
 * it halves the file, whose read time is most of the start-up cost. `logCountAt` gives the logarithm
 * itself, which is what a probability model wants.
 *
 * Layout of the binary form (little-endian; every section starts on a multiple of 4 bytes):
 *
 * | section    | type          | length | what                                                          |
 * | ---------- | ------------- | ------ | ------------------------------------------------------------- |
 * | header     | Uint32        | 8      | magic, version, W, L, P, T, text length, text encoding        |
 * | table      | Int32         | T      | open-addressing hash table (FNV-1a, linear probing) of word ids, -1 = empty |
 * | spans      | Uint32        | W      | word `i` is text[span >>> 8, (span >>> 8) + (span & 255))     |
 * | rows       | Uint32        | L + 1  | the pairs whose first word is `i` are `rows[i] .. rows[i + 1]` |
 * | word codes | Uint16        | W      | count code of word `i`                                        |
 * | seconds    | Uint16/Uint32 | P      | second word of pair `j`, ascending within a row (32 bits only when L > 65536) |
 * | pair codes | Uint16        | P      | count code of pair `j`                                        |
 * | text       | Uint8/Uint16  | n      | the words, concatenated, as Latin-1 bytes or UTF-16 code units |
 *
 * W words, of which the first L take part in some pair (so both words of a pair have ids below L), P
 * pairs, T slots (a power of two, at least 1.5 W).
 */

const MAGIC = 0x52504143; // "CAPR"
const FORMAT_VERSION = 1;
const HEADER_WORDS = 8;
const TEXT_LATIN1 = 0;
const TEXT_UTF16 = 1;
const EMPTY = -1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MAX_WORD_LENGTH = 255;
const MAX_TEXT_LENGTH = 1 << 24;

/** Steps of the stored logarithm per unit (natural log). */
export const LOG_STEPS = 2048;
const MAX_CODE = 0xffff;
/** The largest count that has a code: exp(65534 / 2048), about 7.9e13. */
export const MAX_COUNT = Math.exp((MAX_CODE - 1) / LOG_STEPS);

/** A word and its count, as the builder gives them. */
export interface WordCountEntry {
  /** Lowercase. */
  word: string;
  /** 0, or at least 1. */
  count: number;
}

/** Two words side by side and the count of that pair. */
export interface PairCountEntry {
  /** Lowercase. */
  first: string;
  /** Lowercase. */
  second: string;
  /** At least 1. */
  count: number;
}

const align4 = (n: number): number => (n + 3) & ~3;

function encodeCount(count: number, what: string): number {
  if (count === 0) return 0;
  if (!(count >= 1 && count <= MAX_COUNT)) throw new Error(`count out of range for ${what}: ${count}`);
  return 1 + Math.round(Math.log(count) * LOG_STEPS);
}

const decodeCount = (code: number): number => (code === 0 ? 0 : Math.round(Math.exp((code - 1) / LOG_STEPS)));
const decodeLog = (code: number): number => (code === 0 ? -Infinity : (code - 1) / LOG_STEPS);

function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** FNV-1a of ASCII `s[start, end)` with A-Z lowered, continuing from `h`; -1 when a code is not ASCII. */
function hashLowerAscii(s: string, start: number, end: number, h: number): number {
  for (let i = start; i < end; i++) {
    let c = s.charCodeAt(i);
    if (c >= 128) return -1;
    if (c >= 65 && c <= 90) c += 32;
    h ^= c;
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

export class PairTable {
  private totalCache: number | undefined;

  private constructor(
    private readonly table: Int32Array,
    private readonly spans: Uint32Array,
    private readonly rows: Uint32Array,
    private readonly wordCodes: Uint16Array,
    private readonly seconds: Uint16Array | Uint32Array,
    private readonly pairCodes: Uint16Array,
    /** The words' characters: Latin-1 bytes or UTF-16 code units. */
    private readonly chars: Uint8Array | Uint16Array,
  ) {}

  /** Number of words. */
  get wordCount(): number {
    return this.spans.length;
  }

  /** Number of pairs. */
  get pairCount(): number {
    return this.pairCodes.length;
  }

  /** Sum of all word counts: the corpus size, to turn a count into a probability. */
  get totalCount(): number {
    if (this.totalCache === undefined) {
      let sum = 0;
      for (let i = 0; i < this.wordCodes.length; i++) sum += decodeCount(this.wordCodes[i]!);
      this.totalCache = sum;
    }
    return this.totalCache;
  }

  /**
   * Build the table. Words must be lowercase and distinct; a pair's words that are not among `words`
   * are added with count 0 (known to occur in a pair, count unknown). Pairs must be distinct.
   */
  static fromEntries(words: Iterable<WordCountEntry>, pairs: Iterable<PairCountEntry>): PairTable {
    const codeOf = new Map<string, number>();
    for (const { word, count } of words) {
      checkWord(word);
      if (codeOf.has(word)) throw new Error(`word listed twice: "${word}"`);
      codeOf.set(word, encodeCount(count, `"${word}"`));
    }
    const pairList = [...pairs];
    const inPairs = new Set<string>();
    for (const { first, second } of pairList) {
      checkWord(first);
      checkWord(second);
      inPairs.add(first).add(second);
      if (!codeOf.has(first)) codeOf.set(first, 0);
      if (!codeOf.has(second)) codeOf.set(second, 0);
    }
    // Ids: the words that take part in a pair first (in the order given), then the others.
    const given = [...codeOf.keys()];
    const ordered = [...given.filter((w) => inPairs.has(w)), ...given.filter((w) => !inPairs.has(w))];
    const idOf = new Map<string, number>();
    ordered.forEach((w, i) => idOf.set(w, i));
    const pairWords = inPairs.size;

    const text = ordered.join('');
    if (text.length >= MAX_TEXT_LENGTH) throw new Error('too many words for one table');
    const latin1 = !/[^\u0000-\u00ff]/.test(text);
    const chars = latin1 ? new Uint8Array(text.length) : new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) chars[i] = text.charCodeAt(i);

    const spans = new Uint32Array(ordered.length);
    const wordCodes = new Uint16Array(ordered.length);
    let capacity = 1;
    while (capacity < ordered.length * 1.5) capacity <<= 1;
    const table = new Int32Array(capacity).fill(EMPTY);
    let offset = 0;
    ordered.forEach((word, id) => {
      wordCodes[id] = codeOf.get(word)!;
      spans[id] = ((offset << 8) | word.length) >>> 0;
      offset += word.length;
      let slot = hashString(word) & (capacity - 1);
      while (table[slot] !== EMPTY) slot = (slot + 1) & (capacity - 1);
      table[slot] = id;
    });

    const keyed = pairList
      .map((p) => ({
        first: idOf.get(p.first)!,
        second: idOf.get(p.second)!,
        code: encodeCount(p.count, `"${p.first} ${p.second}"`),
      }))
      .sort((x, y) => x.first - y.first || x.second - y.second);
    const rows = new Uint32Array(pairWords + 1);
    const seconds = pairWords <= 0x10000 ? new Uint16Array(keyed.length) : new Uint32Array(keyed.length);
    const pairCodes = new Uint16Array(keyed.length);
    keyed.forEach((p, j) => {
      const before = keyed[j - 1];
      if (before && before.first === p.first && before.second === p.second) {
        throw new Error(`pair listed twice: "${ordered[p.first]} ${ordered[p.second]}"`);
      }
      if (p.code === 0) throw new Error(`pair with count 0: "${ordered[p.first]} ${ordered[p.second]}"`);
      rows[p.first + 1] = rows[p.first + 1]! + 1;
      seconds[j] = p.second;
      pairCodes[j] = p.code;
    });
    for (let i = 0; i < pairWords; i++) rows[i + 1] = rows[i + 1]! + rows[i]!;
    return new PairTable(table, spans, rows, wordCodes, seconds, pairCodes, chars);
  }

  /** The binary form `fromBinary` reads. */
  toBinary(): Buffer {
    const header = new Uint32Array([
      MAGIC,
      FORMAT_VERSION,
      this.spans.length,
      this.rows.length - 1,
      this.pairCodes.length,
      this.table.length,
      this.chars.length,
      this.chars instanceof Uint8Array ? TEXT_LATIN1 : TEXT_UTF16,
    ]);
    const parts: Buffer[] = [];
    for (const section of [
      header,
      this.table,
      this.spans,
      this.rows,
      this.wordCodes,
      this.seconds,
      this.pairCodes,
      this.chars,
    ]) {
      parts.push(Buffer.from(section.buffer, section.byteOffset, section.byteLength));
      parts.push(Buffer.alloc(align4(section.byteLength) - section.byteLength));
    }
    return Buffer.concat(parts);
  }

  /** Read the binary form. The table keeps views into `bytes`: do not change them afterwards. */
  static fromBinary(bytes: Uint8Array): PairTable {
    // Typed-array views need an aligned buffer.
    const buffer = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.prototype.slice.call(bytes);
    const ab = buffer.buffer;
    let at = buffer.byteOffset;
    const end = at + buffer.byteLength;
    if (buffer.byteLength < HEADER_WORDS * 4) throw new Error('pair table file is too short');
    const header = new Uint32Array(ab, at, HEADER_WORDS);
    if (header[0] !== MAGIC || header[1] !== FORMAT_VERSION) throw new Error('pair table file has an unknown format');
    const words = header[2]!;
    const pairWords = header[3]!;
    const pairs = header[4]!;
    const tableSize = header[5]!;
    const textLength = header[6]!;
    const latin1 = header[7] === TEXT_LATIN1;
    at += HEADER_WORDS * 4;
    const take = <T>(make: (offset: number) => T, bytesLength: number): T => {
      if (at + bytesLength > end) throw new Error('pair table file is too short');
      const view = make(at);
      at += align4(bytesLength);
      return view;
    };
    const table = take((o) => new Int32Array(ab, o, tableSize), tableSize * 4);
    const spans = take((o) => new Uint32Array(ab, o, words), words * 4);
    const rows = take((o) => new Uint32Array(ab, o, pairWords + 1), (pairWords + 1) * 4);
    const wordCodes = take((o) => new Uint16Array(ab, o, words), words * 2);
    const seconds =
      pairWords > 0x10000
        ? take((o) => new Uint32Array(ab, o, pairs), pairs * 4)
        : take((o) => new Uint16Array(ab, o, pairs), pairs * 2);
    const pairCodes = take((o) => new Uint16Array(ab, o, pairs), pairs * 2);
    const chars = latin1
      ? take((o) => new Uint8Array(ab, o, textLength), textLength)
      : take((o) => new Uint16Array(ab, o, textLength), textLength * 2);
    if (at !== end) throw new Error('pair table file has the wrong size');
    return new PairTable(table, spans, rows, wordCodes, seconds, pairCodes, chars);
  }

  /** Id of the lowercase `word`, or -1. */
  find(word: string): number {
    return this.probe(hashString(word), word.length, word, 0, word.length, '', word, 0, 0, false);
  }

  /** Id of `text[start, end)` lowercased, or -1; without building a string when the range is ASCII. */
  findRange(text: string, start: number, end: number): number {
    const h = hashLowerAscii(text, start, end, FNV_OFFSET);
    if (h === -1) return this.find(text.slice(start, end).toLowerCase());
    return this.probe(h, end - start, text, start, end, '', text, end, end, true);
  }

  /**
   * Id of `text[leftStart, leftEnd) + middle + text[rightStart, rightEnd)` lowercased (the word the
   * two parts make when joined), or -1; without building the string when it is ASCII.
   */
  findJoin(
    text: string,
    leftStart: number,
    leftEnd: number,
    middle: string,
    rightStart: number,
    rightEnd: number,
  ): number {
    let h = hashLowerAscii(text, leftStart, leftEnd, FNV_OFFSET);
    if (h !== -1) h = hashLowerAscii(middle, 0, middle.length, h);
    if (h !== -1) h = hashLowerAscii(text, rightStart, rightEnd, h);
    if (h === -1) {
      return this.find((text.slice(leftStart, leftEnd) + middle + text.slice(rightStart, rightEnd)).toLowerCase());
    }
    const n = leftEnd - leftStart + middle.length + rightEnd - rightStart;
    return this.probe(h, n, text, leftStart, leftEnd, middle, text, rightStart, rightEnd, true);
  }

  /**
   * The id whose word is `a[aStart, aEnd) + m + b[bStart, bEnd)` (A-Z lowered when `lower`), given
   * that string's hash `h` and length `n`; -1 when absent.
   */
  private probe(
    h: number,
    n: number,
    a: string,
    aStart: number,
    aEnd: number,
    m: string,
    b: string,
    bStart: number,
    bEnd: number,
    lower: boolean,
  ): number {
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot]!;
      if (id === EMPTY) return EMPTY;
      const span = this.spans[id]!;
      if ((span & 255) !== n) continue;
      let at = span >>> 8;
      if (!this.matches(at, a, aStart, aEnd, lower)) continue;
      at += aEnd - aStart;
      if (!this.matches(at, m, 0, m.length, lower)) continue;
      at += m.length;
      if (this.matches(at, b, bStart, bEnd, lower)) return id;
    }
  }

  /** The stored characters at `at` are `s[start, end)` (with A-Z lowered when `lower`). */
  private matches(at: number, s: string, start: number, end: number, lower: boolean): boolean {
    const chars = this.chars;
    for (let i = start; i < end; i++) {
      let c = s.charCodeAt(i);
      if (lower && c >= 65 && c <= 90) c += 32;
      if (chars[at + i - start] !== c) return false;
    }
    return true;
  }

  /** The word with this id. */
  wordAt(id: number): string {
    const span = this.spans[id]!;
    const start = span >>> 8;
    return String.fromCharCode(...this.chars.subarray(start, start + (span & 255)));
  }

  /** Count of the word with this id; 0 for -1. */
  countAt(id: number): number {
    return id >= 0 && id < this.wordCodes.length ? decodeCount(this.wordCodes[id]!) : 0;
  }

  /** Natural logarithm of the count of the word with this id; -Infinity for a count of 0 or for -1. */
  logCountAt(id: number): number {
    return id >= 0 && id < this.wordCodes.length ? decodeLog(this.wordCodes[id]!) : -Infinity;
  }

  /** Index of the pair (first, second) by word ids, or -1. */
  private pairIndex(first: number, second: number): number {
    const pairWords = this.rows.length - 1;
    if (first < 0 || second < 0 || first >= pairWords || second >= pairWords) return -1;
    let lo = this.rows[first]!;
    let hi = this.rows[first + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.seconds[mid]!;
      if (s === second) return mid;
      if (s < second) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /** Count of the pair (first, second) by word ids; 0 when either is -1 or the pair is not listed. */
  pairCountAt(first: number, second: number): number {
    const j = this.pairIndex(first, second);
    return j < 0 ? 0 : decodeCount(this.pairCodes[j]!);
  }

  /** Natural logarithm of `pairCountAt(first, second)`; -Infinity when the pair is not listed. */
  pairLogCountAt(first: number, second: number): number {
    const j = this.pairIndex(first, second);
    return j < 0 ? -Infinity : decodeLog(this.pairCodes[j]!);
  }

  /** Count of the lowercase `word` (0 when absent). */
  count(word: string): number {
    return this.countAt(this.find(word));
  }

  /** Count of `text[start, end)` lowercased (0 when absent). */
  countRange(text: string, start: number, end: number): number {
    return this.countAt(this.findRange(text, start, end));
  }

  /** Count of the lowercase pair `first second` (0 when not listed). */
  pair(first: string, second: string): number {
    return this.pairCountAt(this.find(first), this.find(second));
  }

  /** Count of the pair `text[firstStart, firstEnd)`, `text[secondStart, secondEnd)`, lowercased. */
  pairRange(text: string, firstStart: number, firstEnd: number, secondStart: number, secondEnd: number): number {
    return this.pairCountAt(this.findRange(text, firstStart, firstEnd), this.findRange(text, secondStart, secondEnd));
  }

  /** Every pair, in id order (for tests and inspection). */
  *pairs(): Generator<PairCountEntry> {
    for (let first = 0; first < this.rows.length - 1; first++) {
      for (let j = this.rows[first]!; j < this.rows[first + 1]!; j++) {
        yield {
          first: this.wordAt(first),
          second: this.wordAt(this.seconds[j]!),
          count: decodeCount(this.pairCodes[j]!),
        };
      }
    }
  }
}

function checkWord(word: string): void {
  if (word === '' || word.length > MAX_WORD_LENGTH) throw new Error(`bad word length: "${word}"`);
  if (word !== word.toLowerCase()) throw new Error(`word is not lowercase: "${word}"`);
}
