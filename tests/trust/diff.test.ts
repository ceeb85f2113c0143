import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  diffSequences,
  lineChanges,
  tokenize,
  unifiedDiff,
  wordDiff,
  type DiffOp,
} from '../../src/report/diff/index.js';
import { cleanArticle } from '../../src/index.js';
import { readInputFile } from '../../src/io/files.js';
import { evidence } from '../helpers.js';
import { repo } from './run.js';

/** Replay an edit script; throws when it does not fit `a` and `b`. */
function replay<T>(a: readonly T[], b: readonly T[], ops: readonly DiffOp[]): { out: T[]; changed: number } {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  let changed = 0;
  for (const op of ops) {
    if (op.type === 'equal') {
      expect([op.a, op.b]).toEqual([i, j]);
      for (let k = 0; k < op.n; k++) expect(a[i + k]).toBe(b[j + k]);
      out.push(...a.slice(i, i + op.n));
      i += op.n;
      j += op.n;
    } else if (op.type === 'delete') {
      expect(op.a).toBe(i);
      i += op.n;
      changed += op.n;
    } else {
      expect(op.b).toBe(j);
      out.push(...b.slice(j, j + op.n));
      j += op.n;
      changed += op.n;
    }
  }
  expect([i, j]).toEqual([a.length, b.length]);
  return { out, changed };
}

function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = up;
    }
  }
  return row[b.length]!;
}

/** A small deterministic generator (no Math.random: the test is the same on every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('diffSequences (Myers)', () => {
  it('gives a valid, shortest edit script on 3000 random pairs', () => {
    const rnd = random(7);
    const gen = () => Array.from({ length: Math.floor(rnd() * 14) }, () => 'abcd'[Math.floor(rnd() * 4)]!);
    for (let t = 0; t < 3000; t++) {
      const a = gen();
      const b = gen();
      const { out, changed } = replay(a, b, diffSequences(a, b));
      expect(out).toEqual(b);
      expect(changed).toBe(a.length + b.length - 2 * lcsLength(a, b));
    }
  });

  it('with unique-line anchors still gives a valid edit script', () => {
    const rnd = random(11);
    const gen = () => Array.from({ length: Math.floor(rnd() * 14) }, () => 'abcdefg'[Math.floor(rnd() * 7)]!);
    for (let t = 0; t < 3000; t++) {
      const a = gen();
      const b = gen();
      expect(replay(a, b, diffSequences(a, b, { anchor: true })).out).toEqual(b);
    }
  });

  it.each([
    ['both empty', [], []],
    ['all inserted', [], ['a', 'b']],
    ['all deleted', ['a', 'b'], []],
    ['equal', ['a', 'b'], ['a', 'b']],
  ])('%s', (_name, a: string[], b: string[]) => {
    expect(replay(a, b, diffSequences(a, b)).out).toEqual(b);
  });
});

const lines = (n: number, change: (i: number) => string | undefined = () => undefined) =>
  Array.from({ length: n }, (_, i) => change(i) ?? String.fromCharCode(97 + i))
    .map((l) => `${l}\n`)
    .join('');

describe('unifiedDiff', () => {
  const names = { from: 'a.txt', to: 'b.txt' };
  // Expected outputs are what GNU diff -u prints (without its time stamps).
  it.each([
    ['no difference', 'x\ny\n', 'x\ny\n', ''],
    ['one changed line', 'x\ny\nz\n', 'x\nY\nz\n', '@@ -1,3 +1,3 @@\n x\n-y\n+Y\n z\n'],
    [
      'two hunks far apart',
      lines(13),
      lines(13, (i) => (i === 1 ? 'B' : i === 12 ? 'M' : undefined)),
      '@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -10,4 +10,4 @@\n j\n k\n l\n-m\n+M\n',
    ],
    [
      'two changes close together share a hunk',
      lines(10),
      lines(10, (i) => (i === 2 || i === 7 ? i.toString() : undefined)),
      '@@ -1,10 +1,10 @@\n a\n b\n-c\n+2\n d\n e\n f\n g\n-h\n+7\n i\n j\n',
    ],
    ['everything deleted', 'x\n', '', '@@ -1 +0,0 @@\n-x\n'],
    ['everything inserted', '', 'x\n', '@@ -0,0 +1 @@\n+x\n'],
    ['a missing final newline', 'x\ny', 'x\ny\n', '@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+y\n'],
  ])('%s', (_name, a, b, hunks) => {
    expect(unifiedDiff(a, b, names)).toBe(hunks === '' ? '' : `--- a.txt\n+++ b.txt\n${hunks}`);
  });

  it('keeps a removed heading apart from unrelated lines (unique lines anchor the diff)', () => {
    const d = unifiedDiff('HEAD\n\nTitle\n\nbody one\nbody two\n', 'Title\n\nbody one body two\n', names);
    expect(d).toBe(
      '--- a.txt\n+++ b.txt\n@@ -1,6 +1,3 @@\n-HEAD\n-\n Title\n \n-body one\n-body two\n+body one body two\n',
    );
  });

  it('colours with util.styleText only when asked, and then shows invisible characters', () => {
    const plain = unifiedDiff('a\r\n', 'a\n', names);
    expect(plain).not.toMatch(/\u001b/);
    expect(plain).toContain('-a\r\n');
    const coloured = unifiedDiff('a\r\n', 'a\n', { ...names, color: true });
    expect(coloured).toContain('\u001b[31m-a⟨CR⟩\u001b[39m');
    expect(coloured).toContain('\u001b[32m+a\u001b[39m');
  });
});

/** Apply a unified diff made by `unifiedDiff` to `a` (a minimal `patch`). */
function applyPatch(a: string, patch: string): string {
  const source = a === '' ? [] : a.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let i = 0;
  let finalNewline = a === '' || a.endsWith('\n');
  const patchLines = patch.split('\n').slice(2, -1);
  for (let p = 0; p < patchLines.length; p++) {
    const line = patchLines[p]!;
    const hunk = /^@@ -(\d+)(?:,(\d+))? /.exec(line);
    if (hunk) {
      const start = Number(hunk[1]) - (hunk[2] === '0' ? 0 : 1);
      while (i < start) out.push(source[i++]!);
      continue;
    }
    const noNewline = patchLines[p + 1] === '\\ No newline at end of file';
    if (line.startsWith(' ')) out.push(source[i++]!);
    else if (line.startsWith('-')) i++;
    else if (line.startsWith('+')) {
      out.push(line.slice(1));
      finalNewline = !noNewline;
    }
  }
  while (i < source.length) out.push(source[i++]!);
  return out.length === 0 ? '' : `${out.join('\n')}${finalNewline ? '\n' : ''}`;
}

describe.each(
  fs.readdirSync(path.join(repo, 'fixtures')).filter((d) => fs.existsSync(path.join(repo, 'fixtures', d, 'input.txt'))),
)('fixture %s', (name) => {
  const input = readInputFile(path.join(repo, 'fixtures', name, 'input.txt')).text;
  const { output } = cleanArticle(input, { evidence });

  it('the line diff of input and output applies to the input and gives the output', () => {
    expect(applyPatch(input, unifiedDiff(input, output, { from: 'a', to: 'b' }))).toBe(output);
  });

  it('lineChanges counts what the diff shows', () => {
    const d = unifiedDiff(input, output, { from: 'a', to: 'b' }).split('\n');
    const { deleted, inserted } = lineChanges(input, output);
    expect(deleted).toBe(d.filter((l) => l.startsWith('-') && !l.startsWith('---')).length);
    expect(inserted).toBe(d.filter((l) => l.startsWith('+') && !l.startsWith('+++')).length);
  });
});

describe('wordDiff', () => {
  const names = { from: 'a', to: 'b' };
  it.each([
    ['no difference', 'same words\n', 'same words\n', ''],
    ['a changed word', 'the con- cerns\n', 'the concerns\n', '@@ -1 +1 @@\nthe [-con- cerns-]{+concerns+}\n'],
    [
      'a joined line shows the lost break as ↵',
      'The county approved\na budget.\n\nNext.\n',
      'The county approved a budget.\n\nNext.\n',
      '@@ -1,4 +1,3 @@\nThe county approved[-↵-]{+ +}a budget.\n\nNext.\n',
    ],
    ['an invisible change is named', 'a\u00A0b\n', 'a b\n', '@@ -1 +1 @@\na[-⟨NBSP⟩-]{+ +}b\n'],
  ])('%s', (_name, a, b, hunks) => {
    expect(wordDiff(a, b, names)).toBe(hunks === '' ? '' : `--- a\n+++ b\n${hunks}`);
  });

  it('shows only changed lines with context', () => {
    const a = lines(12);
    const b = lines(12, (i) => (i === 10 ? 'K' : undefined));
    expect(wordDiff(a, b, names)).toBe('--- a\n+++ b\n@@ -8,5 +8,5 @@\nh\ni\nj\n[-k-]{+K+}\nl\n');
  });

  it('tokenizes words, numbers, marks, spaces and each line break', () => {
    expect(tokenize('It’s 42,\n\n  ok')).toEqual(['It', '’', 's', ' ', '42', ',', '\n', '\n', '  ', 'ok']);
  });

  it('colours deletions red and insertions green, without the markers the colours replace', () => {
    expect(wordDiff('a x\n', 'a y\n', { ...names, color: true })).toContain(
      'a \u001b[31mx\u001b[39m\u001b[32my\u001b[39m',
    );
  });
});

describe('a diff over budget', () => {
  it('falls back to replacing the whole, which is still a valid script', () => {
    const a = ['a', 'b', 'c', 'd'];
    const b = ['x', 'b', 'y', 'd', 'z'];
    const ops = diffSequences(a, b, { budget: 1 });
    expect(ops).toEqual([
      { type: 'delete', a: 0, b: 0, n: 4 },
      { type: 'insert', a: 4, b: 0, n: 5 },
    ]);
    expect(replay(a, b, ops).out).toEqual(b);
    expect(replay(a, b, diffSequences(a, b, { budget: 1000 })).changed).toBe(5);
  });
});
