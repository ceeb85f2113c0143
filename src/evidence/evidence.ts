/**
 * The evidence model shared by every word-level transform. A repair is made only when it is backed by
 * one of three sources, never by a pattern alone:
 *
 * 1. the English lexicon (dictionary membership + frequency rank), see `lexicon.ts`;
 * 2. the user's own words (`--words FILE`) and a short project list of names the lexicon lacks;
 * 3. the document itself: a word seen elsewhere in the same text, whole.
 */
import { codeAt, documentWords, isLetterCode } from '../core/words.js';
import type { Lexicon } from './lexicon.js';
import { loadLexicon } from './lexicon.js';
import { PROJECT_WORDS } from './project-words.js';

/** What a pipeline run is given: the lexicon and the extra words. Immutable, shared across documents. */
export interface EvidenceSource {
  readonly lexicon: Lexicon;
  /** Lowercase user and project words. */
  readonly extraWords: ReadonlySet<string>;
}

export function createEvidenceSource(userWords: Iterable<string> = []): EvidenceSource {
  const extraWords = new Set<string>(PROJECT_WORDS);
  for (const word of userWords) {
    const w = word.trim().normalize('NFC').toLowerCase();
    if (w !== '') extraWords.add(w);
  }
  return { lexicon: loadLexicon(), extraWords };
}

/**
 * Real English words of one or two letters. The dictionary also lists letter names and abbreviations
 * (`es`, `ed`, `re`, `ti`) that in OCR text are almost always fragments of a longer word.
 */
const SHORT_WORDS = new Set(
  'a i o ah am an as at aw ax be by do eh go ha he hi ho if in is it ma me mr ms my no of oh ok on or ow ox pa so to tv uh um up us we ye yo'.split(
    ' ',
  ),
);

/**
 * A dictionary word of three or four letters counts as a standalone word only when it is this frequent
 * (rank in the frequency list). Rarer ones (`tho`, `ting`, `tain`) are more often fragments of a longer
 * word (`cap` / `tain`) than words in OCR text.
 */
const SHORT_WORD_MAX_RANK = 30000;
const SHORT_WORD_MAX_LENGTH = 4;

/** A dictionary word of `length` letters with frequency `rank` is a word in its own right. */
const frequentForItsLength = (length: number, rank: number): boolean =>
  length > SHORT_WORD_MAX_LENGTH || (rank > 0 && rank <= SHORT_WORD_MAX_RANK);

/**
 * Function words: a split-word join never uses one of these as a part when both parts are words,
 * because the two-word reading is common English (`in to`, `a lot`, `may be`, `every one`, `any way`).
 */
const FUNCTION_WORDS = new Set(
  `a about after again all also an and any are as at be because been before being both but by can could did do
  does each every for from had has have he her here him his how i if in into is it its just may me might more most
  much must my no none not now of off on one only or other our out over own per shall she should so some such than
  that the their them then there these they this those through to too under up upon us very was we were what when
  where which while who whom why will with would you your`.split(/\s+/),
);

/** Project words are in the lexicon file too; only user words need the slow path of `isStandaloneAt`. */
const PROJECT_WORD_COUNT = PROJECT_WORDS.length;

const FLAG_KNOWN = 1;
const FLAG_DICTIONARY = 2;
const FLAG_STANDALONE = 4;

/** Lowercase word counts of a document, built once and shared by the transforms of one run. */
export class DocumentIndex {
  /** Counts of lexicon entries, by entry number (a map: an article uses a few hundred of 173k entries). */
  private readonly entryCounts = new Map<number, number>();
  private readonly others = new Map<string, number>();
  private hyphenated: Map<string, number> | undefined;
  private lower: string | undefined;

  constructor(
    readonly text: string,
    readonly lexicon: Lexicon = loadLexicon(),
  ) {
    const words = documentWords(text);
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

export class Evidence {
  private readonly flags = new Map<string, number>();
  private document: DocumentIndex | undefined;

  constructor(
    readonly source: EvidenceSource,
    /** The document, or a function that gives its index (shared by the transforms of one run). */
    document: string | (() => DocumentIndex),
  ) {
    if (typeof document === 'string') this.documentText = document;
    else this.documentIndex = document;
  }

  private documentText: string | undefined;
  private documentIndex: (() => DocumentIndex) | undefined;

  private index(): DocumentIndex {
    this.document ??= this.documentIndex
      ? this.documentIndex()
      : new DocumentIndex(this.documentText!, this.source.lexicon);
    return this.document;
  }

  /** Class flags of a word (any case), memoised: documents repeat their words. */
  private classify(word: string): number {
    let flags = this.flags.get(word);
    if (flags !== undefined) return flags;
    const w = stripPossessive(word.toLowerCase());
    const extra = this.source.extraWords.has(w);
    const entry = this.source.lexicon.find(w);
    const dictionary = extra || this.source.lexicon.isDictionaryEntry(entry);
    let standalone: boolean;
    if (extra) standalone = true;
    else if (w.length <= 2) standalone = SHORT_WORDS.has(w);
    else standalone = dictionary && frequentForItsLength(w.length, this.source.lexicon.entryRank(entry));
    flags = FLAG_KNOWN | (dictionary ? FLAG_DICTIONARY : 0) | (standalone ? FLAG_STANDALONE : 0);
    this.flags.set(word, flags);
    return flags;
  }

  /**
   * The user gave words of their own. Range lookups then take the string path: user words are not in
   * the lexicon file (project words are).
   */
  private get hasUserWords(): boolean {
    return this.source.extraWords.size > PROJECT_WORD_COUNT;
  }

  /**
   * `text[start, end)` (a run of letters, or a token without apostrophes) is a dictionary word, like
   * `isDictionaryWord`, without a string.
   */
  isDictionaryAt(text: string, start: number, end: number): boolean {
    if (this.source.lexicon.isDictionaryEntry(this.source.lexicon.findRange(text, start, end))) return true;
    return this.hasUserWords && this.isDictionaryWord(text.slice(start, end));
  }

  /**
   * `text[start, end)` (a run of letters) is a word in its own right, like `isStandalone`, without
   * building a string in the common case.
   */
  isStandaloneAt(text: string, start: number, end: number): boolean {
    const n = end - start;
    if (n <= 2 || this.hasUserWords) return this.isStandalone(text.slice(start, end));
    // Without user words, a word of three letters or more is standalone only as a dictionary entry
    // (project words are dictionary entries of the lexicon): no string, no memo entry for a non-word.
    const entry = this.source.lexicon.findRange(text, start, end);
    return (
      this.source.lexicon.isDictionaryEntry(entry) && frequentForItsLength(n, this.source.lexicon.entryRank(entry))
    );
  }

  /** Occurrences of the lowercase `word` as a whole word in the document. */
  inDocument(word: string): number {
    return this.index().count(word);
  }

  /** Occurrences of the lowercase hyphenated `form` (`self-declared`) inside a line of the document. */
  inDocumentHyphenated(form: string): number {
    return this.index().countHyphenated(form);
  }

  /** Occurrences of the lowercase words `a b`, side by side, in the document. */
  inDocumentPair(a: string, b: string): number {
    return this.index().countPair(a, b);
  }

  /** In the dictionary, the project list or the user's list (any case, possessive stripped). */
  isDictionaryWord(word: string): boolean {
    return (this.classify(word) & FLAG_DICTIONARY) !== 0;
  }

  /**
   * A word in its own right for split and join decisions: a dictionary word that is not a letter name
   * or a rare short word that OCR fragments produce.
   */
  isStandalone(word: string): boolean {
    return (this.classify(word) & FLAG_STANDALONE) !== 0;
  }

  /** Like `isDictionaryWord`, not memoised: for built candidate strings that rarely repeat. */
  inDictionary(word: string): boolean {
    const w = stripPossessive(word.toLowerCase());
    return this.source.extraWords.has(w) || this.source.lexicon.has(w);
  }

  /**
   * Like `inDictionary(left + middle + right)` for the runs of letters `text[leftStart, leftEnd)` and
   * `text[rightStart, rightEnd)` and the letters `middle`, without building the string.
   */
  inDictionaryJoin(
    text: string,
    leftStart: number,
    leftEnd: number,
    middle: string,
    rightStart: number,
    rightEnd: number,
  ): boolean {
    if (this.hasUserWords) {
      return this.inDictionary(text.slice(leftStart, leftEnd) + middle + text.slice(rightStart, rightEnd));
    }
    const lexicon = this.source.lexicon;
    return lexicon.isDictionaryEntry(lexicon.findJoin(text, leftStart, leftEnd, middle, rightStart, rightEnd));
  }

  /**
   * A repair may produce `word`: it is a dictionary word, or the document has it elsewhere, whole.
   * Not memoised: candidates are built strings that rarely repeat.
   */
  supports(word: string): boolean {
    // `inDictionary(word) || inDocument(w) > 0`, with one lowercase copy and one lookup.
    const w = stripPossessive(word.toLowerCase());
    if (this.source.extraWords.has(w)) return true;
    const lexicon = this.source.lexicon;
    const entry = lexicon.find(w);
    if (lexicon.isDictionaryEntry(entry)) return true;
    const index = this.index();
    return (index.lexicon === lexicon ? index.countEntry(entry, w) : index.count(w)) > 0;
  }

  /** Frequency rank (1 = most frequent), 0 when unranked. */
  rank(word: string): number {
    return this.source.lexicon.rank(stripPossessive(word.toLowerCase()));
  }

  /**
   * Zipf cost of a word: -log probability under a unigram model, as in wordninja. Unranked words cost
   * as much as a word just past the end of the list.
   */
  cost(word: string): number {
    const n = this.source.lexicon.rankedCount;
    const rank = this.rank(word) || n * 2;
    return Math.log(rank * Math.log(n));
  }

  isFunctionWord(word: string): boolean {
    return FUNCTION_WORDS.has(isLowerAscii(word) ? word : word.toLowerCase());
  }
}

/** Only the letters a-z: `toLowerCase` would return the word itself (and costs a copy for two-byte text). */
function isLowerAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

export function stripPossessive(word: string): string {
  return word.endsWith('s') && (word.endsWith("'s") || word.endsWith('’s')) ? word.slice(0, -2) : word;
}

/** Give `word` the letter case of `template`: `UPPER`, `Title` or lower. */
export function matchCase(template: string, word: string): string {
  let letters = '';
  for (let i = 0; i < template.length; i++) if (isLetterCode(template.charCodeAt(i))) letters += template.charAt(i);
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return word.toUpperCase();
  }
  const first = letters.charAt(0);
  if (first !== '' && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  }
  return word.toLowerCase();
}
