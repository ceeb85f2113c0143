/**
 * Cases: the short synthetic articles in `cases/` and the Statesman seed, each with the exact
 * `--format text` output we want. Scored by WER (raw input and cleaned text against the truth,
 * case-insensitive, whitespace folded), paragraph-boundary F1 and exact match.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cleanArticle } from '../../src/index.js';
import {
  addCounts,
  f1Score,
  paragraphBoundaryF1,
  paragraphStarts,
  rate,
  wordErrors,
  words,
  type BoundaryScore,
  type ErrorCount,
} from '../lib/metrics.js';
import { formatPercent, formatTable, type Cell } from '../lib/table.js';
import { excerpt, readText, type EvalContext } from './context.js';

export interface CaseResult {
  name: string;
  words: number;
  werRaw: number;
  werClean: number;
  paragraphs: BoundaryScore;
  exact: boolean;
  /** The first line of the output that differs from the truth, when it is not an exact match. */
  firstDifference?: { line: number; expected: string; actual: string };
  /** Paragraph boundaries (word index) only in the output, and only in the truth. */
  extraBoundaries: string[];
  missedBoundaries: string[];
}

export interface CasesResult {
  cases: CaseResult[];
  total: { words: number; werRaw: number; werClean: number; paragraphs: BoundaryScore; exact: number; count: number };
}

interface CaseFiles {
  name: string;
  input: string;
  truth: string;
}

function caseFiles(shared: string): CaseFiles[] {
  const dir = path.join(shared, 'cases');
  const cases: CaseFiles[] = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .sort()
        .filter(
          (name) =>
            fs.existsSync(path.join(dir, name, 'input.txt')) && fs.existsSync(path.join(dir, name, 'truth.txt')),
        )
        .map((name) => ({ name, input: path.join(dir, name, 'input.txt'), truth: path.join(dir, name, 'truth.txt') }))
    : [];
  const seed = {
    input: path.join(shared, 'seeds/statesman.input.txt'),
    truth: path.join(shared, 'seeds/statesman.expected.txt'),
  };
  if (fs.existsSync(seed.input) && fs.existsSync(seed.truth)) cases.push({ name: 'seed:statesman', ...seed });
  return cases;
}

/** Text at the start of paragraph boundaries (word indexes) present in `a` and not in `b`. */
function boundaryDiff(a: string, b: string): string[] {
  const other = new Set(paragraphStarts(b));
  const tokens = words(a);
  return paragraphStarts(a)
    .filter((i) => !other.has(i))
    .map(
      (i) =>
        `@${i} ${excerpt(tokens.slice(Math.max(0, i - 3), i).join(' '), 30)} ¶ ${excerpt(tokens.slice(i, i + 4).join(' '), 30)}`,
    );
}

function firstDifference(actual: string, expected: string): CaseResult['firstDifference'] {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return { line: i + 1, expected: e[i] ?? '(end of text)', actual: a[i] ?? '(end of text)' };
  }
  return undefined;
}

const lower = (s: string): string => s.toLowerCase();

export function runCases(context: EvalContext): CasesResult {
  const results: CaseResult[] = [];
  const raw: ErrorCount[] = [];
  const clean: ErrorCount[] = [];
  for (const files of caseFiles(context.shared)) {
    const input = readText(files.input);
    const truth = readText(files.truth);
    const { output } = cleanArticle(input, { format: 'text', evidence: context.evidence, enable: context.enable });
    const rawCount = wordErrors(lower(input), lower(truth));
    const cleanCount = wordErrors(lower(output), lower(truth));
    raw.push(rawCount);
    clean.push(cleanCount);
    // Exact match ignores only trailing whitespace at the end of the file.
    const exact = output.trimEnd() === truth.trimEnd();
    results.push({
      name: files.name,
      words: cleanCount.total,
      werRaw: rate(rawCount),
      werClean: rate(cleanCount),
      paragraphs: paragraphBoundaryF1(output, truth),
      exact,
      ...(exact ? {} : { firstDifference: firstDifference(output.trimEnd(), truth.trimEnd()) }),
      extraBoundaries: boundaryDiff(output, truth),
      missedBoundaries: boundaryDiff(truth, output),
    });
  }
  const sum = (f: (r: CaseResult) => number) => results.reduce((s, r) => s + f(r), 0);
  return {
    cases: results,
    total: {
      words: sum((r) => r.words),
      werRaw: rate(addCounts(raw)),
      werClean: rate(addCounts(clean)),
      paragraphs: f1Score(
        sum((r) => r.paragraphs.matched),
        sum((r) => r.paragraphs.found),
        sum((r) => r.paragraphs.expected),
      ),
      exact: results.filter((r) => r.exact).length,
      count: results.length,
    },
  };
}

export function printCases(result: CasesResult, verbose: boolean): string {
  const row = (
    name: string,
    words: number,
    werRaw: number,
    werClean: number,
    p: BoundaryScore,
    exact: string,
  ): Cell[] => [name, words, werRaw, werClean, `${p.matched}/${p.expected}`, p.precision, p.recall, p.f1, exact];
  const t = result.total;
  const table = formatTable(
    ['case', 'words', 'WER raw', 'WER clean', '¶ matched', '¶ P', '¶ R', '¶ F1', 'exact'],
    [
      ...result.cases.map((c) => row(c.name, c.words, c.werRaw, c.werClean, c.paragraphs, c.exact ? 'pass' : 'FAIL')),
      row('all (micro)', t.words, t.werRaw, t.werClean, t.paragraphs, `${t.exact}/${t.count}`),
    ],
    `1. Cases: WER case-insensitive, whitespace folded; ¶ = paragraph boundaries (word index of paragraphs 2..n); exact = --format text output equals truth.txt (${formatPercent(t.exact / Math.max(1, t.count), 0)} pass)`,
  );
  if (!verbose) return table;
  const details = result.cases.flatMap((c) => {
    const lines: string[] = [];
    if (c.firstDifference) {
      const d = c.firstDifference;
      lines.push(
        `  ${c.name}: first difference at line ${d.line}`,
        `    expected: ${excerpt(d.expected, 120)}`,
        `    actual:   ${excerpt(d.actual, 120)}`,
      );
    }
    for (const b of c.extraBoundaries) lines.push(`  ${c.name}: extra paragraph break ${b}`);
    for (const b of c.missedBoundaries) lines.push(`  ${c.name}: missed paragraph break ${b}`);
    return lines;
  });
  return [table, '', 'Cases that differ:', ...(details.length > 0 ? details : ['  (none)'])].join('\n');
}
