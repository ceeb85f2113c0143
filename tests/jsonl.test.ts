import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliIO } from '../src/cli/main.js';
import { decodeBytes } from '../src/core/decode.js';
import { FIXTURES, bin, expected as clean, fixture, repo, run, runBin } from './run.js';

const raw = (name: string) => decodeBytes(fs.readFileSync(fixture(name)), name).text; // one fixture is Windows-1252

/** `n` records cycling through the fixtures, with an id and a field to pass through. */
function records(n: number): string {
  return Array.from({ length: n }, (_, i) => {
    const name = FIXTURES[i % FIXTURES.length]!;
    return JSON.stringify({ id: `r${i}`, source: name, text: raw(name) });
  }).join('\n');
}

const parse = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-jsonl-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('--jsonl', () => {
  it('writes one cleaned record per line, in order: text replaced, the parts added under "article", other fields passed through', async () => {
    const r = await run(['--jsonl', '-j', '1'], `${records(6)}\n`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = parse(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
    expect(Object.keys(out[0]!)).toEqual(['id', 'source', 'text', 'article']);
    out.forEach((o, i) => expect(o.text, String(o.id)).toBe(clean(FIXTURES[i]!)));
    out.forEach((o, i) => expect(o.source, String(o.id)).toBe(FIXTURES[i]));
    const article = JSON.parse((await run([fixture('statesman'), '-f', 'json'])).stdout);
    expect(out[0]).toEqual({ id: 'r0', source: 'statesman', text: clean('statesman'), article });
  });

  it('-f markdown puts Markdown in "text"', async () => {
    const r = await run(['--jsonl', '-f', 'markdown', '-j', '1'], records(1));
    expect(parse(r.stdout)[0]!.text).toBe(clean('statesman', 'expected.md'));
  });

  it('reports each malformed line with its number, skips it, goes on, and exits 1', async () => {
    const input = [
      '\ufeff{"id":1,"text":"First  one  ."}',
      'not json',
      '',
      '[1,2]',
      '{"id":4}',
      '{"id":5,"text":42}',
      '   ',
      '{"id":7,"text":"Last."}',
    ].join('\r\n');
    const r = await run(['--jsonl', '-j', '1'], input);
    expect(r.code).toBe(1);
    expect(parse(r.stdout).map((o) => [o.id, o.text])).toEqual([
      [1, 'First one .\n'],
      [7, 'Last.\n'],
    ]);
    expect(r.stderr.split('\n')).toEqual([
      expect.stringMatching(/^clean-article: <stdin>: line 2: not valid JSON \(.*\); skipped$/),
      'clean-article: <stdin>: line 4: not a JSON object; skipped',
      'clean-article: <stdin>: line 5: "text" is missing or not a string; skipped',
      'clean-article: <stdin>: line 6: "text" is missing or not a string; skipped',
      'clean-article: <stdin>: 4 malformed lines skipped, 2 records cleaned',
      '',
    ]);
  });

  it('--max-size applies to each record', async () => {
    const r = await run(
      ['--jsonl', '--max-size', '100', '-j', '1'],
      `{"text":"short"}\n{"text":"${'long '.repeat(30)}"}\n`,
    );
    expect(r.code).toBe(1);
    expect(parse(r.stdout)).toHaveLength(1);
    expect(r.stderr).toMatch(/line 2: is over the size limit of 100 bytes/);
  });

  it('streams: a record is written before the next line is read', async () => {
    const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let written = '';
    const firstOut = new Promise<void>((resolve) =>
      stdout.on('data', (c: Buffer) => {
        written += c.toString();
        if (written.includes('\n')) resolve();
      }),
    );
    const done = main(['--jsonl', '-j', '1'], { stdin, stdout, stderr } as CliIO);
    stdin.write('{"id":1,"text":"One  two."}\n');
    await firstOut; // the input is still open
    expect(parse(written).map((o) => o.id)).toEqual([1]);
    stdin.end('{"id":2,"text":"Two  three."}\n');
    expect(await done).toBe(0);
    expect(parse(written).map((o) => o.text)).toEqual(['One two.\n', 'Two three.\n']);
  });

  it('gives the same output, in the same order, with 2 workers as with 1', async () => {
    const input = `${records(30)}\nnot json\n`;
    const one = await run(['--jsonl', '-j', '1'], input);
    const two = await run(['--jsonl', '-j', '2'], input);
    expect(parse(one.stdout)).toHaveLength(30);
    expect(two).toEqual(one);
  });

  it('reads a file and writes -o atomically; the compiled bin with workers gives the same', async () => {
    const input = path.join(dir, 'in.jsonl');
    const output = path.join(dir, 'out.jsonl');
    fs.writeFileSync(input, records(12));
    const r = await run(['--jsonl', input, '-o', output, '-j', '1']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.readdirSync(dir).sort()).toEqual(['in.jsonl', 'out.jsonl']);
    const fromBin = runBin(['--jsonl', input, '-j', '2']);
    expect(fromBin.code).toBe(0);
    expect(fromBin.stdout).toBe(fs.readFileSync(output, 'utf8'));
  });

  it('a missing input file exits 1', async () => {
    const r = await run(['--jsonl', path.join(dir, 'nope.jsonl')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`clean-article: ${path.join(dir, 'nope.jsonl')}: no such file\n`);
  });

  const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasParallel)('splits a corpus with GNU parallel --pipe (skipped when parallel is not installed)', () => {
    const input = `${records(25)}\n`;
    const single = runBin(['--jsonl', '-j', '1'], input);
    const split = spawnSync(
      'parallel',
      ['--will-cite', '--pipe', '-N', '10', '--keep-order', '-j', '2', process.execPath, bin, '--jsonl', '-j', '1'],
      { input, encoding: 'utf8', cwd: repo },
    );
    expect(split.status).toBe(0);
    expect(split.stderr).toBe('');
    expect(parse(split.stdout)).toHaveLength(25);
    expect(split.stdout).toBe(single.stdout);
  });
});
