/**
 * JSON Lines mode (`--jsonl`): one record `{"id": ..., "text": ..., ...}` per line in, one cleaned
 * record per line out, in the same order. Lines are read one at a time and a bounded window of them is
 * in flight (one without workers), so a corpus of any size streams through in flat memory; with
 * `--jobs N` the records are cleaned by N workers. A malformed line is reported with its number and left out; the exit status then is 1.
 */
import type { CliOptions } from '../cli/options.js';
import { once } from 'node:events';
import readline from 'node:readline';
import { EXIT_INPUT, EXIT_OK } from '../core/errors.js';
import { openAtomicWriteStream, openInputStream, type AtomicWriteStream } from '../io/files.js';
import { createRunner, defaultJobs, runOrdered } from './pool.js';
import type { EngineOptions, RecordResult, RecordTask } from './tasks.js';

const NAME = 'clean-article';

export type JsonlOptions = Pick<CliOptions, 'jobs' | 'output' | 'quiet'>;

export interface JsonlIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** The numbered, non-blank lines of a stream, without the byte-order mark of the first. */
async function* numberedLines(input: NodeJS.ReadableStream): AsyncGenerator<RecordTask> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (let line of lines) {
    lineNo++;
    if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() === '') continue; // a blank line holds no record
    yield { kind: 'record', line, lineNo };
  }
}

/** Clean a JSON Lines stream; resolves to the exit status. */
export async function runJsonl(
  input: string | undefined,
  options: JsonlOptions,
  engine: EngineOptions,
  io: JsonlIO,
): Promise<number> {
  const fromStdin = input === undefined || input === '-';
  const name = fromStdin ? '<stdin>' : input;
  const source = fromStdin ? io.stdin : openInputStream(input);
  let file: AtomicWriteStream | undefined;
  if (options.output !== undefined) file = openAtomicWriteStream(options.output);
  const write = file
    ? (text: string) => file.write(text)
    : async (text: string) => {
        if (!io.stdout.write(text)) await once(io.stdout, 'drain');
      };
  const runner = createRunner(engine, options.jobs ?? defaultJobs());
  let records = 0;
  let bad = 0;
  try {
    await runOrdered(
      numberedLines(source),
      (task) => runner.run(task),
      runner.window,
      async (result) => {
        const { line, error, lineNo } = result as RecordResult;
        if (line === undefined) {
          bad++;
          io.stderr.write(`${NAME}: ${name}: line ${lineNo}: ${error}; skipped\n`);
          return;
        }
        records++;
        await write(`${line}\n`);
      },
    );
    await file?.commit();
  } catch (error) {
    file?.abort();
    throw error;
  } finally {
    await runner.close();
  }
  if (bad > 0 && !options.quiet) {
    io.stderr.write(`${NAME}: ${name}: ${bad} malformed lines skipped, ${records} records cleaned\n`);
  }
  return bad > 0 ? EXIT_INPUT : EXIT_OK;
}
