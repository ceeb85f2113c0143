/** `npm run bench`'s command line (the benchmark's numbers are never tested). */
import { describe, expect, it } from 'vitest';
import { FULL_SIZES_MB, QUICK_SIZES_MB, SECTIONS, parseBenchArgs } from '../scripts/lib/bench-args.js';

describe('bench arguments', () => {
  it('run every section at full size by default', () => {
    expect(parseBenchArgs([])).toEqual({
      quick: false,
      json: false,
      help: false,
      sections: [...SECTIONS],
      sizesMB: FULL_SIZES_MB,
    });
  });

  it('--quick shrinks the scaling inputs unless --sizes says otherwise', () => {
    expect(parseBenchArgs(['--quick']).sizesMB).toEqual(QUICK_SIZES_MB);
    expect(parseBenchArgs(['--quick', '--sizes', '2,0.5']).sizesMB).toEqual([2, 0.5]);
    expect(parseBenchArgs(['--sizes=8']).sizesMB).toEqual([8]);
  });

  it('--only picks sections, kept in the bench order', () => {
    expect(parseBenchArgs(['--only', 'startup,scaling']).sections).toEqual(['scaling', 'startup']);
    expect(parseBenchArgs(['--only=batch', '--json']).sections).toEqual(['batch']);
  });

  it('refuses unknown options, sections and sizes, and missing values', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow('unknown option --fast; see --help');
    expect(() => parseBenchArgs(['--only', 'startup,speed'])).toThrow('--only: unknown section speed');
    expect(() => parseBenchArgs(['--only'])).toThrow('--only needs a value');
    expect(() => parseBenchArgs(['--sizes', '1,x'])).toThrow('--sizes: expected sizes in MB');
    expect(() => parseBenchArgs(['--sizes', '0'])).toThrow('--sizes: expected sizes in MB');
  });

  it('--runs sets the number of runs', () => {
    expect(parseBenchArgs(['--runs', '9']).runs).toBe(9);
    expect(parseBenchArgs([]).runs).toBeUndefined();
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow('--runs: expected a whole number of runs, got "0"');
    expect(() => parseBenchArgs(['--runs=2.5'])).toThrow('--runs: expected a whole number');
  });

  it('-h and --help ask for the usage', () => {
    expect(parseBenchArgs(['-h']).help).toBe(true);
    expect(parseBenchArgs(['--help']).help).toBe(true);
  });
});
