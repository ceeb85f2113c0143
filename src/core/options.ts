/**
 * The options schema: one set of checks for the configuration file and for the library's options
 * (`cleanArticle`, `runPipeline`), so a value is accepted or refused the same way wherever it comes
 * from. A check returns the value (converted: patterns compiled, words trimmed) or throws a UsageError
 * naming the key path and what was expected:
 *
 *     transforms.unwrap.shortLineRatio: expected a number between 0 and 1, got "high"   (configuration)
 *     options.skip[0]: unknown transform id "x"; valid: mojibake, unicode, ...           (library)
 *
 * Pure: reads no file (the configuration's `wordsFile` is read by `cli/config.ts`).
 */
import { CollectionWords } from '../evidence/collection.js';
import type { EvidenceSource } from '../evidence/source.js';
import { FORMATS, type Format } from '../render/index.js';
import { BOILERPLATE_RULE_IDS, type BoilerplatePattern } from '../transforms/boilerplate.js';
import { TRANSFORM_IDS } from '../transforms/index.js';
import type { CleanOptions } from './clean.js';
import { UsageError } from './errors.js';
import { nestedQuantifier } from './patterns.js';
import { selectTransforms, type PipelineOptions } from './pipeline.js';
import { PRESET_CHOICES, type PresetChoice } from './presets.js';

/** The JSON Schema (draft 2020-12) of what a check accepts in a configuration file. */
export type JsonSchema = { [key: string]: unknown };

/**
 * A checker: returns the value (converted) or throws a UsageError naming `at`. `schema` says the same
 * as JSON Schema, for editors (`configJsonSchema()`); checks of library-only values have none.
 */
export type Check<T> = ((value: unknown, at: string) => T) & { schema?: JsonSchema };

/** `check`, described by `schema`. */
function withSchema<T>(check: (value: unknown, at: string) => T, schema: JsonSchema): Check<T> {
  return Object.assign(check, { schema });
}

/** A value as the error message shows it. */
function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof RegExp) return String(value);
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  return String(value);
}

function fail(at: string, expected: string, value: unknown): never {
  throw new UsageError(`${at}: expected ${expected}, got ${shown(value)}`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp);

const join = (at: string, key: string) => (at === '' ? key : `${at}.${key}`);

const bool: Check<boolean> = withSchema(
  (value, at) => (typeof value === 'boolean' ? value : fail(at, 'true or false', value)),
  { type: 'boolean' },
);

const numberBetween = (min: number, max: number): Check<number> =>
  withSchema(
    (value, at) =>
      typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
        ? value
        : fail(at, `a number between ${min} and ${max}`, value),
    { type: 'number', minimum: min, maximum: max },
  );

const nonEmptyString = (what = 'a non-empty string'): Check<string> =>
  withSchema((value, at) => (typeof value === 'string' && value.trim() !== '' ? value : fail(at, what, value)), {
    type: 'string',
    pattern: '\\S',
  });

const oneOf = <T extends string>(values: readonly T[], what: string): Check<T> =>
  withSchema(
    (value, at) => {
      if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
      if (typeof value !== 'string') return fail(at, what, value);
      throw new UsageError(`${at}: unknown ${what.replace(/^an? /, '')} ${shown(value)}; valid: ${values.join(', ')}`);
    },
    { enum: [...values] },
  );

const arrayOf = <T>(item: Check<T>): Check<T[]> =>
  withSchema(
    (value, at) => (Array.isArray(value) ? value.map((v, i) => item(v, `${at}[${i}]`)) : fail(at, 'an array', value)),
    { type: 'array', ...(item.schema && { items: item.schema }) },
  );

/** A list from the library: an array, or another iterable that is not a string (a Set). */
const listOf =
  <T>(item: Check<T>, what: string): Check<T[]> =>
  (value, at) => {
    if (typeof value === 'string' || !(isObject(value) || Array.isArray(value)) || !(Symbol.iterator in value)) {
      return fail(at, what, value);
    }
    return [...(value as Iterable<unknown>)].map((v, i) => item(v, `${at}[${i}]`));
  };

/**
 * An object with exactly these optional keys; unknown keys are errors that list the valid ones. A key
 * whose value is `undefined` is absent (a library caller's `{ format: undefined }`).
 */
function objectOf<T extends Record<string, unknown>>(
  shape: { [K in keyof T]: Check<T[K]> },
  required: readonly (keyof T)[] = [],
  what = 'an object',
  descriptions: Readonly<Record<string, string>> = {},
): Check<Partial<T>> {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, check] of Object.entries(shape) as [string, Check<unknown>][]) {
    properties[key] = { ...(descriptions[key] && { description: descriptions[key] }), ...check.schema };
  }
  const schema: JsonSchema = {
    type: 'object',
    properties,
    ...(required.length > 0 && { required: [...required] }),
    additionalProperties: false,
  };
  return withSchema((value, at) => {
    if (!isObject(value)) return fail(at, what, value);
    const out: Partial<T> = {};
    const keys = Object.keys(shape);
    for (const [key, v] of Object.entries(value)) {
      if (!keys.includes(key)) {
        throw new UsageError(`${join(at, key)}: unknown key; valid keys: ${keys.join(', ')}`);
      }
      if (v !== undefined) out[key as keyof T] = shape[key as keyof T](v, join(at, key));
    }
    for (const key of required) {
      if (!Object.hasOwn(value, key as string) || value[key as string] === undefined)
        throw new UsageError(`${join(at, String(key))}: missing; expected ${describeKey(String(key))}`);
    }
    return out;
  }, schema);
}

const KEY_DESCRIPTIONS: Readonly<Record<string, string>> = { name: 'a rule name', pattern: 'a regular expression' };
const describeKey = (key: string): string =>
  Object.hasOwn(KEY_DESCRIPTIONS, key) ? KEY_DESCRIPTIONS[key]! : 'a value';

/** Regular expression flags a pattern may carry. */
const FLAGS = /^(?!.*(.).*\1)[iu]*$/;
const flags: Check<string> = withSchema(
  (value, at) => (typeof value === 'string' && FLAGS.test(value) ? value : fail(at, '"i", "u" or "iu"', value)),
  { type: 'string', pattern: FLAGS.source },
);

/** Refuse a pattern that can backtrack exponentially (`patterns.ts`): it would run over every line. */
function checkSafe(source: string, at: string): void {
  const nested = nestedQuantifier(source);
  if (nested !== undefined) {
    throw new UsageError(
      `${at}: the pattern nests unbounded quantifiers ("${nested}"), which can take exponential time on a line that almost matches; write it without a repeated group that holds *, + or {n,}`,
    );
  }
}

function compile(source: string, flagString: string, at: string): RegExp {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, flagString);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      `${at}: invalid regular expression: ${message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '')}`,
    );
  }
  checkSafe(source, at);
  return pattern;
}

/** A regular expression object from the library, checked as a compiled pattern is. */
const regExp: Check<RegExp> = (value, at) => {
  if (!(value instanceof RegExp)) return fail(at, 'a regular expression', value);
  checkSafe(value.source, at);
  return value;
};

/** A pattern: a string, or `{pattern, flags}`. */
const patternSpec = objectOf<{ pattern: string; flags: string }>(
  { pattern: nonEmptyString('a regular expression'), flags },
  ['pattern'],
  'a regular expression or {"pattern": ..., "flags": ...}',
);
/** A `protect` pattern of the configuration: a string or `{pattern, flags}`, compiled global. */
const protectPattern: Check<RegExp> = withSchema(
  (value, at) => {
    if (typeof value === 'string') return compile(nonEmptyString('a regular expression')(value, at), 'g', at);
    const spec = patternSpec(value, at);
    return compile(spec.pattern!, `g${spec.flags ?? ''}`, join(at, 'pattern'));
  },
  { anyOf: [nonEmptyString().schema, patternSpec.schema] },
);
/** A `protect` pattern of the library: a RegExp, or what the configuration takes. */
const libraryProtectPattern: Check<RegExp> = (value, at) =>
  value instanceof RegExp ? regExp(value, at) : protectPattern(value, at);

const RULE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ruleName: Check<string> = withSchema(
  (v, a) => (typeof v === 'string' && RULE_NAME.test(v) ? v : fail(a, 'a kebab-case rule name like "promo-box"', v)),
  { type: 'string', pattern: RULE_NAME.source },
);

const boilerplateSpec = objectOf<{ name: string; pattern: string; flags: string }>(
  { name: ruleName, pattern: nonEmptyString('a regular expression'), flags },
  ['name', 'pattern'],
  'an object {"name": ..., "pattern": ...}',
);
/** A configured furniture line: `{name, pattern, flags?}`, the pattern matching a whole (trimmed) line. */
const boilerplateEntry: Check<BoilerplatePattern> = withSchema((value, at) => {
  const spec = boilerplateSpec(value, at);
  return { name: spec.name!, pattern: compile(`^(?:${spec.pattern!})$`, spec.flags ?? '', join(at, 'pattern')) };
}, boilerplateSpec.schema!);
/** `boilerplate.extraPatterns` from the library: `{name, pattern}` with a RegExp, used as given. */
const extraPattern: Check<BoilerplatePattern> = (value, at) => {
  const spec = objectOf<{ name: string; pattern: RegExp }>(
    { name: ruleName, pattern: regExp },
    ['name', 'pattern'],
    'an object {name, pattern}',
  )(value, at);
  return { name: spec.name!, pattern: spec.pattern! };
};

/**
 * The options a configuration may set, per transform. Every option in a transform's defaults is here
 * (but boilerplate's `extraPatterns`, which the configuration's `boilerplate` key fills).
 */
export const TRANSFORM_OPTION_CHECKS: Readonly<Record<string, Readonly<Record<string, Check<unknown>>>>> = {
  unicode: { longS: bool },
  'ocr-confusions': { longS: bool },
  unwrap: { shortLineRatio: numberBetween(0, 1) },
  'split-words': { compoundMinScore: numberBetween(0, 30) },
  boilerplate: { skipRules: arrayOf(oneOf(BOILERPLATE_RULE_IDS, 'a boilerplate rule id')) },
};

/** The options the library may set: the configuration's, and boilerplate's `extraPatterns`. */
const LIBRARY_OPTION_CHECKS: Readonly<Record<string, Readonly<Record<string, Check<unknown>>>>> = {
  ...TRANSFORM_OPTION_CHECKS,
  boilerplate: { ...TRANSFORM_OPTION_CHECKS.boilerplate, extraPatterns: arrayOf(extraPattern) },
};

/** The schema of `transforms`: per transform id, an object of its options (none for most). */
function transformOptionsSchema(
  optionChecks: Readonly<Record<string, Readonly<Record<string, Check<unknown>>>>>,
): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const id of TRANSFORM_IDS) {
    const checks = Object.hasOwn(optionChecks, id) ? optionChecks[id]! : {};
    properties[id] = {
      type: 'object',
      properties: Object.fromEntries(Object.entries(checks).map(([name, check]) => [name, check.schema ?? {}])),
      additionalProperties: false,
    };
  }
  return { type: 'object', properties, additionalProperties: false };
}

const transformOptionsOf = (
  optionChecks: Readonly<Record<string, Readonly<Record<string, Check<unknown>>>>>,
): Check<Record<string, Record<string, unknown>>> =>
  withSchema((value, at) => {
    if (!isObject(value)) return fail(at, 'an object of options per transform id', value);
    const out: Record<string, Record<string, unknown>> = {};
    for (const [id, options] of Object.entries(value)) {
      const where = join(at, id);
      if (!TRANSFORM_IDS.includes(id)) {
        throw new UsageError(`${where}: unknown transform; valid ids: ${TRANSFORM_IDS.join(', ')}`);
      }
      if (options === undefined) continue;
      if (!isObject(options)) return fail(where, 'an object of options', options);
      // Own properties only: an option named like a built-in property (`valueOf`, `__proto__`) is unknown.
      const checks = Object.hasOwn(optionChecks, id) ? optionChecks[id]! : {};
      const names = Object.keys(checks);
      out[id] = {};
      for (const [name, v] of Object.entries(options)) {
        const check = Object.hasOwn(checks, name) ? checks[name] : undefined;
        if (!check) {
          throw new UsageError(
            `${join(where, name)}: unknown option; ${names.length === 0 ? `${id} has no options` : `valid options: ${names.join(', ')}`}`,
          );
        }
        if (v !== undefined) out[id][name] = check(v, join(where, name));
      }
    }
    return out;
  }, transformOptionsSchema(optionChecks));

const transformId = oneOf(TRANSFORM_IDS, 'a transform id');
const word: Check<string> = withSchema(
  (value, at) =>
    typeof value === 'string' && /^\S+$/.test(value.trim()) ? value.trim() : fail(at, 'a word without spaces', value),
  { type: 'string', pattern: '^\\s*\\S+\\s*$' },
);

/** The checks the configuration and the library share, under the same keys. */
const SHARED = {
  preset: oneOf(PRESET_CHOICES, 'a preset'),
  only: arrayOf(transformId),
  skip: arrayOf(transformId),
  enable: arrayOf(transformId),
};

/** What a configuration file holds, checked and compiled (its `wordsFile` not read yet). */
export interface ConfigOptions {
  preset?: PresetChoice;
  only?: string[];
  skip?: string[];
  /** Transforms that are off by default, turned on. */
  enable?: string[];
  /** Options per transform id (`boilerplate.extraPatterns` holds the compiled `boilerplate` entries). */
  transformOptions: Record<string, Record<string, unknown>>;
  /** Patterns no word-level transform may edit. */
  protect: RegExp[];
  /** Extra words, from `words`. */
  words: string[];
  /** `wordsFile` as written (relative to the configuration's folder). */
  wordsFile?: string;
}

/** What each key of the configuration is for, in its JSON Schema (editors show it). */
const CONFIG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  $schema: 'The JSON Schema of this file, for editors; ignored by clean-article',
  preset: 'Settings for a source, as --preset; auto detects it from the text',
  only: 'Run only these transforms, as --only',
  skip: 'Run every transform but these, as --skip',
  enable: 'Also run these transforms that are off by default, as --enable',
  transforms: 'Options per transform id',
  boilerplate: "A publication's own furniture: a line whose trimmed text the pattern matches as a whole is removed",
  words: 'Extra words repairs may produce (names, jargon)',
  wordsFile: "A word list file, one word a line, relative to this file's folder",
  protect: 'Regular expressions whose matches no word-level transform edits',
};

const configShape = objectOf<{
  $schema: string;
  preset: PresetChoice;
  only: string[];
  skip: string[];
  enable: string[];
  transforms: Record<string, Record<string, unknown>>;
  boilerplate: BoilerplatePattern[];
  words: string[];
  wordsFile: string;
  protect: RegExp[];
}>(
  {
    ...SHARED,
    transforms: transformOptionsOf(TRANSFORM_OPTION_CHECKS),
    boilerplate: arrayOf(boilerplateEntry),
    words: arrayOf(word),
    wordsFile: nonEmptyString('a file name'),
    protect: arrayOf(protectPattern),
    $schema: nonEmptyString('a schema URL or path'),
  },
  [],
  'a JSON object',
  CONFIG_DESCRIPTIONS,
);

/**
 * The configuration file's JSON Schema, from the same checks `checkConfig` runs: editors complete and
 * check a configuration with it (`"$schema"` in the file, or the editor's settings). A few checks go
 * further than a schema can say (a pattern that backtracks exponentially, a regular expression that
 * does not compile); `clean-article` refuses those when it reads the file.
 */
export function configJsonSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'clean-article configuration (clean-article.config.json)',
    ...configShape.schema,
  };
}

/** Check a parsed configuration and compile its patterns. Throws a UsageError naming the key path. */
export function checkConfig(value: unknown): ConfigOptions {
  const c = configShape(value, '');
  const options = c.transforms ?? {};
  if (c.boilerplate && c.boilerplate.length > 0) {
    options.boilerplate = { ...options.boilerplate, extraPatterns: c.boilerplate };
  }
  return {
    ...(c.preset !== undefined && { preset: c.preset }),
    ...(c.only !== undefined && { only: c.only }),
    ...(c.skip !== undefined && { skip: c.skip }),
    ...(c.enable !== undefined && { enable: c.enable }),
    ...(c.wordsFile !== undefined && { wordsFile: c.wordsFile }),
    transformOptions: options,
    protect: c.protect ?? [],
    words: c.words ?? [],
  };
}

/** A prepared evidence source (`createEvidenceSource`): its lexicon and extra words. */
const evidenceSource: Check<EvidenceSource> = (value, at) =>
  isObject(value) && isObject(value.lexicon) && value.extraWords instanceof Set
    ? (value as unknown as EvidenceSource)
    : fail(at, 'an evidence source made by createEvidenceSource()', value);

/** A collection's word counts (`countCollectionWords`). */
const collectionWords: Check<CollectionWords> = (value, at) =>
  value instanceof CollectionWords ? value : fail(at, 'word counts made by countCollectionWords()', value);

/** The library's names: what a caller of `cleanArticle` or `runPipeline` wrote. */
const LIBRARY = 'options';

const PIPELINE_CHECKS = {
  only: SHARED.only,
  skip: SHARED.skip,
  enable: SHARED.enable,
  transformOptions: transformOptionsOf(LIBRARY_OPTION_CHECKS),
  protect: listOf(libraryProtectPattern, 'an array of regular expressions'),
  evidence: evidenceSource,
  collection: collectionWords,
};

const pipelineShape = objectOf<Record<string, unknown>>(PIPELINE_CHECKS);

const cleanShape = objectOf<Record<string, unknown>>({
  ...PIPELINE_CHECKS,
  format: oneOf<Format>(FORMATS, 'a format'),
  preset: SHARED.preset,
  words: listOf(word, 'an array of words'),
});

/** `runPipeline`'s options from a library caller, checked; errors name `options.<key>`. */
export function checkPipelineOptions(value: unknown): PipelineOptions {
  return value === undefined ? {} : leavesTransforms(pipelineShape(value, LIBRARY) as PipelineOptions);
}

/** A selection that leaves no transform to run (`only: []`, `only` and `skip` the same) is a mistake. */
function leavesTransforms<T extends PipelineOptions>(options: T): T {
  if ((options.only !== undefined || options.skip !== undefined) && selectTransforms(options).length === 0) {
    const given = [options.only && `${LIBRARY}.only`, options.skip && `${LIBRARY}.skip`].filter(Boolean).join(' and ');
    throw new UsageError(`${given}: no transform left to run; nothing would be cleaned`);
  }
  return options;
}

/**
 * `cleanArticle`'s options from a library caller, checked; errors name `options.<key>`. `words` with
 * `evidence` is refused: the words belong in the evidence source (`createEvidenceSource(words)`),
 * and would be ignored.
 */
export function checkCleanOptions(value: unknown): CleanOptions {
  const options = value === undefined ? {} : leavesTransforms(cleanShape(value, LIBRARY) as CleanOptions);
  if (options.words !== undefined && options.evidence !== undefined) {
    throw new UsageError(
      `${LIBRARY}.words: not used with ${LIBRARY}.evidence; give the words to createEvidenceSource(words) instead`,
    );
  }
  return options;
}

/** The text to clean, from a library caller: a string. */
export function checkInput(value: unknown): string {
  return typeof value === 'string' ? value : fail('input', 'a string', value);
}
