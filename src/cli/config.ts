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
 * `validateConfig` checks a parsed value against the schema (`core/options.ts`, shared with the
 * library's options) and compiles its patterns; every problem is a UsageError naming the key path and
 * what was expected
 * (`transforms.unwrap.shortLineRatio: expected a number between 0 and 1, got "high"`).
 * `loadConfig` reads the file (and `wordsFile`) before any input text is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, UsageError } from '../core/errors.js';
import { decodeBytes } from '../core/decode.js';
import { checkConfig, type ConfigOptions } from '../core/options.js';
import { readBounded } from '../io/files.js';
import { parseWordList } from '../io/word-list.js';

export { TRANSFORM_OPTION_CHECKS } from '../core/options.js';

export const CONFIG_FILE = 'clean-article.config.json';

/** What a configuration contributes to a run, checked and compiled. */
export interface Config extends ConfigOptions {
  /** The file it came from. */
  file?: string;
}

/**
 * Check a parsed configuration and compile its patterns. Throws a UsageError naming the key path. The
 * schema is the library's too (`core/options.ts`).
 */
export function validateConfig(value: unknown): Config {
  return checkConfig(value);
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
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      error instanceof InputError
        ? error.message
        : code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'is a directory, not a file'
            : code === 'EACCES' || code === 'EPERM'
              ? 'permission denied'
              : error instanceof Error
                ? error.message
                : String(error);
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
