/**
 * clean-article as a library: `cleanArticle(text, options)` runs the same pipeline as the CLI.
 *
 *     import { cleanArticle } from 'clean-article';
 *     const { output, article, edits } = cleanArticle(rawText, { format: 'markdown' });
 */
import { choosePreset, withPreset, type SourceChoice } from './core/detect.js';
import { createEvidenceSource, type EvidenceSource } from './evidence/evidence.js';
import { runPipeline, type PipelineOptions, type Step } from './core/pipeline.js';
import type { PresetChoice } from './core/presets.js';
import { render, type Format } from './render/index.js';
import { segment } from './core/segment.js';
import type { Article, Edit } from './core/types.js';

export interface CleanOptions extends Omit<PipelineOptions, 'evidence'> {
  /** Output format of `output`; default `text`. */
  format?: Format;
  /**
   * A preset for the source (`pressreader`, `pdftotext`, `chronam`, `generic`), or `auto` (the
   * default) to detect it from the text. `only`, `skip` and `transformOptions` override the preset.
   */
  preset?: PresetChoice;
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
  /** The preset used, and why (detected from the text, or asked for). */
  source: SourceChoice;
}

export function cleanArticle(input: string, options: CleanOptions = {}): CleanResult {
  const evidence = options.evidence ?? createEvidenceSource(options.words);
  const source = choosePreset(options.preset ?? 'auto', input);
  const { text, steps } = runPipeline(input, { ...withPreset(source.preset, options), evidence });
  const edits = steps.flatMap((s) => s.edits);
  const article: Article = { ...segment(text, edits), source: source.preset };
  return { output: render(article, options.format ?? 'text'), text, article, edits, steps, source };
}

export { createEvidenceSource } from './evidence/evidence.js';
export type { EvidenceSource } from './evidence/evidence.js';
export { TRANSFORMS, TRANSFORM_IDS, runPipeline, selectTransforms } from './core/pipeline.js';
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
export { diff, unifiedDiff, wordDiff, diffSequences, DIFF_MODES } from './report/diff.js';
export type { DiffMode, DiffOp, DiffOptions } from './report/diff.js';
export { dryRun, formatDryRun } from './report/dry-run.js';
export type { DryRun } from './report/dry-run.js';
export { computeStats, formatStats } from './report/stats.js';
export type { Stats } from './report/stats.js';
export { visible } from './report/visible.js';
export type { BoilerplateOptions, BoilerplatePattern } from './transforms/boilerplate.js';
