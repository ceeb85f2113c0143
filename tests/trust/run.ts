/** Run the CLI in process with captured streams, a chosen environment and working directory. */
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main, type CliIO } from '../../src/cli.js';

export const repo = path.join(import.meta.dirname, '..', '..');
export const fixture = (name: string, file = 'input.txt') => path.join(repo, 'fixtures', name, file);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string | Buffer | null;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Pretend stdout is a terminal. */
  tty?: boolean;
}

export async function run(args: string[], options: RunOptions = {}): Promise<Run> {
  const collect = () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const out = collect();
  const err = collect();
  const stdin = options.stdin ?? null;
  const input = Readable.from(stdin === null ? [] : [Buffer.from(stdin)]) as CliIO['stdin'];
  input.isTTY = stdin === null;
  const stdout = Object.assign(out.stream, { isTTY: options.tty ?? false });
  const code = await main(args, {
    stdin: input,
    stdout,
    stderr: err.stream,
    env: options.env ?? {},
    cwd: () => options.cwd ?? repo,
  });
  return { code, stdout: out.text(), stderr: err.text() };
}
