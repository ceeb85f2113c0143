/**
 * `npm run fuzz`: the properties of `tests/properties/properties.ts` (never throws, records every
 * change, keeps every word, idempotent), run long. `npm test` runs them seeded and bounded; this runs
 * many more inputs, from any seed, and writes each failing input down as a fixture-like folder:
 *
 *     npm run fuzz                                  # 2,000 inputs per property, a random seed
 *     npm run fuzz -- --seed 7 --runs 20000         # a seed and a count
 *     npm run fuzz -- --property idempotent         # one property
 *     npm run fuzz -- --out my-failures             # where failures go (default: fuzz-failures/, git-ignored)
 *     npm run fuzz -- --examples                    # first the inputs known to fail (as npm test tries them)
 *
 * A failure is shrunk to a small input and written as `<out>/<property>-<seed>/input.txt`, with
 * `failure.txt`: the property, the preset and format, the message, and the command that finds it
 * again. A property known to fail (`knownFailure`, an `it.fails` in `npm test`) is run and reported
 * too, but does not make the exit status 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { PROPERTIES, type Case } from '../tests/properties/properties.js';

const USAGE = 'fuzz: usage: npm run fuzz [-- --seed N] [--runs N] [--property NAME] [--out DIR] [--examples]';

function parseArgs(argv: readonly string[]): {
  seed: number;
  runs: number;
  property?: string;
  out: string;
  examples: boolean;
} {
  const values = new Map<string, string>();
  const examples = argv.includes('--examples');
  argv = argv.filter((a) => a !== '--examples');
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i]!, argv[i + 1]];
    if (!['--seed', '--runs', '--property', '--out'].includes(flag) || value === undefined) {
      console.error(USAGE);
      process.exit(2);
    }
    values.set(flag, value);
  }
  const integer = (flag: string, fallback: number): number => {
    const value = values.get(flag);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value)) {
      console.error(`fuzz: ${flag}: expected a whole number, got ${JSON.stringify(value)}`);
      process.exit(2);
    }
    return Number(value);
  };
  const property = values.get('--property');
  if (property !== undefined && !PROPERTIES.some((p) => p.name === property)) {
    console.error(
      `fuzz: --property: unknown property "${property}"; valid: ${PROPERTIES.map((p) => p.name).join(', ')}`,
    );
    process.exit(2);
  }
  return {
    seed: integer('--seed', Math.floor(Math.random() * 2 ** 31)),
    runs: integer('--runs', 2000),
    ...(property !== undefined && { property }),
    out: values.get('--out') ?? 'fuzz-failures',
    examples,
  };
}

const args = parseArgs(process.argv.slice(2));
let unexpected = 0;
console.log(`fuzz: seed ${args.seed}, ${args.runs} inputs per property`);
for (const property of PROPERTIES) {
  if (args.property !== undefined && property.name !== args.property) continue;
  const started = Date.now();
  const result = fc.check(
    fc.property(property.cases, (c) => property.check(c)),
    { seed: args.seed, numRuns: args.runs, examples: args.examples ? (property.examples ?? []).map((c) => [c]) : [] },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!result.failed) {
    console.log(`  ${property.name}: ok (${result.numRuns} inputs, ${seconds} s)`);
    continue;
  }
  const [c] = (result.counterexample ?? []) as [Case?];
  const message = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  const known = property.knownFailure !== undefined;
  if (!known) unexpected++;
  const dir = path.join(args.out, `${property.name}-${args.seed}`);
  fs.mkdirSync(dir, { recursive: true });
  if (c) fs.writeFileSync(path.join(dir, 'input.txt'), c.input);
  fs.writeFileSync(
    path.join(dir, 'failure.txt'),
    [
      `property: ${property.name}${known ? ` (known to fail: ${property.knownFailure})` : ''}`,
      `preset: ${c?.preset ?? '?'}, format: ${c?.format ?? '?'}`,
      `failure: ${message}`,
      `found again by: npm run fuzz -- --seed ${args.seed} --runs ${args.runs} --property ${property.name}`,
      `(fast-check seed ${result.seed}, path ${result.counterexamplePath})`,
      '',
    ].join('\n'),
  );
  console.log(
    `  ${property.name}: FAILED${known ? ' (known)' : ''} after ${result.numRuns} inputs (${seconds} s): ${dir}/`,
  );
  console.log(`    ${message.length > 300 ? `${message.slice(0, 299)}…` : message}`);
}
process.exit(unexpected > 0 ? 1 : 0);
