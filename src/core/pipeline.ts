/**
 * The pipeline: the selected transforms (`transforms/index.ts` holds the one order), each on the
 * previous one's output, sharing one `RunContext`.
 *
 * The word stage runs in rounds: its transforms repair each other's evidence (the corrector repairs a
 * fragment that `split-words`, which ran before it, could then join: `enaoavour ing`; a repaired word
 * makes its neighbour's pair known; the repaired words now count in the document), so a round that
 * changed the text is followed by another on its output, with the document index built again from
 * it. The first rounds read the text's own lines (`LINE_ROUNDS`: the second only the transforms that
 * decide at line ends); then the layout runs, and the word stage again on the laid-out text, the
 * layout after each round, while a round changes the text: the words are decided as a second
 * cleaning sees them. Each edit of a later round is recorded in a step of its own (`round` 2, 3,
 * ...), with its transform and rule, and replays like any other.
 */
import type { EvidenceSource } from '../evidence/source.js';
import { TRANSFORMS, TRANSFORM_IDS } from '../transforms/index.js';
import type { CollectionWords } from '../evidence/collection.js';
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
  /**
   * The word counts of the batch this document belongs to (`countCollectionWords`): words its other
   * documents write count as evidence, as the document's own do.
   */
  collection?: CollectionWords;
}

export interface Step {
  transform: string;
  edits: Edit[];
  /**
   * The word-stage round of this step, from 2 on: the stage ran again on the text of the round before
   * (absent for the first run of every transform); a furniture or layout step with a round ran in that
   * round on the laid-out text, and a character step with a round ran again on the characters' own
   * output. Only later-round steps with edits are listed.
   */
  round?: number;
}

/**
 * The word stage runs at most this many rounds, the layout after each of those on the laid-out text.
 * Measured on every corpus file (312): the last round with an edit is the first for 226 files, the
 * second for 52, the third for 32, the fourth for 2; and no file changes on a second cleaning. (With
 * three rounds, all before the layout, 6 files did: a heading the layout sets apart starts the
 * sentence after it, `Wo desire` -> `We desire`, and a word cut at a line end, `cor` / `tainly`, is
 * cut by a space once the lines are joined.)
 */
export const WORD_STAGE_ROUNDS = 6;
/** The character stage runs at most this many rounds. */
const CHARACTER_ROUNDS = 3;
/**
 * Of the word rounds, at most this many before the layout, on the text's own lines; the later ones of
 * them run only the transforms that decide at line ends (`Transform.lineEnds`): a repair gives a
 * line-end join its evidence (`tof` / `ward` -> `to` / `ward` -> `toward`), which a space no longer
 * gives. Measured: without that second round the pair sets lose 4 repairs; a second round of every
 * word transform gave the same output 13% slower, and a third too 25% slower.
 */
const LINE_ROUNDS = 2;

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
  const context = new RunContext(evidence, options.protect, options.collection);
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
  const characters = transforms.filter((t) => t.stage === 'characters');
  const furniture = transforms.filter((t) => t.stage === 'furniture');
  const words = transforms.filter((t) => t.stage === 'words');
  const layout = transforms.filter((t) => t.stage === 'layout');
  const lineWords = words.filter((t) => t.lineEnds === true);
  /** `run` once more (a later round), then `after` when `run` changed the text; whether it did. */
  const round = (number: number, run: readonly Transform<object>[], after: readonly Transform<object>[]): boolean => {
    context.newRound();
    let changed = false;
    for (const again of run) {
      const edits = apply(again);
      if (edits.length === 0) continue;
      steps.push({ transform: again.id, edits, round: number });
      changed = true;
    }
    if (changed)
      for (const again of after) {
        const edits = apply(again);
        if (edits.length > 0) steps.push({ transform: again.id, edits, round: number });
      }
    return changed;
  };
  let number = 1;
  for (const transform of transforms) {
    steps.push({ transform: transform.id, edits: apply(transform) });
    if (transform === characters.at(-1)) {
      // A character repair can show another (a ligature or a soft hyphen inside mojibake: `\u00AC\uFB06`
      // -> `\u00AC\u2022`, `\u00A5` read as Mac Roman): the stage again while it changes the text.
      let changed = steps.slice(-characters.length).some((s) => s.edits.length > 0);
      for (let again = 2; changed && again <= CHARACTER_ROUNDS; again++) changed = round(again, characters, []);
    }
    if (transform !== words.at(-1)) continue;
    // The word stage has run once: its line-end transforms again while a round changes the text, its
    // line ends still there (a repair gives a line-end join its evidence: `tof` / `ward` -> `to` /
    // `ward` -> `toward`); the rest run again on the laid-out text below.
    let changed = steps.slice(-words.length).some((s) => s.edits.length > 0);
    while (changed && number < LINE_ROUNDS) changed = round(++number, lineWords, []);
  }
  // Then on the laid-out text, the page furniture and the word stage again, and the layout after them,
  // while a round changes the text, as a second cleaning would see it: once the paragraphs are known (a
  // heading set apart starts the sentence after it; a word cut at a line end is now cut by a space), and
  // once the words are (`theTimes` -> `the Times`, a publication's name on a line of its own).
  const again = [...furniture, ...words];
  const stages = new Set([...words, ...layout].map((t) => t.id));
  let changed = words.length > 0 && steps.some((s) => s.edits.length > 0 && stages.has(s.transform));
  while (changed && number < WORD_STAGE_ROUNDS) changed = round(++number, again, layout);
  return { text, steps };
}

function required(evidence: EvidenceSource | undefined): EvidenceSource {
  if (evidence === undefined) throw new TypeError('runPipeline: no evidence source');
  return evidence;
}
