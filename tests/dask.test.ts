/**
 * The Dask example (`examples/dask/clean_corpus.py`) on a real cluster on loopback: a scheduler and two
 * workers started here, a few shards cleaned, and the result compared record for record with one
 * `clean-article --jsonl` run over the same records. Skipped, with the reason in its name, where no
 * Python has Dask and dask.distributed (`.ci/run` installs Debian's python3-dask and
 * python3-distributed where it can).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, bin, fixture, repo, runBin } from './run.js';

/** Debian's python3 first: a python3 of another installation on PATH may lack the packages. */
const python = ['/usr/bin/python3', 'python3'].find(
  (py) => spawnSync(py, ['-c', 'import dask.bag, dask.distributed'], { stdio: 'ignore' }).status === 0,
);
const example = path.join(repo, 'examples', 'dask', 'clean_corpus.py');

/** `n` records: the fixtures' texts in turn, with fields of their own that must pass through. */
function shard(from: number, n: number): string {
  let lines = '';
  for (let i = from; i < from + n; i++) {
    const text = fs.readFileSync(fixture(FIXTURES[i % FIXTURES.length]!), 'utf8');
    lines += `{"id": ${i}, "text": ${JSON.stringify(text)}, "page": 12345678901234567890, "src":"x\\/y"}\n`;
  }
  return lines;
}

async function waitFor(file: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!fs.existsSync(file)) {
    if (Date.now() > end) throw new Error(`${file} did not appear in ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(python === undefined)('examples/dask (skipped: no python3 with dask and dask.distributed)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-dask-'));
  const started: ChildProcess[] = [];
  afterAll(() => {
    for (const child of started) if (child.exitCode === null) child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cleans shards on a scheduler and two workers as one clean-article --jsonl run does', async () => {
    const schedulerFile = path.join(dir, 'scheduler.json');
    const quiet = { stdio: 'ignore', cwd: dir } as const;
    started.push(
      spawn(
        python!,
        [
          '-m',
          'distributed.cli.dask_scheduler',
          '--host',
          '127.0.0.1',
          '--port',
          '0',
          '--no-dashboard',
          '--scheduler-file',
          schedulerFile,
        ],
        quiet,
      ),
    );
    await waitFor(schedulerFile, 60_000);
    for (const name of ['w1', 'w2']) {
      started.push(
        spawn(
          python!,
          [
            '-m',
            'distributed.cli.dask_worker',
            '--scheduler-file',
            schedulerFile,
            '--host',
            '127.0.0.1',
            '--nthreads',
            '1',
            '--no-nanny',
            '--no-dashboard',
            '--name',
            name,
            '--local-directory',
            path.join(dir, name),
          ],
          quiet,
        ),
      );
    }
    const shards = [shard(0, 7), shard(7, 5), shard(12, 9)];
    const names = shards.map((content, i) => {
      const file = path.join(dir, 'in', `part-${i}.jsonl`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      return file;
    });
    const out = path.join(dir, 'out');
    const command = `${process.execPath} ${bin} --jsonl --jobs 1`;
    const job = spawnSync(
      python!,
      [example, '--scheduler-file', schedulerFile, '--wait-workers', '2', '--out', out, '--command', command, ...names],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(job.stderr).toMatch(/clean_corpus: 3 shards cleaned \(21 records\), 0 skipped/);
    expect(job.status).toBe(0);

    const single = runBin(['--jsonl', '--jobs', '1'], shards.join(''));
    expect(single.code).toBe(0);
    const cleaned = names.map((n) => fs.readFileSync(path.join(out, path.basename(n)), 'utf8'));
    // Shard for shard: the same records, in the same order, as the one run gave.
    const records = single.stdout.split('\n').slice(0, -1);
    expect(cleaned.map((c) => c.split('\n').length - 1)).toEqual([7, 5, 9]);
    expect(cleaned.join('')).toBe(single.stdout);
    expect(records.map((r) => (JSON.parse(r) as { id: number }).id)).toEqual([...Array(21).keys()]);
    expect(fs.readdirSync(out).sort()).toEqual(['part-0.jsonl', 'part-1.jsonl', 'part-2.jsonl']);

    // Run again: every output is there, nothing is cleaned twice.
    const again = spawnSync(
      python!,
      [example, '--scheduler-file', schedulerFile, '--out', out, '--command', command, ...names],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(again.stderr).toMatch(/0 shards cleaned \(0 records\), 3 skipped/);
  }, 180_000);
});
