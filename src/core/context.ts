/**
 * One run's knowledge of its document, shared by the transforms of the run. The pipeline makes one per
 * document and tells it which transform runs on which text (`enter`) and what each one changed
 * (`record`); transforms read it through `TransformContext`.
 *
 * What it holds, and when it is made:
 * - the evidence: the shared source (lexicon, extra words), the batch's collection counts if any,
 *   and one `Evidence` for the whole run, so that its memo of word classes serves every transform;
 * - the document index: built, on first use, from the text the first word-stage transform gets
 *   (characters repaired, furniture removed, no word repaired yet), and again for each later round of
 *   the word stage (`newRound`); a transform that runs before that point and asks gets an index of
 *   its own input;
 * - the word scan and the protected spans of the text last asked (a transform that changed nothing
 *   passes its input on, so consecutive transforms often ask about the very same text);
 * - the damage signals: edits of earlier transforms that prove the text layer damaged;
 * - what a transform computed `once` for the run: a fact about the document as first read, or a memo
 *   its later rounds share.
 *
 * Nothing here lives past the run: no module keeps a document alive.
 */
import type { CollectionWords } from '../evidence/collection.js';
import { DocumentIndex } from '../evidence/document-index.js';
import { Evidence } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/source.js';
import { WORDS_PER_DAMAGE_SIGNAL } from './damage.js';
import { protectedSpans } from './protect.js';
import { STAGES, type Edit, type Transform, type TransformContext } from './types.js';
import { scanWords, type Words } from './words.js';

const WORD_STAGE = STAGES.indexOf('words');

export class RunContext implements TransformContext {
  readonly evidence: Evidence;
  private documentText: string | undefined;
  private index: DocumentIndex | undefined;
  /** The text of the transform running now. */
  private current = '';
  private damage = 0;
  private wordsOf: { text: string; words: Words } | undefined;
  private spansOf: { text: string; spans: readonly number[] } | undefined;
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly source: EvidenceSource,
    /** Patterns whose matches no word-level edit may touch, besides URLs and e-mail addresses. */
    readonly protect: readonly RegExp[] = [],
    /** The batch's word counts, when it is cleaned with collection evidence. */
    collection?: CollectionWords,
  ) {
    this.evidence = new Evidence(source, () => this.document(), collection);
  }

  /** A context for one transform run on its own on `text` (tests, evaluation): `text` is the document. */
  static forText(source: EvidenceSource, text: string, protect: readonly RegExp[] = []): RunContext {
    const context = new RunContext(source, protect);
    context.current = text;
    context.documentText = text;
    return context;
  }

  /** `transform` is about to run on `text`. */
  enter(transform: Transform<object>, text: string): void {
    this.current = text;
    if (this.documentText === undefined && STAGES.indexOf(transform.stage) >= WORD_STAGE) this.documentText = text;
  }

  /** `transform` made `edits`: count those that prove the text layer damaged. */
  record(transform: Transform<object>, edits: readonly Edit[]): void {
    if (transform.damageRules.length === 0) return;
    for (const edit of edits) if (transform.damageRules.includes(edit.rule)) this.damage++;
  }

  /**
   * The word stage starts another round: the document index is built again from the text its first
   * transform gets (the repairs of the round before now count). The damage signals stay: what the
   * earlier rounds proved still holds.
   */
  newRound(): void {
    this.documentText = undefined;
    this.index = undefined;
  }

  once<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /** How many edits so far prove the text layer damaged. */
  get damageSignals(): number {
    return this.damage;
  }

  document(): DocumentIndex {
    if (this.documentText === undefined) {
      return new DocumentIndex(this.current, this.source.lexicon, this.words(this.current));
    }
    this.index ??= new DocumentIndex(this.documentText, this.source.lexicon, this.words(this.documentText));
    return this.index;
  }

  words(text: string): Words {
    if (this.wordsOf?.text !== text) this.wordsOf = { text, words: scanWords(text) };
    return this.wordsOf.words;
  }

  protectedSpans(text: string): readonly number[] {
    if (this.spansOf?.text !== text) this.spansOf = { text, spans: protectedSpans(text, this.protect) };
    return this.spansOf.spans;
  }

  provenDamaged(words: number, extra = 0): boolean {
    return this.damage + extra >= Math.max(1, Math.ceil(words / WORDS_PER_DAMAGE_SIGNAL));
  }
}
