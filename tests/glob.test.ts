import { describe, expect, it } from 'vitest';
import { compileGlob, isGlob } from '../src/io/glob.js';

describe('glob patterns', () => {
  it.each([
    ['scans/*.txt', 'scans', 0],
    ['scans/**/*.txt', 'scans', Infinity],
    ['*.txt', '.', 0],
    ['/data/1916/*/p?.txt', '/data/1916', 1],
    ['/*.txt', '/', 0],
    ['a/b/{c,d}/*.txt', 'a/b', 1],
  ])('%s is walked from %s, %s folders deep', (pattern, root, depth) => {
    const g = compileGlob(pattern);
    expect(g.root).toBe(root);
    expect(g.maxDepth).toBe(depth);
  });

  it.each([
    [
      'scans/**/*.txt',
      ['a.txt', '1916/a.txt', '1916/05/a.txt'],
      ['a.md', '1916/a.txt.bak', '.hidden/a.txt', '1916/.a.txt'],
    ],
    ['scans/*.txt', ['a.txt', 'b c.txt'], ['1916/a.txt', '.a.txt', 'a.text']],
    ['scans/p?.txt', ['p1.txt', 'pa.txt'], ['p10.txt', 'p/.txt']],
    ['scans/[ab]*.txt', ['a1.txt', 'b.txt'], ['c.txt']],
    ['scans/[!ab]*.txt', ['c.txt'], ['a.txt', 'b.txt']],
    ['scans/*.{txt,md}', ['a.txt', 'a.md'], ['a.json']],
    ['scans/**', ['a', 'x/y/z.txt'], []],
    ['scans/a+b (1).txt*', ['a+b (1).txt', 'a+b (1).txt.orig'], ['aab (1).txt']],
    ['scans/**/1916/*.txt', ['1916/a.txt', 'x/1916/a.txt'], ['1916/x/a.txt']],
  ])('%s', (pattern, yes, no) => {
    const g = compileGlob(pattern);
    for (const p of yes) expect(g.matches(p), p).toBe(true);
    for (const p of no) expect(g.matches(p), p).toBe(false);
  });

  it('tells patterns from paths', () => {
    expect(isGlob('scans/**/*.txt')).toBe(true);
    expect(isGlob('p?.txt')).toBe(true);
    expect(isGlob('{a,b}.txt')).toBe(true);
    expect(isGlob('scans/1916/a.txt')).toBe(false);
  });
});
