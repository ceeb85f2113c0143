/**
 * What every run is given to decide repairs by: the English lexicon and the extra words (a short
 * project list of names and words the lexicon lacks, and the user's own). Immutable; made once per
 * process or worker and shared by every document (`createEvidenceSource` in the library entry reads
 * the lexicon from disk; here nothing is read).
 */
import type { Candidate } from './channel.js';
import { COMMON_WORDS_MAX_RANK, CommonWords } from './common-words.js';
import type { Lexicon } from './lexicon.js';
import { LanguageModel } from './language-model.js';
import { PairTable } from './pairs.js';
import { affixesOf, type Affixes } from './prefixes.js';
import { PROJECT_WORDS } from './project-words.js';

/** A name the corrector may read a capitalised misreading as is among this many first in the frequency list. */
export const FREQUENT_NAME_MAX_RANK = 3000;

/** No counts at all: a source made without them decides as if no pair were ever seen. */
const EMPTY_PAIRS = (): PairTable => PairTable.fromEntries([], []);

/** The beginnings and endings of a lexicon's dictionary words, built once per lexicon (the process's one, mostly). */
const DICTIONARY_AFFIXES = new WeakMap<Lexicon, Affixes>();

export function dictionaryAffixes(lexicon: Lexicon): Affixes {
  let affixes = DICTIONARY_AFFIXES.get(lexicon);
  if (!affixes) {
    const words: string[] = [];
    for (let entry = 0; entry < lexicon.size; entry++) {
      if (lexicon.isDictionaryEntry(entry)) words.push(lexicon.wordAt(entry));
    }
    affixes = affixesOf(words);
    DICTIONARY_AFFIXES.set(lexicon, affixes);
  }
  return affixes;
}

/** What `EvidenceSource.formCache` holds of a form: each fact once it was first asked. */
export interface FormFacts {
  sign?: number;
  kind?: number;
  /** The very common word a rare real word is a cheap misreading of (`tho`: `the`), or null. */
  misreadOf?: string | null;
}

export class EvidenceSource {
  /** Lowercase project and user words: words a repair may produce, and words in their own right. */
  readonly extraWords: ReadonlySet<string>;
  /** Per lexicon entry: 1 when it is an extra word (then a word, and a word in its own right, whatever its rank). */
  readonly extraEntries: Uint8Array;
  /**
   * Some extra word is no entry of the lexicon at all: a range the lexicon does not find must then be
   * looked for in `extraWords` (as a string).
   */
  readonly hasWordsOutsideLexicon: boolean;

  /**
   * The OCR corrector's candidates per form (dictionary words only: the same for every document),
   * remembered for the process: OCR pages repeat their misreadings. A cache, bounded by its user.
   */
  readonly candidateCache = new Map<string, readonly Candidate[]>();
  /**
   * What the OCR corrector learnt of each lowercase form, remembered for the process: its sign of OCR
   * (`signOf`: none, weak or strong) and its standing in the lists (`Forms.kind`: a word, only a
   * counted string, or nothing). Both read only the form, the lexicon, the extra words and the word
   * counts, and source detection and the corrector ask them of every token of every document. A
   * cache, bounded by its user.
   */
  readonly formCache = new Map<string, FormFacts>();
  private pairTable: PairTable | undefined;
  private languageModel: LanguageModel | undefined;
  private affixFilters: Affixes | undefined;
  private common: CommonWords | undefined;
  private names: CommonWords | undefined;

  constructor(
    readonly lexicon: Lexicon,
    userWords: Iterable<string> = [],
    /** The word and word-pair counts, or how to load them when first needed. */
    private readonly pairSource: PairTable | (() => PairTable) = EMPTY_PAIRS,
    /** The lexicon's dictionary filters made at build time, if any (else built on first use). */
    private readonly affixSource?: () => Affixes | undefined,
  ) {
    const extra = new Set<string>(PROJECT_WORDS);
    for (const word of userWords) {
      const w = word.trim().normalize('NFC').toLowerCase();
      if (w !== '') extra.add(w);
    }
    this.extraWords = extra;
    this.extraEntries = new Uint8Array(lexicon.size);
    let outside = false;
    for (const w of extra) {
      const entry = lexicon.find(w);
      if (entry >= 0) this.extraEntries[entry] = 1;
      else outside = true;
    }
    this.hasWordsOutsideLexicon = outside;
  }

  /** The word-pair language model over `pairs`. */
  get model(): LanguageModel {
    this.languageModel ??= new LanguageModel(this);
    return this.languageModel;
  }

  /**
   * The beginnings and endings of the words (dictionary and extra words: what `Evidence.isWord`
   * accepts), built on first use (2 × 2 MB, some 40 ms): the corrector's candidate search tries no
   * spelling that begins or ends as no word does.
   */
  get wordAffixes(): Affixes {
    if (!this.affixFilters) {
      const { prefixes, suffixes } = this.affixSource?.() ?? dictionaryAffixes(this.lexicon);
      const extra = [...this.extraWords];
      this.affixFilters = { prefixes: prefixes.with(extra), suffixes: suffixes.with(extra) };
    }
    return this.affixFilters;
  }

  /**
   * `wordAffixes` if something has asked for them already (the corrector does, on OCR), else undefined:
   * for a caller to whom they are only a shortcut, not worth their loading.
   */
  get loadedWordAffixes(): Affixes | undefined {
    return this.affixFilters;
  }

  /**
   * The frequent names: strings the frequency list ranks among its `FREQUENT_NAME_MAX_RANK` first and
   * the word counts list, that are no dictionary word (`sydney`, `melbourne`), for the corrector's
   * search of a capitalised misreading (`Sydnoy`), built on first use.
   */
  get frequentNames(): CommonWords {
    this.names ??= CommonWords.fromLexicon(
      this.lexicon,
      FREQUENT_NAME_MAX_RANK,
      (w) => !this.isWordEntry(this.lexicon.find(w)) && this.pairs.logCountAt(this.pairs.find(w)) > -Infinity,
    );
    return this.names;
  }

  /** The common words, for the corrector's second search (`common-words.ts`), built on first use. */
  get commonWords(): CommonWords {
    this.common ??= CommonWords.fromLexicon(this.lexicon, COMMON_WORDS_MAX_RANK, (w) =>
      this.isWordEntry(this.lexicon.find(w)),
    );
    return this.common;
  }

  /** Word and word-pair counts (SymSpell's English lists, see NOTICE). */
  get pairs(): PairTable {
    this.pairTable ??= typeof this.pairSource === 'function' ? this.pairSource() : this.pairSource;
    return this.pairTable;
  }

  /** Entry `entry` of the lexicon (or -1) is a word: in the dictionary, or an extra word. */
  isWordEntry(entry: number): boolean {
    return entry >= 0 && (this.extraEntries[entry] === 1 || this.lexicon.isDictionaryEntry(entry));
  }
}
