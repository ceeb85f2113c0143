/**
 * Encoding repair against python-ftfy's own test cases (`corpus/ftfy-cases`, Apache-2.0, read at run
 * time and never copied into the repository; see its SOURCE.md).
 *
 * Each case's `original` goes through the encoding transforms only (`mojibake`, `unicode`) and is
 * compared with ftfy's `fixed-encoding` output when the case has one, else with `fixed`, both sides
 * after NFC, curly quotes folded to straight ones and runs of whitespace to one space (ftfy's
 * `fix_text` straightens quotes, our `unicode` turns no-break spaces into spaces).
 *
 * Outcomes: `pass`; `missed` (left as it was, but ftfy repairs it); `wrong` (changed, but not into
 * ftfy's output); `harmed` (correct text, which ftfy leaves alone, was changed). Cases ftfy itself
 * gets wrong (`expect: fail`, the whole of `known-failures.json`) are reported apart, as ftfy does:
 * passing one is a bonus, and harming one still counts. `= fix_text` counts the cases not passing
 * whose output is exactly ftfy's `fix_text` output (folded the same way): they differ from
 * `fix_encoding` only by `unicode`'s normalising (a ligature spelled out, a control character removed),
 * which `fix_text` does too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runPipeline } from '../../src/index.js';
import { formatPercent, formatTable, type Cell } from '../lib/table.js';
import type { EvalContext } from './context.js';

const FILES = ['in-the-wild', 'synthetic', 'negative', 'language-names', 'known-failures'] as const;
const TRANSFORMS = ['mojibake', 'unicode'];
/** The targets of issue 19 (share of `expect: pass` cases passing). */
const TARGETS: Readonly<Record<string, number>> = {
  'in-the-wild': 0.95,
  synthetic: 0.9,
  negative: 1,
  'language-names': 0.9,
};

interface FtfyCase {
  label: string;
  original: string;
  fixed: string;
  'fixed-encoding'?: string;
  expect: 'pass' | 'fail';
}

export type Outcome = 'pass' | 'missed' | 'wrong' | 'harmed';

export interface FtfyCaseResult {
  file: string;
  label: string;
  knownFailure: boolean;
  outcome: Outcome;
  original: string;
  expected: string;
  actual: string;
  /** Rules of the edits made (`mojibake/utf8-as-cp1252`), with their reasons. */
  edits: string[];
  /** Not passing, but equal to ftfy's `fix_text` output. */
  fixText: boolean;
}

export interface FtfyRow {
  file: string;
  cases: number;
  pass: number;
  missed: number;
  wrong: number;
  harmed: number;
  fixText: number;
  share: number;
  target?: number;
}

export interface FtfyResult {
  rows: FtfyRow[];
  /** `expect: fail` cases, on one row. */
  knownFailures: FtfyRow;
  cases: FtfyCaseResult[];
}

/** NFC, curly quotes straightened (as ftfy's `uncurl_quotes`), whitespace runs folded, ends trimmed. */
export function foldForScoring(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u02BC\u2018-\u201B]/g, "'")
    .replace(/[\u201C-\u201F]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function tally(file: string, results: readonly FtfyCaseResult[]): FtfyRow {
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  return {
    file,
    cases: results.length,
    pass: count('pass'),
    missed: count('missed'),
    wrong: count('wrong'),
    harmed: count('harmed'),
    fixText: results.filter((r) => r.fixText).length,
    share: results.length === 0 ? NaN : count('pass') / results.length,
    ...(TARGETS[file] === undefined ? {} : { target: TARGETS[file] }),
  };
}

/** Invisible and control characters as escapes, so a report line shows what is really there. */
const show = (text: string): string =>
  JSON.stringify(text).replace(
    /[\u0080-\u009F\u00A0\u00AD\u200B-\u200F\uFEFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

export function runFtfy(context: EvalContext): FtfyResult {
  const dir = path.join(context.shared, 'corpus', 'ftfy-cases');
  const cases: FtfyCaseResult[] = [];
  for (const file of FILES) {
    const json = path.join(dir, `${file}.json`);
    if (!fs.existsSync(json)) continue;
    for (const c of JSON.parse(fs.readFileSync(json, 'utf8')) as FtfyCase[]) {
      const { text, steps } = runPipeline(c.original, { only: TRANSFORMS, evidence: context.evidence });
      const expected = c['fixed-encoding'] ?? c.fixed;
      const [orig, want, got, fixText] = [c.original, expected, text, c.fixed].map(foldForScoring);
      const outcome: Outcome = got === want ? 'pass' : orig === want ? 'harmed' : got === orig ? 'missed' : 'wrong';
      cases.push({
        file,
        label: c.label,
        knownFailure: c.expect === 'fail',
        outcome,
        original: c.original,
        expected,
        actual: text,
        fixText: got !== want && got === fixText,
        edits: steps.flatMap((s) =>
          s.edits.map((e) => `${e.transform}/${e.rule} ${show(e.before)} -> ${show(e.after)}: ${e.reason}`),
        ),
      });
    }
  }
  const files = [...new Set(cases.filter((c) => !c.knownFailure).map((c) => c.file))];
  return {
    rows: files.map((f) =>
      tally(
        f,
        cases.filter((c) => c.file === f && !c.knownFailure),
      ),
    ),
    knownFailures: tally(
      'known failures (ftfy fails them too)',
      cases.filter((c) => c.knownFailure),
    ),
    cases,
  };
}

export function printFtfy(result: FtfyResult, verbose: boolean): string {
  const row = (r: FtfyRow): Cell[] => [
    r.file,
    r.cases,
    r.pass,
    r.missed,
    r.wrong,
    r.harmed,
    r.fixText,
    formatPercent(r.share),
    r.target === undefined ? '' : `${r.share >= r.target ? 'met' : 'MISSED'} (≥ ${formatPercent(r.target, 0)})`,
  ];
  const passing = result.rows;
  const total = tally(
    'all expect:pass',
    result.cases.filter((c) => !c.knownFailure),
  );
  const out = [
    formatTable(
      ['ftfy cases', 'cases', 'pass', 'missed', 'wrong', 'harmed', 'of them = fix_text', 'pass share', 'target'],
      [...passing.map(row), row({ ...total, target: undefined }), row(result.knownFailures)],
      "6. Encoding repair on python-ftfy's test cases (transforms mojibake + unicode; compared with ftfy's fix_encoding output after NFC, quote and whitespace folding)",
    ),
    "   missed: left as it was; wrong: changed, not into ftfy's output; harmed: correct text (ftfy leaves it) changed",
    "   of them = fix_text: not passing, but equal to ftfy's fix_text output (only unicode's normalising differs: a ligature spelled out, a control character removed)",
  ];
  const failures = result.cases.filter((c) => c.outcome !== 'pass');
  if (verbose) {
    out.push('', 'Cases not passing (known failures last):');
    for (const c of [...failures.filter((f) => !f.knownFailure), ...failures.filter((f) => f.knownFailure)]) {
      out.push(
        `  [${c.outcome}] ${c.file}${c.knownFailure ? ' (known failure)' : ''}${c.fixText ? ' (= fix_text)' : ''}: ${c.label}`,
        `      input:    ${show(c.original)}`,
        `      expected: ${show(c.expected)}`,
        `      got:      ${show(c.actual)}`,
        ...c.edits.map((e) => `      edit: ${e}`),
      );
    }
  }
  return out.join('\n');
}
