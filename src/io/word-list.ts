/**
 * Word lists (`--words FILE`, the configuration's `wordsFile`): one word per line; blank lines and
 * `#` comments are ignored.
 */
import { decodeBytes } from '../core/decode.js';
import { InputError, UsageError } from '../core/errors.js';
import { describe, readBounded } from './files.js';

/** The words of a word list's text. */
export function parseWordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l !== '');
}

/** Read a word list: one word per line; blank lines and `#` comments are ignored. */
export function readWordList(file: string): string[] {
  let text: string;
  try {
    text = decodeBytes(readBounded(file), file).text;
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`--words: ${file}: ${error.message}`);
    throw new UsageError(`--words: ${file}: ${describe(error)}`);
  }
  return parseWordList(text);
}
