/**
 * Clean one article: choose the preset, run the pipeline, segment the result into an article and
 * render it. Pure: the evidence is given (the library entry reads the lexicon when the caller gives none).
 */
import type { EvidenceSource } from '../evidence/source.js';
import { render, type Format } from '../render/index.js';
import { choosePreset, withPreset, type SourceChoice } from './detect.js';
import { runPipeline, type PipelineOptions, type Step } from './pipeline.js';
import type { PresetChoice } from './presets.js';
import { segment } from './segment.js';
import type { Article, Edit } from './types.js';

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

/** `cleanArticle` with the evidence given. */
export function cleanWith(input: string, options: CleanOptions, evidence: EvidenceSource): CleanResult {
  const source = choosePreset(options.preset ?? 'auto', input, evidence, options.collection);
  const { text, steps } = runPipeline(input, withPreset(source.preset, options), evidence);
  const edits: Edit[] = [];
  for (const step of steps) for (const edit of step.edits) edits.push(edit);
  const article: Article = {
    ...segment(text, edits, { historic: source.preset === 'chronam' }),
    source: source.preset,
  };
  return { output: render(article, options.format ?? 'text'), text, article, edits, steps, source };
}
