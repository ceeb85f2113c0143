/**
 * The pipeline: the selected transforms (`transforms/index.ts` holds the one order), each on the
 * previous one's output, sharing one `RunContext`.
 *
 * The word stage runs in rounds: its transforms repair each other's evidence (the corrector repairs a
 * fragment that `split-words`, which ran before it, could then join: `enaoavour ing`; a repaired word
 * makes its neighbour's pair known; the repaired words now count in the document), so a round that
 * changed the text is followed by another on its output, with the document index built again from
 * it, as a second cleaning would see it. Each edit of a later round is recorded in a step of its own
 * (`round` 2, 3), with its transform and rule, and replays like any other.
 */
import type { EvidenceSource } from '../evidence/source.js';
import { TRANSFORMS, TRANSFORM_IDS } from '../transforms/index.js';
import { RunContext } from './context.js';
import { UsageError } from './errors.js';
import type { Edit, Transform } from './types.js';

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
  /**
   * The word-stage round of this step, from 2 on: the stage ran again on the text of the round before
   * (absent for the first run of every transform). Only later-round steps with edits are listed.
   */
  round?: number;
}

/**
 * The word stage runs at most this many rounds. Measured on every corpus file (312): one round leaves
 * 31 files that a second cleaning changes, two rounds 6, three 4, five 4; a round after one that
 * changed nothing would change nothing.
 */
export const WORD_STAGE_ROUNDS = 3;

export interface PipelineResult {
  text: string;
  /** Every step that ran, in order, with its edits (offsets into that step's input). */
  steps: Step[];
}

/**
 * Run the selected transforms on `input` with `evidence` (the library entry fills it in when the
 * caller gives none).
 */
export function runPipeline(
  input: string,
  options: PipelineOptions,
  evidence: EvidenceSource = required(options.evidence),
): PipelineResult {
  const transforms = selectTransforms(options);
  const context = new RunContext(evidence, options.protect);
  let text = input;
  const steps: Step[] = [];
  const apply = (transform: Transform<object>): Edit[] => {
    const merged = { ...transform.defaults, ...options.transformOptions?.[transform.id] };
    context.enter(transform, text);
    const result = transform.apply(text, context, merged);
    context.record(transform, result.edits);
    text = result.text;
    return result.edits;
  };
  const words = transforms.filter((t) => t.stage === 'words');
  for (const transform of transforms) {
    steps.push({ transform: transform.id, edits: apply(transform) });
    if (transform !== words.at(-1)) continue;
    // The word stage has run once: again while a round changes the text.
    let changed = steps.slice(-words.length).some((s) => s.edits.length > 0);
    for (let round = 2; changed && round <= WORD_STAGE_ROUNDS; round++) {
      context.newRound();
      changed = false;
      for (const again of words) {
        const edits = apply(again);
        if (edits.length === 0) continue;
        steps.push({ transform: again.id, edits, round });
        changed = true;
      }
    }
  }
  return { text, steps };
}

function required(evidence: EvidenceSource | undefined): EvidenceSource {
  if (evidence === undefined) throw new TypeError('runPipeline: no evidence source');
  return evidence;
}
