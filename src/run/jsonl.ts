/**
 * JSON Lines mode (`--jsonl`): one record `{"id": ..., "text": ..., ...}` per line in, one cleaned
 * record per line out, in the same order. Lines are read one at a time, with `--max-size` enforced
 * while each is read, and a bounded window of them is in flight (one without workers), so a corpus of
 * any size streams through in flat memory; with `--jobs N` the records are cleaned by N workers. A
 * malformed line is reported with its number and left out; the exit status then is 1. Ctrl-C or
 * SIGTERM stops reading; the records in hand are written, and `-o FILE` is left as it was.
 */
import type { CliOptions } from '../cli/options.js';
import { EXIT_INPUT, EXIT_OK, messageLine } from '../core/errors.js';
import { DEFAULT_MAX_SIZE, openInputStream, openOutputStream, type OutputStream } from '../io/files.js';
import { countDocument } from '../core/detect.js';
import { CollectionCounter, type CollectionWords } from '../evidence/collection.js';
import { createEvidenceSource } from '../io/data-files.js';
import { writeCollectionFile } from '../io/collection-file.js';
import { boundedLines } from '../io/lines.js';
import type { Output } from '../io/streams.js';
import { createRunner, defaultJobs, runOrdered, until } from './pool.js';
import { Stop, type Signals } from './stop.js';
import type { EngineOptions, RecordResult, RecordTask } from './tasks.js';

export type JsonlOptions = Pick<CliOptions, 'jobs' | 'output' | 'quiet' | 'collectionWords' | 'collectionWordsOut'>;

export interface JsonlIO {
  stdin: NodeJS.ReadableStream;
  /** Stdout, checked. */
  out: Output;
  stderr: NodeJS.WritableStream;
  /** Ctrl-C and SIGTERM stop the run when given (the bin gives the process). */
  signals?: Signals;
}

/** The records of a stream as tasks: numbered, non-blank lines, refused in place when too long or not UTF-8. */
async function* recordTasks(input: NodeJS.ReadableStream, maxSize: number, name: string): AsyncGenerator<RecordTask> {
  for await (const line of boundedLines(input as AsyncIterable<Buffer>, maxSize, name)) {
    yield {
      kind: 'record',
      line: line.text ?? '',
      lineNo: line.lineNo,
      ...(line.error !== undefined && { error: line.error }),
    };
  }
}

/**
 * `--collection-words`, the first pass: the words and the signs of OCR of the "text" of every record
 * of the file. A line that is no record is left out here, and reported when the second pass reaches it.
 */
async function countRecordWords(file: string, maxSize: number, words: readonly string[]): Promise<CollectionWords> {
  const counter = new CollectionCounter();
  const evidence = createEvidenceSource(words);
  for await (const line of boundedLines(openInputStream(file) as AsyncIterable<Buffer>, maxSize, file)) {
    if (line.text === undefined) continue;
    let record: unknown;
    try {
      record = JSON.parse(line.text);
    } catch {
      continue;
    }
    const text = (record as { text?: unknown } | null)?.text;
    if (typeof text === 'string') countDocument(counter, text, evidence);
  }
  return counter.finish();
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
  if (options.collectionWords === true && !fromStdin) {
    const collection = await countRecordWords(input, engine.maxSize ?? DEFAULT_MAX_SIZE, engine.words);
    if (options.collectionWordsOut !== undefined) writeCollectionFile(options.collectionWordsOut, collection);
    engine = { ...engine, collection: collection.toData() };
    if (!options.quiet) {
      io.stderr.write(
        messageLine(
          `${name}: --collection-words: counted ${collection.documents} records; ${collection.size} words are written by two or more`,
        ),
      );
    }
  }
  const source = fromStdin ? io.stdin : openInputStream(input);
  let file: OutputStream | undefined;
  if (options.output !== undefined && options.output !== '-') file = openOutputStream(options.output);
  const write = file ? async (text: string) => file.write(text) : (text: string) => io.out.write(text);
  const runner = createRunner(engine, options.jobs ?? defaultJobs());
  const stop = new Stop(io.signals, () => runner.cancel());
  let records = 0;
  let bad = 0;
  try {
    await runOrdered(
      until(recordTasks(source, engine.maxSize ?? DEFAULT_MAX_SIZE, name), stop.stopped),
      (task) => runner.run(task),
      runner.window,
      async (result) => {
        if (result.kind !== 'record') return;
        const { line, error, lineNo } = result as RecordResult;
        if (line === undefined) {
          bad++;
          io.stderr.write(messageLine(`${name}: line ${lineNo}: ${error}; skipped`));
          return;
        }
        records++;
        await write(`${line}\n`);
      },
    );
    if (stop.signal === undefined) file?.commit();
    else file?.abort();
  } catch (error) {
    file?.abort();
    throw error;
  } finally {
    stop.dispose();
    await runner.close();
  }
  if (stop.signal !== undefined) {
    const kept = file ? `; ${options.output} left as it was` : '';
    io.stderr.write(messageLine(`${name}: stopped by ${stop.signal} after ${records} records${kept}`));
    return stop.exitCode!;
  }
  if (bad > 0 && !options.quiet) {
    io.stderr.write(messageLine(`${name}: ${bad} malformed lines skipped, ${records} records cleaned`));
  }
  return bad > 0 ? EXIT_INPUT : EXIT_OK;
}
