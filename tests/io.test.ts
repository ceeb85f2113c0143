import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../src/core/errors.js';
import {
  DEFAULT_MAX_SIZE,
  backupFile,
  isStaleTemp,
  isUpToDate,
  openOutputStream,
  readInputFile,
  removeStaleTemps,
  writeFileAtomic,
  writeFileAtomicAsync,
} from '../src/io/files.js';
import { decodeBytes } from '../src/core/decode.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-io-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeBytes: the encoding decision is returned with its reason', () => {
  it('valid UTF-8 without a byte-order mark', () => {
    expect(decodeBytes(bytes('café “quoted”'), 'a.txt')).toEqual({
      text: 'café “quoted”',
      encoding: 'utf-8',
      reason: 'valid UTF-8',
      bytes: 18,
    });
  });

  it('UTF-8 with a byte-order mark: the mark is dropped', () => {
    const d = decodeBytes(bytes([0xef, 0xbb, 0xbf], 'café'), 'a.txt');
    expect(d).toEqual({ text: 'café', encoding: 'utf-8', reason: 'UTF-8 byte-order mark', bytes: 8 });
  });

  it('UTF-16 LE with a byte-order mark', () => {
    const d = decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('café “q”', 'utf16le')]), 'a.txt');
    expect(d.text).toBe('café “q”');
    expect(d.encoding).toBe('utf-16le');
    expect(d.reason).toBe('UTF-16 LE byte-order mark');
  });

  it('UTF-16 BE with a byte-order mark (NUL bytes are not taken for binary)', () => {
    const le = Buffer.from('café “q”', 'utf16le');
    const be = Buffer.from(le).swap16();
    const d = decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'a.txt');
    expect(d.text).toBe('café “q”');
    expect(d.encoding).toBe('utf-16be');
    expect(d.reason).toBe('UTF-16 BE byte-order mark');
  });

  it('not valid UTF-8: Windows-1252, whose bytes 0x80-0x9F are punctuation, not C1 controls', () => {
    const d = decodeBytes(
      bytes(
        'caf',
        [0xe9, 0x20, 0x93],
        'quoted',
        [0x94, 0x20, 0x91, 0x92, 0x20, 0x96, 0x20, 0x97, 0x20, 0x85, 0x80, 0x99],
      ),
      'a.txt',
    );
    expect(d.text).toBe('café “quoted” ‘’ – — …€™');
    expect(d.text).not.toMatch(/[\u0080-\u009f]/);
    expect(d.encoding).toBe('windows-1252');
    expect(d.reason).toBe('not valid UTF-8: read as Windows-1252');
  });

  it('--encoding latin1 is obeyed: 0x93 stays the C1 character Latin-1 says it is', () => {
    const d = decodeBytes(bytes('caf', [0xe9, 0x20, 0x93]), 'a.txt', 'latin1');
    expect(d).toEqual({ text: 'café \u0093', encoding: 'latin1', reason: 'given with --encoding', bytes: 6 });
  });

  it('--encoding overrides the detection of valid UTF-8', () => {
    expect(decodeBytes(bytes('café'), 'a.txt', 'latin1').text).toBe('cafÃ©');
  });

  it('NUL bytes are binary: an InputError naming the file', () => {
    expect(() => decodeBytes(bytes('PK', [3, 4, 0, 0]), 'x.zip')).toThrow(InputError);
    expect(() => decodeBytes(bytes('PK', [3, 4, 0, 0]), 'x.zip')).toThrow(/binary/);
  });
});

describe('readInputFile', () => {
  it('lets a 20 MB page dump through the default size limit', () => {
    expect(DEFAULT_MAX_SIZE).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    const file = path.join(dir, 'dump.txt');
    fs.writeFileSync(file, 'The quick brown fox jumps over the lazy dog.\n'.repeat((20 * 1024 * 1024) / 45 + 1));
    const d = readInputFile(file);
    expect(d.bytes).toBeGreaterThan(20 * 1024 * 1024);
    expect(d.encoding).toBe('utf-8');
  });

  it('refuses a file over --max-size before reading it', () => {
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, 'x'.repeat(2000));
    expect(() => readInputFile(file, { maxSize: 1024 })).toThrow(/is 2000 bytes, over the size limit of 1024 bytes/);
  });
});

describe('atomic writes', () => {
  it('writeFileAtomic keeps the given permissions and leaves no temporary file', () => {
    const file = path.join(dir, 'out.txt');
    writeFileAtomic(file, 'hello\n', 0o640);
    expect(fs.readFileSync(file, 'utf8')).toBe('hello\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['out.txt']);
  });

  it('writeFileAtomicAsync writes, keeps the permissions and leaves no temporary file', async () => {
    const file = path.join(dir, 'sub', 'out.txt');
    await writeFileAtomicAsync(file, 'hello\n', 0o640);
    expect(fs.readFileSync(file, 'utf8')).toBe('hello\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['out.txt']);
  });

  it('writeFileAtomicAsync: a rename that fails names the file, leaves the target and no temporary file', async () => {
    const target = path.join(dir, 'taken');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep.txt'), 'kept');
    await expect(writeFileAtomicAsync(target, 'new')).rejects.toThrow(InputError);
    await expect(writeFileAtomicAsync(target, 'new')).rejects.toThrow(/cannot write/);
    expect(fs.readdirSync(dir)).toEqual(['taken']);
    expect(fs.readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('kept');
  });

  it('openOutputStream: nothing at the target until commit', () => {
    const file = path.join(dir, 'report.jsonl');
    const w = openOutputStream(file);
    w.write('{"a":1}\n');
    w.write('{"a":2}\n');
    expect(fs.existsSync(file)).toBe(false);
    w.commit();
    expect(fs.readFileSync(file, 'utf8')).toBe('{"a":1}\n{"a":2}\n');
    expect(fs.readdirSync(dir)).toEqual(['report.jsonl']);
  });

  it('openOutputStream: abort leaves the old file and no temporary file', () => {
    const file = path.join(dir, 'report.jsonl');
    fs.writeFileSync(file, 'old\n');
    const w = openOutputStream(file);
    w.write('new\n');
    w.abort();
    expect(fs.readFileSync(file, 'utf8')).toBe('old\n');
    expect(fs.readdirSync(dir)).toEqual(['report.jsonl']);
  });
});

describe('leftovers of killed runs', () => {
  it('a temporary file of a process that is gone is stale; one of a running process is not', () => {
    const gone = 2 ** 22 + 12345; // above the default pid_max: no such process
    expect(isStaleTemp(`.a.txt.${gone}.0123abcd.tmp`)).toBe(true);
    expect(isStaleTemp(`.a.txt.${process.pid}.0123abcd.tmp`)).toBe(false);
    expect(isStaleTemp('a.txt')).toBe(false);
    expect(isStaleTemp(`a.txt.${gone}.0123abcd.tmp`)).toBe(false);
  });

  it('removeStaleTemps removes them in every folder below, and nothing else', () => {
    const gone = 2 ** 22 + 12345;
    fs.mkdirSync(path.join(dir, 'sub'));
    for (const f of [`.a.txt.${gone}.0123abcd.tmp`, `sub/.b.md.${gone}.89abcdef.tmp`, 'a.txt', 'sub/.hidden.tmp']) {
      fs.writeFileSync(path.join(dir, f), 'x');
    }
    expect(removeStaleTemps(dir)).toBe(2);
    expect(fs.readdirSync(dir, { recursive: true }).sort()).toEqual(['a.txt', 'sub', 'sub/.hidden.tmp']);
    expect(removeStaleTemps(path.join(dir, 'missing'))).toBe(0);
  });

  it('isUpToDate: the output exists and is newer than the input', () => {
    const input = path.join(dir, 'in.txt');
    const output = path.join(dir, 'out.txt');
    fs.writeFileSync(input, 'x');
    expect(isUpToDate(input, output)).toBe(false);
    fs.writeFileSync(output, 'y');
    fs.utimesSync(input, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(isUpToDate(input, output)).toBe(true);
    fs.utimesSync(output, new Date(1999, 0, 1), new Date(1999, 0, 1));
    expect(isUpToDate(input, output)).toBe(false);
  });
});

describe('backupFile', () => {
  it('keeps the original under the backup name, and never overwrites an existing backup', () => {
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, 'original');
    backupFile(file, `${file}.orig`);
    writeFileAtomic(file, 'cleaned');
    expect(fs.readFileSync(`${file}.orig`, 'utf8')).toBe('original');
    expect(fs.readFileSync(file, 'utf8')).toBe('cleaned');
    expect(() => backupFile(file, `${file}.orig`)).toThrow(/backup .*a\.txt\.orig exists already/);
    expect(fs.readFileSync(`${file}.orig`, 'utf8')).toBe('original');
  });
});
