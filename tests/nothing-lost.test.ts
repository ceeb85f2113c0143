/**
 * "Nothing lost, nothing crashes, whatever the input": the command line against real temporary
 * folders, links, FIFOs, devices and (where the machine lets root mount a small tmpfs) a full disk.
 * One section per defect of the issue; each states the rule it keeps.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, expected as clean, fixture, repo, run, runBin, tree, writeTree } from './run.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-robust-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const statesman = fs.readFileSync(fixture('statesman'), 'utf8');
const isRoot = process.getuid?.() === 0;
const oneLine = (stderr: string) => stderr.trimEnd().split('\n');
const reportOf = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Can this process mount a tmpfs (root, and a kernel that lets it)? Tried once, on a folder of its own. */
function canMountTmpfs(): boolean {
  if (!isRoot) return false;
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-mount-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status !== 0) return false;
    spawnSync('umount', [probe]);
    return true;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

/** A character device that is full (1, 7), made in `dir` as root; else the system's /dev/full. */
function fullDevice(): string {
  if (isRoot) {
    const node = path.join(dir, 'full');
    if (spawnSync('mknod', [node, 'c', '1', '7']).status === 0) return node;
  }
  return '/dev/full';
}

/** Read a FIFO in a child process until the writer closes it; resolves to what was read. */
function readFifo(fifo: string): Promise<string> {
  const reader = spawn(process.execPath, [
    '-e',
    'process.stdout.write(require("fs").readFileSync(process.argv[1]))',
    fifo,
  ]);
  let out = '';
  reader.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  return new Promise((resolve) => reader.on('close', () => resolve(out)));
}

/** The compiled bin as a child process, with its stdout on `fd`. */
function runBinTo(fd: number, args: string[], input = ''): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { input, stdio: ['pipe', fd, 'pipe'], encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

describe('1. --jsonl passes every field it did not produce through byte for byte', () => {
  it('replaces only the value of "text" and adds the parts under "article"; big integers, escapes, spacing, order and duplicates stay', async () => {
    const text = fs.readFileSync(fixture('statesman'), 'utf8');
    // Fields named like the article's parts, numbers beyond 2^53, escapes JSON.stringify would change,
    // odd spacing, a nested "text" and a duplicate key.
    const before =
      '{ "id":12345678901234567890, "source":"x", "headline":"mine", "date":"1916-04-01", "byline":null, ' +
      '"deck":["a"], "publication":"P", "paragraphs":7, "removed":{"text":"nested"}, "s":"a\\u2028b\\/c\u2029d", ' +
      '"f":1.50e+3, "dup":1, "dup":2 , "text" :  ';
    const after = ' , "tail" : [ true , false ]  }  ';
    const line = `${before}${JSON.stringify(text)}${after}`;
    const r = await run(['--jsonl', '-j', '1'], `${line}\n`);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const out = r.stdout.slice(0, -1);
    const cleaned = JSON.stringify((await run([fixture('statesman')])).stdout);
    // The line as it came up to the end of its last member, the cleaned text in place of the old.
    const kept = `${before}${cleaned}${after.slice(0, after.lastIndexOf(']') + 1)}`;
    expect(out.startsWith(kept)).toBe(true);
    expect(out.endsWith('  }  ')).toBe(true);
    const added = out.slice(kept.length, -'  }  '.length);
    expect(added.startsWith(',"article":')).toBe(true);
    const article = JSON.parse((await run([fixture('statesman'), '-f', 'json'])).stdout);
    expect(JSON.parse(added.slice(',"article":'.length))).toEqual(article);
    expect(r.stdout.split('\n')).toHaveLength(2); // one line out per line in
  });

  it('a record that has the key already is reported and left out; --article-key names another key', async () => {
    const input = '{"id":1,"text":"One  two.","article":"my own"}\n{"id":2,"text":"Three  four."}\n';
    const r = await run(['--jsonl', '-j', '1'], input);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `{"id":2,"text":"Three four.\\n","article":${JSON.stringify(JSON.parse((await run(['-f', 'json'], 'Three four.')).stdout))}}\n`,
    );
    expect(oneLine(r.stderr)[0]).toBe(
      'clean-article: <stdin>: line 1: has a "article" field already; not overwritten (name another key with --article-key); skipped',
    );
    const other = await run(['--jsonl', '--article-key', 'clean_parts', '-j', '1'], input);
    expect(other.code).toBe(0);
    const [first] = other.stdout.split('\n');
    expect(first!.startsWith('{"id":1,"text":"One two.\\n","article":"my own","clean_parts":{')).toBe(true);
    const usage = await run(['--jsonl', '--article-key', 'text']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--article-key: "text" cannot hold the article's parts/);
  });

  it("the README's example is what the compiled bin prints", () => {
    const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
    const m = /^\$ echo '(.*)' \| clean-article --jsonl\n(.*)\n/m.exec(readme);
    expect(m).not.toBeNull();
    const r = runBin(['--jsonl'], `${m![1]}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${m![2]}\n`);
    expect(m![2]).toContain('"source": "x"'); // the record's own "source", untouched
  });
});

describe.skipIf(!canMountTmpfs())(
  '2. a full disk (a 64 KB tmpfs; skipped where this user cannot mount one: not root, or no tmpfs)',
  () => {
    let disk: string;
    beforeEach(() => {
      disk = path.join(dir, 'disk');
      fs.mkdirSync(disk);
      expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]).status).toBe(0);
    });
    afterEach(() => {
      spawnSync('umount', [disk]);
    });

    /** Fill the disk to the last byte. */
    const fill = () => {
      const fd = fs.openSync(path.join(disk, 'fill'), 'w');
      try {
        for (;;) fs.writeSync(fd, Buffer.alloc(4096));
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        fs.closeSync(fd);
      }
    };

    it('every write path reports the file in one line, exits 1 and leaves the previous file as it was', async () => {
      const old = { 'report.jsonl': '{"old":"report"}\n', 'out.jsonl': '{"old":"records"}\n', 'out.txt': 'old text\n' };
      writeTree(disk, old);
      const input = path.join(dir, 'in');
      writeTree(input, { 'a.txt': statesman, 'b.txt': statesman });
      fill();
      const report = path.join(disk, 'report.jsonl');
      const out = path.join(disk, 'out.jsonl');
      const runs = [
        { args: [input, '--out-dir', path.join(dir, 'clean'), '--report', report, '-j', '1'], file: report },
        { args: ['--jsonl', '-o', out, '-j', '1'], stdin: '{"text":"One  two."}\n', file: out },
        { args: [path.join(input, 'a.txt'), '-o', path.join(disk, 'out.txt')], file: path.join(disk, 'out.txt') },
      ];
      for (const { args, stdin, file } of runs) {
        const r = await run(args, stdin ?? null);
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.stderr).toContain(`clean-article: ${file}: cannot write: no space left on the device\n`);
        expect(r.stderr.split('\n').filter((l) => l.includes(file))).toHaveLength(1);
      }
      // Outputs of a batch on the full disk: each file fails on its own line, the batch goes on.
      const batch = await run([input, '--out-dir', path.join(disk, 'clean'), '-j', '1']);
      expect(batch.code).toBe(1);
      expect(oneLine(batch.stderr).slice(0, 2)).toEqual([
        `clean-article: ${path.join(input, 'a.txt')}: ${path.join(disk, 'clean', 'a.txt')}: cannot write: no space left on the device`,
        `clean-article: ${path.join(input, 'b.txt')}: ${path.join(disk, 'clean', 'b.txt')}: cannot write: no space left on the device`,
      ]);
      const left = tree(disk);
      delete left.fill;
      expect(left).toEqual(old); // no temporary file, no emptied file
    });
  },
);

describe('3. outputs are written to, not replaced', () => {
  it('-o follows a link and replaces the file it points to (the link stays, the permissions too)', async () => {
    const real = path.join(dir, 'real.txt');
    const link = path.join(dir, 'link.txt');
    fs.writeFileSync(real, 'old');
    fs.chmodSync(real, 0o640);
    fs.symlinkSync('real.txt', link);
    const r = await run([fixture('statesman'), '-o', link]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe(clean('statesman'));
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir).sort()).toEqual(['link.txt', 'real.txt']);
  });

  it('-o writes a FIFO directly', async () => {
    const fifo = path.join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const read = readFifo(fifo);
    const r = await run([fixture('statesman'), '-o', fifo]);
    expect(r.code).toBe(0);
    expect(await read).toBe(clean('statesman'));
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });

  it('-o writes a device directly: a full device gives one line and exit 1, and stays a device', async () => {
    const device = fullDevice();
    const r = await run([fixture('statesman'), '-o', device]);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `clean-article: ${device}: cannot write: no space left on the device\n`,
    });
    expect(fs.statSync(device).isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(path.dirname(device)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('-o - is stdout, not a file named "-"', async () => {
    const r = await run([fixture('statesman'), '-o', '-']);
    expect(r).toEqual({ code: 0, stdout: clean('statesman'), stderr: '' });
    const jsonl = await run(['--jsonl', '-o', '-', '-j', '1'], '{"text":"One  two."}\n');
    expect(jsonl.stdout).toMatch(/^\{"text":"One two\.\\n","article":\{/);
    expect(fs.existsSync(path.join(repo, '-'))).toBe(false);
  });

  it('--in-place keeps links: the file a link points to is replaced, once, and the backup holds the original', async () => {
    const outside = path.join(dir, 'outside.txt');
    fs.writeFileSync(outside, 'Outside  the  folder.');
    writeTree(path.join(dir, 'in'), { 'a.txt': 'One  two.', 'c.txt': 'Three  four.' });
    fs.symlinkSync('a.txt', path.join(dir, 'in', 'b.txt')); // the walk reaches a.txt by its own name too
    fs.symlinkSync('../outside.txt', path.join(dir, 'in', 'd.txt'));
    fs.symlinkSync('../outside.txt', path.join(dir, 'in', 'e.txt')); // a second link to the same file
    const report = path.join(dir, 'report.jsonl');
    const r = await run([path.join(dir, 'in'), '--in-place', '--backup', '.orig', '--report', report, '-j', '1']);
    expect(r.code).toBe(0);
    for (const link of ['b.txt', 'd.txt', 'e.txt']) {
      expect(fs.lstatSync(path.join(dir, 'in', link)).isSymbolicLink(), link).toBe(true);
    }
    expect(fs.readFileSync(path.join(dir, 'in', 'a.txt'), 'utf8')).toBe('One two.\n');
    expect(fs.readFileSync(outside, 'utf8')).toBe('Outside the folder.\n');
    // The backup of a link is the original text, not a link to the file that was replaced.
    const backup = path.join(dir, 'in', 'd.txt.orig');
    expect(fs.lstatSync(backup).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(backup, 'utf8')).toBe('Outside  the  folder.');
    expect(reportOf(report).map((l) => path.basename(l.input as string))).toEqual(['a.txt', 'c.txt', 'd.txt']);

    // A link named on the command line: the same; with its file named too, the file is cleaned once.
    const link = path.join(dir, 'named.txt');
    fs.symlinkSync('outside.txt', link);
    fs.writeFileSync(outside, 'Outside  again.');
    const twice = await run([path.join(dir, 'in'), outside, link, '--in-place', '--report', report, '-j', '1']);
    expect(twice.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(outside, 'utf8')).toBe('Outside again.\n');
    expect(reportOf(report).map((l) => path.basename(l.input as string))).toEqual(['a.txt', 'c.txt', 'outside.txt']);
  });
});

describe('5. a stopped batch keeps what it did', () => {
  it('Ctrl-C stops promptly with one line and exit 130; the report holds every file done; --skip-existing resumes it', async () => {
    // A FIFO among the inputs holds one worker until the test writes to it: the batch is stopped
    // while it is certainly midway, with no clock involved.
    const input = path.join(dir, 'in');
    const files = Array.from({ length: 120 }, (_, i) => path.join(input, `a${String(i).padStart(3, '0')}.txt`));
    files.forEach((f, i) => writeTree(input, { [path.basename(f)]: `Item  ${i}  of the  batch.\n` }));
    const fifo = path.join(input, 'fifo.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const out = path.join(dir, 'out');
    const report = path.join(dir, 'report.jsonl');
    const args = [files[0]!, files[1]!, fifo, ...files.slice(2), '--out-dir', out, '--report', report, '-j', '2'];
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const outputs = () => (fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith('.txt')) : []);
    // Ten outputs: the FIFO, third in line, has been handed to a worker (tasks go out in order), which
    // waits on it; the other worker goes on.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (outputs().length >= 10) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
    });
    child.kill('SIGINT');
    const writer = await fs.promises.open(fifo, 'w');
    await writer.writeFile('The  FIFO  article.');
    await writer.close();
    expect(await exited).toBe(130);
    const lines = oneLine(stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^clean-article: stopped by SIGINT after (\d+) files \(\1 processed, 0 skipped, 0 failed\); run the same command with --skip-existing to resume$/,
    );
    const done = Number(/after (\d+) files/.exec(lines[0]!)![1]);
    expect(done).toBeLessThan(files.length + 1);
    const records = fs
      .readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { input: string; status: string });
    expect(records).toHaveLength(done);
    expect(records.every((l) => l.status === 'ok')).toBe(true);
    expect(records.map((l) => l.input)).toEqual([files[0], files[1], fifo, ...files.slice(2)].slice(0, done));
    expect(outputs().sort()).toEqual(records.map((l) => path.basename(l.input)).sort());
    expect(fs.readdirSync(dir).sort()).toEqual(['in', 'out', 'report.jsonl']); // no temporary report

    // Resume, without the FIFO: the report then holds every file, each by the run that cleaned it.
    const rest = runBin([...files, '--out-dir', out, '--report', report, '--skip-existing', '-j', '2']);
    expect(rest.code).toBe(0);
    expect(rest.stderr).toMatch(
      new RegExp(`${files.length} files: ${files.length - done + 1} processed, ${done - 1} skipped`),
    );
    const resumed = fs
      .readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { input: string; status: string });
    expect(resumed.map((l) => [l.input, l.status])).toEqual(files.map((f) => [f, 'ok']));
  });

  it('--jsonl: SIGTERM stops reading with one line and exit 143, after writing the records in hand', async () => {
    const child = spawn(process.execPath, [bin, '--jsonl', '-j', '1'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const twoOut = new Promise<void>((resolve) =>
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (stdout.split('\n').length > 2) resolve();
      }),
    );
    child.stdin.write('{"id":1,"text":"One  two."}\n{"id":2,"text":"Three  four."}\n');
    await twoOut; // stdin stays open: the run waits for more
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([1, 2]);
    expect(stderr).toBe('clean-article: <stdin>: stopped by SIGTERM after 2 records\n');
  });
});

describe('6. --max-size is enforced while reading, for every source', () => {
  /** The bin under a 1.5 GB address-space limit: a reader without a limit fails fast instead of eating memory. */
  const runCapped = (args: string[]) => {
    const r = spawnSync('sh', ['-c', 'ulimit -v 1500000; exec "$0" "$@"', process.execPath, bin, ...args], {
      encoding: 'utf8',
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('a device: /dev/zero is refused from its first bytes; read as Latin-1, at the limit; also as a word list or a configuration', () => {
    expect(runCapped(['--max-size', '1M', '/dev/zero'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'clean-article: /dev/zero: looks like a binary file (NUL or control bytes), not text\n',
    });
    expect(runCapped(['--max-size', '1M', '--encoding', 'latin1', '/dev/zero'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'clean-article: /dev/zero: is over the size limit of 1048576 bytes (raise it with --max-size)\n',
    });
    // The word lists and the configuration are read the same way.
    expect(runCapped(['--words', '/dev/zero', fixture('statesman')])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'clean-article: --words: /dev/zero: looks like a binary file (NUL or control bytes), not text\n',
    });
    expect(runCapped(['--config', '/dev/zero', fixture('statesman')]).stderr).toBe(
      'clean-article: /dev/zero: cannot read the configuration: looks like a binary file (NUL or control bytes), not text\n',
    );
  });

  it('a FIFO, stdin and a JSON Lines record over the limit are refused; a record under it still goes through', async () => {
    const fifo = path.join(dir, 'pipe.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn(process.execPath, [
      '-e',
      'try { require("fs").writeFileSync(process.argv[1], "word ".repeat(100000)) } catch {}',
      fifo,
    ]);
    const fromFifo = await run([fifo, '--max-size', '64K']);
    writer.kill();
    expect(fromFifo).toEqual({
      code: 1,
      stdout: '',
      stderr: `clean-article: ${fifo}: is over the size limit of 65536 bytes (raise it with --max-size)\n`,
    });
    const big = 'word '.repeat(100000);
    expect((await run(['--max-size', '64K'], big)).stderr).toBe(
      'clean-article: <stdin>: is over the size limit of 65536 bytes (raise it with --max-size)\n',
    );
    const r = await run(['--jsonl', '--max-size', '64K', '-j', '1'], `{"text":"${big}"}\n{"id":2,"text":"Fine."}\n`);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\{"id":2,"text":"Fine\.\\n","article":/);
    expect(oneLine(r.stderr)[0]).toBe(
      'clean-article: <stdin>: line 1: is over the size limit of 65536 bytes (raise it with --max-size); skipped',
    );
  });
});

describe('7. no stack trace', () => {
  it('a full stdout (/dev/full) is one line and exit 1, for an article, --jsonl and --help', () => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      for (const [args, input] of [
        [[fixture('statesman')], ''],
        [['--jsonl', '-j', '1'], '{"text":"One  two."}\n'],
        [['--help'], ''],
      ] as const) {
        expect(runBinTo(full, [...args], input), args.join(' ')).toEqual({
          code: 1,
          stderr: 'clean-article: <stdout>: cannot write: no space left on the device\n',
        });
      }
    } finally {
      fs.closeSync(full);
    }
  });

  it.each(['valueOf', 'hasOwnProperty', '__proto__', 'constructor', 'toString'])(
    'a configuration option named %s is a usage error naming it',
    async (key) => {
      const config = path.join(dir, 'config.json');
      fs.writeFileSync(config, `{"transforms": {"unwrap": {"${key}": 1}, "whitespace": {}}}`);
      const r = await run(['--config', config, fixture('statesman')]);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr: `clean-article: ${config}: transforms.unwrap.${key}: unknown option; valid options: shortLineRatio\n`,
      });
      fs.writeFileSync(config, `{"transforms": {"whitespace": {"${key}": 1}}}`);
      expect((await run(['--config', config, fixture('statesman')])).stderr).toBe(
        `clean-article: ${config}: transforms.whitespace.${key}: unknown option; whitespace has no options\n`,
      );
    },
  );

  it('a file named like a built-in property is a file, not an option', () => {
    fs.writeFileSync(path.join(dir, 'toString'), 'One  two.');
    const r = spawnSync(process.execPath, [bin, 'toString'], { cwd: dir, encoding: 'utf8' });
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 0,
      stdout: 'One two.\n',
      stderr: '',
    });
  });
});

describe('8. the smaller ones', () => {
  it('a name that is not valid UTF-8 is reported as such, on the command line and in a walked folder', async () => {
    const folder = path.join(dir, 'in');
    fs.mkdirSync(folder);
    fs.writeFileSync(Buffer.concat([Buffer.from(`${folder}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'Text.');
    fs.writeFileSync(path.join(folder, 'good.txt'), 'Good  text.');
    const walked = await run([folder, '--out-dir', path.join(dir, 'out'), '-j', '1']);
    expect(walked.code).toBe(1);
    expect(oneLine(walked.stderr)[0]).toBe(
      `clean-article: ${folder}/caf\\xE9.txt: file name is not valid UTF-8: clean-article opens files by UTF-8 names only; rename it`,
    );
    expect(tree(path.join(dir, 'out'))).toEqual({ 'good.txt': 'Good text.\n' });
    // On the command line Node has already replaced the byte by U+FFFD: say so rather than "no such file".
    const named = await run([`${folder}/caf\ufffd.txt`]);
    expect(named.code).toBe(1);
    expect(named.stderr).toMatch(/caf\ufffd\.txt: no such file by this name: the name given is not valid UTF-8/);
  });

  it('broken and looping links, links to devices and FIFOs in a walked folder are reported, not skipped', async () => {
    const folder = path.join(dir, 'in');
    writeTree(folder, { 'a.txt': 'Good  text.' });
    fs.symlinkSync('nowhere.txt', path.join(folder, 'broken.txt'));
    fs.symlinkSync('loop.txt', path.join(folder, 'loop.txt'));
    fs.symlinkSync('/dev/null', path.join(folder, 'device.txt'));
    expect(spawnSync('mkfifo', [path.join(folder, 'fifo.txt')]).status).toBe(0);
    fs.symlinkSync('nowhere.md', path.join(folder, 'other.md')); // not an input by its name: not reported
    const r = await run([folder, '--out-dir', path.join(dir, 'out'), '-j', '1']);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toEqual([
      `clean-article: ${folder}/broken.txt: is a broken symbolic link (what it points to does not exist)`,
      `clean-article: ${folder}/device.txt: is a symbolic link to a character device, not a regular file`,
      `clean-article: ${folder}/fifo.txt: is a FIFO, not a regular file`,
      `clean-article: ${folder}/loop.txt: is a symbolic link in a loop`,
      expect.stringMatching(/^clean-article: 5 files: 1 processed, 0 skipped, 4 failed/),
      expect.stringMatching(/^clean-article: edits: /),
    ]);
  });

  it('Shift-JIS and GB18030 read as Windows-1252 give a warning; Western Windows-1252 none', async () => {
    const sjis = path.join(dir, 'sjis.txt');
    // 東京都の新聞記事です。 in Shift-JIS
    fs.writeFileSync(sjis, Buffer.from('938c8b9e937382cc905695b78b4c8e9682c582b78142', 'hex'));
    const gb = path.join(dir, 'gb.txt');
    // 北京的报纸文章。今天天气很好。 in GB18030
    fs.writeFileSync(gb, Buffer.from('b1b1bea9b5c4b1a8d6bdcec4d5c2a1a3bdf1ccecccecc6f8badcbac3a1a3', 'hex'));
    for (const file of [sjis, gb]) {
      const r = await run([file]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(
        new RegExp(
          `^clean-article: ${file}: warning: read as Windows-1252, but .*: it may be in another encoding \\(Shift-JIS, GB18030, a Cyrillic or Greek code page\\); give it with --encoding\\n$`,
        ),
      );
    }
    expect((await run([sjis])).stderr).toMatch(/bytes have no Windows-1252 character \(now U\+FFFD\)/);
    expect((await run([fixture('windows-1252-crlf')])).stderr).toBe('');
    const report = path.join(dir, 'r.jsonl');
    await run([sjis, gb, '--out-dir', path.join(dir, 'out'), '--report', report, '-j', '1']);
    for (const line of fs.readFileSync(report, 'utf8').trim().split('\n')) {
      expect(JSON.parse(line).warning).toMatch(/^read as Windows-1252, but /);
    }
  });

  it('an uncompressed PDF is refused like binary', async () => {
    const pdf = path.join(dir, 'doc.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nBT (Hello world) Tj ET\n');
    expect(await run([pdf])).toEqual({
      code: 1,
      stdout: '',
      stderr: `clean-article: ${pdf}: is a PDF file, not text: extract its text first (e.g. with pdftotext)\n`,
    });
  });

  it('control characters in names are escaped: an error stays one line', async () => {
    const name = path.join(dir, 'in', 'a\nb\x1b\x07.txt');
    const shown = `${dir}/in/a\\nb\\x1B\\x07.txt`;
    expect(await run([name])).toEqual({ code: 1, stdout: '', stderr: `clean-article: ${shown}: no such file\n` });
    writeTree(path.join(dir, 'in'), { 'a\nb\x1b\x07.txt': Buffer.from([0, 1, 2]) });
    const batch = await run([path.join(dir, 'in'), '--out-dir', path.join(dir, 'out'), '-q', '-j', '1']);
    expect(batch.stderr).toBe(`clean-article: ${shown}: looks like a binary file (NUL or control bytes), not text\n`);
  });

  it('the progress line fits the terminal: in 40 columns no redraw is longer than 39', async () => {
    const folder = path.join(dir, 'in');
    writeTree(folder, { 'a.txt': 'One.', 'b.txt': 'Two.', 'c.txt': Buffer.from([0]) });
    const r = await run([folder, '--out-dir', path.join(dir, 'out'), '-j', '1'], null, { tty: true, columns: 40 });
    const redraws = r.stderr.split('\r').filter((s) => s.endsWith('\x1b[K'));
    expect(redraws.length).toBeGreaterThan(0);
    for (const redraw of redraws) expect(redraw.replace('\x1b[K', '').length).toBeLessThanOrEqual(39);
  });

  it('--only "", --skip "", --enable "" and --only X --skip X: usage errors', async () => {
    for (const args of [
      ['--only', ''],
      ['--skip', ''],
      ['--enable', ''],
      ['--only', 'whitespace', '--skip', 'whitespace'],
    ]) {
      const r = await run([...args, fixture('statesman')]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(oneLine(r.stderr)).toHaveLength(1);
    }
    expect((await run(['--only', '', fixture('statesman')])).stderr).toMatch(/--only: no transform id given/);
    expect((await run(['--skip', '', fixture('statesman')])).stderr).toMatch(/--skip: no transform id given/);
    expect((await run(['--only', 'unwrap', '--skip', 'unwrap', fixture('statesman')])).stderr).toBe(
      'clean-article: no transform left to run (only unwrap, skip unwrap); nothing would be cleaned\n',
    );
  });
});
