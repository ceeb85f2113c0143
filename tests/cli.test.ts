import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRANSFORM_IDS } from '../src/index.js';
import { bin, fixture, repo, run } from './run.js';

const expected = fs.readFileSync(fixture('statesman', 'expected.txt'), 'utf8');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-cli-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('clean-article (in process)', () => {
  it('cleans a file to stdout', async () => {
    const r = await run([fixture('statesman', 'input.txt')]);
    expect(r).toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  it('reads stdin when no file is given', async () => {
    const r = await run([], fs.readFileSync(fixture('statesman', 'input.txt')));
    expect(r.stdout).toBe(expected);
    expect(r.code).toBe(0);
  });

  it('reads stdin for "-"', async () => {
    const r = await run(['-'], fs.readFileSync(fixture('statesman', 'input.txt')));
    expect(r.stdout).toBe(expected);
  });

  it('writes -o FILE atomically, leaving no temporary file', async () => {
    const out = path.join(dir, 'out.txt');
    const r = await run([fixture('statesman', 'input.txt'), '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(out, 'utf8')).toBe(expected);
    expect(fs.readdirSync(dir)).toEqual(['out.txt']);
  });

  it('refuses -o when it is the input file, and leaves the input alone', async () => {
    const input = path.join(dir, 'a.txt');
    fs.copyFileSync(fixture('statesman', 'input.txt'), input);
    const before = fs.readFileSync(input, 'utf8');
    const r = await run([input, '-o', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.txt: is the input file/);
    expect(fs.readFileSync(input, 'utf8')).toBe(before);
  });

  it('writes Markdown and JSON', async () => {
    const md = await run([fixture('statesman', 'input.txt'), '--format', 'markdown']);
    expect(md.stdout).toBe(fs.readFileSync(fixture('statesman', 'expected.md'), 'utf8'));
    const json = await run([fixture('statesman', 'input.txt'), '-f', 'json']);
    expect(JSON.parse(json.stdout).byline).toBe('Qassim Abdul-Zahra');
  });

  it('lists transforms in pipeline order', async () => {
    const r = await run(['--list-transforms']);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual([...TRANSFORM_IDS]);
  });

  it('--only and --skip select transforms', async () => {
    const input = 'a  b   c\n\nNewspapers in English';
    expect((await run(['--only', 'whitespace'], input)).stdout).toBe('a b c\n\nNewspapers in English\n');
    expect((await run(['--skip', 'boilerplate'], input)).stdout).toBe('a b c\n\nNewspapers in English\n');
  });

  it.each([
    [['--bogus'], /unknown option '--bogus'/],
    [['--format', 'pdf', 'x'], /'pdf' is invalid/],
    [['--only', 'nope', 'x'], /unknown transform "nope"; valid ids: mojibake, unicode/],
    [['--skip', 'hyphens,nope', 'x'], /--skip: unknown transform "nope"/],
    [['--encoding', 'klingon', 'x'], /unknown encoding "klingon"/],
    [['--max-size', 'lots', 'x'], /--max-size: "lots" is not a size/],
    [['a', 'b'], /several inputs: add --out-dir DIR \(one output per input\) or --in-place/],
    [['scans/*.txt'], /scans\/\*\.txt: a pattern: add --out-dir DIR/],
    [['--jobs', '0', 'x'], /--jobs: "0" is not a whole number of 1 or more/],
    [['--jobs', 'two', 'x'], /--jobs: "two" is not a whole number/],
    [['--ext', '', 'x', '--out-dir', 'o'], /--ext: "" is not a file extension/],
    [['--ext', '*.txt', 'x', '--out-dir', 'o'], /--ext: "\*\.txt" is not a file extension/],
    [['x', '--backup', '.orig'], /--backup: only with --in-place/],
    [['x', '--in-place', '--backup', 'a/b'], /--backup: "a\/b" is not a file name suffix/],
    [['x', '--in-place', '--out-dir', 'o'], /--out-dir and --in-place: choose one/],
    [['x', '--in-place', '--skip-existing'], /--skip-existing: only with --out-dir/],
    [['x', 'y', '-o', 'z', '--out-dir', 'o'], /-o z: one output file cannot hold a batch; use --out-dir/],
    [['-', '--out-dir', 'o'], /"-" \(stdin\) cannot be part of a batch/],
    [['--jsonl', '-f', 'json'], /--jsonl: records are JSON already/],
    [['--jsonl', '--out-dir', 'o'], /--jsonl: --out-dir is for files/],
    [['--jsonl', 'a', 'b'], /--jsonl: give one input file/],
    [['--jsonl', 'a.jsonl', '-o', 'a.jsonl'], /-o a\.jsonl: is the input file/],
    [['x', '--report', 'r.jsonl'], /--report: only with --out-dir or --in-place/],
    [
      ['fixtures', '--out-dir', 'o', '--report', 'fixtures/statesman/new.txt'],
      /--report fixtures\/statesman\/new\.txt: would be written over the input fixtures/,
    ],
    [
      ['fixtures/statesman/input.txt', '--in-place', '--report', 'fixtures/statesman/input.txt'],
      /--report .*: would be written over the input fixtures\/statesman\/input\.txt/,
    ],
    [['x', '--skip-existing'], /--skip-existing: only with --out-dir/],
    [['--jsonl', '--ext', 'md'], /--ext: only with --out-dir or --in-place/],
  ])('usage error %j exits 2 with one line', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a missing file exits 1 and names it', async () => {
    const r = await run([path.join(dir, 'nope.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`clean-article: ${path.join(dir, 'nope.txt')}: no such file\n`);
  });

  it('a directory where a file is expected exits 1', async () => {
    const r = await run([dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is a directory, not a file/);
  });

  it('an unreadable file exits 1 (as root, checked through the bin run as an unprivileged user)', async () => {
    const file = path.join(dir, 'secret.txt');
    fs.writeFileSync(file, 'text');
    fs.chmodSync(file, 0o000);
    // Root reads any file: there, run the compiled bin as "nobody", for whom permissions apply. The
    // checkout may sit in a private home folder nobody cannot enter, so the bin runs from a copy in a
    // folder of its own under the temporary folder: the bundle, its launcher, its bin and package.json.
    const r = process.getuid?.() === 0 ? runBinAsNobody([file]) : await run([file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`clean-article: ${file}: permission denied\n`);
    expect(r.stdout).toBe('');
  });

  it('a binary file exits 1', async () => {
    const file = path.join(dir, 'image.png');
    fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]));
    const r = await run([file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/image\.png: looks like a binary file/);
  });

  it('a file over --max-size exits 1', async () => {
    const r = await run([fixture('statesman', 'input.txt'), '--max-size', '1K']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/over the size limit of 1024 bytes/);
  });

  it('empty input gives empty output, a warning and exit 0', async () => {
    const r = await run(['-'], '');
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'clean-article: <stdin>: warning: empty input\n' });
  });

  it('an empty file gives empty output, one warning line and exit 0; --quiet silences the warning', async () => {
    const file = path.join(dir, 'empty.txt');
    fs.writeFileSync(file, '');
    expect(await run([file])).toEqual({
      code: 0,
      stdout: '',
      stderr: `clean-article: ${file}: warning: empty input\n`,
    });
    expect(await run([file, '-q'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('validates options before reading any text: a bad option with a missing file is a usage error', async () => {
    const r = await run([path.join(dir, 'missing.txt'), '--only', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/missing\.txt/);
  });

  it('no input on a terminal is a usage error', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no input/);
  });

  it('decodes Windows-1252 with CRLF', async () => {
    const r = await run([fixture('windows-1252-crlf', 'input.txt')]);
    expect(r.stdout).toContain('“We’ve never seen it this bad,” said café owner');
    expect(r.stdout).not.toContain('\r');
  });

  it('repairs mojibake end to end', async () => {
    const file = path.join(dir, 'mojibake.txt');
    fs.writeFileSync(file, 'Iraqâ€™s prime minister said â€œnoâ€\x9d to the plan.\n');
    const r = await run([file]);
    expect(r).toEqual({ code: 0, stdout: 'Iraq’s prime minister said “no” to the plan.\n', stderr: '' });
  });

  it('decodes UTF-16 with a byte-order mark', async () => {
    const file = path.join(dir, 'utf16.txt');
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('The café “opened” today.\n', 'utf16le')]),
    );
    expect((await run([file])).stdout).toBe('The café “opened” today.\n');
  });

  it('--encoding latin1 reads the file as Latin-1', async () => {
    const file = path.join(dir, 'latin1.txt');
    fs.writeFileSync(file, Buffer.from('Caf\xe9 au lait.\n', 'latin1'));
    expect((await run([file, '--encoding', 'latin1'])).stdout).toBe('Café au lait.\n');
  });

  it('--words adds words the repairs may use', async () => {
    const words = path.join(dir, 'words.txt');
    fs.writeFileSync(words, '# names\nZorbulon\n');
    const input = 'The Zorbu lon party won.';
    expect((await run(['-'], input)).stdout).toBe('The Zorbu lon party won.\n');
    expect((await run(['--words', words, '-'], input)).stdout).toBe('The Zorbulon party won.\n');
  });

  it('--version and --help exit 0', async () => {
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
    expect(help.stdout).toMatch(/Exit status: 0 success, 1 an input could not be processed, 2 usage error/);
  });
});

describe('clean-article (the installed bin)', () => {
  // The bin runs dist/, which `npm ci` builds (the `prepare` script); run `npm run build` after editing src/.

  it('runs compiled JavaScript and prints the cleaned article', () => {
    expect(execFileSync(process.execPath, [bin, fixture('statesman', 'input.txt')], { encoding: 'utf8' })).toBe(
      expected,
    );
  });

  it('maps errors to exit statuses without a stack trace', () => {
    const missing = spawnSync(process.execPath, [bin, path.join(dir, 'missing.txt')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/missing\.txt: no such file\n$/);
    expect(missing.stderr).not.toMatch(/\bat .*\.js:\d+/);
    const usage = spawnSync(process.execPath, [bin, '--nope'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });

  it('works in a pipe', () => {
    const r = spawnSync(process.execPath, [bin], {
      input: fs.readFileSync(fixture('statesman', 'input.txt')),
      encoding: 'utf8',
    });
    expect(r.stdout).toBe(expected);
    expect(r.status).toBe(0);
  });
});

/** The compiled bin, copied where any user can run it, run as the unprivileged user 65534. */
function runBinAsNobody(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-bin-'));
  try {
    for (const part of ['package.json', 'bin/clean-article.js', 'dist/cli/launch.js', 'dist/clean-article.cjs']) {
      fs.mkdirSync(path.dirname(path.join(copy, part)), { recursive: true });
      fs.copyFileSync(path.join(repo, part), path.join(copy, part));
    }
    for (const folder of [copy, path.join(copy, 'bin'), path.join(copy, 'dist')]) fs.chmodSync(folder, 0o755);
    const { status, stdout, stderr } = spawnSync(
      process.execPath,
      [path.join(copy, 'bin', 'clean-article.js'), ...args],
      {
        encoding: 'utf8',
        cwd: copy,
        uid: 65534,
        gid: 65534,
      },
    );
    return { code: status, stdout, stderr };
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
