/**
 * The configuration file: `--config FILE`, the file `CLEAN_ARTICLE_CONFIG` names, or
 * `clean-article.config.json` in the current directory or the nearest folder above it in the repository:
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

/** The environment variable that names a configuration file (as `RIPGREP_CONFIG_PATH` does). */
export const CONFIG_ENV = 'CLEAN_ARTICLE_CONFIG';

/**
 * `clean-article.config.json` in `cwd` or the nearest folder above it, up to the repository's root
 * (the first folder with a `.git`), so that a collection's settings hold in its subfolders. Outside a
 * repository only `cwd` is looked in: a file in a folder above would apply without a word.
 */
export function discoverConfig(cwd: string): string | undefined {
  const candidates: string[] = [];
  for (let dir = path.resolve(cwd); ;) {
    candidates.push(path.join(dir, CONFIG_FILE));
    if (fs.existsSync(path.join(dir, '.git'))) break; // the repository's root
    const parent = path.dirname(dir);
    if (parent === dir) {
      candidates.length = 1; // no repository: the current folder only
      break;
    }
    dir = parent;
  }
  return candidates.find((file) => fs.existsSync(file));
}

/**
 * The configuration to use: none with `--no-config` (`false`); `--config FILE` (which must exist);
 * else the file `CLEAN_ARTICLE_CONFIG` names (which must exist; empty is unset); else the one found
 * from `cwd` upward (`discoverConfig`). Its label (for messages and `--explain`) is the path as given,
 * or relative to `cwd`.
 */
export function findConfig(
  option: string | false | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Config | undefined {
  if (option === false) return undefined;
  if (option !== undefined) return loadConfig(option);
  const named = env[CONFIG_ENV];
  if (named !== undefined && named !== '') {
    return loadConfig(path.resolve(cwd, named), `${named} (${CONFIG_ENV})`);
  }
  const file = discoverConfig(cwd);
  return file === undefined ? undefined : loadConfig(file, path.relative(cwd, file) || CONFIG_FILE);
}
