/**
 * Collection counts in a file (`--collection-words-out FILE` writes them, `--collection-words-from
 * FILE` reads them): the JSON of `CollectionWords.toData()`. A batch split over calls or machines
 * (shards of a corpus) is then cleaned with the counts of the whole corpus, counted once.
 */
import { InputError, UsageError } from '../core/errors.js';
import { collectionDataProblem, type CollectionData, type CollectionWords } from '../evidence/collection.js';
import { describe, readBounded, writeFileAtomic } from './files.js';

/** Counts files are far larger than a page: up to this many bytes. */
const MAX_COUNTS_SIZE = 2 ** 31 - 1;

/** Read and check a counts file; every problem is a UsageError naming the flag and the file. */
export function readCollectionFile(file: string): CollectionData {
  const flag = '--collection-words-from';
  let text: string;
  try {
    text = readBounded(file, MAX_COUNTS_SIZE).toString('utf8');
  } catch (error) {
    throw new UsageError(`${flag}: ${file}: ${error instanceof InputError ? error.message : describe(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${flag}: ${file}: not JSON (${(error as Error).message})`);
  }
  const problem = collectionDataProblem(value);
  if (problem !== undefined) throw new UsageError(`${flag}: ${file}: not collection word counts: ${problem}`);
  return value as CollectionData;
}

/** Write `collection`'s counts to `file`, atomically (a reader never sees half a file). */
export function writeCollectionFile(file: string, collection: CollectionWords): void {
  writeFileAtomic(file, `${JSON.stringify(collection.toData())}\n`);
}
