/**
 * The command line: a commander program over the library. `createProgram()` builds it (testable in
 * process with `exitOverride()`); `main()` runs it and returns the exit status; only `bin/` exits.
 */
import fs from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  EXIT_CHANGED,
  EXIT_CHECK_FAILED,
  EXIT_INPUT,
  EXIT_OK,
  EXIT_USAGE,
  InputError,
  UsageError,
  messageLine,
} from '../core/errors.js';
import { createEvidenceSource } from '../io/data-files.js';
import { cleanArticle } from '../index.js';
import { decodeBytes } from '../core/decode.js';
import { readInputFile, readStream, sameFile, sha256, writeFileAtomic } from '../io/files.js';
import { OutputClosed, StreamWriter, type Output } from '../io/streams.js';
import type { Signals } from '../run/stop.js';
import { readWordList } from '../io/word-list.js';
import { readCollectionFile } from '../io/collection-file.js';
import { CollectionWords } from '../evidence/collection.js';
import { packageFile, toolVersion } from '../io/package-files.js';
import { provenanceOf, withProvenance } from '../render/provenance.js';
import {
  byteSize,
  checkOptions,
  checkSelection,
  chooseMode,
  extensions,
  list,
  positiveInteger,
  toStdout,
  type CliOptions,
} from './options.js';
import { TRANSFORMS } from '../transforms/index.js';
import { wouldChange } from '../report/changes.js';
import { FORMATS, type Format } from '../render/index.js';
import type { EngineOptions } from '../run/tasks.js';
import { progressMode } from '../run/progress.js';
import {
  addReportOptions,
  attachOptionalValues,
  planRun,
  printReports,
  useColor,
  type RunPlan,
} from './report-options.js';

export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Ctrl-C and SIGTERM stop a batch or a JSON Lines run when given (the bin gives the process). */
  signals?: Signals;
  /** Environment (NO_COLOR, FORCE_COLOR, TERM) and working directory (configuration); default: the process's. */
  env?: NodeJS.ProcessEnv;
  cwd?: () => string;
}

const NAME = 'clean-article';

function version(): string {
  const pkg = JSON.parse(fs.readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export const EXAMPLES = `
Examples:
  $ ${NAME} article.txt                      print the cleaned article
  $ ${NAME} < article.txt | wc -w            read stdin, write stdout
  $ ${NAME} article.txt -f markdown -o a.md  Markdown with YAML front matter, written atomically
  $ ${NAME} article.txt --format json        headline, byline, paragraphs, removed furniture
  $ ${NAME} --skip split-words,hyphens a.txt run all transforms but these
  $ ${NAME} --list-transforms                what each transform does, in pipeline order
  $ ${NAME} --explain a.txt > clean.txt      every edit with its line:col, on stderr
  $ ${NAME} --diff a.txt                     what cleaning would change, as a unified diff
  $ ${NAME} --dry-run -o clean.txt a.txt     what would be written, without writing
  $ ${NAME} --stats --preset chronam a.txt   quality signals, with the historic-OCR preset
  $ ${NAME} --check scans/                   exit 1 if cleaning would change a file; lists them
  $ ${NAME} scans/ --out-dir clean/          every .txt below scans/, mirrored under clean/
  $ ${NAME} scans/ --out-dir c/ --progress   files done, MB/s, ETA on stderr, also in a log
  $ ${NAME} 'scans/**/*.txt' --out-dir out   quoted patterns are expanded by ${NAME}
  $ ${NAME} --in-place --backup .orig a.txt  replace a file, keeping the original as a.txt.orig
  $ ${NAME} --jsonl < in.jsonl > out.jsonl   clean the "text" of each JSON Lines record

Exit status: 0 success, 1 an input could not be processed, 2 usage error,
130 / 143 stopped by Ctrl-C / SIGTERM; with --check: 0 nothing would change, 1 cleaning
would change an input, 2 an input could not be checked (this wins over 1) or usage error.`;

/** Other names of formats, as pandoc and editors spell them. */
const FORMAT_ALIASES: Readonly<Record<string, Format>> = { md: 'markdown' };

/** `-f, --format`: a format or an alias of one (`-f md`), given to the program as the format's name. */
function formatOption(): Option {
  const option = new Option('-f, --format <format>', 'output format (md is markdown)').default('text');
  const choices = [...FORMATS, ...Object.keys(FORMAT_ALIASES)];
  option.argChoices = choices;
  return option.argParser((value: string): Format => {
    const format = Object.hasOwn(FORMAT_ALIASES, value) ? FORMAT_ALIASES[value]! : value;
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    }
    return format as Format;
  });
}

export function createProgram(
  io: Pick<CliIO, 'stdout' | 'stderr'> & Partial<Pick<CliIO, 'stdin'>> & { out?: StreamWriter },
  run: (inputs: string[], options: CliOptions) => Promise<void>,
): Command {
  const program = new Command(NAME)
    .description('Clean OCR or PDF-extracted newspaper text into plain text, Markdown or JSON.')
    .argument('[inputs...]', 'article files, folders or quoted patterns; "-" or nothing reads stdin')
    .addOption(formatOption())
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout; "-" is stdout')
    .option('--only <ids>', 'run only these transforms (comma-separated ids)', list)
    .option('--skip <ids>', 'run all transforms except these (comma-separated ids)', list)
    .option('--enable <ids>', 'also run these transforms that are off by default (comma-separated ids)', list)
    .option('--words <file>', 'extra words the repairs may produce, one per line (repeatable)', list)
    .option('--encoding <name>', 'decode input with this encoding instead of detecting it')
    .option('--max-size <bytes>', 'refuse inputs larger than this (e.g. 500M)', byteSize)
    .option('--out-dir <dir>', 'batch: write one output per input under this folder, mirroring the tree')
    .option('--in-place', 'batch: replace each input with its cleaned text (atomically)')
    .option('--backup <suffix>', 'with --in-place: keep each original as FILE<suffix> (e.g. .orig)')
    .option('--ext <exts>', 'extensions to pick up in folders (default .txt; repeatable, comma-separated)', extensions)
    .option(
      '-j, --jobs <n>',
      'worker threads for batches and --jsonl (default: one per CPU)',
      positiveInteger('--jobs'),
    )
    .option('--skip-existing', 'batch: skip inputs whose output exists and is newer (resume a run)')
    .option('--report <file>', 'batch: write one JSON line per file (status, encoding, edits, time)')
    .option('--files-from <file>', 'batch: also clean the files listed in this file ("-": stdin), one a line')
    .option('-0, --null', 'with --files-from: the list is NUL-separated (find -print0)')
    .option('--base <dir>', "with --out-dir: place outputs relative to this folder, not the inputs' common one")
    .option(
      '--provenance',
      'add the tool version, preset, encoding (and why) and input SHA-256 to JSON, Markdown, JSON Lines and --review',
    )
    .option('--review <file>', 'also write an HTML page to review the run: files worst first, diffs, edits by rule')
    .option('-q, --quiet', 'no warnings, progress or summary; errors only')
    .option('--progress', 'batch: show files done, MB/s, elapsed time and ETA on stderr, also when it is no terminal')
    .option('--no-progress', 'batch: no progress line, also on a terminal')
    .option('--jsonl', 'read JSON Lines records {"id", "text", ...} and write them cleaned, in order')
    .option('--article-key <name>', 'with --jsonl: add the article\'s parts under this key (default "article")')
    .option(
      '--collection-words',
      'batch and --jsonl FILE: first count the words of every input; names and spellings that recur across them count as evidence',
    )
    .option('--collection-words-out <file>', 'with --collection-words: also write the counts to this file (JSON)')
    .option(
      '--collection-words-from <file>',
      'clean with the collection counts in this file (from --collection-words-out) instead of counting the inputs',
    );
  addReportOptions(program)
    .option('--list-transforms', 'list the transforms in pipeline order and exit')
    .version(version(), '-V, --version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => (io.out ? io.out.writeNow(s) : io.stdout.write(s)),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`${NAME}: ${s.replace(/^error: /, '').trim()} (see --help)\n`),
    })
    .action(async (inputs: string[], options: CliOptions) => run(inputs, options));
  return program;
}

async function listTransforms(out: Output): Promise<void> {
  const width = Math.max(...TRANSFORMS.map((t) => t.id.length));
  for (const t of TRANSFORMS) {
    const off = t.enabledByDefault === false ? ' (off by default: --enable)' : '';
    await out.write(`${t.id.padEnd(width)}  ${t.description}${off}\n`);
  }
}

/** Load the configuration and read the word lists (the options are checked): before any text is read. */
function engineOptions(options: CliOptions, io: CliIO): { engine: EngineOptions; plan: RunPlan } {
  const plan = planRun(options, io);
  checkSelection(plan.clean);
  const { format, encoding, maxSize } = options;
  const words = [...plan.words, ...(options.words ?? []).flatMap(readWordList)];
  const reports = {
    explain: options.explain,
    explainOnly: options.explainOnly,
    diff: options.diff,
    dryRun: options.dryRun,
    stats: options.stats,
    ...(options.explainRules !== undefined && { explainRules: options.explainRules }),
  };
  const engine: EngineOptions = {
    format,
    clean: plan.clean,
    encoding,
    maxSize,
    words,
    reports,
    writesArticle: plan.writesArticle,
    ...(plan.config?.file !== undefined && { configFile: plan.config.file }),
    ...(options.articleKey !== undefined && { articleKey: options.articleKey }),
    ...(options.provenance && { provenance: toolVersion() }),
    ...(options.check === true && { check: true }),
    ...(options.collectionWordsFrom !== undefined && { collection: readCollectionFile(options.collectionWordsFrom) }),
    color: options.diff !== undefined && useColor(io, options.color),
  };
  return { engine, plan };
}

function noInputOnTerminal(inputs: readonly string[], io: CliIO): void {
  if (inputs.length === 0 && io.stdin.isTTY) {
    throw new UsageError('no input: give a file, or pipe text on stdin (see --help)');
  }
}

/** Clean one input (a file or stdin); resolves to the exit status (1 with `--check` when it would change). */
async function cleanOne(input: string | undefined, options: CliOptions, io: CliIO, out: Output): Promise<number> {
  const { engine, plan } = engineOptions(options, io);
  const fromStdin = input === undefined || input === '-';
  noInputOnTerminal(input === undefined ? [] : [input], io);
  const output = toStdout(options.output) ? undefined : options.output;
  if (!fromStdin && output !== undefined && sameFile(input, output)) {
    throw new UsageError(`-o ${output}: is the input file; refusing to overwrite it`);
  }
  const name = fromStdin ? '<stdin>' : input;
  let decoded: ReturnType<typeof decodeBytes> & { sha256?: string };
  if (fromStdin) {
    const bytes = await readStream(io.stdin, options.maxSize, name, options.encoding);
    decoded = decodeBytes(bytes, name, options.encoding);
    if (options.provenance) decoded.sha256 = sha256(bytes);
  } else {
    decoded = readInputFile(input, { encoding: options.encoding, maxSize: options.maxSize, hash: options.provenance });
  }
  if (!options.quiet) {
    if (decoded.text.trim() === '') io.stderr.write(messageLine(`${name}: warning: empty input`));
    if (decoded.warning !== undefined) io.stderr.write(messageLine(`${name}: warning: ${decoded.warning}`));
  }
  const evidence = createEvidenceSource(engine.words);
  const collection = engine.collection && CollectionWords.fromData(engine.collection);
  const cleaned = cleanArticle(decoded.text, {
    format: options.format,
    ...plan.clean,
    evidence,
    ...(collection !== undefined && { collection }),
  });
  const result = engine.provenance
    ? {
        ...cleaned,
        output: withProvenance(
          cleaned.output,
          options.format,
          provenanceOf(engine.provenance, cleaned.source, decoded, decoded.sha256),
        ),
      }
    : cleaned;
  if (plan.writesArticle) {
    if (output !== undefined) writeFileAtomic(output, result.output);
    else await out.write(result.output);
  }
  await printReports(options, plan, { name, decoded, result, evidence, output }, io, out);
  if (options.review !== undefined) await writeReview(options.review, name, output ?? null, decoded, result, evidence);
  if (!options.check) return EXIT_OK;
  const changed = wouldChange(decoded, result.output);
  // The name, as a batch lists it, unless a diff or an explanation already fills stdout.
  if (changed && options.diff === undefined && options.explainOnly === undefined) await out.write(`${name}\n`);
  return changed ? EXIT_CHANGED : EXIT_OK;
}

/** `--review` for one article: the same page as a batch's, with one file. */
async function writeReview(
  file: string,
  name: string,
  output: string | null,
  decoded: ReturnType<typeof decodeBytes>,
  result: ReturnType<typeof cleanArticle>,
  evidence: ReturnType<typeof createEvidenceSource>,
): Promise<void> {
  const [{ ReviewCollector, renderReview, reviewFile }, { computeStats }, { toolName }] = await Promise.all([
    import('../report/review.js'),
    import('../report/stats.js'),
    import('../io/package-files.js'),
  ]);
  const review = new ReviewCollector(name, toolName());
  review.add(reviewFile(name, output, decoded.text, decoded, result, computeStats(decoded.text, result, evidence)));
  writeFileAtomic(file, renderReview(review.data()));
}

/** Run the CLI; resolves to the exit status. Errors become one line on stderr. */
export async function main(argv: readonly string[], io: CliIO = process): Promise<number> {
  let exitCode = EXIT_OK;
  // With --check, exit status 1 says "would change": an error is then EXIT_CHECK_FAILED instead.
  let checking = false;
  // Every write to stdout is checked: a full disk behind `>` is an error of one line, not a stack trace.
  const out = new StreamWriter(io.stdout);
  const program = createProgram({ stdout: io.stdout, stderr: io.stderr, out }, async (inputs, options) => {
    const mode = chooseMode(inputs, options);
    checking = options.check === true;
    if (mode === 'list') return listTransforms(out);
    checkOptions(mode, inputs, options);
    // Batches and streams are loaded only when asked for, to keep one article's start-up short.
    if (mode === 'jsonl') {
      const { engine } = engineOptions(options, io);
      noInputOnTerminal(inputs, io);
      const { runJsonl } = await import('../run/jsonl.js');
      exitCode = await runJsonl(inputs[0], options, engine, {
        stdin: io.stdin,
        out,
        stderr: io.stderr,
        ...(io.signals && { signals: io.signals }),
      });
    } else if (mode === 'batch') {
      const { engine } = engineOptions(options, io);
      const { runBatch } = await import('../run/batch.js');
      exitCode = await runBatch(inputs, options, engine, {
        out,
        stdin: io.stdin,
        stderr: io.stderr,
        ...(io.signals && { signals: io.signals }),
        progress: progressMode({
          option: options.progress,
          quiet: options.quiet === true,
          stderrTTY: io.stderr.isTTY === true,
          term: (io.env ?? process.env).TERM,
        }),
        stdoutTTY: io.stdout.isTTY === true,
      });
    } else {
      exitCode = await cleanOne(inputs[0], options, io, out);
    }
  });
  let stdoutFailed = false;
  try {
    await program.parseAsync(attachOptionalValues(argv), { from: 'user' });
  } catch (error) {
    stdoutFailed = error instanceof OutputClosed || (error instanceof InputError && error.file === '<stdout>');
    exitCode = checked(reportError(error, io), checking);
  }
  // Whatever the outcome, what was written must reach stdout, or the failure be said (once).
  if (!stdoutFailed) {
    try {
      await out.flush();
    } catch (error) {
      const code = checked(reportError(error, io), checking);
      if (exitCode === EXIT_OK || exitCode === EXIT_CHANGED) exitCode = code;
    }
  }
  out.close();
  return exitCode;
}

/** The status of an error: with `--check`, an input that could not be checked is not "would change" (1). */
function checked(code: number, checking: boolean): number {
  return checking && code === EXIT_INPUT ? EXIT_CHECK_FAILED : code;
}

function reportError(error: unknown, io: CliIO): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander has already printed its message.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  // The reader of stdout went away (`| head`): not a failure.
  if (error instanceof OutputClosed) return EXIT_OK;
  if (error instanceof UsageError) {
    io.stderr.write(messageLine(error.message));
    return EXIT_USAGE;
  }
  if (error instanceof InputError) {
    io.stderr.write(messageLine(`${error.file}: ${error.message}`));
    return EXIT_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(messageLine(`internal error: ${message.split('\n')[0]}`));
  return EXIT_INPUT;
}
