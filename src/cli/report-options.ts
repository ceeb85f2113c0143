/**
 * The command line's "trust and control" options: `--explain`, `--explain-only`, `--diff`,
 * `--dry-run`, `--stats`, `--preset`, `--config`. `cli.ts` adds them (`addTrustOptions`), settles them
 * with the configuration before any text is read (`planTrust`), and hands each cleaned input to
 * `reportTrust`, which prints what they ask for. The work itself is in pure modules: explain.ts,
 * diff.ts, dry-run.ts, stats.ts, config.ts, detect.ts.
 *
 * Streams: the article stays on stdout (so pipes keep working) and `--explain` and `--stats` go to
 * stderr; `--explain-only`, `--diff` and `--dry-run` print on stdout instead of the article, and then
 * nothing is written, not even to `-o`.
 */
import { Command, Option } from 'commander';
import { findConfig, type Config } from './config.js';
import { DIFF_MODES, diff, type DiffMode } from '../report/diff.js';
import { dryRun, formatDryRun } from '../report/dry-run.js';
import type { EvidenceSource } from '../evidence/source.js';
import { explain, formatExplanation, formatExplanationJson, type DecodingNote } from '../report/explain.js';
import type { CleanOptions, CleanResult } from '../index.js';
import { PRESET_CHOICES, type PresetChoice } from '../core/presets.js';
import { computeStats, formatStats } from '../report/stats.js';

export const REPORT_FORMATS = ['text', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface TrustOptions {
  explain?: ReportFormat;
  explainOnly?: ReportFormat;
  diff?: DiffMode;
  dryRun?: boolean;
  stats?: ReportFormat;
  preset?: PresetChoice;
  /** A file, or `false` for `--no-config`. */
  config?: string | false;
}

/** What the trust options need from the rest of the command line and from the process. */
export interface TrustIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
  cwd?: () => string;
}

/** Options whose value is optional: given only as `--explain=json`, so `--explain FILE` keeps FILE. */
const OPTIONAL_VALUE_DEFAULTS: Readonly<Record<string, string>> = {
  '--explain': 'text',
  '--explain-only': 'text',
  '--diff': 'lines',
  '--stats': 'text',
};

/**
 * Commander lets an optional option value be a separate word (`--explain json`), which would swallow
 * the input file in `--explain article.txt`. Give bare flags their default value (`--explain=text`)
 * so that a value can only be attached with `=`. Arguments after `--` are left alone.
 */
export function attachOptionalValues(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((arg, i) =>
    (end < 0 || i < end) && arg in OPTIONAL_VALUE_DEFAULTS ? `${arg}=${OPTIONAL_VALUE_DEFAULTS[arg]}` : arg,
  );
}

export function addTrustOptions(program: Command): Command {
  return program
    .addOption(
      new Option(
        '--explain [format]',
        'list every edit on stderr, located in the input (--explain=json: as JSON)',
      ).choices(REPORT_FORMATS),
    )
    .addOption(
      new Option(
        '--explain-only [format]',
        'list every edit on stdout instead of the article (--explain-only=json: as JSON)',
      )
        .choices(REPORT_FORMATS)
        .conflicts(['diff', 'output']),
    )
    .addOption(
      new Option(
        '--diff [mode]',
        'print a unified diff instead of the article; write nothing (--diff=words: word level)',
      ).choices(DIFF_MODES),
    )
    .option('--dry-run', 'write nothing; say what would be written (with --diff: and show the diff)')
    .addOption(
      new Option(
        '--stats [format]',
        'print quality signals on stderr: non-words before/after, edits (--stats=json: as JSON)',
      ).choices(REPORT_FORMATS),
    )
    .addOption(
      new Option('--preset <name>', 'settings for a source; auto detects it from the text').choices(PRESET_CHOICES),
    )
    .option('--config <file>', `read settings from this file (default: ./clean-article.config.json if present)`)
    .option('--no-config', 'ignore ./clean-article.config.json');
}

/** What the trust options settle before any text is read. */
export interface TrustPlan {
  config?: Config;
  /** Options for `cleanArticle`, flags over the configuration over the preset. */
  clean: Pick<CleanOptions, 'preset' | 'only' | 'skip' | 'enable' | 'transformOptions' | 'protect'>;
  /** Extra words from the configuration (`words`, `wordsFile`). */
  words: string[];
  /** The article is written (to stdout or `-o`); false with `--explain-only`, `--diff` or `--dry-run`. */
  writesArticle: boolean;
}

/**
 * Load and check the configuration and combine it with the flags. Throws a UsageError for anything
 * wrong, before any input is read. Flags override the configuration: `--preset` its preset, `--only`
 * or `--skip` its whole selection; `--words` files add to its words.
 */
export function planTrust(
  options: TrustOptions & { only?: string[]; skip?: string[]; enable?: string[] },
  io: Pick<TrustIO, 'cwd'>,
): TrustPlan {
  const config = findConfig(options.config, io.cwd?.() ?? process.cwd());
  const flagSelection = options.only !== undefined || options.skip !== undefined;
  const only = flagSelection ? options.only : config?.only;
  const skip = flagSelection ? options.skip : config?.skip;
  return {
    ...(config && { config }),
    clean: {
      preset: options.preset ?? config?.preset ?? 'auto',
      ...(only !== undefined && { only }),
      ...(skip !== undefined && { skip }),
      ...((options.enable ?? config?.enable) !== undefined && { enable: options.enable ?? config?.enable }),
      ...(config && { transformOptions: config.transformOptions, protect: config.protect }),
    },
    words: config?.words ?? [],
    writesArticle: options.explainOnly === undefined && options.diff === undefined && !options.dryRun,
  };
}

/** Colour on stdout: a terminal, unless NO_COLOR is set (FORCE_COLOR forces it) or TERM is dumb. */
export function useColor(io: TrustIO): boolean {
  const env = io.env ?? {};
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true && env.TERM !== 'dumb';
}

/** One cleaned input, for `reportTrust`. */
export interface CleanedInput {
  /** The input's name (a path or `<stdin>`). */
  name: string;
  /** The decoded input text and how it was decoded. */
  decoded: { text: string } & DecodingNote;
  result: CleanResult;
  evidence: EvidenceSource;
  /** The `-o` file, if any. */
  output?: string;
}

/**
 * What the trust options ask for about one cleaned input, as text for stdout and for stderr (pure, so
 * that batch mode can buffer each file's reports and print them whole). `color`: colour the diff.
 */
export function trustReports(
  options: TrustOptions,
  plan: Pick<TrustPlan, 'config'>,
  run: CleanedInput,
  color = false,
  /** One of many inputs (a batch): JSON reports are one line each, naming the input. */
  batch = false,
): { stdout: string; stderr: string } {
  const { name, decoded, result } = run;
  let stdout = '';
  let stderr = '';
  if (options.dryRun)
    stdout += formatDryRun(dryRun(name, decoded.text, result.output, result.edits.length, run.output));
  if (options.diff) {
    const to = run.output ?? `${name} (cleaned)`;
    stdout += diff(decoded.text, result.output, options.diff, { from: name, to, color });
  }
  const explainFormat = options.explainOnly ?? options.explain;
  if (explainFormat) {
    const explanation = explain(decoded.text, result, { decoding: decoded, config: plan.config?.file });
    const text =
      explainFormat === 'json'
        ? formatExplanationJson(explanation, batch ? { input: name } : undefined)
        : (batch ? `== ${name}\n` : '') + formatExplanation(explanation);
    if (options.explainOnly) stdout += text;
    else stderr += text;
  }
  if (options.stats) {
    const stats = computeStats(decoded.text, result, run.evidence);
    stderr += options.stats === 'json' ? `${JSON.stringify({ input: name, ...stats })}\n` : formatStats(name, stats);
  }
  return { stdout, stderr };
}

/** Print what the trust options ask for about one cleaned input. */
export function reportTrust(
  options: TrustOptions,
  plan: Pick<TrustPlan, 'config'>,
  run: CleanedInput,
  io: TrustIO,
): void {
  const { stdout, stderr } = trustReports(options, plan, run, options.diff !== undefined && useColor(io));
  if (stdout !== '') io.stdout.write(stdout);
  if (stderr !== '') io.stderr.write(stderr);
}
