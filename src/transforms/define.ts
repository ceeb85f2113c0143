/**
 * `defineTransform`: how a transform is written. It gives the transform's `run` what every transform
 * needs, made the same way for all of them, so that none can forget a part:
 *
 * - a recorder stamped with the transform's id and typed by its rule ids, so an edit can carry no
 *   rule the transform does not declare;
 * - protection: the recorder refuses edits that touch a URL, an e-mail address or a span the user's
 *   `protect` patterns match, unless the transform opts out (`protect: false`, with its reason);
 * - the run's shared evidence and context;
 *
 * and it returns the recorder's result, so text changes exactly when edits were recorded.
 */
import { EditRecorder } from '../core/edits.js';
import type { Stage, Transform, TransformContext } from '../core/types.js';
import type { Evidence } from '../evidence/evidence.js';

/** What `run` is given. */
export interface TransformTools<Rule extends string> {
  readonly text: string;
  readonly recorder: EditRecorder<Rule>;
  readonly evidence: Evidence;
  readonly context: TransformContext;
}

export interface TransformSpec<Options extends object, Rule extends string> {
  readonly id: string;
  readonly description: string;
  readonly example: { readonly before: string; readonly after: string };
  readonly defaults: Options;
  readonly enabledByDefault?: boolean;
  readonly stage: Stage;
  readonly lineEnds?: boolean;
  readonly rules: readonly Rule[];
  readonly damageRules?: readonly NoInfer<Rule>[];
  /**
   * False for transforms whose edits may touch protected spans: those that repair characters or
   * remove whole lines, and those that only change the white space between lines and words.
   */
  readonly protect?: boolean;
  /** Record the edits; the text is rebuilt from them. */
  run(tools: TransformTools<Rule>, options: Options): void;
}

export function defineTransform<Options extends object = Record<string, never>, const Rule extends string = string>(
  spec: TransformSpec<Options, Rule>,
): Transform<Options, Rule> {
  const { run, protect = true, damageRules = [], ...data } = spec;
  return {
    ...data,
    damageRules,
    apply(text, context, options) {
      const recorder = new EditRecorder<Rule>(text, spec.id, protect ? () => context.protectedSpans(text) : []);
      run({ text, recorder, evidence: context.evidence, context }, options);
      return recorder.finish();
    },
  };
}

/** `rule`, checked by the compiler to be one of `transform`'s rules: how other modules name a rule. */
export function ruleOf<Rule extends string>(transform: Transform<object, Rule>, rule: NoInfer<Rule>): Rule {
  if (!transform.rules.includes(rule)) throw new Error(`${transform.id} has no rule "${rule}"`);
  return rule;
}

/** `defaults`, typed as the transform's options (`defaults: optionsOf<UnwrapOptions>({ ... })`). */
export function optionsOf<Options extends object>(defaults: Options): Options {
  return defaults;
}
