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

/** What a transform may read besides its input text: nothing from the file system, clock or globals. */
export interface TransformContext {
  evidence: import('../evidence/evidence.js').EvidenceSource;
  /** Edits the transforms before this one made to the same document: evidence about its damage. */
  priorEdits?: readonly Edit[];
  /**
   * The document's word index, shared by the transforms of one run (built from the text the first
   * transform that asks for it sees). Without it a transform indexes its own input.
   */
  document?: () => import('../evidence/evidence.js').DocumentIndex;
  /** Extra patterns whose matches word-level transforms never edit (URLs and e-mail addresses always). */
  protect?: readonly RegExp[];
}

export interface Transform<Options extends object = Record<string, never>> {
  /** Kebab-case id; equals the file name under `src/transforms/`. */
  readonly id: string;
  /** One line, for `--list-transforms` and the README. */
  readonly description: string;
  /** A before/after pair that documents what the transform does (checked by the tests). */
  readonly example: { readonly before: string; readonly after: string };
  readonly defaults: Options;
  /** False for transforms that run only when asked for (`--enable`, `--only`). Default true. */
  readonly enabledByDefault?: boolean;
  apply(text: string, context: TransformContext, options: Options): TransformResult;
}

/** A line of page furniture or boilerplate that a transform removed, kept for JSON output. */
export interface Removed {
  transform: string;
  rule: string;
  text: string;
}

/** The article's parts, found in the cleaned text. */
export interface Article {
  publication?: string;
  date?: string;
  headline?: string;
  deck?: string;
  byline?: string;
  paragraphs: string[];
  removed: Removed[];
  /** The preset the text was cleaned with (`pressreader`, `pdftotext`, `chronam`, `generic`). */
  source?: string;
}
