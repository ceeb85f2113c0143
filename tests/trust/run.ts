/** Run the CLI in process with captured streams, a chosen environment and working directory. */
import path from 'node:path';
import { runCli, type CliRun } from '../../scripts/lib/run-cli.js';

export const repo = path.join(import.meta.dirname, '..', '..');
export const fixture = (name: string, file = 'input.txt') => path.join(repo, 'fixtures', name, file);

export type Run = CliRun;

export interface RunOptions {
  stdin?: string | Buffer | null;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Pretend stdout is a terminal. */
  tty?: boolean;
}

/** `main()` in this process, from the repository's root, with an empty environment unless given. */
export function run(args: string[], options: RunOptions = {}): Promise<Run> {
  return runCli(args, {
    stdin: options.stdin ?? null,
    env: options.env ?? {},
    cwd: options.cwd ?? repo,
    stdoutTty: options.tty ?? false,
  });
}
