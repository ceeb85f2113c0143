/**
 * The one read of the package's built data: the lexicon index (`dist/lexicon.bin`, built by
 * `npm run build`), loaded once per process or worker thread. The evidence model itself reads no file.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Lexicon } from '../evidence/lexicon.js';
import { EvidenceSource } from '../evidence/source.js';
import { packageFile } from './package-files.js';

/** Where the build puts the lexicon. */
export const LEXICON_FILE = packageFile('dist/lexicon.bin');

let shared: Lexicon | undefined;

/** The process-wide lexicon, read on first use. */
export function loadLexicon(): Lexicon {
  if (!shared) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(LEXICON_FILE);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(
        `cannot read the word index ${fileURLToPath(LEXICON_FILE)} (${code ?? String(error)}): run "npm run build"`,
      );
    }
    shared = Lexicon.fromBinary(bytes);
  }
  return shared;
}

/**
 * The evidence a run needs: the lexicon (read once per process) and `userWords` (names, jargon) that
 * repairs may produce. Make one and share it between many calls with the same words.
 */
export function createEvidenceSource(userWords: Iterable<string> = []): EvidenceSource {
  return new EvidenceSource(loadLexicon(), userWords);
}
