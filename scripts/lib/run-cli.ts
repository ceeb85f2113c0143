/** Run the CLI's `main()` in this process with in-memory streams, and collect what it wrote. */
import { PassThrough, Readable } from 'node:stream';
import { main, type CliIO } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** Bytes on stdin; `null` (the default) is a terminal with nothing piped. */
  stdin?: string | Buffer | null;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Pretend stdout / stderr is a terminal. */
  stdoutTty?: boolean;
  stderrTty?: boolean;
  /** The width of that terminal (stderr), in columns. */
  columns?: number;
}

function collect(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export async function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const out = collect(options.stdoutTty === true);
  const err = collect(options.stderrTty === true);
  if (options.columns !== undefined) Object.assign(err.stream, { columns: options.columns });
  const stdin = options.stdin ?? null;
  const input = Readable.from(stdin === null ? [] : [Buffer.from(stdin)]) as CliIO['stdin'];
  input.isTTY = stdin === null;
  const io: CliIO = { stdin: input, stdout: out.stream, stderr: err.stream };
  if (options.env !== undefined) io.env = options.env;
  if (options.cwd !== undefined) io.cwd = () => options.cwd!;
  const code = await main(args, io);
  return { code, stdout: out.text(), stderr: err.text() };
}
