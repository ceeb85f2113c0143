/** One change a transform made to its input text. */
export interface Edit {
  /** Id of the transform that made the edit. */
  transform: string;
  /** Id of the rule inside the transform (`line-end`, `repeated-group`, ...). */
  rule: string;
  /** Offset of `before` in the transform's input text (UTF-16 code units). */
  offset: number;
  before: string;
  after: string;
  /** Why: the evidence for the change, short. */
  reason: string;
}

export interface TransformResult {
  text: string;
  edits: Edit[];
}

/**
 * Where a transform runs, in pipeline order: character repairs, then page furniture, then word
 * repairs, then layout (lines into paragraphs, white space). The document's word index, the evidence
 * "seen elsewhere in the document" rests on, is the text as the first word-stage transform gets it:
 * characters repaired and furniture removed, no word repaired yet.
 */
export type Stage = 'characters' | 'furniture' | 'words' | 'layout';
export const STAGES: readonly Stage[] = ['characters', 'furniture', 'words', 'layout'];

/**
 * What a transform may read besides its input text and options: the evidence and what the run knows
 * about the document. Nothing from the file system, the clock or globals. One per run (`RunContext`).
 */
export interface TransformContext {
  /** The lexicon and the user's and project's words, shared by every run. */
  readonly source: import('../evidence/source.js').EvidenceSource;
  /** The evidence policy, asked by every word-level transform of the run (its memos are shared). */
  readonly evidence: import('../evidence/evidence.js').Evidence;
  /** The document's word index (see `Stage`). */
  document(): import('../evidence/document-index.js').DocumentIndex;
  /** The runs of letters of `text` (remembered for the last text asked). */
  words(text: string): import('./words.js').Words;
  /** Sorted [start, end) pairs of `text` that no edit may touch: URLs, e-mail addresses, `protect` patterns. */
  protectedSpans(text: string): readonly number[];
  /**
   * The transforms before this one proved the document's text layer damaged: one damage signal
   * (`Transform.damageRules`) per `WORDS_PER_DAMAGE_SIGNAL` of `words` words; `extra` are signals the
   * caller found itself.
   */
  provenDamaged(words: number, extra?: number): boolean;
  /**
   * What `compute` gives the first time a transform asks for `key` in this cleaning; the later rounds
   * get the same answer: a fact about the document as first read (a page whose misreadings later
   * rounds repaired still came from OCR), or a memo the rounds share. Keys are prefixed with the
   * transform's id.
   */
  once<T>(key: string, compute: () => T): T;
}

export interface Transform<Options extends object = Record<string, never>, Rule extends string = string> {
  /** Kebab-case id; equals the file name under `src/transforms/`. */
  readonly id: string;
  /** One line, for `--list-transforms` and the README. */
  readonly description: string;
  /** A before/after pair that documents what the transform does (checked by the tests). */
  readonly example: { readonly before: string; readonly after: string };
  readonly defaults: Options;
  /** False for transforms that run only when asked for (`--enable`, `--only`). Default true. */
  readonly enabledByDefault?: boolean;
  readonly stage: Stage;
  /**
   * A word transform that decides at line ends (a line-end hyphen, a word cut by a line break): it
   * runs again, after the others, while the text still has its own lines (`core/pipeline.ts`).
   */
  readonly lineEnds?: boolean;
  /** Every rule id its edits carry (`boilerplate` also reports the names of configured patterns). */
  readonly rules: readonly Rule[];
  /** The rules whose edits prove a text layer damaged (a PDF export or e-reader dump): see `damage.ts`. */
  readonly damageRules: readonly Rule[];
  apply(text: string, context: TransformContext, options: Options): TransformResult;
}

/** A line of page furniture or boilerplate that a transform removed, kept for JSON output. */
export interface Removed {
  transform: string;
  rule: string;
  text: string;
}

/**
 * The article's parts, found in the cleaned text. Each is a block of that text as it stands (the
 * headline, the deck, every paragraph), line breaks and all: a line break inside a part is one the
 * pipeline kept (a list, a table, a stacked headline).
 */
export interface Article {
  publication?: string;
  date?: string;
  headline?: string;
  /** The blocks between headline and byline, one blank line apart. */
  deck?: string;
  /** The author's name(s), read from the byline. */
  byline?: string;
  /** The byline's block as the text holds it (`By Ana Lima`); the text format writes it back as is. */
  bylineText?: string;
  /** The byline's role line, a block of its own under the byline (`Health Reporter`), as the text holds it. */
  role?: string;
  /** The body's blocks, between blank lines, as the text holds them. */
  paragraphs: string[];
  /**
   * The body typed: each paragraph is one block or more (a paragraph, then a list, ...), and single
   * list items in a row are one list. The text of every block is in `paragraphs`. Renderers read
   * `paragraphs` as paragraph blocks when it is missing (an article a caller built).
   */
  blocks?: ArticleBlock[];
  removed: Removed[];
  /**
   * Every article of a text that holds several (a page), in order, the first included: each with its
   * own headline, deck, byline and body. Undefined for one article; the fields above are the first's.
   */
  articles?: Omit<Article, 'removed' | 'source' | 'articles'>[];
  /** The preset the text was cleaned with (`pressreader`, `pdftotext`, `chronam`, `generic`). */
  source?: string;
}

/** One typed block of an article's body; `rule` names the detector that typed it (`core/blocks.ts`). */
export type ArticleBlock =
  | { kind: 'paragraph'; text: string; rule?: 'question-answer' }
  | { kind: 'heading'; level: number; text: string; rule: 'crosshead' | 'historic-crosshead' }
  | {
      kind: 'list';
      ordered: boolean;
      /** The first item's number, for an ordered list. */
      start?: number;
      /** Each item's text, without its marker. */
      items: string[];
      /** Each item's marker as written (`1.`, `a)`, `•`). */
      markers: string[];
      rule: 'list-item';
    }
  | {
      kind: 'table';
      /** The rows as the text holds them, inner spacing kept. */
      lines: string[];
      /** The cells of each row, when the rows split into the same number of cells. */
      cells?: string[][];
      rule: 'aligned-columns' | 'leader-dots' | 'number-columns' | 'dash-records';
    }
  | { kind: 'quote'; text: string; rule: 'quote-marker' };
