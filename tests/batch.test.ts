import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workerEntry } from '../src/run/pool.js';
import { FIXTURES, bin, expected as clean, fixture, run, runBin, tree, writeTree } from './run.js';

let dir: string;
let inDir: string;
let outDir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-batch-'));
  inDir = path.join(dir, 'in');
  outDir = path.join(dir, 'out');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `n` articles (the fixtures in turn) spread over nested folders; returns name -> fixture name. */
function articles(n: number, root = inDir): Record<string, string> {
  const names: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const name = FIXTURES[i % FIXTURES.length]!;
    const file = `${['', 'part1/', 'part2/deep/'][i % 3]}a${String(i).padStart(3, '0')}.txt`;
    writeTree(root, { [file]: fs.readFileSync(fixture(name)) });
    names[file] = name;
  }
  return names;
}

const reportOf = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('batch: folders in, a mirrored tree out', () => {
  it('walks folders recursively, mirrors the tree under --out-dir and cleans each file as a single run would', async () => {
    const names = articles(12);
    writeTree(inDir, { 'notes.md': '# not an input', '.hidden/a.txt': 'hidden', 'part1/.b.txt': 'hidden' });
    const r = await run([inDir, '--out-dir', outDir, '--jobs', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const out = tree(outDir);
    expect(Object.keys(out)).toEqual(Object.keys(names).sort());
    for (const [file, name] of Object.entries(names)) expect(out[file], file).toBe(clean(name));
    const [summary, edits] = r.stderr.trim().split('\n');
    expect(summary).toMatch(/^clean-article: 12 files: 12 processed, 0 skipped, 0 failed \([\d.]+ s\)$/);
    expect(edits).toMatch(/^clean-article: edits: unicode \d+, boilerplate \d+, ligatures \d+(, [a-z-]+ \d+)*$/);
    expect(r.stderr).not.toMatch(/\r/);
  });

  it('writes each output with the extension of the format', async () => {
    articles(3);
    expect((await run([inDir, '--out-dir', outDir, '-f', 'markdown', '-j', '1'])).code).toBe(0);
    expect(Object.keys(tree(outDir))).toEqual(['a000.md', 'part1/a001.md', 'part2/deep/a002.md']);
    expect(tree(outDir)['a000.md']).toBe(fs.readFileSync(fixture('statesman', 'expected.md'), 'utf8'));
    expect((await run([inDir, '--out-dir', path.join(dir, 'json'), '-f', 'json', '-j', '1'])).code).toBe(0);
    expect(JSON.parse(tree(path.join(dir, 'json'))['a000.json']!).byline).toBe('Qassim Abdul-Zahra');
  });

  it('--ext picks other extensions, repeatable or comma-separated; explicit files are taken whatever their name', async () => {
    writeTree(inDir, { 'a.txt': 'One.', 'b.text': 'Two.', 'c.ocr': 'Three.', 'd.md': 'Four.', 'E.TXT': 'Five.' });
    const single = path.join(dir, 'README');
    fs.writeFileSync(single, 'Six.');
    const r = await run([inDir, single, '--out-dir', outDir, '--ext', '.txt,text', '--ext', 'ocr', '-j', '1']);
    expect(r.code).toBe(0);
    expect(tree(outDir)).toEqual({
      'README.txt': 'Six.\n',
      'in/E.txt': 'Five.\n',
      'in/a.txt': 'One.\n',
      'in/b.txt': 'Two.\n',
      'in/c.txt': 'Three.\n',
    });
  });

  it('expands quoted glob patterns itself', async () => {
    articles(6);
    const r = await run([path.join(inDir, '**', 'a00[0-4].txt'), '--out-dir', outDir, '-j', '1']);
    expect(r.code).toBe(0);
    expect(Object.keys(tree(outDir))).toEqual([
      'a000.txt',
      'a003.txt',
      'part1/a001.txt',
      'part1/a004.txt',
      'part2/deep/a002.txt',
    ]);
    const shallow = await run([path.join(inDir, '*.txt'), '--out-dir', path.join(dir, 'top'), '-j', '1']);
    expect(Object.keys(tree(path.join(dir, 'top')))).toEqual(['a000.txt', 'a003.txt']);
    expect(shallow.code).toBe(0);
  });

  it('a pattern that matches nothing fails; a folder without inputs is a warning', async () => {
    fs.mkdirSync(path.join(dir, 'empty'));
    const r = await run([path.join(dir, 'empty', '*.txt'), path.join(dir, 'empty'), '--out-dir', outDir]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(`clean-article: ${path.join(dir, 'empty', '*.txt')}: matches no file`);
    expect(lines[1]).toBe(`clean-article: ${path.join(dir, 'empty')}: warning: has no .txt files`);
    expect(lines[2]).toMatch(/1 files: 0 processed, 0 skipped, 1 failed/);
  });

  it('several folders are mirrored from the folder that holds them all', async () => {
    writeTree(dir, { '1916/a.txt': 'One.', '1917/a.txt': 'Two.' });
    const r = await run([path.join(dir, '1916'), path.join(dir, '1917'), '--out-dir', outDir, '-j', '1']);
    expect(r.code).toBe(0);
    expect(tree(outDir)).toEqual({ '1916/a.txt': 'One.\n', '1917/a.txt': 'Two.\n' });
  });

  it('two inputs with one output: the second is reported, not written over the first', async () => {
    writeTree(inDir, { 'a.txt': 'One.', 'a.text': 'Two.' });
    const r = await run([inDir, '--out-dir', outDir, '--ext', '.text,.txt', '-j', '1']);
    expect(r.code).toBe(1);
    expect(tree(outDir)).toEqual({ 'a.txt': 'Two.\n' });
    expect(r.stderr).toContain(
      `clean-article: ${path.join(inDir, 'a.txt')}: has the same output ${path.join(outDir, 'a.txt')} as ${fs.realpathSync(path.join(inDir, 'a.text'))}; skipped`,
    );
  });

  it('the same file named twice is cleaned once', async () => {
    writeTree(inDir, { 'a.txt': 'One.' });
    const r = await run([inDir, path.join(inDir, 'a.txt'), '--out-dir', outDir, '-j', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 files: 1 processed/);
  });
});

describe('batch: inputs are never overwritten', () => {
  it('refuses an --out-dir that holds an input, before writing anything', async () => {
    articles(2);
    const before = tree(inDir);
    for (const args of [
      [inDir, '--out-dir', inDir],
      [path.join(inDir, 'a000.txt'), '--out-dir', inDir],
      [path.join(inDir, 'part1'), '--out-dir', inDir],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(
        /^clean-article: --out-dir .*: holds the input .*, which an output could overwrite; choose a folder outside the inputs, or use --in-place\n$/,
      );
    }
    expect(tree(inDir)).toEqual(before);
  });

  it('refuses an --out-dir inside an input folder: the inputs already in it would be skipped or overwritten', async () => {
    writeTree(inDir, { 'x.txt': 'One  two.', 'a/x.txt': 'An input  in a.', 'a/y.txt': 'Another  one.' });
    const before = tree(inDir);
    for (const args of [
      [inDir, '--out-dir', path.join(inDir, 'a')],
      [inDir, '--out-dir', path.join(inDir, 'new', 'clean')],
      [path.join(inDir, '**', '*.txt'), '--out-dir', path.join(inDir, 'a')],
    ]) {
      const r = await run([...args, '-j', '1']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(
        /^clean-article: --out-dir .*: is inside (the input folder .*in|.*in, the folder the pattern .* walks), where outputs and inputs would mix; choose a folder outside the inputs\n$/,
      );
    }
    expect(tree(inDir)).toEqual(before);
    // A file named on its own is no walked folder: its folder may hold the outputs.
    const r = await run([path.join(inDir, 'x.txt'), '--out-dir', path.join(inDir, 'clean'), '-j', '1']);
    expect(r.code).toBe(0);
    expect(tree(path.join(inDir, 'clean'))).toEqual({ 'x.txt': 'One two.\n' });
  });

  it('--out-dir that is a file is a usage error', async () => {
    articles(1);
    fs.writeFileSync(outDir, 'x');
    const r = await run([inDir, '--out-dir', outDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out-dir .*out: exists and is not a folder/);
  });

  it('--in-place replaces each input atomically and keeps its permissions; --backup keeps the original', async () => {
    const names = articles(4);
    const originals = tree(inDir);
    fs.chmodSync(path.join(inDir, 'a000.txt'), 0o640);
    const r = await run([inDir, '--in-place', '--backup', '.orig', '-j', '1']);
    expect(r.code).toBe(0);
    const after = tree(inDir);
    for (const [file, name] of Object.entries(names)) {
      expect(after[file]).toBe(clean(name));
      expect(after[`${file}.orig`]).toBe(originals[file]);
    }
    expect(Object.keys(after)).toHaveLength(8); // no temporary files
    expect(fs.statSync(path.join(inDir, 'a000.txt')).mode & 0o777).toBe(0o640);

    // A second run never overwrites a backup: it may be the only original left.
    const again = await run([inDir, '--in-place', '--backup', '.orig', '-j', '1']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/a000\.txt: backup .*a000\.txt\.orig exists already; refusing to overwrite it/);
    expect(tree(inDir)).toEqual(after);
  });

  it('--in-place with a pattern leaves files named like backups alone', async () => {
    writeTree(inDir, { 'a.txt': 'One  two.', 'b.txt.orig': 'Two  three.' });
    const r = await run([path.join(inDir, '*'), '--in-place', '--backup', '.orig', '-j', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 files: 1 processed/);
    expect(tree(inDir)).toEqual({ 'a.txt': 'One two.\n', 'a.txt.orig': 'One  two.', 'b.txt.orig': 'Two  three.' });
  });
});

describe('batch: bad files are reported and skipped', () => {
  it('reports each bad file on one line, cleans the others, and exits 1', async () => {
    writeTree(inDir, {
      'a-good.txt': fs.readFileSync(fixture('statesman')),
      'b-binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
      'c-empty.txt': '',
      'd-big.txt': 'word '.repeat(1000),
      'e-good.txt': 'Fine text.',
    });
    fs.mkdirSync(path.join(inDir, 'f-folder.txt')); // a folder named like an input is walked, not read
    const missing = path.join(dir, 'missing.txt');
    const report = path.join(dir, 'report.jsonl');
    const r = await run([inDir, missing, '--out-dir', outDir, '--max-size', '4K', '--report', report, '-j', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      `clean-article: ${path.join(inDir, 'b-binary.txt')}: looks like a binary file (NUL or control bytes), not text`,
      `clean-article: ${path.join(inDir, 'c-empty.txt')}: warning: empty input`,
      `clean-article: ${path.join(inDir, 'd-big.txt')}: is 5000 bytes, over the size limit of 4096 bytes (raise it with --max-size)`,
      `clean-article: ${missing}: no such file`,
      expect.stringMatching(/^clean-article: 6 files: 3 processed, 0 skipped, 3 failed \([\d.]+ s\)$/),
      expect.stringMatching(/^clean-article: edits: /),
      '',
    ]);
    expect(tree(outDir)).toEqual({
      'in/a-good.txt': clean('statesman'),
      'in/c-empty.txt': '',
      'in/e-good.txt': 'Fine text.\n',
    });
    const lines = reportOf(report);
    expect(lines.map((l) => [path.basename(l.input as string), l.status])).toEqual([
      ['a-good.txt', 'ok'],
      ['b-binary.txt', 'failed'],
      ['c-empty.txt', 'ok'],
      ['d-big.txt', 'failed'],
      ['e-good.txt', 'ok'],
      ['missing.txt', 'failed'],
    ]);
    expect(lines[0]).toMatchObject({
      input: path.join(inDir, 'a-good.txt'),
      output: path.join(outDir, 'in', 'a-good.txt'),
      status: 'ok',
      encoding: 'utf-8',
      encodingReason: 'valid UTF-8',
      bytes: fs.statSync(fixture('statesman')).size,
    });
    expect(lines[0]!.edits).toBe(
      Object.values(lines[0]!.editsByTransform as Record<string, number>).reduce((a, b) => a + b),
    );
    expect(Object.keys(lines[0]!.editsByTransform as object)).toContain('ligatures');
    expect(typeof lines[0]!.ms).toBe('number');
    expect(lines[1]).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/binary/),
      encoding: null,
      edits: 0,
    });
    expect(lines[2]).toMatchObject({ status: 'ok', warning: 'empty input' });
    expect(lines[5]).toMatchObject({ input: missing, output: null, error: 'no such file' });
    expect(fs.readdirSync(dir).sort()).toEqual(['in', 'out', 'report.jsonl']);
  });

  it('the report shows the encoding each file was read with', async () => {
    writeTree(inDir, {
      '1252.txt': Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9]),
      'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Hi.')]),
      'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hi.', 'utf16le')]),
    });
    const report = path.join(dir, 'r.jsonl');
    expect((await run([inDir, '--out-dir', outDir, '--report', report, '-j', '1'])).code).toBe(0);
    expect(reportOf(report).map((l) => [l.encoding, l.encodingReason])).toEqual([
      ['windows-1252', 'not valid UTF-8: read as Windows-1252'],
      ['utf-8', 'UTF-8 byte-order mark'],
      ['utf-16le', 'UTF-16 LE byte-order mark'],
    ]);
    expect(tree(outDir)['1252.txt']).toBe('“Hi” – café\n');
  });
});

describe('batch: terminal output', () => {
  it('draws progress on one redrawn line when stderr is a terminal, and clears it', async () => {
    articles(3);
    const r = await run([inDir, '--out-dir', outDir, '-j', '1'], null, { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /\rclean-article: \d+\/\d+\+? files, [\d.]+ MB\/s, \d+:\d\d elapsed(, ETA \d+:\d\d)?\x1b\[K/,
    );
    expect(r.stderr).toMatch(/\r\x1b\[Kclean-article: 3 files: 3 processed/);
  });

  it('--no-progress: no progress line on a terminal either', async () => {
    articles(3);
    const r = await run([inDir, '--out-dir', outDir, '-j', '1', '--no-progress'], null, { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/[\r\x1b]/);
    expect(r.stderr).toMatch(/^clean-article: 3 files: 3 processed/);
  });

  it('--progress off a terminal: plain progress lines on stderr, nothing on stdout, error lines whole', async () => {
    articles(3);
    writeTree(inDir, { 'bad.txt': Buffer.from([0, 1, 2]) });
    const r = await run([inDir, '--out-dir', outDir, '-j', '1', '--progress']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/[\r\x1b]/);
    const lines = r.stderr.trimEnd().split('\n');
    const progress = lines.filter((l) => / files, [\d.]+ MB\/s, /.test(l));
    expect(progress.length).toBeGreaterThan(0);
    for (const line of progress) {
      expect(line).toMatch(
        /^clean-article: \d+\/\d+\+? files, [\d.]+ MB\/s, \d+:\d\d elapsed(, ETA \d+:\d\d)?(, 1 failed)?$/,
      );
    }
    expect(lines).toContain(
      `clean-article: ${path.join(inDir, 'bad.txt')}: looks like a binary file (NUL or control bytes), not text`,
    );
    expect(lines.at(-2)).toMatch(/^clean-article: 4 files: 3 processed, 0 skipped, 1 failed/);
  });

  it('--progress never mixes into stdout: --check names and --stats=json stay whole', async () => {
    writeTree(inDir, { 'a.txt': 'Fine.\n', 'b.txt': 'Two  spaces.\n' });
    const check = await run(['--check', inDir, '-j', '1', '--progress']);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe(`${path.join(inDir, 'b.txt')}\n`);
    expect(check.stderr).toMatch(/^clean-article: \d\/\d\+? files, /m);
    const stats = await run([inDir, '--out-dir', outDir, '--stats=json', '-j', '1', '--progress']);
    expect(stats.code).toBe(0);
    const records = stats.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { input: string });
    expect(records.map((r) => path.basename(r.input))).toEqual(['a.txt', 'b.txt']);
    expect(stats.stderr).toMatch(/^clean-article: \d\/\d\+? files, /m);
  });

  it.each([
    [['--progress', '-q'], '--progress and --quiet: choose one'],
    [['--progress'], '--progress: only with --out-dir, --in-place or --check on several files (a batch)'],
  ])('refuses %j outside what it is for', async (flags, message) => {
    articles(1);
    const input = path.join(inDir, 'a000.txt');
    const batch = flags.includes('-q') ? ['--out-dir', outDir] : [];
    const r = await run([input, ...batch, ...flags]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `clean-article: ${message}\n` });
  });

  it('--quiet prints errors only: no progress, warnings or summary', async () => {
    writeTree(inDir, { 'a.txt': 'Fine.', 'b.txt': '', 'c.txt': Buffer.from([0, 1, 2]) });
    const r = await run([inDir, '--out-dir', outDir, '-q', '-j', '1'], null, { tty: true });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `clean-article: ${path.join(inDir, 'c.txt')}: looks like a binary file (NUL or control bytes), not text\n`,
    );
  });
});

describe('batch: in parallel', () => {
  it('gives the same outputs and report with 2 workers as with 1 (workers run src/run/worker.ts through tsx)', async () => {
    articles(24);
    writeTree(inDir, { 'bad.txt': Buffer.from([0, 0, 0]) });
    const withJobs = (name: string, jobs: string) =>
      run([inDir, '--out-dir', path.join(dir, name), '--report', path.join(dir, `${name}.jsonl`), '-j', jobs]);
    const one = await withJobs('one', '1');
    const two = await withJobs('two', '2');
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(Object.keys(tree(path.join(dir, 'one')))).toHaveLength(24);
    expect(tree(path.join(dir, 'two'))).toEqual(tree(path.join(dir, 'one')));
    const strip = (lines: Record<string, unknown>[]) =>
      lines.map(({ ms, output, ...rest }) => ({ ...rest, output: path.basename(String(output)) }));
    expect(strip(reportOf(path.join(dir, 'two.jsonl')))).toEqual(strip(reportOf(path.join(dir, 'one.jsonl'))));
    expect(two.stderr.replace(/\([\d.]+ s\)/, '')).toBe(one.stderr.replace(/\([\d.]+ s\)/, ''));
  });

  it('the compiled bin runs dist/run/worker.js and gives the same outputs', async () => {
    articles(12);
    expect((await run([inDir, '--out-dir', path.join(dir, 'one'), '-j', '1'])).code).toBe(0);
    const r = runBin([inDir, '--out-dir', path.join(dir, 'two'), '-j', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/12 files: 12 processed/);
    expect(tree(path.join(dir, 'two'))).toEqual(tree(path.join(dir, 'one')));
  });

  it('starts workers on compiled JavaScript from dist/ (the bundle from the bundled CLI), and on TypeScript through tsx', () => {
    expect(workerEntry('file:///app/dist/run/pool.js')).toEqual({
      entry: new URL('file:///app/dist/run/worker.js'),
      eval: false,
    });
    // The bundled CLI: the worker bundle, through the launcher (which takes its code cache).
    const bundled = workerEntry('file:///app/dist/clean-article.cjs');
    expect(bundled.eval).toBe(true);
    expect(bundled.entry).toMatch(
      /^import\("file:\/\/\/.+\/dist\/cli\/launch\.js"\)\.then\(\(launch\) => launch\.runWorker\(\)\);$/,
    );
    const ts = workerEntry('file:///app/src/run/pool.ts');
    expect(ts.eval).toBe(true);
    expect(ts.entry).toMatch(/tsImport\("file:\/\/\/app\/src\/run\/worker\.ts"/);
  });
});

describe('batch: resumable', () => {
  it('--skip-existing skips inputs whose output is newer, and redoes the others', async () => {
    articles(4);
    const report = path.join(dir, 'r.jsonl');
    expect((await run([inDir, '--out-dir', outDir, '-j', '1'])).code).toBe(0);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(outDir, 'a000.txt'), old, old); // now older than its input
    fs.rmSync(path.join(outDir, 'part1', 'a001.txt'));
    const r = await run([inDir, '--out-dir', outDir, '--skip-existing', '--report', report, '-j', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/4 files: 2 processed, 2 skipped, 0 failed/);
    // In walk order: a000.txt (older output: redone), a003.txt, part1/a001.txt (no output: done), part2/...
    expect(reportOf(report).map((l) => [path.basename(String(l.input)), l.status])).toEqual([
      ['a000.txt', 'ok'],
      ['a003.txt', 'skipped'],
      ['a001.txt', 'ok'],
      ['a002.txt', 'skipped'],
    ]);
  });

  it('removes temporary files that killed runs left in --out-dir', async () => {
    articles(1);
    const gone = 2 ** 22 + 4321;
    writeTree(outDir, { [`sub/.a.txt.${gone}.0badf00d.tmp`]: 'partial' });
    const r = await run([inDir, '--out-dir', outDir, '-j', '1']);
    expect(r.stderr).toMatch(/removed 1 temporary files left by an interrupted run/);
    expect(Object.keys(tree(outDir))).toEqual(['a000.txt']);
  });

  it('kill midway, then rerun with --skip-existing: the same outputs as a clean run, no partial or temporary files', async () => {
    const n = 300;
    for (let i = 0; i < n; i++) {
      const name = FIXTURES[i % FIXTURES.length]!;
      writeTree(inDir, { [`p${i % 10}/a${i}.txt`]: `${fs.readFileSync(fixture(name), 'utf8')}\n\nItem ${i}.\n` });
    }
    const reference = path.join(dir, 'reference');
    expect(runBin([inDir, '--out-dir', reference, '-j', '2', '-q']).code).toBe(0);
    const expected = tree(reference);
    expect(Object.keys(expected)).toHaveLength(n);

    const report = path.join(dir, 'report.jsonl');
    const child = spawn(process.execPath, [bin, inDir, '--out-dir', outDir, '--report', report, '-j', '2', '-q'], {
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const outputs = () =>
      fs.existsSync(outDir)
        ? fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt'))
        : [];
    // The report's temporary file, once it holds a line: the killed run's record of what it did.
    const leftover = () =>
      fs
        .readdirSync(dir)
        .find(
          (f) =>
            /^\.report\.jsonl\.\d+\.[0-9a-f]{8}\.tmp$/.test(f) &&
            (fs.statSync(path.join(dir, f), { throwIfNoEntry: false })?.size ?? 0) > 0,
        );
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (outputs().length > 0 && leftover() !== undefined) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 2);
    });
    await exited;
    const partial = tree(outDir);
    const done = Object.keys(partial).filter((f) => !path.basename(f).startsWith('.'));
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(n); // killed midway
    for (const f of done) expect(partial[f], f).toBe(expected[f]); // every output is whole

    const recorded = fs
      .readFileSync(path.join(dir, leftover()!), 'utf8')
      .split('\n')
      .filter((l) => l.endsWith('}'));

    const rerun = runBin([inDir, '--out-dir', outDir, '--report', report, '-j', '2', '--skip-existing']);
    expect(rerun.code).toBe(0);
    const [, processed, skipped] = /(\d+) processed, (\d+) skipped/.exec(rerun.stderr) ?? [];
    expect(Number(skipped)).toBeGreaterThanOrEqual(done.length);
    expect(tree(outDir)).toEqual(expected); // hidden temporary files would show here
    // The report covers every input; the files the killed run recorded keep their records from it
    // (a file whose output was renamed just before the kill, but not yet recorded, is "skipped").
    const lines = reportOf(report);
    expect(lines).toHaveLength(n);
    expect(lines.filter((l) => l.status === 'failed')).toEqual([]);
    const ok = lines.filter((l) => l.status === 'ok').length;
    expect(ok).toBe(Number(processed) + recorded.length);
    for (const line of recorded) expect(fs.readFileSync(report, 'utf8')).toContain(`${line}\n`);
    expect(fs.readdirSync(dir).sort()).toEqual(['in', 'out', 'reference', 'report.jsonl']); // the leftover is gone
  });
});

describe('batch: trust options, per file in input order', () => {
  it('--dry-run writes nothing and prints what each file would become', async () => {
    articles(3);
    const r = await run([inDir, '--out-dir', outDir, '--dry-run', '-j', '2']);
    expect(r.code).toBe(0);
    expect(fs.existsSync(outDir)).toBe(false);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^dry run: .*a000\.txt -> .*out\/a000\.txt: would write \d+ bytes \(\d+ edits; .*\); nothing written$/,
    );
  });

  it('--explain=json gives one JSON line per file, naming it, in input order', async () => {
    articles(3);
    const r = await run([inDir, '--out-dir', outDir, '--explain=json', '-j', '2']);
    expect(r.code).toBe(0);
    const lines = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { input: string; edits: unknown[] });
    expect(lines.map((l) => path.basename(l.input))).toEqual(['a000.txt', 'a001.txt', 'a002.txt']);
    for (const l of lines) expect(l.edits.length).toBeGreaterThan(0);
    expect(Object.keys(tree(outDir))).toHaveLength(3);
  });

  it('--stats goes into the --report file', async () => {
    articles(2);
    const report = path.join(dir, 'report.jsonl');
    const r = await run([inDir, '--out-dir', outDir, '--stats=json', '--report', report, '-j', '1']);
    expect(r.code).toBe(0);
    const records = reportOf(report);
    expect(records).toHaveLength(2);
    for (const record of records) expect(record.stats).toMatchObject({ nonWords: expect.any(Object) });
  });

  it('the preset and configuration reach the workers', async () => {
    writeTree(inDir, { 'a.txt': 'We have con- cerns.', 'clean-article.config.json': '{"protect": ["con- cerns"]}' });
    const config = path.join(inDir, 'clean-article.config.json');
    expect((await run([inDir, '--out-dir', outDir, '-j', '2'])).code).toBe(0);
    expect(tree(outDir)['a.txt']).toBe('We have concerns.\n');
    expect((await run([inDir, '--out-dir', outDir, '--config', config, '-j', '2'])).code).toBe(0);
    expect(tree(outDir)['a.txt']).toBe('We have con- cerns.\n');
  });

  it('--jsonl refuses per-article reports', async () => {
    const r = await run(['--jsonl', '--explain'], '{"id":1,"text":"x"}\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--jsonl: --explain reports on files or one article/);
  });
});
