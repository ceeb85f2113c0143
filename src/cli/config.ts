/**
 * The configuration file, `clean-article.config.json` in the current directory or `--config FILE`:
 *
 *     {
 *       "preset": "pdftotext",
 *       "skip": ["split-words"],
 *       "transforms": { "unwrap": { "shortLineRatio": 0.85 } },
 *       "boilerplate": [{ "name": "promo-box", "pattern": "Subscribe (now|today).*", "flags": "i" }],
 *       "words": ["Zorbulon"],
 *       "wordsFile": "names.txt",
 *       "protect": ["\\b[A-Z]{2,}-\\d+\\b"]
 *     }
 *
 * `validateConfig` checks a parsed value against the schema below and compiles its patterns; every
 * problem is a UsageError naming the key path and what was expected
 * (`transforms.unwrap.shortLineRatio: expected a number between 0 and 1, got "high"`).
 * `loadConfig` reads the file (and `wordsFile`) before any input text is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, UsageError } from '../core/errors.js';
import { decodeBytes } from '../core/decode.js';
import { readBounded } from '../io/files.js';
import { parseWordList } from '../io/word-list.js';
import { TRANSFORM_IDS } from '../transforms/index.js';
import { PRESET_CHOICES, type PresetChoice } from '../core/presets.js';
import { BOILERPLATE_RULE_IDS, type BoilerplatePattern } from '../transforms/boilerplate.js';

export const CONFIG_FILE = 'clean-article.config.json';

/** What a configuration contributes to a run, checked and compiled. */
export interface Config {
  /** The file it came from. */
  file?: string;
  preset?: PresetChoice;
  only?: string[];
  skip?: string[];
  /** Transforms that are off by default, turned on. */
  enable?: string[];
  /** Options per transform id (`boilerplate.extraPatterns` holds the compiled `boilerplate` entries). */
  transformOptions: Record<string, Record<string, unknown>>;
  /** Patterns no word-level transform may edit. */
  protect: RegExp[];
  /** Extra words, from `words` (`wordsFile` is read by `loadConfig`). */
  words: string[];
  /** `wordsFile` as written (relative to the configuration's folder). */
  wordsFile?: string;
}

/** A checker: returns the value (converted) or throws a UsageError naming `at`. */
type Check<T> = (value: unknown, at: string) => T;

/** A value as the error message shows it. */
function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  return String(value);
}

function fail(at: string, expected: string, value: unknown): never {
  throw new UsageError(`${at}: expected ${expected}, got ${shown(value)}`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const join = (at: string, key: string) => (at === '' ? key : `${at}.${key}`);

const bool: Check<boolean> = (value, at) => (typeof value === 'boolean' ? value : fail(at, 'true or false', value));

const numberBetween =
  (min: number, max: number): Check<number> =>
  (value, at) =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
      ? value
      : fail(at, `a number between ${min} and ${max}`, value);

const nonEmptyString =
  (what = 'a non-empty string'): Check<string> =>
  (value, at) =>
    typeof value === 'string' && value.trim() !== '' ? value : fail(at, what, value);

const oneOf =
  <T extends string>(values: readonly T[], what: string): Check<T> =>
  (value, at) => {
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    if (typeof value !== 'string') return fail(at, what, value);
    throw new UsageError(`${at}: unknown ${what.replace(/^an? /, '')} ${shown(value)}; valid: ${values.join(', ')}`);
  };

const arrayOf =
  <T>(item: Check<T>): Check<T[]> =>
  (value, at) =>
    Array.isArray(value) ? value.map((v, i) => item(v, `${at}[${i}]`)) : fail(at, 'an array', value);

/** An object with exactly these optional keys; unknown keys are errors that list the valid ones. */
function objectOf<T extends Record<string, unknown>>(
  shape: { [K in keyof T]: Check<T[K]> },
  required: readonly (keyof T)[] = [],
  what = 'an object',
): Check<Partial<T>> {
  return (value, at) => {
    if (!isObject(value)) return fail(at, what, value);
    const out: Partial<T> = {};
    const keys = Object.keys(shape);
    for (const [key, v] of Object.entries(value)) {
      if (!keys.includes(key)) {
        throw new UsageError(`${join(at, key)}: unknown key; valid keys: ${keys.join(', ')}`);
      }
      out[key as keyof T] = shape[key as keyof T](v, join(at, key));
    }
    for (const key of required) {
      if (!Object.hasOwn(value, key))
        throw new UsageError(`${join(at, String(key))}: missing; expected ${describeKey(String(key))}`);
    }
    return out;
  };
}

const KEY_DESCRIPTIONS: Readonly<Record<string, string>> = { name: 'a rule name', pattern: 'a regular expression' };
const describeKey = (key: string): string =>
  Object.hasOwn(KEY_DESCRIPTIONS, key) ? KEY_DESCRIPTIONS[key]! : 'a value';

/** Regular expression flags a pattern may carry. */
const FLAGS = /^(?!.*(.).*\1)[iu]*$/;
const flags: Check<string> = (value, at) =>
  typeof value === 'string' && FLAGS.test(value) ? value : fail(at, '"i", "u" or "iu"', value);

function compile(source: string, flagString: string, at: string): RegExp {
  try {
    return new RegExp(source, flagString);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      `${at}: invalid regular expression: ${message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '')}`,
    );
  }
}

/** A pattern: a string, or `{pattern, flags}`. */
const patternSpec = objectOf<{ pattern: string; flags: string }>(
  { pattern: nonEmptyString('a regular expression'), flags },
  ['pattern'],
  'a regular expression or {"pattern": ..., "flags": ...}',
);
const protectPattern: Check<RegExp> = (value, at) => {
  if (typeof value === 'string') return compile(nonEmptyString('a regular expression')(value, at), 'g', at);
  const spec = patternSpec(value, at);
  return compile(spec.pattern!, `g${spec.flags ?? ''}`, join(at, 'pattern'));
};

const RULE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const boilerplateEntry: Check<BoilerplatePattern> = (value, at) => {
  const spec = objectOf<{ name: string; pattern: string; flags: string }>(
    {
      name: (v, a) =>
        typeof v === 'string' && RULE_NAME.test(v) ? v : fail(a, 'a kebab-case rule name like "promo-box"', v),
      pattern: nonEmptyString('a regular expression'),
      flags,
    },
    ['name', 'pattern'],
    'an object {"name": ..., "pattern": ...}',
  )(value, at);
  // A boilerplate pattern matches a whole (trimmed) line.
  return { name: spec.name!, pattern: compile(`^(?:${spec.pattern!})$`, spec.flags ?? '', join(at, 'pattern')) };
};

/** The options a configuration may set, per transform. Every option in a transform's defaults is here. */
export const TRANSFORM_OPTION_CHECKS: Readonly<Record<string, Readonly<Record<string, Check<unknown>>>>> = {
  unicode: { longS: bool },
  'ocr-confusions': { longS: bool },
  unwrap: { shortLineRatio: numberBetween(0, 1) },
  'split-words': { compoundMinScore: numberBetween(0, 30) },
  boilerplate: { skipRules: arrayOf(oneOf(BOILERPLATE_RULE_IDS, 'a boilerplate rule id')) },
};

const transformOptions: Check<Record<string, Record<string, unknown>>> = (value, at) => {
  if (!isObject(value)) return fail(at, 'an object of options per transform id', value);
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, options] of Object.entries(value)) {
    const where = join(at, id);
    if (!TRANSFORM_IDS.includes(id)) {
      throw new UsageError(`${where}: unknown transform; valid ids: ${TRANSFORM_IDS.join(', ')}`);
    }
    if (!isObject(options)) return fail(where, 'an object of options', options);
    // Own properties only: `valueOf`, `constructor` or `__proto__` are no option of any transform.
    const checks = Object.hasOwn(TRANSFORM_OPTION_CHECKS, id) ? TRANSFORM_OPTION_CHECKS[id]! : {};
    const names = Object.keys(checks);
    const checked: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [name, v] of Object.entries(options)) {
      const check = Object.hasOwn(checks, name) ? checks[name] : undefined;
      if (!check) {
        throw new UsageError(
          `${join(where, name)}: unknown option; ${names.length === 0 ? `${id} has no options` : `valid options: ${names.join(', ')}`}`,
        );
      }
      checked[name] = check(v, join(where, name));
    }
    out[id] = { ...checked };
  }
  return out;
};

const transformId = oneOf(TRANSFORM_IDS, 'a transform id');
const word: Check<string> = (value, at) =>
  typeof value === 'string' && /^\S+$/.test(value.trim()) ? value.trim() : fail(at, 'a word without spaces', value);

const configShape = objectOf<{
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
    preset: oneOf(PRESET_CHOICES, 'a preset'),
    only: arrayOf(transformId),
    skip: arrayOf(transformId),
    enable: arrayOf(transformId),
    transforms: transformOptions,
    boilerplate: arrayOf(boilerplateEntry),
    words: arrayOf(word),
    wordsFile: nonEmptyString('a file name'),
    protect: arrayOf(protectPattern),
  },
  [],
  'a JSON object',
);

/** Check a parsed configuration and compile its patterns. Throws a UsageError naming the key path. */
export function validateConfig(value: unknown): Config {
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

/** Parse and check configuration text; errors name `file`. */
export function parseConfig(text: string, file: string): Config {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${file}: not valid JSON: ${message.split('\n')[0]}`);
  }
  try {
    return { ...validateConfig(value), file };
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

function readText(file: string, what: string): string {
  try {
    return decodeBytes(readBounded(file), file).text;
  } catch (error) {
    const reason = error instanceof InputError ? error.message : error instanceof Error ? error.message : String(error);
    throw new UsageError(`${what}: ${reason}`);
  }
}

/**
 * Read, check and compile the configuration `file`, and read its `wordsFile` (relative to the
 * configuration's folder) into `words`.
 */
export function loadConfig(file: string, label = file): Config {
  const config = parseConfig(readText(file, `${label}: cannot read the configuration`), label);
  if (config.wordsFile !== undefined) {
    const wordsPath = path.resolve(path.dirname(file), config.wordsFile);
    const text = readText(wordsPath, `${label}: wordsFile: ${config.wordsFile}`);
    config.words = [...config.words, ...parseWordList(text)];
  }
  return config;
}

/**
 * The configuration to use: `--config FILE` (which must exist), none with `--no-config` (`false`),
 * else `clean-article.config.json` in `cwd` when there is one.
 */
export function findConfig(option: string | false | undefined, cwd: string): Config | undefined {
  if (option === false) return undefined;
  if (option !== undefined) return loadConfig(option);
  const file = path.join(cwd, CONFIG_FILE);
  return fs.existsSync(file) ? loadConfig(file, CONFIG_FILE) : undefined;
}
