/**
 * Whatever the input, cleanArticle never throws, records every change, keeps every word and is
 * idempotent (the properties and their inputs: `properties/properties.ts`). Seeded and bounded, so
 * that `npm test` gives the same verdict every time in a few seconds; `npm run fuzz` runs them long,
 * from any seed. A property that cannot hold yet is an `it.fails`, with the reason and an input that
 * shows it; when it starts to hold, that test fails and says so.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROPERTIES, checkIdempotent, checkKeepsEveryWord, checkRecordsEveryChange } from './properties/properties.js';

/** One seed for every run of `npm test`, and inputs enough for a few seconds. */
const SEED = 20261201;
const RUNS = 200;

describe('properties (seeded, bounded)', () => {
  for (const property of PROPERTIES) {
    const run = () =>
      fc.assert(
        fc.property(property.cases, (c) => property.check(c)),
        { seed: SEED, numRuns: RUNS, examples: (property.examples ?? []).map((c) => [c]) },
      );
    if (property.knownFailure !== undefined)
      it.fails(`${property.name} cannot hold yet: ${property.knownFailure}`, run);
    else it(property.name, run);
  }
});

describe('the property checks catch what they are for', () => {
  const c = (input: string) => ({ input, preset: 'auto' as const, format: 'text' as const });

  it('hold on an article that needs every kind of repair', () => {
    const input =
      'Austin Daily News\n\nHeadline here\n\n- By ANA LIMA\n\nThe efffforts of offi\ncials, con- cerns.\n\n12';
    expect(() => checkRecordsEveryChange(c(input))).not.toThrow();
    expect(() => checkKeepsEveryWord(c(input))).not.toThrow();
    expect(() => checkIdempotent(c(input), { samePreset: true })).not.toThrow();
  });

  it('an idempotence failure names the presets and the place', () => {
    // Detecting again after the PressReader footer went: pdftotext removes the running head kept.
    const input = 'Newspapers in English\n\nA1  THE CITY TIMES  MONDAY, MARCH 3, 2025\n\nFerry back\n\nIt runs.';
    expect(() => checkIdempotent(c(input), { samePreset: false })).toThrow(/pressreader -> pdftotext.* at 0/);
  });
});

describe('npm run fuzz', () => {
  it('writes a failing input down as a fixture-like folder, and a known failure does not fail the run', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-fuzz-'));
    try {
      const script = path.join(import.meta.dirname, '..', 'scripts', 'fuzz.ts');
      const tsx = path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
      const args = [script, '--seed', '3', '--runs', '1', '--property', 'idempotent-detecting-again', '--examples'];
      args.push('--out', out);
      const stdout = execFileSync(tsx, args, { encoding: 'utf8' });
      expect(stdout).toContain('idempotent-detecting-again: FAILED (known)');
      const dir = path.join(out, 'idempotent-detecting-again-3');
      expect(fs.readFileSync(path.join(dir, 'input.txt'), 'utf8')).toContain('Newspapers in English');
      expect(fs.readFileSync(path.join(dir, 'failure.txt'), 'utf8')).toMatch(
        /^property: idempotent-detecting-again \(known to fail: .*\nfailure: a second cleaning \(pressreader -> pdftotext\)/ms,
      );
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
