/**
 * `npm run docs`: regenerate the README sections that come from the code, so the documentation cannot
 * drift: the configuration's JSON Schema (`clean-article.schema.json`, from `core/options.ts`), the transform table (from `TRANSFORMS`), the preset table (from `PRESETS`), a real
 * `--explain` / `--diff` session on the Statesman fixture and a real `--jsonl` record (run in process). Each section sits between
 * `<!-- BEGIN generated: name -->` and `<!-- END generated: name -->`. `tests/trust/readme.test.ts`
 * fails when the README is not what this script would write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TRANSFORMS } from '../src/transforms/index.js';
import { PRESETS, PRESET_IDS, type Preset } from '../src/core/presets.js';
import { visible } from '../src/report/visible.js';
import { configJsonSchema } from '../src/core/options.js';
import { createProgram, EXAMPLES } from '../src/cli/main.js';
import { runCli } from './lib/run-cli.js';

export const ROOT = path.join(import.meta.dirname, '..');
export const README = path.join(ROOT, 'README.md');
const SESSION_INPUT = 'fixtures/statesman/input.txt';
/** The JSON Lines example: mojibake and spacing to clean, and fields a re-serialisation would change. */
export const JSONL_EXAMPLE = '{"id": 7, "text": "Iraqâ€™s  army .", "source": "x", "page": 12345678901234567890}';

/** Example text for a table cell: line breaks as `↵`, invisible characters named, `|` escaped. */
function cell(text: string): string {
  return `\`${visible(text.replace(/\n/g, '↵')).replace(/\|/g, '\\|')}\``;
}

export function transformTable(): string {
  const rows = TRANSFORMS.map(
    (t) => `| \`${t.id}\` | ${t.description} | ${cell(t.example.before)} → ${cell(t.example.after)} |`,
  );
  return ['| id | what it does | example: before → after |', '|---|---|---|', ...rows].join('\n');
}

export function presetTable(): string {
  const rows = PRESET_IDS.map((id) => {
    const preset = PRESETS[id] as Preset;
    const settings = Object.entries(preset.transforms ?? {})
      .map(([transform, options]) => `${transform}: \`${JSON.stringify(options)}\``)
      .join('<br>');
    return `| \`${id}\` | ${preset.description} | ${settings || 'the defaults'} |`;
  });
  return ['| preset | for | settings over the defaults |', '|---|---|---|', ...rows].join('\n');
}

/** Run the CLI in process (from the repository's root, without colour) and capture its streams. */
async function cli(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const r = await runCli(args, { env: {}, cwd: ROOT });
  if (r.code !== 0) throw new Error(`clean-article ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r;
}

export async function session(): Promise<string> {
  const explained = await cli(['--explain', SESSION_INPUT]);
  const diffed = await cli(['--diff', SESSION_INPUT]);
  return [
    '```console',
    `$ clean-article --explain ${SESSION_INPUT} > cleaned.txt`,
    explained.stderr.trimEnd(),
    `$ clean-article --diff ${SESSION_INPUT}`,
    diffed.stdout.trimEnd(),
    '```',
  ].join('\n');
}

/** `clean-article --jsonl` on one record, as a shell session: what it really prints. */
export async function jsonlExample(): Promise<string> {
  const r = await runCli(['--jsonl', '--jobs', '1'], { stdin: `${JSONL_EXAMPLE}\n`, env: {}, cwd: ROOT });
  if (r.code !== 0) throw new Error(`clean-article --jsonl exited ${r.code}: ${r.stderr}`);
  return ['```sh', `$ echo '${JSONL_EXAMPLE}' | clean-article --jsonl`, r.stdout.trimEnd(), '```'].join('\n');
}

/** The configuration's JSON Schema, published beside the package (`clean-article.schema.json`). */
export const SCHEMA_FILE = path.join(ROOT, 'clean-article.schema.json');
export const schemaText = (): string => `${JSON.stringify(configJsonSchema(), null, 2)}\n`;

/** The man page, `man/clean-article.1`, generated from the options and examples `--help` shows. */
export const MAN_FILE = path.join(ROOT, 'man', 'clean-article.1');

/** Text for roff: backslashes and leading dots or quotes escaped, hyphens as minus signs in flags. */
const roff = (text: string): string => text.replace(/\\/g, '\\e').replace(/^([.'])/gm, '\\&$1');
const flag = (text: string): string => roff(text).replace(/-/g, '\\-');

export function manPage(): string {
  const program = createProgram({ stdout: process.stdout, stderr: process.stderr }, async () => {});
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const lines = [
    `.TH CLEAN-ARTICLE 1 "" "clean-article ${pkg.version}" "User Commands"`,
    '.SH NAME',
    `clean\\-article \\- ${roff(program.description().replace(/\.$/, ''))}`,
    '.SH SYNOPSIS',
    '.B clean\\-article',
    '[\\fIoptions\\fR] [\\fIinputs...\\fR]',
    '.SH DESCRIPTION',
    roff(program.description()),
    'Inputs are article files, folders or quoted patterns; "\\-" or nothing reads stdin.',
    'See the README for the formats, batches, the configuration file and the reports.',
    '.SH OPTIONS',
  ];
  for (const option of program.options) {
    const choices = option.argChoices ? ` (${option.argChoices.join(', ')})` : '';
    const fallback =
      option.defaultValue !== undefined && option.defaultValue !== false
        ? ` (default: ${String(option.defaultValue)})`
        : '';
    lines.push('.TP', `.B ${flag(option.flags)}`, roff(`${option.description}${choices}${fallback}`));
  }
  lines.push('.TP', '.B \\-h, \\-\\-help', 'show the help, with examples');
  const [examples, exit] = EXAMPLES.trim().split(/\n\nExit status: /);
  lines.push('.SH EXAMPLES', '.nf');
  for (const line of examples!.split('\n').slice(1)) lines.push(roff(line.replace(/^\s*\$ /, '')));
  lines.push('.fi', '.SH EXIT STATUS', roff(exit!.replace(/\n/g, ' ')));
  lines.push('.SH SEE ALSO', 'The README of the package: the option table, formats, batches and configuration.');
  return `${lines.join('\n')}\n`;
}

function replaceSection(readme: string, name: string, content: string): string {
  const begin = `<!-- BEGIN generated: ${name} -->`;
  const end = `<!-- END generated: ${name} -->`;
  const start = readme.indexOf(begin);
  const stop = readme.indexOf(end);
  if (start < 0 || stop < start) throw new Error(`README.md: no "${begin}" ... "${end}" section`);
  return `${readme.slice(0, start + begin.length)}\n${content}\n${readme.slice(stop)}`;
}

/** The README with every generated section brought up to date. */
export async function generateReadme(readme: string): Promise<string> {
  let out = replaceSection(readme, 'transforms', transformTable());
  out = replaceSection(out, 'presets', presetTable());
  out = replaceSection(out, 'jsonl', await jsonlExample());
  return replaceSection(out, 'session', await session());
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const current = fs.readFileSync(README, 'utf8');
  const next = await generateReadme(current);
  if (next === current) console.log('README.md is up to date');
  else {
    fs.writeFileSync(README, next);
    console.log('README.md: generated sections rewritten');
  }
  const man = manPage();
  fs.mkdirSync(path.dirname(MAN_FILE), { recursive: true });
  if (fs.existsSync(MAN_FILE) && fs.readFileSync(MAN_FILE, 'utf8') === man)
    console.log('man/clean-article.1 is up to date');
  else {
    fs.writeFileSync(MAN_FILE, man);
    console.log('man/clean-article.1: rewritten');
  }
  const schema = schemaText();
  if (fs.existsSync(SCHEMA_FILE) && fs.readFileSync(SCHEMA_FILE, 'utf8') === schema) {
    console.log('clean-article.schema.json is up to date');
  } else {
    fs.writeFileSync(SCHEMA_FILE, schema);
    console.log('clean-article.schema.json: rewritten');
  }
}
