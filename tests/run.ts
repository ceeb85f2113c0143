/** Run the CLI in process, or the compiled bin as a child process, and collect what it wrote. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCli, type CliRun } from '../scripts/lib/run-cli.js';

export const repo = path.join(import.meta.dirname, '..');
export const bin = path.join(repo, 'bin', 'clean-article.js');
export const fixture = (name: string, file = 'input.txt') => path.join(repo, 'fixtures', name, file);
/** The whole-article fixtures, for runs over many articles. */
export const FIXTURES = [
  'statesman',
  'historic-column',
  'pdftotext-jump',
  'pressreader-page',
  'windows-1252-crlf',
  'clean-article',
] as const;
/** A fixture's expected output. */
export const expected = (name: string, file = 'expected.txt') => fs.readFileSync(fixture(name, file), 'utf8');

export type Run = CliRun;

/** `main()` in this process: TypeScript sources, workers started on `src/run/worker.ts`. */
export function run(
  args: string[],
  stdin: string | Buffer | null = null,
  options: { tty?: boolean; columns?: number } = {},
): Promise<Run> {
  return runCli(args, {
    stdin,
    stderrTty: options.tty === true,
    ...(options.columns !== undefined && { columns: options.columns }),
  });
}

/** The compiled bin (`dist/`, workers on `dist/run/worker.js`) as a child process. */
export function runBin(args: string[], input?: string | Buffer): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir` (relative paths, sorted) with its content. */
export function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Write `files` (relative path -> content) under `dir`. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}
