/**
 * What `--explain`, `--explain-only`, `--diff`, `--dry-run` and `--stats` print about one cleaned
 * input, as text for stdout and for stderr. Pure, so that a batch worker can build each file's reports
 * and the main thread print them whole, in input order (no command-line library needed for it).
 *
 * Streams: the article stays on stdout (so pipes keep working) and `--explain` and `--stats` go to
 * stderr; `--explain-only`, `--diff` and `--dry-run` print on stdout instead of the article.
 */
import type { CleanResult } from '../core/clean.js';
import type { EvidenceSource } from '../evidence/source.js';
import { diff, type DiffMode } from './diff/index.js';
import { dryRun, formatDryRun } from './dry-run.js';
import { explain, formatExplanation, formatExplanationJson, ruleSelected, type DecodingNote } from './explain.js';
import { computeStats, formatStats, type Stats } from './stats.js';
import { changeCount, undoneByRendering } from './changes.js';

export const REPORT_FORMATS = ['text', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The reports asked for. */
export interface ReportOptions {
  explain?: ReportFormat;
  explainOnly?: ReportFormat;
  diff?: DiffMode;
  dryRun?: boolean;
  stats?: ReportFormat;
  /** `--explain-rules`: only these transforms, rules or `transform/rule`s are explained. */
  explainRules?: string[];
}

/** One cleaned input, for `reportsFor`. */
export interface CleanedInput {
  /** The input's name (a path or `<stdin>`). */
  name: string;
  /** The decoded input text and how it was decoded. */
  decoded: { text: string } & DecodingNote;
  result: CleanResult;
  evidence: EvidenceSource;
  /** The `-o` file, if any. */
  output?: string;
  /** Its quality signals, when the caller has computed them already. */
  stats?: Stats;
}

export interface ReportContext {
  /** The configuration file used, named by `--explain`. */
  configFile?: string;
  /** Colour the diff. */
  color?: boolean;
  /** One of many inputs (a batch): JSON reports are one line each, naming the input. */
  batch?: boolean;
}

export function reportsFor(
  options: ReportOptions,
  run: CleanedInput,
  context: ReportContext = {},
): { stdout: string; stderr: string } {
  const { name, decoded, result } = run;
  const { batch = false, color = false } = context;
  let stdout = '';
  let stderr = '';
  if (options.dryRun)
    stdout += formatDryRun(dryRun(name, decoded.text, result.output, changeCount(result.edits), run.output));
  if (options.diff) {
    const to = run.output ?? `${name} (cleaned)`;
    stdout += diff(decoded.text, result.output, options.diff, { from: name, to, color });
  }
  const explainFormat = options.explainOnly ?? options.explain;
  if (explainFormat) {
    const full = explain(decoded.text, result, { decoding: decoded, config: context.configFile });
    const rules = options.explainRules;
    const explanation = rules ? { ...full, edits: full.edits.filter((e) => ruleSelected(e, rules)) } : full;
    const text =
      explainFormat === 'json'
        ? formatExplanationJson(explanation, batch ? { input: name } : undefined)
        : (batch ? `== ${name}\n` : '') +
          formatExplanation(explanation, {
            input: decoded.text,
            ...(rules && { of: full.edits.filter((e) => !undoneByRendering(e)).length }),
          });
    if (options.explainOnly) stdout += text;
    else stderr += text;
  }
  if (options.stats) {
    const stats = run.stats ?? computeStats(decoded.text, result, run.evidence);
    // In a batch, JSON stats are JSON Lines on stdout (which a batch leaves free), apart from the
    // messages on stderr; for one article they go to stderr, beside the article on stdout.
    if (options.stats === 'json' && batch) stdout += `${JSON.stringify({ input: name, ...stats })}\n`;
    else
      stderr += options.stats === 'json' ? `${JSON.stringify({ input: name, ...stats })}\n` : formatStats(name, stats);
  }
  return { stdout, stderr };
}
