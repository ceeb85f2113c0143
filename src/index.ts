/**
 * clean-article as a library: `cleanArticle(text, options)` runs the same pipeline as the CLI.
 *
 *     import { cleanArticle } from 'clean-article';
 *     const { output, article, edits } = cleanArticle(rawText, { format: 'markdown' });
 */
import { createEvidenceSource, type EvidenceSource } from './evidence/evidence.js';
import { runPipeline, type PipelineOptions, type Step } from './pipeline.js';
import { render, type Format } from './render/index.js';
import { segment } from './segment.js';
import type { Article, Edit } from './types.js';

export interface CleanOptions extends Omit<PipelineOptions, 'evidence'> {
  /** Output format of `output`; default `text`. */
  format?: Format;
  /** Extra words the repairs may produce (names, jargon), one per entry. */
  words?: Iterable<string>;
  /** A prepared evidence source, to share one between many calls with the same words. */
  evidence?: EvidenceSource;
}

export interface CleanResult {
  /** The article rendered in `format`. */
  output: string;
  /** The cleaned text before rendering (paragraphs separated by blank lines). */
  text: string;
  /** The article's parts. */
  article: Article;
  /** Every edit, in pipeline order; offsets are into the input of the edit's transform. */
  edits: Edit[];
  /** The edits grouped by the transform that made them, in pipeline order. */
  steps: Step[];
}

export function cleanArticle(input: string, options: CleanOptions = {}): CleanResult {
  const evidence = options.evidence ?? createEvidenceSource(options.words);
  const { text, steps } = runPipeline(input, { ...options, evidence });
  const edits = steps.flatMap((s) => s.edits);
  const article = segment(text, edits);
  return { output: render(article, options.format ?? 'text'), text, article, edits, steps };
}

export { createEvidenceSource } from './evidence/evidence.js';
export type { EvidenceSource } from './evidence/evidence.js';
export { TRANSFORMS, TRANSFORM_IDS, runPipeline, selectTransforms } from './pipeline.js';
export type { PipelineOptions, PipelineResult, Step } from './pipeline.js';
export { FORMATS, render } from './render/index.js';
export type { Format } from './render/index.js';
export { segment } from './segment.js';
export { UsageError, InputError, EXIT_OK, EXIT_INPUT, EXIT_USAGE } from './errors.js';
export type { Article, Edit, Removed, Transform, TransformResult } from './types.js';
export { Evidence } from './evidence/evidence.js';
export { decideLineEndHyphen, decideLostHyphen, decideInlineHyphen } from './transforms/hyphens.js';
export type { HyphenDecision } from './transforms/hyphens.js';
