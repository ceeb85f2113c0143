/**
 * The document's own evidence: how often it has each word, hyphenated form and pair of words. Built
 * once per run, from the text as the word stage gets it (see `Stage` in `core/types.ts`).
 */
import { isLetterCode, scanWords, type Words } from '../core/words.js';
import type { Lexicon } from './lexicon.js';

/** Lowercase word counts of a document, built once and shared by the transforms of one run. */
export class DocumentIndex {
  /** Counts of lexicon entries, by entry number (a map: an article uses a few hundred of 173k entries). */
  private readonly entryCounts = new Map<number, number>();
  private readonly others = new Map<string, number>();
  private hyphenated: Map<string, number> | undefined;
  private repeatedLengths: Set<number> | undefined;
  /** The document's words and each one's lexicon entry (-1: none), kept for the pair counts. */
  private readonly words: Words;
  private readonly entries: Int32Array;
  /** Pair counts, built on first use: of two lexicon entries by number, of other pairs by their text. */
  private entryPairs: Map<number, number> | undefined;
  private otherPairs: Map<string, number> | undefined;

  constructor(
    readonly text: string,
    readonly lexicon: Lexicon,
    /** `scanWords(text)`, when the caller has it. */
    words: Words = scanWords(text),
  ) {
    this.words = words;
    this.entries = new Int32Array(words.count);
    for (let i = 0; i < words.count; i++) {
      const start = words.starts[i]!;
      const end = words.ends[i]!;
      const entry = lexicon.findRange(text, start, end);
      this.entries[i] = entry;
      if (entry >= 0) this.entryCounts.set(entry, (this.entryCounts.get(entry) ?? 0) + 1);
      else {
        const w = text.slice(start, end).toLowerCase();
        this.others.set(w, (this.others.get(w) ?? 0) + 1);
      }
    }
  }

  /** Occurrences of the lowercase `word`. */
  count(word: string): number {
    return this.countEntry(this.lexicon.find(word), word);
  }

  /** Occurrences of the lowercase `word`, whose entry in `lexicon` (or -1) the caller has found. */
  countEntry(entry: number, word: string): number {
    return entry >= 0 ? (this.entryCounts.get(entry) ?? 0) : (this.others.get(word) ?? 0);
  }

  /** The words the document has twice or more, each with its lexicon entry (-1: none). */
  *repeated(): IterableIterator<[word: string, entry: number]> {
    for (const [entry, count] of this.entryCounts) if (count > 1) yield [this.lexicon.wordAt(entry), entry];
    for (const [word, count] of this.others) if (count > 1) yield [word, -1];
  }

  /** Some word the lexicon lacks, of `length` characters, is in the document twice or more. */
  repeatsOtherOfLength(length: number): boolean {
    if (!this.repeatedLengths) {
      this.repeatedLengths = new Set();
      for (const [word, count] of this.others) if (count > 1) this.repeatedLengths.add(word.length);
    }
    return this.repeatedLengths.has(length);
  }

  /** Occurrences of the lowercase hyphenated `form` (`self-declared`) inside a line. */
  countHyphenated(form: string): number {
    if (!this.hyphenated) {
      this.hyphenated = new Map();
      for (const w of hyphenatedForms(this.text)) this.hyphenated.set(w, (this.hyphenated.get(w) ?? 0) + 1);
    }
    return this.hyphenated.get(form) ?? 0;
  }

  /**
   * Occurrences of the lowercase words `a b`, side by side (spaces, tabs or line breaks between, at
   * least one). The pairs are counted once, in one pass over the document's words.
   */
  countPair(a: string, b: string): number {
    if (!this.entryPairs) this.countPairs();
    const first = this.lexicon.find(a);
    const second = this.lexicon.find(b);
    if (first >= 0 && second >= 0) return this.entryPairs!.get(pairKey(first, second)) ?? 0;
    return this.otherPairs!.get(`${a}\u0000${b}`) ?? 0;
  }

  private countPairs(): void {
    const entryPairs = new Map<number, number>();
    const otherPairs = new Map<string, number>();
    const { text, words, entries } = this;
    for (let i = 0; i + 1 < words.count; i++) {
      const gapStart = words.ends[i]!;
      const gapEnd = words.starts[i + 1]!;
      let k = gapStart;
      while (k < gapEnd && isGapCode(text.charCodeAt(k))) k++;
      if (k !== gapEnd) continue; // punctuation, digits or other marks between: no pair
      const first = entries[i]!;
      const second = entries[i + 1]!;
      if (first >= 0 && second >= 0) {
        const key = pairKey(first, second);
        entryPairs.set(key, (entryPairs.get(key) ?? 0) + 1);
      } else {
        const key = `${this.lowerWord(i)}\u0000${this.lowerWord(i + 1)}`;
        otherPairs.set(key, (otherPairs.get(key) ?? 0) + 1);
      }
    }
    this.entryPairs = entryPairs;
    this.otherPairs = otherPairs;
  }

  private lowerWord(i: number): string {
    return this.text.slice(this.words.starts[i], this.words.ends[i]).toLowerCase();
  }
}

/** One number for a pair of lexicon entries (fewer than 2^21 entries: the key stays an exact integer). */
const pairKey = (first: number, second: number): number => first * 2097152 + second;

/** A space, a tab or a line break: what may separate the words of a pair. */
const isGapCode = (code: number): boolean => code === 32 || code === 9 || code === 10;

/** A hyphenated form: letters, then one or more hyphen-letters groups. */
const HYPHENATED = /(?<!\p{L})\p{L}+(?:-\p{L}+)+/gu;
const HYPHEN = 45;

/** May be (part of) a letter: `isLetterCode` (letters and marks) or a surrogate half (letters outside the BMP). */
const mayBeLetter = (code: number): boolean => isLetterCode(code) || (code >= 0xd800 && code <= 0xdfff);

/**
 * Every lowercase match of `HYPHENATED` in `text`, in order. A Unicode pattern tried at every
 * position of a long text is slow. Its matches lie inside runs of letters and hyphens, so it is run
 * only on the runs that hold a hyphen: the lookbehind sees a non-letter before each run either way,
 * so the matches are the same.
 */
export function hyphenatedForms(text: string): string[] {
  const forms: string[] = [];
  let end = 0;
  for (let hyphen = text.indexOf('-'); hyphen !== -1; hyphen = text.indexOf('-', end)) {
    let start = hyphen;
    while (start > 0 && mayBeLetter(text.charCodeAt(start - 1))) start--;
    end = hyphen + 1;
    while (end < text.length && (mayBeLetter(text.charCodeAt(end)) || text.charCodeAt(end) === HYPHEN)) end++;
    const run = text.slice(start, end);
    HYPHENATED.lastIndex = 0;
    for (let m = HYPHENATED.exec(run); m !== null; m = HYPHENATED.exec(run)) forms.push(m[0].toLowerCase());
  }
  return forms;
}
