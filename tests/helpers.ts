import { applyEdits } from '../src/core/edits.js';
import { createEvidenceSource, runPipeline, TRANSFORMS } from '../src/index.js';
import type { Edit, Transform } from '../src/index.js';
import { RunContext } from '../src/core/context.js';

export const evidence = createEvidenceSource();

export function transform(id: string): Transform<object> {
  const t = TRANSFORMS.find((x) => x.id === id);
  if (!t) throw new Error(`no transform ${id}`);
  return t;
}

/** Run one transform on `text` with its defaults (and `options` over them). */
export function apply(id: string, text: string, options: object = {}, priorEdits: Edit[] = []) {
  const t = transform(id);
  const context = RunContext.forText(evidence, text);
  for (const edit of priorEdits) context.record(transform(edit.transform), [edit]);
  return t.apply(text, context, { ...t.defaults, ...options });
}

/** Run the pipeline's transforms up to and including `id`, and return that transform's output. */
export function pipelineUpTo(id: string, text: string): string {
  const ids = TRANSFORMS.map((t) => t.id);
  return runPipeline(text, { evidence, only: ids.slice(0, ids.indexOf(id) + 1) }).text;
}

/** Replaying a transform's edits on its input gives its output. */
export function replays(input: string, output: string, edits: readonly Edit[]): boolean {
  return applyEdits(input, edits) === output;
}

/** An earlier transform repaired ligature garbage: the document's text layer is known to be damaged. */
export const damaged: Edit[] = [
  { transform: 'ligatures', rule: 'repeated-group', offset: 0, before: 'efffforts', after: 'efforts', reason: '' },
];

/** An edit for tests that read or replay edit lists (transform `t`, rule `r`). */
export const makeEdit = (offset: number, before: string, after: string): Edit => ({
  transform: 't',
  rule: 'r',
  offset,
  before,
  after,
  reason: '',
});
