/**
 * The document's own evidence: how often it has each word, hyphenated form and pair of words. Built
 * once per run, from the text as the word stage gets it (see `Stage` in `core/types.ts`).
 */
import { codeAt, isLetterCode, scanWords, type Words } from '../core/words.js';
import type { Lexicon } from './lexicon.js';

/** Lowercase word counts of a document, built once and shared by the transforms of one run. */
export class DocumentIndex {
  /** Counts of lexicon entries, by entry number (a map: an article uses a few hundred of 173k entries). */
  private readonly entryCounts = new Map<number, number>();
  private readonly others = new Map<string, number>();
  private hyphenated: Map<string, number> | undefined;
  private lower: string | undefined;

  constructor(
    readonly text: string,
    readonly lexicon: Lexicon,
    /** `scanWords(text)`, when the caller has it. */
    words: Words = scanWords(text),
  ) {
    for (let i = 0; i < words.count; i++) {
      const start = words.starts[i]!;
      const end = words.ends[i]!;
      const entry = lexicon.findRange(text, start, end);
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

  /** Occurrences of the lowercase hyphenated `form` (`self-declared`) inside a line. */
  countHyphenated(form: string): number {
    if (!this.hyphenated) {
      this.hyphenated = new Map();
      for (const w of hyphenatedForms(this.text)) this.hyphenated.set(w, (this.hyphenated.get(w) ?? 0) + 1);
    }
    return this.hyphenated.get(form) ?? 0;
  }

  /** Occurrences of the lowercase words `a b`, side by side (spaces or line breaks between). */
  countPair(a: string, b: string): number {
    const text = (this.lower ??= this.text.toLowerCase());
    let count = 0;
    for (let at = text.indexOf(a); at !== -1; at = text.indexOf(a, at + 1)) {
      if (at > 0 && isLetterCode(text.charCodeAt(at - 1))) continue;
      let i = at + a.length;
      const gapStart = i;
      while (i < text.length && isGapCode(text.charCodeAt(i))) i++;
      if (i === gapStart || !text.startsWith(b, i) || isLetterCode(codeAt(text, i + b.length))) continue;
      count++;
    }
    return count;
  }
}

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
function hyphenatedForms(text: string): string[] {
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
