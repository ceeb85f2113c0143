/**
 * clean-article as a library: `cleanArticle(text, options)` runs the same pipeline as the CLI.
 *
 *     import { cleanArticle } from 'clean-article';
 *     const { output, article, edits } = cleanArticle(rawText, { format: 'markdown' });
 */
import { cleanWith, type CleanOptions, type CleanResult } from './core/clean.js';
import { runPipeline as runTransforms, type PipelineOptions, type PipelineResult } from './core/pipeline.js';
import { checkCleanOptions, checkInput, checkPipelineOptions } from './core/options.js';
import { sharedEvidenceSource } from './io/data-files.js';
import { checkEncoding, decodeBytes, type Decoded } from './core/decode.js';
import { UsageError } from './core/errors.js';
import { CollectionCounter, type CollectionData, type CollectionWords } from './evidence/collection.js';
import { countDocument } from './core/detect.js';
import type { EvidenceSource } from './evidence/source.js';

export type { CleanOptions, CleanResult } from './core/clean.js';

/**
 * Clean one article. Without `options.evidence`, the word lists are loaded (once per process), and calls with the same
 * `words` share one evidence source. The
 * options are checked first, with the configuration file's schema: a bad one (from plain JavaScript
 * too) is a UsageError that names it (`options.skip[0]: unknown transform id "x"; valid: ...`).
 */
export function cleanArticle(input: string, options: CleanOptions = {}): CleanResult {
  const text = checkInput(input);
  const checked = checkCleanOptions(options);
  return cleanWith(text, checked, checked.evidence ?? sharedEvidenceSource(checked.words));
}

/** What `cleanArticleBytes` adds to `cleanArticle`'s options. */
export interface BytesOptions extends CleanOptions {
  /** Decode with this encoding instead of detecting it (as `--encoding`). */
  encoding?: string;
  /** The input's name in error messages (default `<bytes>`). */
  name?: string;
}

/** `cleanArticle`'s result, and how the bytes were decoded. */
export interface BytesResult extends CleanResult {
  decoding: Omit<Decoded, 'text'>;
}

/**
 * Clean one article given as bytes (a Buffer or Uint8Array), decoded as the CLI decodes a file: a
 * byte-order mark (UTF-8, UTF-16), else valid UTF-8, else Windows-1252, or `options.encoding`.
 * `decoding` says which and why (`{encoding, reason, bytes, warning?}`). Bytes that look binary, and
 * PDF files, are an InputError; a bad option or an unknown encoding a UsageError.
 */
export function cleanArticleBytes(input: Uint8Array, options: BytesOptions = {}): BytesResult {
  if (!(input instanceof Uint8Array)) {
    throw new UsageError(`input: expected a Buffer or Uint8Array, got ${input === null ? 'null' : typeof input}`);
  }
  const { encoding, name = '<bytes>', ...clean } = options;
  if (encoding !== undefined) checkEncoding(encoding);
  const checked = checkCleanOptions(clean);
  const { text, ...decoding } = decodeBytes(input, name, encoding);
  const result = cleanWith(text, checked, checked.evidence ?? sharedEvidenceSource(checked.words));
  return { ...result, decoding };
}

/** Run the selected transforms on `input` (no preset, no segmentation); the options are checked first. */
export function runPipeline(input: string, options: PipelineOptions = {}): PipelineResult {
  const text = checkInput(input);
  const checked = checkPipelineOptions(options);
  return runTransforms(text, checked, checked.evidence ?? sharedEvidenceSource());
}

export { createEvidenceSource } from './io/data-files.js';
export { CollectionWords, CollectionCounter, COLLECTION_MIN_DOCUMENTS } from './evidence/collection.js';
export type { CollectionData } from './evidence/collection.js';

/**
 * The word counts of a collection (`texts`: the documents of a batch, raw), for `options.collection`:
 * each document is then cleaned with what the others write as evidence (names that recur across a
 * newspaper's pages), and a document with no sign of its own source is detected from the signs of OCR
 * the whole collection shows. Count every document first, then clean each with the same counts.
 * `evidence` (default: the shared source) reads the signs; give the one you clean with, if you made one.
 */
export function countCollectionWords(texts: Iterable<string>, evidence?: EvidenceSource): CollectionWords {
  return mergeCollectionCounts([countCollectionPart(texts, evidence)]);
}

/**
 * `countCollectionWords` in parts, for a collection too large for one place (a cluster job): each
 * partition's texts give their counts as plain data (every form, those one document writes
 * included); `mergeCollectionCounts` sums the parts, in any order, into the collection's counts.
 */
export function countCollectionPart(texts: Iterable<string>, evidence?: EvidenceSource): CollectionData {
  const counter = new CollectionCounter();
  const source = evidence ?? sharedEvidenceSource();
  for (const text of texts) countDocument(counter, checkInput(text), source);
  return counter.toData();
}

/** The collection's counts from the parts `countCollectionPart` gave (see there). */
export function mergeCollectionCounts(parts: Iterable<CollectionData>): CollectionWords {
  const counter = new CollectionCounter();
  for (const part of parts) counter.merge(part);
  return counter.finish();
}
export type { EvidenceSource } from './evidence/source.js';
export { TRANSFORMS, TRANSFORM_IDS } from './transforms/index.js';
export { selectTransforms } from './core/pipeline.js';
export type { PipelineOptions, PipelineResult, Step } from './core/pipeline.js';
export { FORMATS, render } from './render/index.js';
export type { Format } from './render/index.js';
export { segment } from './core/segment.js';
export { UsageError, InputError, EXIT_OK, EXIT_INPUT, EXIT_USAGE } from './core/errors.js';
export type { Article, Edit, Removed, Transform, TransformResult } from './core/types.js';
export { Evidence } from './evidence/evidence.js';
export { decideLineEndHyphen, decideLostHyphen, decideInlineHyphen } from './transforms/hyphens.js';
export type { HyphenDecision } from './transforms/hyphens.js';
export { PRESETS, PRESET_IDS, PRESET_CHOICES } from './core/presets.js';
export type { Preset, PresetId, PresetChoice } from './core/presets.js';
export { detectSource, choosePreset, withPreset } from './core/detect.js';
export type { SourceChoice } from './core/detect.js';
export { explain, explainEdits, formatExplanation, formatExplanationJson } from './report/explain.js';
export type { Explanation, ExplainedEdit, DecodingNote } from './report/explain.js';
export { mapOffsetBack, mapOffsetsBack, originalOffsets, lineColumns } from './report/origin.js';
export { diff, unifiedDiff, wordDiff, diffSequences, DIFF_MODES } from './report/diff/index.js';
export type { DiffMode, DiffOp, DiffOptions } from './report/diff/index.js';
export { dryRun, formatDryRun } from './report/dry-run.js';
export type { DryRun } from './report/dry-run.js';
export { computeStats, formatStats } from './report/stats.js';
export type { Stats } from './report/stats.js';
export { visible } from './report/visible.js';
export type { BoilerplateOptions, BoilerplatePattern } from './transforms/boilerplate.js';
