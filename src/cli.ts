/**
 * The command line: a commander program over the library. `createProgram()` builds it (testable in
 * process with `exitOverride()`); `main()` runs it and returns the exit status; only `bin/` exits.
 */
import fs from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, InputError, UsageError } from './errors.js';
import { createEvidenceSource } from './evidence/evidence.js';
import { cleanArticle } from './index.js';
import {
  checkEncoding,
  decodeBytes,
  readInputFile,
  readStream,
  readWordList,
  sameFile,
  writeFileAtomic,
} from './io.js';
import { TRANSFORMS, selectTransforms } from './pipeline.js';
import { FORMATS, type Format } from './render/index.js';
import { addTrustOptions, attachOptionalValues, planTrust, reportTrust, type TrustOptions } from './trust-cli.js';

export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  /** Environment (NO_COLOR, FORCE_COLOR, TERM) and working directory (configuration); default: the process's. */
  env?: NodeJS.ProcessEnv;
  cwd?: () => string;
}

interface CliOptions extends TrustOptions {
  format: Format;
  output?: string;
  only?: string[];
  skip?: string[];
  enable?: string[];
  words?: string[];
  encoding?: string;
  maxSize?: number;
  listTransforms?: boolean;
}

const NAME = 'clean-article';

function version(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const list = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
];

function byteSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-size: "${value}" is not a size; expected bytes or a number with K, M or G`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.floor(Number(m[1]) * unit);
}

const EXAMPLES = `
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

Exit status: 0 success, 1 an input could not be processed, 2 usage error.`;

export function createProgram(
  io: CliIO,
  run: (input: string | undefined, options: CliOptions) => Promise<void>,
): Command {
  const program = new Command(NAME)
    .description('Clean OCR or PDF-extracted newspaper text into plain text, Markdown or JSON.')
    .argument('[input]', 'article file to clean; "-" or nothing reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('text'))
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
    .option('--only <ids>', 'run only these transforms (comma-separated ids)', list)
    .option('--skip <ids>', 'run all transforms except these (comma-separated ids)', list)
    .option('--enable <ids>', 'also run these transforms that are off by default (comma-separated ids)', list)
    .option('--words <file>', 'extra words the repairs may produce, one per line (repeatable)', list)
    .option('--encoding <name>', 'decode input with this encoding instead of detecting it')
    .option('--max-size <bytes>', 'refuse inputs larger than this (e.g. 500M)', byteSize);
  addTrustOptions(program)
    .option('--list-transforms', 'list the transforms in pipeline order and exit')
    .version(version(), '-V, --version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`${NAME}: ${s.replace(/^error: /, '').trim()} (see --help)\n`),
    })
    .action(async (input: string | undefined, options: CliOptions) => run(input, options));
  return program;
}

function listTransforms(io: CliIO): void {
  const width = Math.max(...TRANSFORMS.map((t) => t.id.length));
  for (const t of TRANSFORMS) {
    const off = t.enabledByDefault === false ? ' (off by default: --enable)' : '';
    io.stdout.write(`${t.id.padEnd(width)}  ${t.description}${off}\n`);
  }
}

async function cleanOne(input: string | undefined, options: CliOptions, io: CliIO): Promise<void> {
  // Validate everything before any text is read.
  selectTransforms({ only: options.only, skip: options.skip, enable: options.enable });
  const plan = planTrust(options, io);
  if (options.encoding) checkEncoding(options.encoding);
  const words = [...plan.words, ...(options.words ?? []).flatMap(readWordList)];
  const fromStdin = input === undefined || input === '-';
  if (fromStdin && input === undefined && io.stdin.isTTY) {
    throw new UsageError('no input: give a file, or pipe text on stdin (see --help)');
  }
  if (!fromStdin && options.output !== undefined && sameFile(input, options.output)) {
    throw new UsageError(`-o ${options.output}: is the input file; refusing to overwrite it`);
  }
  const name = fromStdin ? '<stdin>' : input;
  const decoded = fromStdin
    ? decodeBytes(await readStream(io.stdin, options.maxSize), name, options.encoding)
    : readInputFile(input, { encoding: options.encoding, maxSize: options.maxSize });
  if (decoded.text.trim() === '') io.stderr.write(`${NAME}: ${name}: warning: empty input\n`);
  const evidence = createEvidenceSource(words);
  const result = cleanArticle(decoded.text, { format: options.format, ...plan.clean, evidence });
  if (plan.writesArticle) {
    if (options.output !== undefined) writeFileAtomic(options.output, result.output);
    else io.stdout.write(result.output);
  }
  reportTrust(options, plan, { name, decoded, result, evidence, output: options.output }, io);
}

/** Run the CLI; resolves to the exit status. Errors become one line on stderr. */
export async function main(argv: readonly string[], io: CliIO = process): Promise<number> {
  let exitCode = EXIT_OK;
  const program = createProgram(io, async (input, options) => {
    if (options.listTransforms) return listTransforms(io);
    await cleanOne(input, options, io);
  });
  try {
    await program.parseAsync(attachOptionalValues(argv), { from: 'user' });
  } catch (error) {
    exitCode = reportError(error, io);
  }
  return exitCode;
}

function reportError(error: unknown, io: CliIO): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander has already printed its message.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`${NAME}: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof InputError) {
    io.stderr.write(`${NAME}: ${error.file}: ${error.message}\n`);
    return EXIT_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${NAME}: internal error: ${message.split('\n')[0]}\n`);
  return EXIT_INPUT;
}
