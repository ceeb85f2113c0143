import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFileList } from '../src/io/file-list.js';
import { FIXTURES, fixture, run, tree, writeTree } from './run.js';

let dir: string;
let scans: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-files-from-'));
  scans = path.join(dir, 'scans');
  // Two years of pages, as an archive holds them.
  for (const [i, name] of FIXTURES.entries()) {
    writeTree(scans, { [`${1916 + (i % 2)}/p${i}.txt`]: fs.readFileSync(fixture(name)) });
  }
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const pages = () =>
  fs
    .readdirSync(scans, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(scans, f));

describe('--files-from and --base', () => {
  it('parses lists of lines (CRLF too) and NUL-separated lists, and keeps names as they are', () => {
    expect(parseFileList('a.txt\r\nb c.txt\n\n*.txt\n', false)).toEqual(['a.txt', 'b c.txt', '*.txt']);
    expect(parseFileList('a\nb.txt\0c.txt\0', true)).toEqual(['a\nb.txt', 'c.txt']);
    expect(parseFileList('', false)).toEqual([]);
  });

  it('gives the tree one call gives, however the inputs are split across calls', async () => {
    const one = path.join(dir, 'one');
    expect((await run([scans, '--out-dir', one, '-j', '1', '-q'])).code).toBe(0);
    // Without --base, each call would mirror from its own inputs' folder (`xargs -n1`: one/p0.txt).
    const split = path.join(dir, 'split');
    const files = pages();
    for (const [k, part] of [files.slice(0, 1), files.slice(1, 4), files.slice(4)].entries()) {
      const list = path.join(dir, `list-${k}`);
      fs.writeFileSync(list, part.map((f) => `${f}\n`).join(''));
      const r = await run(['--files-from', list, '--base', scans, '--out-dir', split, '-j', '1', '-q']);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(tree(split)).toEqual(tree(one));
    const unbased = path.join(dir, 'unbased');
    expect((await run(['--files-from', path.join(dir, 'list-0'), '--out-dir', unbased, '-j', '1', '-q'])).code).toBe(0);
    expect(Object.keys(tree(unbased))).toEqual(['p0.txt']);
    expect(Object.keys(tree(one))).toContain(path.join('1916', 'p0.txt'));
  });

  it('reads a NUL-separated list from stdin, names with a line break included', async () => {
    const odd = path.join(scans, '1916', 'two\nlines.txt');
    fs.writeFileSync(odd, fs.readFileSync(fixture('statesman')));
    const out = path.join(dir, 'out');
    const r = await run(['--files-from', '-', '-0', '--base', scans, '--out-dir', out, '-j', '1', '-q'], `${odd}\0`);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, '1916', 'two\nlines.txt'), 'utf8')).toBe(
      fs.readFileSync(fixture('statesman', 'expected.txt'), 'utf8'),
    );
  });

  it('takes a listed name literally (no pattern), and reports a missing one as a failed file', async () => {
    const list = path.join(dir, 'list');
    fs.writeFileSync(list, `${path.join(scans, '*', 'p0.txt')}\n${pages()[0]}\n`);
    const out = path.join(dir, 'out');
    const r = await run(['--files-from', list, '--base', scans, '--out-dir', out, '-j', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(scans, '*', 'p0.txt')}: no such file`);
    expect(Object.keys(tree(out))).toEqual([path.join('1916', 'p0.txt')]);
  });

  it('refuses an input outside --base, and the flags without what they need', async () => {
    const list = path.join(dir, 'list');
    fs.writeFileSync(list, `${fixture('statesman')}\n`);
    const out = path.join(dir, 'out');
    for (const [args, message] of [
      [['--files-from', list, '--base', scans, '--out-dir', out], /--base .*: does not hold the input .*statesman/],
      [['--files-from', list], /add --out-dir DIR/],
      [[scans, '--base', scans, '--in-place'], /--base: only with --out-dir/],
      [[scans, '-0', '--out-dir', out], /-0: only with --files-from/],
      [['--files-from', path.join(dir, 'nope'), '--out-dir', out], /nope: --files-from: no such file/],
    ] as const) {
      const r = await run([...args]);
      expect(r.code, args.join(' ')).toBe(args.includes(path.join(dir, 'nope')) ? 1 : 2);
      expect(r.stderr).toMatch(message);
    }
    expect(fs.existsSync(out)).toBe(false);
  });
});
