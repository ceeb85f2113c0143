/**
 * The pipeline: the transforms, in the one order they run. Each sees the previous one's output.
 */
import { UsageError } from './errors.js';
import { DocumentIndex, createEvidenceSource, type EvidenceSource } from '../evidence/evidence.js';
import { abbreviationHyphens } from '../transforms/abbreviation-hyphens.js';
import { boilerplate } from '../transforms/boilerplate.js';
import { hyphens } from '../transforms/hyphens.js';
import { ligatures } from '../transforms/ligatures.js';
import { mojibake } from '../transforms/mojibake.js';
import { noiseLines } from '../transforms/noise-lines.js';
import { ocrConfusions } from '../transforms/ocr-confusions.js';
import { paragraphs } from '../transforms/paragraphs.js';
import { punctuationSpacing } from '../transforms/punctuation-spacing.js';
import { splitWords } from '../transforms/split-words.js';
import { unicode } from '../transforms/unicode.js';
import { unwrap } from '../transforms/unwrap.js';
import { whitespace } from '../transforms/whitespace.js';
import type { Edit, Transform } from './types.js';

/**
 * Pipeline order. Character repairs come first (mojibake needs the raw C1 bytes that `unicode`
 * strips); furniture goes before word repairs so that page heads are not joined into the text; word
 * repairs run while line breaks still exist (a line-end hyphen is strong evidence); lines are unwrapped
 * into paragraphs after that, and whitespace is tidied last.
 */
export const TRANSFORMS: readonly Transform<object>[] = [
  mojibake,
  unicode,
  boilerplate,
  noiseLines,
  ligatures,
  hyphens,
  splitWords,
  ocrConfusions,
  abbreviationHyphens,
  punctuationSpacing,
  unwrap,
  paragraphs,
  whitespace,
];

export const TRANSFORM_IDS: readonly string[] = TRANSFORMS.map((t) => t.id);

export interface Selection {
  /** Run only these transforms (ids), in pipeline order. */
  only?: readonly string[];
  /** Also run these transforms that are off by default (ids). */
  enable?: readonly string[];
  /** Run all but these transforms (ids). */
  skip?: readonly string[];
}

function checkIds(ids: readonly string[], flag: string): void {
  const unknown = ids.filter((id) => !TRANSFORM_IDS.includes(id));
  if (unknown.length > 0) {
    throw new UsageError(
      `${flag}: unknown transform ${unknown.map((id) => `"${id}"`).join(', ')}; valid ids: ${TRANSFORM_IDS.join(', ')}`,
    );
  }
}

/** The transforms to run, in pipeline order. Unknown ids are a usage error that lists the valid ones. */
export function selectTransforms(selection: Selection = {}): Transform<object>[] {
  if (selection.only) checkIds(selection.only, '--only');
  if (selection.skip) checkIds(selection.skip, '--skip');
  if (selection.enable) checkIds(selection.enable, '--enable');
  const wanted = (t: Transform<object>) =>
    selection.only ? selection.only.includes(t.id) : t.enabledByDefault !== false || !!selection.enable?.includes(t.id);
  return TRANSFORMS.filter((t) => wanted(t) && !selection.skip?.includes(t.id));
}

export interface PipelineOptions extends Selection {
  /** Options per transform id, merged over each transform's defaults. */
  transformOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  evidence?: EvidenceSource;
  /** Patterns whose matches word-level transforms never edit, besides URLs and e-mail addresses. */
  protect?: readonly RegExp[];
}

export interface Step {
  transform: string;
  edits: Edit[];
}

export interface PipelineResult {
  text: string;
  /** Every step that ran, in order, with its edits (offsets into that step's input). */
  steps: Step[];
}

export function runPipeline(input: string, options: PipelineOptions = {}): PipelineResult {
  const transforms = selectTransforms(options);
  const evidence = options.evidence ?? createEvidenceSource();
  let text = input;
  const steps: Step[] = [];
  const priorEdits: Edit[] = [];
  let index: DocumentIndex | undefined;
  for (const transform of transforms) {
    const merged = { ...transform.defaults, ...options.transformOptions?.[transform.id] };
    const input = text;
    const document = () => (index ??= new DocumentIndex(input, evidence.lexicon));
    const result = transform.apply(text, { evidence, priorEdits, document, protect: options.protect }, merged);
    priorEdits.push(...result.edits);
    steps.push({ transform: transform.id, edits: result.edits });
    text = result.text;
  }
  return { text, steps };
}
