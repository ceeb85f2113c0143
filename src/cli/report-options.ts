/**
 * The command line's report and control options: `--explain`, `--explain-only`, `--diff`,
 * `--dry-run`, `--stats`, `--preset`, `--config`. `main.ts` adds them (`addReportOptions`), settles
 * them with the configuration before any text is read (`planRun`), and hands each cleaned input to
 * `printReports`. The reports themselves are built by the pure `report/reports.ts`; with
 * `--explain-only`, `--diff` or `--dry-run` nothing is written, not even to `-o`.
 */
import fs from 'node:fs';
import { Command, Option } from 'commander';
import type { CleanOptions } from '../core/clean.js';
import { PRESET_CHOICES } from '../core/presets.js';
import { DIFF_MODES } from '../report/diff/index.js';
import { REPORT_FORMATS, reportsFor, type CleanedInput, type ReportOptions } from '../report/reports.js';
import { findConfig, type Config } from './config.js';
import { list, type CliOptions } from './options.js';
import type { Output } from '../io/streams.js';

/** What the report options need from the process. */
export interface ReportIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
  cwd?: () => string;
}

/** `--color`: when the diff is coloured. */
export const COLOR_CHOICES = ['auto', 'always', 'never'] as const;
export type ColorWhen = (typeof COLOR_CHOICES)[number];

/** Options whose value is optional: the value a bare flag means, and the values it takes. */
const OPTIONAL_VALUES: Readonly<Record<string, { bare: string; choices: readonly string[] }>> = {
  '--explain': { bare: 'text', choices: REPORT_FORMATS },
  '--explain-only': { bare: 'text', choices: REPORT_FORMATS },
  '--diff': { bare: 'lines', choices: DIFF_MODES },
  '--stats': { bare: 'text', choices: REPORT_FORMATS },
  '--color': { bare: 'always', choices: COLOR_CHOICES },
};

/**
 * Commander lets an optional option value be a separate word (`--explain json`), which would swallow
 * the input file in `--explain article.txt`. So the value is attached here, before commander parses:
 * `--explain=json` as given; `--explain json` when the next word is one of the option's values and
 * no file of that name exists (a file named `json` stays a file: `--explain ./json` or `--explain=text
 * json` name it either way); a bare flag gets its default (`--explain=text`). Arguments after `--` are
 * left alone.
 */
export function attachOptionalValues(
  argv: readonly string[],
  exists: (file: string) => boolean = fs.existsSync,
): string[] {
  const end = argv.indexOf('--');
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // Own keys only: a file named `toString` or `constructor` is a file, not an option.
    if ((end >= 0 && i >= end) || !Object.hasOwn(OPTIONAL_VALUES, arg)) {
      out.push(arg);
      continue;
    }
    const { bare, choices } = OPTIONAL_VALUES[arg]!;
    const next = argv[i + 1];
    const spaced = next !== undefined && (end < 0 || i + 1 < end) && choices.includes(next) && !exists(next);
    out.push(`${arg}=${spaced ? next : bare}`);
    if (spaced) i++;
  }
  return out;
}

export function addReportOptions(program: Command): Command {
  return program
    .addOption(
      new Option(
        '--explain [format]',
        'list every edit on stderr, located in the input (--explain json: as JSON)',
      ).choices(REPORT_FORMATS),
    )
    .addOption(
      new Option(
        '--explain-only [format]',
        'list every edit on stdout instead of the article (--explain-only json: as JSON)',
      )
        .choices(REPORT_FORMATS)
        .conflicts(['diff', 'output']),
    )
    .option(
      '--explain-rules <ids>',
      'with --explain: only these transforms or rules (comma-separated, e.g. hyphens,split-words or unwrap/join-lines)',
      list,
    )
    .addOption(
      new Option(
        '--diff [mode]',
        'print a unified diff instead of the article; write nothing (--diff words: word level)',
      ).choices(DIFF_MODES),
    )
    .option('--dry-run', 'write nothing; say what would be written (with --diff: and show the diff)')
    .option('--check', 'write nothing; list the inputs cleaning would change, and exit 1 if there are any')
    .addOption(
      new Option(
        '--stats [format]',
        'print quality signals on stderr: non-words before/after, edits (--stats json: as JSON)',
      ).choices(REPORT_FORMATS),
    )
    .addOption(
      new Option('--color [when]', 'colour the diff: auto (a terminal; NO_COLOR, FORCE_COLOR), always, never').choices(
        COLOR_CHOICES,
      ),
    )
    .addOption(
      new Option('--preset <name>', 'settings for a source; auto detects it from the text').choices(PRESET_CHOICES),
    )
    .option(
      '--config <file>',
      'read settings from this file (default: $CLEAN_ARTICLE_CONFIG, else clean-article.config.json here or above, up to the repository root)',
    )
    .option('--no-config', 'read no configuration file');
}

/** What the options and the configuration settle before any text is read. */
export interface RunPlan {
  config?: Config;
  /** Options for `cleanArticle`, flags over the configuration over the preset. */
  clean: Pick<CleanOptions, 'preset' | 'only' | 'skip' | 'enable' | 'transformOptions' | 'protect'>;
  /** Extra words from the configuration (`words`, `wordsFile`). */
  words: string[];
  /** The article is written (to stdout or `-o`); false with `--explain-only`, `--diff`, `--dry-run`, `--check`. */
  writesArticle: boolean;
}

/**
 * Load and check the configuration and combine it with the flags. Throws a UsageError for anything
 * wrong, before any input is read. Flags override the configuration: `--preset` its preset, `--only`
 * or `--skip` its whole selection; `--words` files add to its words.
 */
export function planRun(options: CliOptions, io: Pick<ReportIO, 'cwd' | 'env'>): RunPlan {
  const config = findConfig(options.config, io.cwd?.() ?? process.cwd(), io.env ?? process.env);
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
    writesArticle: options.explainOnly === undefined && options.diff === undefined && !options.dryRun && !options.check,
  };
}

/**
 * Colour on stdout: `--color always` or `never` if given; else (`auto`) a terminal, unless NO_COLOR is
 * set (FORCE_COLOR forces it) or TERM is dumb. The flag wins over the environment, as in ripgrep.
 */
export function useColor(io: ReportIO, when: ColorWhen = 'auto'): boolean {
  if (when !== 'auto') return when === 'always';
  const env = io.env ?? {};
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true && env.TERM !== 'dumb';
}

/** Print what the report options ask for about one cleaned input (stdout through `out`, checked). */
export async function printReports(
  options: ReportOptions & { color?: ColorWhen },
  plan: Pick<RunPlan, 'config'>,
  run: CleanedInput,
  io: ReportIO,
  out: Output,
): Promise<void> {
  const color = options.diff !== undefined && useColor(io, options.color);
  const { stdout, stderr } = reportsFor(options, run, { configFile: plan.config?.file, color });
  if (stdout !== '') await out.write(stdout);
  if (stderr !== '') io.stderr.write(stderr);
}
