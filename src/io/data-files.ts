/**
 * The one read of the package's built data, loaded once per process or worker thread: the lexicon
 * index (`dist/lexicon.bin`) at once, the word-pair counts (`dist/pairs.bin`) when a decision first
 * needs them, and the corrector's word filters (`dist/affixes.bin`) when it first runs. All are built
 * by `npm run build`. The evidence model itself reads no file.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Lexicon } from '../evidence/lexicon.js';
import { PairTable } from '../evidence/pairs.js';
import { affixesFromBinary, type Affixes } from '../evidence/prefixes.js';
import { EvidenceSource } from '../evidence/source.js';
import { packageFile } from './package-files.js';

/** Where the build puts the lexicon and the pair counts. */
export const LEXICON_FILE = packageFile('dist/lexicon.bin');
export const PAIRS_FILE = packageFile('dist/pairs.bin');
export const AFFIXES_FILE = packageFile('dist/affixes.bin');

function readBuilt(file: URL, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`cannot read the ${what} ${fileURLToPath(file)} (${code ?? String(error)}): run "npm run build"`);
  }
}

let lexicon: Lexicon | undefined;
let pairs: PairTable | undefined;

/** The process-wide lexicon, read on first use. */
export function loadLexicon(): Lexicon {
  lexicon ??= Lexicon.fromBinary(readBuilt(LEXICON_FILE, 'word index'));
  return lexicon;
}

/** The process-wide word and word-pair counts, read on first use. */
export function loadPairs(): PairTable {
  pairs ??= PairTable.fromBinary(readBuilt(PAIRS_FILE, 'word-pair counts'));
  return pairs;
}

let affixes: Affixes | null | undefined;

/**
 * The lexicon's beginnings and endings (the OCR corrector's filters), read on first use; undefined
 * when the file is missing or was made for another lexicon (then they are built in memory).
 */
export function loadAffixes(): Affixes | undefined {
  if (affixes === undefined) {
    let bytes: Buffer | undefined;
    try {
      bytes = fs.readFileSync(AFFIXES_FILE);
    } catch {
      bytes = undefined;
    }
    affixes = (bytes && affixesFromBinary(bytes, loadLexicon().fingerprint)) ?? null;
  }
  return affixes ?? undefined;
}

/**
 * The evidence a run needs: the lexicon (read once per process), the pair counts (read when first
 * asked) and `userWords` (names, jargon) that repairs may produce. Make one and share it between
 * many calls with the same words.
 */
export function createEvidenceSource(userWords: Iterable<string> = []): EvidenceSource {
  return new EvidenceSource(loadLexicon(), userWords, loadPairs, loadAffixes);
}

/**
 * The evidence source of the last call that gave no prepared one, with its words (one per line): a
 * source is made of the process's data files and the words alone (immutable but for its bounded
 * caches, which hold what those determine), so calls with the same words share one, and its caches,
 * instead of building the word filters and the candidate cache again for every document.
 */
let lastSource: { words: string; source: EvidenceSource } | undefined;

/** `createEvidenceSource(userWords)`, shared between the calls that give the same words (see `lastSource`). */
export function sharedEvidenceSource(userWords: Iterable<string> = []): EvidenceSource {
  const list = [...userWords];
  const words = list.join('\n');
  if (lastSource?.words !== words) lastSource = { words, source: createEvidenceSource(list) };
  return lastSource.source;
}
