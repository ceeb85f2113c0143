/**
 * `npm run eval`: measure clean-article on the shared evaluation data (`../shared`, beside the repo).
 *
 *   npm run eval                      tables on stdout
 *   npm run eval -- --verbose         plus every wrong decision / change, with context
 *   npm run eval -- --json out.json   plus the same numbers as JSON in out.json
 *   npm run eval -- --json            JSON on stdout (the tables go to stderr)
 *
 * Sections: 1 cases (WER, paragraph F1, exact match), 2 hyphen decisions (overproof), 3 do no harm
 * (word-level transforms on ground truth), 4 CER/WER and the HIPE-OCRepair cMER before/after
 * (overproof, impresso-en, icdar2017), 5 no content lost (chronam-1916), 6 correct OCR words broken and
 * OCR errors fixed, per rule, 7 idempotence (every corpus file cleaned twice), 8 encoding repair on
 * python-ftfy's test cases. Everything runs through
 * the library API in one process with one evidence source; each file is cleaned once and the sections
 * share the result.
 * Without `../shared` it says so and exits 0: a fresh clone has no evaluation data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { createEvidenceSource, type PresetChoice } from '../src/index.js';
import { printCases, runCases } from './eval/cases.js';
import { printErrorRates, runErrorRates } from './eval/cer-wer.js';
import { printContent, runContent } from './eval/content.js';
import { addCollection, listFiles, readText, type EvalContext } from './eval/context.js';
import { printDoNoHarm, runDoNoHarm } from './eval/do-no-harm.js';
import { printFtfy, runFtfy } from './eval/ftfy.js';
import { printHyphens, runHyphens } from './eval/hyphens.js';
import { printIdempotence, runIdempotence } from './eval/idempotence.js';
import { printWordChanges, runWordChanges } from './eval/word-changes.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  json?: string | boolean;
  verbose?: boolean;
  enable?: string[];
  preset?: string;
  collection?: boolean;
}

const program = new Command('eval')
  .description(
    'Evaluate clean-article on ../shared (cases, hyphen decisions, do no harm, CER/WER/cMER, no content lost, words broken/fixed, idempotence, ftfy cases).',
  )
  .option('--json [file]', 'write the numbers as JSON to FILE, or to stdout when no FILE is given')
  .option('--verbose', 'list the individual wrong decisions and changes')
  .option(
    '--enable <ids>',
    'also run transforms that are off by default (comma-separated), to measure them',
    (v: string) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
  )
  .option('--preset <name>', 'clean every pair and page with this preset instead of auto-detection, to compare presets')
  .option(
    '--collection',
    'clean each folder of inputs as one batch with collection evidence (as --collection-words), to measure it',
  )
  .showHelpAfterError()
  .exitOverride();

let options: Options = {};
const progress = (text: string): void => {
  process.stderr.write(`${text}\n`);
};
/** Tables go to stdout, unless stdout carries the JSON. */
const report = (text: string): void => {
  (options.json === true ? process.stderr : process.stdout).write(`${text}\n\n`);
};

function main(): void {
  try {
    options = program.parse().opts<Options>();
  } catch (error) {
    // --help exits 0; a bad option has been explained by commander and is a usage error.
    if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : 2;
    else throw error;
    return;
  }
  const verbose = options.verbose === true;
  const shared = path.resolve(repoRoot, '../shared');
  if (!fs.existsSync(shared)) {
    report(
      `npm run eval: no evaluation data at ${shared}.\nThe data (cases, seeds, corpus) lives in a "shared" folder beside the repository; nothing to evaluate.`,
    );
    return;
  }
  const started = performance.now();
  const context: EvalContext = {
    shared,
    evidence: createEvidenceSource(),
    enable: options.enable ?? [],
    ...(options.preset !== undefined && { preset: options.preset as PresetChoice }),
    ...(options.collection === true && { collections: new Map() }),
  };
  if (options.collection === true) {
    const folder = (dir: string, suffix: string) =>
      listFiles(path.join(shared, 'corpus', dir), suffix).map((file) => readText(file));
    for (const [dir, suffix] of [
      ['overproof/pairs/train', '.ocr.txt'],
      ['overproof/pairs/dev', '.ocr.txt'],
      ['impresso-en/pairs/train', '.ocr.txt'],
      ['impresso-en/pairs/dev', '.ocr.txt'],
      ['icdar2017/pairs', '.ocr.txt'],
      ['icdar2017/pairs', '.raw.txt'],
      ['chronam-1916/pages', '.txt'],
    ] as const) {
      addCollection(context, folder(dir, suffix));
    }
  }
  /** Run a section, report its tables (or that its data is missing), and return its numbers for the JSON. */
  const section = <T>(
    name: string,
    run: () => T,
    print: (result: T, verbose: boolean) => string,
    empty: (result: T) => boolean,
  ): T => {
    const t = performance.now();
    const result = run();
    progress(`[eval] ${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    report(empty(result) ? `${name}: no data found under ${shared}, skipped` : print(result, verbose));
    return result;
  };

  const cases = section(
    '1. cases',
    () => runCases(context),
    printCases,
    (r) => r.cases.length === 0,
  );
  const hyphens = section(
    '2. hyphen decisions',
    () => runHyphens(context),
    printHyphens,
    (r) => r.length === 0,
  );
  const doNoHarm = section(
    '3. do no harm',
    () => runDoNoHarm(context),
    printDoNoHarm,
    (r) => r.corpora.length === 0,
  );
  const errorRates = section(
    '4. CER/WER',
    () => runErrorRates(context),
    printErrorRates,
    (r) => r.length === 0,
  );
  const content = section(
    '5. no content lost',
    () => runContent(context),
    printContent,
    (r) => r.pages === 0,
  );
  const wordChanges = section(
    '6. words broken and fixed',
    () => runWordChanges(context),
    printWordChanges,
    (r) => r.corpora.length === 0,
  );
  const idempotence = section(
    '7. idempotence',
    () => runIdempotence(context),
    printIdempotence,
    (r) => r.files === 0,
  );
  const ftfy = section(
    '8. ftfy cases',
    () => runFtfy(context),
    printFtfy,
    (r) => r.cases.length === 0,
  );
  progress(`[eval] total: ${((performance.now() - started) / 1000).toFixed(1)} s`);

  if (options.json !== undefined) {
    const json = `${JSON.stringify({ data: shared, cases, hyphens, doNoHarm, errorRates, content, wordChanges, idempotence, ftfy }, null, 2)}\n`;

    if (options.json === true) process.stdout.write(json);
    else fs.writeFileSync(options.json as string, json);
  }
}

main();
