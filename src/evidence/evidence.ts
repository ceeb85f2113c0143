/**
 * The evidence model every word-level transform asks. A repair is made only when it is backed by one
 * of three sources, never by a pattern alone:
 *
 * 1. the English lexicon (dictionary membership + frequency rank), see `lexicon.ts`;
 * 2. the user's own words (`--words FILE`) and a short project list of names the lexicon lacks;
 * 3. the document itself: a word seen elsewhere in the same text, whole (`document-index.ts`);
 * 4. in a batch cleaned with collection evidence, the other documents of the collection: a word
 *    several of them write (`collection.ts`).
 *
 * One question, one name. A question about a word can be asked of a string or, without building one,
 * of a range of a text (`isWord(text, start, end)`) or of a join of two ranges and a middle
 * (`isWord(text, leftStart, leftEnd, middle, rightStart, rightEnd)`): the answers are the same.
 */
import { COLLECTION_MIN_DOCUMENTS, type CollectionWords } from './collection.js';
import { DocumentIndex } from './document-index.js';
import {
  COMPOUND_PART_MIN,
  FUNCTION_WORDS,
  NAME_PARTICLES,
  PREFIXES,
  SHORT_WORDS,
  SUFFIXES,
  frequentForItsLength,
  isLowerAscii,
  stripPossessive,
} from './policy.js';
import type { EvidenceSource } from './source.js';

/** Compound parts are common words: `coop` + `orating` does not make `cooporating` a word. */
const COMPOUND_PART_MAX_RANK = 30000;
const FLAG_DICTIONARY = 1;
const FLAG_STANDALONE = 2;

export class Evidence {
  /** Class flags of words (as written), memoised: documents repeat their words. */
  private readonly flags = new Map<string, number>();
  private built: DocumentIndex | undefined;

  constructor(
    readonly source: EvidenceSource,
    /** The document's text, or a function that gives its index (the run's, see `RunContext`). */
    private readonly document: string | (() => DocumentIndex),
    /** The batch's word counts, when it is cleaned with collection evidence. */
    readonly collection?: CollectionWords,
  ) {}

  private index(): DocumentIndex {
    if (typeof this.document !== 'string') return this.document();
    this.built ??= new DocumentIndex(this.document, this.source.lexicon);
    return this.built;
  }

  /** Class flags of a word (any case, possessive stripped), memoised. */
  private classify(word: string): number {
    let flags = this.flags.get(word);
    if (flags !== undefined) return flags;
    const w = stripPossessive(word.toLowerCase());
    const extra = this.source.extraWords.has(w);
    const lexicon = this.source.lexicon;
    const entry = lexicon.find(w);
    const dictionary = extra || lexicon.isDictionaryEntry(entry);
    let standalone: boolean;
    if (extra) standalone = true;
    else if (w.length <= 2) standalone = SHORT_WORDS.has(w);
    else standalone = dictionary && frequentForItsLength(w.length, lexicon.entryRank(entry));
    flags = (dictionary ? FLAG_DICTIONARY : 0) | (standalone ? FLAG_STANDALONE : 0);
    this.flags.set(word, flags);
    return flags;
  }

  /**
   * In the dictionary, the project list or the user's list (any case, possessive stripped). Also asked
   * of `text[start, end)` (a run of letters), or of `text[leftStart, leftEnd) + middle +
   * text[rightStart, rightEnd)` (runs of letters and letters), without building the string.
   */
  isWord(word: string): boolean;
  isWord(text: string, start: number, end: number): boolean;
  isWord(
    text: string,
    leftStart: number,
    leftEnd: number,
    middle: string,
    rightStart: number,
    rightEnd: number,
  ): boolean;
  isWord(text: string, start?: number, end?: number, middle?: string, rightStart?: number, rightEnd?: number): boolean {
    const source = this.source;
    if (start === undefined || end === undefined) {
      const w = stripPossessive(text.toLowerCase());
      return source.extraWords.has(w) || source.lexicon.has(w);
    }
    if (middle === undefined || rightStart === undefined || rightEnd === undefined) {
      const entry = source.lexicon.findRange(text, start, end);
      if (entry >= 0) return source.isWordEntry(entry);
      return source.hasWordsOutsideLexicon && source.extraWords.has(text.slice(start, end).toLowerCase());
    }
    const entry = source.lexicon.findJoin(text, start, end, middle, rightStart, rightEnd);
    if (entry >= 0) return source.isWordEntry(entry);
    if (!source.hasWordsOutsideLexicon) return false;
    return source.extraWords.has((text.slice(start, end) + middle + text.slice(rightStart, rightEnd)).toLowerCase());
  }

  /**
   * `isWord` as a candidate search asks it (`channel.ts`'s `Acceptor`): is `base[0, leftEnd) + middle +
   * base[rightStart, end)` a word.
   */
  readonly acceptsWord = (base: string, leftEnd: number, middle: string, rightStart: number): boolean =>
    this.isWord(base, 0, leftEnd, middle, rightStart, base.length);

  /**
   * A word in its own right, for split and join decisions: a dictionary word that is not a letter name
   * or a rare short word that OCR fragments produce (`policy.ts`), or an extra word. Also asked of
   * `text[start, end)`.
   */
  isStandalone(word: string): boolean;
  isStandalone(text: string, start: number, end: number): boolean;
  isStandalone(text: string, start?: number, end?: number): boolean {
    if (start === undefined || end === undefined) return (this.classify(text) & FLAG_STANDALONE) !== 0;
    const n = end - start;
    if (n <= 2) return this.isStandalone(text.slice(start, end));
    // As `classify`, with no string and no memo entry for a non-word.
    const source = this.source;
    const entry = source.lexicon.findRange(text, start, end);
    if (entry < 0) return source.hasWordsOutsideLexicon && source.extraWords.has(text.slice(start, end).toLowerCase());
    if (source.extraEntries[entry] === 1) return true;
    return source.lexicon.isDictionaryEntry(entry) && frequentForItsLength(n, source.lexicon.entryRank(entry));
  }

  /**
   * `word` (lowercase) is a word, or may well be one the lists lack: in the word-pair counts' list
   * (which SymSpell made from words of the full SCOWL, names and rare words among them: `von`, `tho`),
   * a name particle or title abbreviation, a dictionary word with an ending or a beginning
   * (`mischiefs`, `tributers`, `unfrequently`, old spellings with a final `e`: `smalle`), or two
   * common dictionary words neither of which is a function word (`bootmakers`, not `thecity`). Repairs treat
   * such a token as a word.
   */
  mayBeWord(word: string): boolean {
    return this.isWord(word) || this.source.model.isListedWord(word) || this.isDerivedWord(word);
  }

  /**
   * `word` (lowercase) is a name particle or title abbreviation, or made of dictionary words: one with an
   * ending or a beginning, or two common ones (see `mayBeWord`). Unlike a string that is only in the
   * word-pair counts' list, which holds frequent OCR misreadings too (`aud`, `tim`, `thu`), it is
   * spelled as English spells.
   */
  isDerivedWord(word: string): boolean {
    if (NAME_PARTICLES.has(word)) return true;
    for (const suffix of SUFFIXES) {
      if (!word.endsWith(suffix) || word.length - suffix.length < COMPOUND_PART_MIN) continue;
      const stem = word.slice(0, -suffix.length);
      if (this.isWord(stem) || this.isWord(`${stem}e`)) return true;
    }
    for (const prefix of PREFIXES) {
      const rest = word.slice(prefix.length);
      if (
        word.startsWith(prefix) &&
        rest.length >= COMPOUND_PART_MIN &&
        this.isWord(rest) &&
        !this.isFunctionWord(rest)
      ) {
        return true;
      }
    }
    for (let cut = COMPOUND_PART_MIN; cut + COMPOUND_PART_MIN <= word.length; cut++) {
      const [head, tail] = [word.slice(0, cut), word.slice(cut)];
      if (this.isCompoundPart(head) && this.isCompoundPart(tail)) return true;
    }
    return false;
  }

  /** A part of a compound the lists may lack: a common word, no function word (`boot`, `makers`). */
  private isCompoundPart(word: string): boolean {
    if (this.isFunctionWord(word) || !this.isWord(word)) return false;
    const rank = this.rank(word);
    return rank > 0 && rank <= COMPOUND_PART_MAX_RANK;
  }

  /**
   * How often the document has `word` as a whole word, a hyphenated form (`self-declared`) inside a
   * line, or, given two words, the pair side by side (spaces or line breaks between). Any case.
   */
  seen(word: string): number;
  seen(first: string, second: string): number;
  seen(first: string, second?: string): number {
    const a = isLowerAscii(first) ? first : first.toLowerCase();
    if (second !== undefined) return this.index().countPair(a, isLowerAscii(second) ? second : second.toLowerCase());
    return a.includes('-') ? this.index().countHyphenated(a) : this.index().count(a);
  }

  /**
   * How many documents of the collection other than this one write `word` (any case; a word or a
   * hyphenated form), 0 without a collection. This document, if it writes the word, is one of the
   * collection's and is not counted.
   */
  collected(word: string): number {
    return this.othersWriting(word).documents;
  }

  /** How often the collection's other documents write `word` (any case), in all. 0 without a collection. */
  collectedCount(word: string): number {
    return this.othersWriting(word).occurrences;
  }

  /** The collection's counts of `word` less this document's own. */
  private othersWriting(word: string): { documents: number; occurrences: number } {
    const collection = this.collection;
    const w = isLowerAscii(word) ? word : word.toLowerCase();
    const documents = collection?.documentsWriting(w) ?? 0;
    if (documents === 0) return { documents: 0, occurrences: 0 };
    const own = this.seen(w);
    return { documents: documents - (own > 0 ? 1 : 0), occurrences: Math.max(0, collection!.occurrences(w) - own) };
  }

  /** The collection vouches for `word`: enough of its other documents write it (`COLLECTION_MIN_DOCUMENTS`). */
  collectionWrites(word: string): boolean {
    return this.collection !== undefined && this.collected(word) >= COLLECTION_MIN_DOCUMENTS;
  }

  /**
   * A repair may produce `word`: it is a dictionary word, or the document has it elsewhere, whole, or
   * the collection's other documents write it. Not memoised: candidates are built strings that rarely
   * repeat.
   */
  supports(word: string): boolean {
    // `isWord(word) || seen(word) > 0 || collectionWrites(word)`, with one lowercase copy and one lookup.
    const w = stripPossessive(word.toLowerCase());
    if (this.source.extraWords.has(w)) return true;
    const lexicon = this.source.lexicon;
    const entry = lexicon.find(w);
    if (lexicon.isDictionaryEntry(entry)) return true;
    const index = this.index();
    if ((index.lexicon === lexicon ? index.countEntry(entry, w) : index.count(w)) > 0) return true;
    return this.collectionWrites(w);
  }

  /**
   * For an edit's reason, when a repair makes `word` on the collection's word only (no dictionary or
   * extra word, none the document writes): `is written in N other documents of the collection`.
   */
  collectionNote(word: string): string | undefined {
    if (this.isWord(word) || this.seen(word) > 0) return undefined;
    return `is written in ${this.collected(word)} other documents of the collection`;
  }

  /** Frequency rank (1 = most frequent), 0 when unranked. */
  rank(word: string): number {
    return this.source.lexicon.rank(stripPossessive(word.toLowerCase()));
  }

  /**
   * `word` is among the `maxRank` most frequent words, or the document (or the collection) writes it:
   * a repair may make it.
   */
  commonOrWritten(word: string, maxRank: number): boolean {
    const rank = this.rank(word);
    return (rank > 0 && rank <= maxRank) || this.seen(word) > 0 || this.collectionWrites(word);
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
